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
    Variant(
        "plugin-loader",
        "dependency-judged-by-the-message",
        {"loader.py": ("        if error.name == wanted:", "        if name in str(error):")},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("not_so_glow", "UnknownPlugin"),
        not_says=("raised nothing",),
    ),
    Variant(
        "plugin-loader",
        "dependency-judged-by-the-name-ending",
        {"loader.py": ("        if error.name == wanted:", "        if error.name.endswith(name):")},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("not_so_glow", "UnknownPlugin"),
        not_says=("raised nothing",),
    ),
    Variant(
        "plugin-loader",
        "dependency-judged-by-the-last-part",
        {"loader.py": ("        if error.name == wanted:", '        if error.name.rsplit(".", 1)[-1] == name:')},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("sparkle", "UnknownPlugin", "exactly"),
    ),
    Variant(
        "plugin-loader",
        "dependency-judged-by-the-package",
        {"loader.py": ("        if error.name == wanted:", '        if error.name.startswith("plugins."):')},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("plugins.shine_helpers", "UnknownPlugin"),
    ),
    # A typo in the re-raise: the hint is about the NameError, not about comparing names.
    Variant(
        "plugin-loader",
        "typo-in-the-reraise",
        {"loader.py": ("        raise\n", "        raise UnknownPlugin(nme)\n")},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("NameError", "loader.py, line", "nme"),
        not_says=("only replace the error",),
    ),
    Variant(
        "blocked-imports",
        "refuses-a-name-blocked-already",
        {"blocker.py": ("    if sys.modules.get(name) is not None:", "    if name in sys.modules:")},
        fails=("blocking_a_name_twice_keeps_it_blocked",),
        says=('block("csv")', "ValueError in blocker.py, line", "None"),
    ),
    Variant(
        "short-alias",
        "legacy-uses-stdev",
        {"legacy.py": ("statistics.pstdev(numbers)", "statistics.stdev(numbers)")},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy.spread([2, 4])", "1.0", "1.41", "legacy.py"),
        not_says=("not the module",),
    ),
]
