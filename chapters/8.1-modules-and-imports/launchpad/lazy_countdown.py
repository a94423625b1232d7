"""A lazy import (Python 3.15 and later): the engine's body runs at its first use."""

import sys

lazy import engine

print("is engine in sys.modules?", "engine" in sys.modules)
print("3, 2, 1...")
print("engine.SPEED =", engine.SPEED)
