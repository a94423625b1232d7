print("tool/__init__.py runs first")
