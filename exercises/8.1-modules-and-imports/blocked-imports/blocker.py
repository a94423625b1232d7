"""Make modules impossible to import, to test code that has optional dependencies."""

import sys  # noqa: F401  (you will need it)


def block(name):
    """Make `import name` raise ModuleNotFoundError from now on.

    If the module is already imported, raise ValueError instead: blocking it
    then would not take it away from the code that already holds it.
    """
    raise NotImplementedError


def unblock(name):
    """Undo block(name), so that `import name` works again. Do nothing if it is not blocked."""
    raise NotImplementedError
