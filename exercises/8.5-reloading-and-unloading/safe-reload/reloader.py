"""Reload a plugin all or nothing: its new code applied whole, or the module left as it was."""

import importlib  # noqa: F401  (you will need it)


def safe_reload(module):
    """Reload `module` and return it.

    If the reload raises, put every name of the module back as it was
    before the call, then raise that same error.
    """
    raise NotImplementedError
