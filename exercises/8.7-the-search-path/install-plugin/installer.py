"""Install a plugin while the program runs: write its source into plugins/, then import it."""

import importlib
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent / "plugins"


def install(name, source):
    """Write `source` to plugins/<name>.py and return the module plugins.<name>, imported."""
    (PLUGINS / f"{name}.py").write_text(source, encoding="utf-8")
    return importlib.import_module(f"plugins.{name}")
