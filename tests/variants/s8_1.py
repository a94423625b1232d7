"""Section 8.1, modules and imports."""

from . import Variant

VARIANTS = [
    Variant(
        "blocked-imports",
        "block-raises-itself",
        {"blocker.py": ("    sys.modules[name] = None", '    raise ModuleNotFoundError(f"No module named {name!r}", name=name)')},
        fails=("a_blocked_module_cannot_be_imported", "unblocking_makes_it_importable_again"),
        says=("itself raised", "ModuleNotFoundError in blocker.py, line"),
        not_says=("search path",),
    ),
    Variant(
        "plugin-loader",
        "unknown-plugin-given-the-module-name",
        {"loader.py": ("raise UnknownPlugin(name) from None", "raise UnknownPlugin(wanted) from None")},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("UnknownPlugin", "'plugins.shout'"),
        not_says=("raised nothing",),
    ),
    Variant(
        "short-alias",
        "aliases-the-wrong-module",
        {"dashboard.py": ("import statistics as st", "import stat as st")},
        fails=("only_the_alias_is_bound_in_the_dashboard",),
        says=("'stat'",),
        not_says=("was a module",),
    ),
]
