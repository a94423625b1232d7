"""Which modules does one import bring in?"""

import importlib  # noqa: F401  (you will need it)
import sys  # noqa: F401


def imported_by(name):
    """Import the module `name`; return the sorted names of every module this added to sys.modules.

    A module that was already imported adds nothing: the answer is then [].
    """
    raise NotImplementedError
