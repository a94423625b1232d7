"""`import ... as ...` binds one name, here, and nowhere else."""

import sys

import engine as e

print("here, the engine is called:", [name for name, value in globals().items() if value is e])
print("sys.modules still files it under:", [name for name, module in sys.modules.items() if module is e])
