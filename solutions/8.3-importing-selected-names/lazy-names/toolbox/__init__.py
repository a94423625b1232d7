"""Toolbox: small helpers, each in a submodule of its own.

Programs use them as `from toolbox import mean`, or as `toolbox.slugify(...)`.
"""

import importlib

__version__ = "2.1"

#: Each public name, and the submodule that defines it: imported only when the name is first asked for.
_WHERE = {"bar": "charts", "mean": "stats", "slugify": "slugs"}

__all__ = sorted(_WHERE)


def __getattr__(name):
    # Python calls this only for a name the module does not have (PEP 562).
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value  # found at once next time, without calling __getattr__
    return value


def __dir__():
    return sorted(set(globals()) | set(_WHERE))
