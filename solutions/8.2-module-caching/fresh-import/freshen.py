"""Import a package afresh, as if for the first time in this interpreter."""

import importlib
import sys


def fresh_import(name):
    """Forget `name` and all of its submodules, import `name` again, and return the new module.

    Modules whose names merely start with the same letters (inventory_tools
    is not part of inventory) are left alone.
    """
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    return importlib.import_module(name)
