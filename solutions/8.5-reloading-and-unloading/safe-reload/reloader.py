"""Reload a plugin all or nothing: its new code applied whole, or the module left as it was."""

import importlib


def safe_reload(module):
    """Reload `module` and return it.

    If the reload raises, put every name of the module back as it was
    before the call, then raise that same error.
    """
    before = dict(module.__dict__)  # each name, bound to the object it is bound to now
    try:
        return importlib.reload(module)
    except BaseException:
        # The new code ran up to the error, in the module's own namespace: names bound so far hold
        # new objects, the rest old ones, and names it added are there too. Put the old bindings
        # back in that same dictionary, which the module's functions use as their globals.
        namespace = module.__dict__
        namespace.clear()
        namespace.update(before)
        raise
