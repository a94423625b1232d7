"""Bring old objects up to date after importlib.reload."""


def upgrade(objects, module):
    """Make every object whose class was defined in `module` an instance of the reloaded class of the same name.

    Objects of other classes are left alone, and so are objects whose class
    is already the current one. Return how many objects were upgraded.
    """
    upgraded = 0
    for obj in objects:
        old = type(obj)
        if old.__module__ != module.__name__:
            continue
        new = getattr(module, old.__name__, None)
        if isinstance(new, type) and new is not old:
            obj.__class__ = new  # same data, new methods, and isinstance works again
            upgraded += 1
    return upgraded
