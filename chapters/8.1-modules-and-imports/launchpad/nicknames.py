"""`import ... as ...` binds one name, here, and nowhere else."""

import engine as e

print("here, the engine is called:", [name for name in dir() if not name.startswith("__")])
print("sys.modules still files it under:", e.__name__)
