"""An ordinary import: the engine's body runs before the countdown starts."""

import sys

import engine

print("is engine in sys.modules?", "engine" in sys.modules)
print("3, 2, 1...")
print("engine.SPEED =", engine.SPEED)
