"""Where would an import come from?"""

import importlib.util


def where(name):
    """The file `import name` would run, without running it.

    Return the path of the module's file; "built-in" or "frozen" for modules
    that are part of the interpreter; None when there is no such module
    (also when a parent package of a dotted name does not exist). Never run
    the module itself (for a dotted name, importing its parent packages is
    fine: Python has to, to search inside them).
    """
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:  # a parent package is missing
        return None
    return spec.origin if spec else None
