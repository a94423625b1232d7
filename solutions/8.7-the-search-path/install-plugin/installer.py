"""Install a plugin while the program runs: write its source into plugins/, then import it."""

import importlib
import importlib.util
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent / "plugins"


def install(name, source):
    """Write `source` to plugins/<name>.py and return the module plugins.<name>, imported."""
    (PLUGINS / f"{name}.py").write_text(source, encoding="utf-8")
    # Bytecode that an earlier run cached for a plugin of this name still counts as current when that
    # source had the same size and was written in the same second (section 8.6): remove it, so that
    # the import compiles the source just written.
    Path(importlib.util.cache_from_source(str(PLUGINS / f"{name}.py"))).unlink(missing_ok=True)
    # The path finder may still hold a listing of plugins/ taken before the file existed: it reads
    # the folder again only when the folder's modification time changes, which a coarse clock can
    # miss. Forget every cached listing, so that this import looks at the folder as it is now.
    importlib.invalidate_caches()
    return importlib.import_module(f"plugins.{name}")
