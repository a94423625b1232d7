"""Load text plugins by name: load("upper") gives the module plugins.upper."""

import importlib  # noqa: F401  (you will need it)


class UnknownPlugin(LookupError):
    """Raised by load() for a name that is not a plugin; `name` holds that name."""

    def __init__(self, name):
        super().__init__(f"no plugin called {name!r}")
        self.name = name


def load(name):
    """Import and return the module plugins.<name>."""
    raise NotImplementedError
