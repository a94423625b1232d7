"""Which modules does one import bring in?"""

import importlib
import sys


def imported_by(name):
    """Import the module `name`; return the sorted names of every module this added to sys.modules.

    A module that was already imported adds nothing: the answer is then [].
    """
    before = set(sys.modules)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
