"""python3 try_import.py MODULE...: import each MODULE, in order, and say what happened."""

import importlib
import sys

for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as error:
        print(f"{name}: {type(error).__name__}: {error}")
    else:
        print(f"{name}: imported")
