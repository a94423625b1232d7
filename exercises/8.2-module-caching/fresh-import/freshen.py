"""Import a package afresh, as if for the first time in this interpreter."""

import importlib  # noqa: F401  (you will need it)
import sys  # noqa: F401


def fresh_import(name):
    """Forget `name` and all of its submodules, import `name` again, and return the new module.

    Modules whose names merely start with the same letters (inventory_tools
    is not part of inventory) are left alone.
    """
    raise NotImplementedError
