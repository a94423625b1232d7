"""Reload a plugin while the program runs, and refresh the references the program holds."""

import importlib


def reload_plugin(module, registry):
    """Reload `module`, then update `registry` (a dict: command name -> function) in place.

    - a function in the registry that came from `module` is replaced by the
      function of the same name in the reloaded module;
    - if the new source of `module` no longer defines that function, its
      entry is removed;
    - entries that came from anywhere else are left alone.

    Return the reloaded module.
    """
    stale = {key: f for key, f in registry.items() if getattr(f, "__module__", None) == module.__name__}
    before = dict(vars(module))  # what the module held before the reload
    module = importlib.reload(module)
    for key, old in stale.items():
        new = getattr(module, old.__name__, None)
        # reload does not clear the namespace: a function the new source no
        # longer defines is still there, as the very object it was before the
        # reload (not always the registry's: the registry may hold an older one).
        if new is None or new is before.get(old.__name__):
            del registry[key]
        else:
            registry[key] = new
    return module
