"""Section 8.3, importing selected names."""

from . import Variant

#: The solution's textkit.py with __all__ listing the functions themselves, after their definitions.
ALL_OF_FUNCTIONS = [
    ('__all__ = ["slugify", "shout", "_normalize"]\n', ""),
    ('    return text.upper() + "!"\n', '    return text.upper() + "!"\n\n\n__all__ = [slugify, shout, _normalize]\n'),
]

#: The solution's textkit.py with its table renamed _REPLACEMENTS, to keep it out of `*`.
TABLE_RENAMED = [("REPLACEMENTS = {", "_REPLACEMENTS = {"), ("in REPLACEMENTS.items()", "in _REPLACEMENTS.items()")]

VARIANTS = [
    # The names given unquoted: a list of functions, which `*` refuses with TypeError.
    Variant(
        "public-api",
        "all-lists-the-functions",
        {"textkit.py": ALL_OF_FUNCTIONS},
        fails=("all_names_only_what_textkit_defines_and_nothing_broke",),
        says=("slugify, shout and _normalize are functions", "not strings", "quote"),
        not_says=("but it is a list",),
    ),
    # The table renamed with an underscore: redundant with __all__, and it breaks explicit imports (step 3).
    Variant(
        "public-api",
        "table-renamed-private",
        {"textkit.py": TABLE_RENAMED},
        fails=("all_names_only_what_textkit_defines_and_nothing_broke",),
        says=("from textkit import REPLACEMENTS", "step 3"),
    ),
    # Unquoted names in a package's __all__: NameError on `palette`, which step 1's hint does not fix.
    Variant(
        "package-exports",
        "unquoted-names-in-all",
        {"colors/__init__.py": ('__all__ = ["hex_to_rgb", "palette"]', "__all__ = [hex_to_rgb, palette]")},
        fails=("a_function_can_be_imported_from_the_package",),
        says=("NameError in colors/__init__.py, line", "palette", "fix the line"),
        not_says=("`from .convert",),
    ),
    # __all__ written, hex_to_rgb never imported: the light-package check must point at step 1, not at palette.
    Variant(
        "package-exports",
        "all-without-the-import",
        {"colors/__init__.py": ("from .convert import hex_to_rgb\n", "")},
        fails=("importing_the_package_does_not_load_the_palette",),
        says=("colors has no hex_to_rgb", "step 1", "from .convert import hex_to_rgb"),
        not_says=("name palette in __all__",),
    ),
    # A correct alternative: the from-import runs inside header(), at each call, so it binds a local, no copy.
    Variant(
        "live-settings",
        "from-import-inside-header",
        {
            "headers.py": (
                "import config\n\n\ndef header(title):\n"
                '    """\'[debug] title\' while config.DEBUG is true, plain \'title\' otherwise."""\n'
                "    if config.DEBUG:",
                "def header(title):\n"
                '    """\'[debug] title\' while config.DEBUG is true, plain \'title\' otherwise."""\n'
                "    from config import DEBUG\n\n"
                "    if DEBUG:",
            )
        },
    ),
]
