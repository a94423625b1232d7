"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    """Make `import name` raise ModuleNotFoundError from now on.

    If the module is already imported, raise ValueError instead: blocking it
    then would not take it away from the code that already holds it.
    """
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    """Undo block(name), so that `import name` works again. Do nothing if it is not blocked."""
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]
