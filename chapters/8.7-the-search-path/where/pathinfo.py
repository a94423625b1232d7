"""Print sys.path[0], the first place this interpreter searches for modules."""

import os
import sys

chapter = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def describe(entry):
    if entry == "":
        return "'' (the current directory, whatever it is at the time of each import)"
    if os.path.abspath(entry).startswith(chapter):
        return repr(entry)
    return "a place in the Python installation (nothing of ours)"


print("sys.path[0] is", describe(sys.path[0]))
