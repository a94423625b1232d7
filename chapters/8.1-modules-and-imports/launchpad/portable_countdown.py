"""Lazy on Python 3.15 and later, an ordinary import before: __lazy_modules__ names the modules to defer."""

__lazy_modules__ = ["engine"]

import sys  # noqa: E402

import engine  # noqa: E402

print("is engine in sys.modules?", "engine" in sys.modules)
print("3, 2, 1...")
print("engine.SPEED =", engine.SPEED)
