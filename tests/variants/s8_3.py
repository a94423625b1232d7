"""Section 8.3, importing selected names."""

from . import STUB, Variant

# -- live-settings -----------------------------------------------------------------------------------------------------

#: headers.py as a student writes it who imported the module, then took a copy of the setting from it anyway.
COPY_FROM_THE_MODULE = '''"""Report headers."""

import config

DEBUG = config.DEBUG


def header(title):
    if DEBUG:
        return "[debug] " + title
    return title
'''

#: Live, but the old from-import kept under another name "as a fallback": a copy of the setting all the same.
COPY_KEPT_AS_A_FALLBACK = '''"""Report headers, following config.DEBUG."""

import config
from config import DEBUG as DEFAULT_DEBUG


def header(title):
    if getattr(config, "DEBUG", DEFAULT_DEBUG):
        return f"[debug] {title}"
    return title
'''

#: The setting read once, when header is defined: a default argument is evaluated at import time.
DEFAULT_ARGUMENT = '''"""Report headers."""

import config


def header(title, debug=config.DEBUG):
    if debug:
        return f"[debug] {title}"
    return title
'''

#: header remembers its answer per title: the second call after set_debug gives the old one.
CACHED_PER_TITLE = '''"""Report headers, cached: building them is not free."""

import functools

import config


@functools.lru_cache(maxsize=None)
def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

#: The setting read at the first call and kept from then on.
READ_AT_THE_FIRST_CALL = '''"""Report headers."""

import config

_debug = None


def header(title):
    global _debug
    if _debug is None:
        _debug = config.DEBUG
    return f"[debug] {title}" if _debug else title
'''

#: Reads config.DEBUG live, but "starts quiet" by resetting the setting it was asked to follow.
RESETS_THE_SETTING = '''"""Report headers."""

import config

config.DEBUG = False  # start quiet


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

#: set_debug wrapped so that it also updates a private copy: an assignment to config.DEBUG goes unseen.
WRAPS_SET_DEBUG = '''"""Report headers."""

import config

_debug = config.DEBUG
_set_debug = config.set_debug


def _set_both(on):
    global _debug
    _debug = on
    _set_debug(on)


config.set_debug = _set_both


def header(title):
    return f"[debug] {title}" if _debug else title
'''

#: config.py changed instead of headers.py: set_debug pushes the value into headers' copy.
CONFIG_PUSHES_INTO_HEADERS = '''"""Run-time configuration."""

import sys

DEBUG = False


def set_debug(on):
    global DEBUG
    DEBUG = on
    if "headers" in sys.modules:
        sys.modules["headers"].DEBUG = on
'''

#: config.py changed to hold the setting in a shared dict, which headers imports: live, but not config.DEBUG.
CONFIG_WITH_A_SHARED_DICT = '''"""Run-time configuration."""

SETTINGS = {"debug": False}
DEBUG = False


def set_debug(on):
    global DEBUG
    DEBUG = on
    SETTINGS["debug"] = on
'''
HEADERS_WITH_THE_SHARED_DICT = '''"""Report headers."""

from config import SETTINGS


def header(title):
    if SETTINGS["debug"]:
        return f"[debug] {title}"
    return title
'''

#: Correct: the module under another name, and a conditional expression.
AS_SETTINGS = '''"""Report headers, which follow the run-time settings."""

import config as settings


def header(title):
    return f"[debug] {title}" if settings.DEBUG else title
'''

#: Correct: the module looked up in sys.modules (by importlib) at each call, through a helper.
LOOKED_UP_AT_EACH_CALL = '''"""Report headers."""

import importlib


def _debugging():
    return bool(getattr(importlib.import_module("config"), "DEBUG", False))


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    prefix = "[debug] " if _debugging() else ""
    return prefix + title
'''

#: config reloaded "to be sure it is fresh": its body runs again and puts DEBUG back to False.
RELOADS_CONFIG = '''"""Report headers."""

import importlib

import config

config = importlib.reload(config)


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

#: The module imported, and a star import of it kept "for convenience": a global DEBUG again.
STAR_IMPORT_OF_CONFIG = '''"""Report headers."""

import config
from config import *  # noqa: F403


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

# -- public-api --------------------------------------------------------------------------------------------------------

#: The solution's textkit.py with __all__ listing the functions themselves, after their definitions.
ALL_OF_FUNCTIONS = [
    ('__all__ = ["slugify", "shout", "_normalize"]\n', ""),
    ('    return text.upper() + "!"\n', '    return text.upper() + "!"\n\n\n__all__ = [slugify, shout, _normalize]\n'),
]

#: The solution's textkit.py with its table renamed _REPLACEMENTS, to keep it out of `*`.
TABLE_RENAMED = [("REPLACEMENTS = {", "_REPLACEMENTS = {"), ("in REPLACEMENTS.items()", "in _REPLACEMENTS.items()")]

#: No __all__ at all: every private thing renamed with an underscore, so `*` skips _normalize as well.
UNDERSCORES_INSTEAD_OF_ALL = '''"""Small text tools."""

import re as _re
import unicodedata as _unicodedata

_REPLACEMENTS = {"&": "and", "@": "at"}


def _normalize(text):
    return _unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


def slugify(text):
    words = _re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower())
    return "-".join(words)


def shout(text):
    return text.upper() + "!"
'''

#: "No unicodedata" read as "remove the import": _normalize now drops accented letters instead of stripping accents.
UNICODEDATA_REMOVED = '''"""Small text tools."""

import re

__all__ = ["slugify", "shout", "_normalize"]

REPLACEMENTS = {"&": "and", "@": "at"}


def _normalize(text):
    return text.encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


def slugify(text):
    words = re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower())
    return "-".join(words)


def shout(text):
    return text.upper() + "!"
'''

#: The machinery deleted after use, to keep it out of `*`: slugify needs re and _cleanup when it is called.
MACHINERY_DELETED = [
    ('__all__ = ["slugify", "shout", "_normalize"]\n', ""),
    ('    return text.upper() + "!"\n', '    return text.upper() + "!"\n\n\ndel re, REPLACEMENTS, _cleanup\n'),
]

#: Correct: the imports moved into the functions that use them, and __all__ as a tuple at the end.
IMPORTS_INSIDE_THE_FUNCTIONS = '''"""Small text tools."""

REPLACEMENTS = {"&": "and", "@": "at"}


def _normalize(text):
    """Strip accents: "Crème" -> "Creme"."""
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


def slugify(text):
    import re

    return "-".join(re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower()))


def shout(text):
    return text.upper() + "!"


__all__ = ("slugify", "shout", "_normalize")
'''

#: Step 3 misread: REPLACEMENTS listed in __all__ so that `from textkit import REPLACEMENTS` "still works".
TABLE_LISTED = ('"_normalize"]', '"_normalize", "REPLACEMENTS"]')

#: re dropped ("no re") and slugify rewritten with split(): right for "Fish & Chips", wrong on punctuation.
RE_REPLACED_BY_SPLIT = '''"""Small text tools."""

import unicodedata

__all__ = ["slugify", "shout", "_normalize"]

REPLACEMENTS = {"&": "and", "@": "at"}


def _normalize(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


def slugify(text):
    return "-".join(_normalize(_cleanup(text)).lower().split())


def shout(text):
    return text.upper() + "!"
'''

# -- package-exports ---------------------------------------------------------------------------------------------------

#: palette imported by __init__.py so that `*` finds it: now every `import colors` loads it.
PALETTE_IMPORTED_EAGERLY = '''"""Colours."""

from .convert import hex_to_rgb
from . import palette

__all__ = ["hex_to_rgb", "palette"]
'''

#: No __all__: both imported, so `*` finds them, and the submodule convert as well.
BOTH_IMPORTED_NO_ALL = '''"""Colours."""

from . import palette
from .convert import hex_to_rgb
'''

#: The function copied into the package instead of imported.
FUNCTION_COPIED = '''"""Colours."""

__all__ = ["hex_to_rgb", "palette"]


def hex_to_rgb(code):
    code = code.lstrip("#")
    return (int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16))
'''

#: The function moved into the package, and convert.py changed to import it back from there.
FUNCTION_MOVED_INTO_THE_PACKAGE = '''"""Colours."""

__all__ = ["hex_to_rgb", "palette"]


def hex_to_rgb(code):
    """"#ff8000" -> (255, 128, 0)."""
    code = code.lstrip("#")
    return tuple(int(code[i : i + 2], 16) for i in (0, 2, 4))


from . import convert  # noqa: E402  (convert now takes hex_to_rgb from here)
'''
CONVERT_IMPORTS_FROM_THE_PACKAGE = '''"""Conversions between colour notations."""

from colors import hex_to_rgb  # noqa: F401
'''

#: A stand-in for palette in __init__.py with the README's colours: light, but not the submodule.
PALETTE_FAKED_IN_INIT = '''"""Colours."""

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


class palette:
    """The palettes, kept here so that nothing heavy is loaded."""

    WARM = ["#ff8000", "#ffd000", "#e03000"]
    COOL = ["#0080ff", "#00d0ff", "#3000e0"]
'''

#: palette loaded lazily from its file at each access, by hand: its body runs again and again, outside sys.modules.
PALETTE_LOADED_BY_HAND = '''"""Colours."""

import importlib.util
import os

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "palette":
        path = os.path.join(os.path.dirname(__file__), "palette.py")
        spec = importlib.util.spec_from_file_location("colors.palette", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    raise AttributeError(f"module 'colors' has no attribute {name!r}")
'''

#: __all__ names the submodule convert too.
CONVERT_LISTED_TOO = '''"""Colours."""

from . import convert
from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette", "convert"]
'''

#: palette "declared" with a placeholder, so the package has that attribute and `*` never imports the submodule.
PALETTE_PLACEHOLDER = '''"""Colours."""

from .convert import hex_to_rgb

palette = None  # the submodule, loaded by `from colors import *`

__all__ = ["hex_to_rgb", "palette"]
'''

#: Correct: an absolute import, and __all__ as a tuple.
ABSOLUTE_IMPORT = '''"""Colours."""

from colors.convert import hex_to_rgb

__all__ = ("hex_to_rgb", "palette")
'''

#: Correct: nothing imported until asked for, through a module __getattr__ (PEP 562).
LAZY_GETATTR = '''"""Colours, loaded lazily."""

import importlib

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "hex_to_rgb":
        return importlib.import_module(".convert", __name__).hex_to_rgb
    if name == "palette":
        return importlib.import_module(".palette", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
'''

#: Correct: the submodule bound first, the function taken from it.
FROM_THE_SUBMODULE_OBJECT = '''"""Colours."""

from . import convert

hex_to_rgb = convert.hex_to_rgb
del convert

__all__ = []
__all__.append("hex_to_rgb")
__all__.append("palette")
'''

VARIANTS = [
    # -- live-settings: mistakes
    Variant(
        "live-settings",
        "copy-taken-from-the-module",
        {"headers.py": (None, COPY_FROM_THE_MODULE)},
        fails=("headers_follow_set_debug", "headers_keep_no_copy_of_the_setting"),
        says=("DEBUG",),
    ),
    Variant(
        "live-settings",
        "copy-kept-as-a-fallback",
        {"headers.py": (None, COPY_KEPT_AS_A_FALLBACK)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("DEFAULT_DEBUG", "copy"),
    ),
    Variant(
        "live-settings",
        "default-argument",
        {"headers.py": (None, DEFAULT_ARGUMENT)},
        fails=("headers_follow_set_debug", "headers_keep_no_copy_of_the_setting"),
        says=("default",),
    ),
    Variant(
        "live-settings",
        "cached-per-title",
        {"headers.py": (None, CACHED_PER_TITLE)},
        fails=("headers_follow_set_debug",),
        says=("[debug]",),
    ),
    Variant(
        "live-settings",
        "read-at-the-first-call",
        {"headers.py": (None, READ_AT_THE_FIRST_CALL)},
        fails=("headers_follow_set_debug", "headers_follow_an_assignment_to_the_module"),
    ),
    Variant(
        "live-settings",
        "resets-the-setting-on-import",
        {"headers.py": (None, RESETS_THE_SETTING)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("before",),
    ),
    Variant(
        "live-settings",
        "wraps-set-debug",
        {"headers.py": (None, WRAPS_SET_DEBUG)},
        fails=("headers_follow_an_assignment_to_the_module", "headers_keep_no_copy_of_the_setting"),
        says=(),
    ),
    Variant(
        "live-settings",
        "config-pushes-into-headers",
        {"config.py": (None, CONFIG_PUSHES_INTO_HEADERS), "headers.py": STUB},
        fails=("headers_follow_set_debug", "headers_keep_no_copy_of_the_setting"),
        says=("config.py",),
    ),
    Variant(
        "live-settings",
        "reloads-config-on-import",
        {"headers.py": (None, RELOADS_CONFIG)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("import headers",),
    ),
    Variant(
        "live-settings",
        "star-import-of-config-kept",
        {"headers.py": (None, STAR_IMPORT_OF_CONFIG)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers.DEBUG",),
    ),
    Variant(
        "live-settings",
        "shared-dict-added-to-config",
        {"config.py": (None, CONFIG_WITH_A_SHARED_DICT), "headers.py": (None, HEADERS_WITH_THE_SHARED_DICT)},
        fails=("headers_follow_set_debug", "headers_keep_no_copy_of_the_setting"),
        says=("ImportError", "config.py differs"),
    ),
    # -- live-settings: other correct answers
    # The from-import runs inside header(), at each call, so it binds a local, no copy.
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
    Variant("live-settings", "module-under-another-name", {"headers.py": (None, AS_SETTINGS)}),
    Variant("live-settings", "looked-up-at-each-call", {"headers.py": (None, LOOKED_UP_AT_EACH_CALL)}),
    # -- public-api: mistakes
    # The names given unquoted: a list of functions, which `*` refuses with TypeError.
    Variant(
        "public-api",
        "all-lists-the-functions",
        {"textkit.py": ALL_OF_FUNCTIONS},
        fails=("all_names_only_what_textkit_defines",),
        says=("slugify, shout and _normalize are functions", "not strings", "quote"),
        not_says=("but it is a list",),
    ),
    # The table renamed with an underscore: redundant with __all__, and it breaks explicit imports (step 3).
    Variant(
        "public-api",
        "table-renamed-private",
        {"textkit.py": TABLE_RENAMED},
        fails=("everything_else_works_as_before",),
        says=("from textkit import REPLACEMENTS", "step 3"),
    ),
    Variant(
        "public-api",
        "normalize-forgotten",
        {"textkit.py": ('__all__ = ["slugify", "shout", "_normalize"]', '__all__ = ["slugify", "shout"]')},
        fails=("star_gives_exactly_the_public_api",),
        says=("_normalize",),
    ),
    Variant(
        "public-api",
        "underscores-instead-of-all",
        {"textkit.py": (None, UNDERSCORES_INSTEAD_OF_ALL)},
        fails=(
            "star_gives_exactly_the_public_api",
            "all_names_only_what_textkit_defines",
            "everything_else_works_as_before",
        ),
        says=(),
    ),
    Variant(
        "public-api",
        "unicodedata-removed",
        {"textkit.py": (None, UNICODEDATA_REMOVED)},
        fails=("everything_else_works_as_before",),
        says=("_normalize",),
    ),
    Variant(
        "public-api",
        "old-name-kept-as-an-alias",
        {
            "textkit.py": [
                ('"_normalize"]', '"_normalize", "yell"]'),
                ('    return text.upper() + "!"\n', '    return text.upper() + "!"\n\n\nyell = shout\n'),
            ]
        },
        fails=("star_gives_exactly_the_public_api",),
        says=("yell",),
    ),
    Variant(
        "public-api",
        "misspelled-name",
        {"textkit.py": ('"_normalize"]', '"_normalise"]')},
        fails=("star_gives_exactly_the_public_api", "all_names_only_what_textkit_defines"),
        says=("_normalise",),
    ),
    Variant(
        "public-api",
        "machinery-deleted-without-all",
        {"textkit.py": MACHINERY_DELETED},
        fails=("star_gives_exactly_the_public_api", "no_imported_module_leaks_out", "everything_else_works_as_before"),
        says=(),
    ),
    Variant(
        "public-api",
        "table-listed-for-explicit-imports",
        {"textkit.py": TABLE_LISTED},
        fails=("star_gives_exactly_the_public_api", "no_imported_module_leaks_out"),
        says=("REPLACEMENTS",),
    ),
    Variant(
        "public-api",
        "re-replaced-by-split",
        {"textkit.py": (None, RE_REPLACED_BY_SPLIT)},
        fails=("everything_else_works_as_before",),
        says=("slugify(",),
    ),
    # -- public-api: other correct answers
    Variant("public-api", "imports-inside-the-functions", {"textkit.py": (None, IMPORTS_INSIDE_THE_FUNCTIONS)}),
    Variant(
        "public-api",
        "all-built-from-a-string",
        {"textkit.py": ('["slugify", "shout", "_normalize"]', '"slugify shout _normalize".split()')},
    ),
    # -- package-exports: mistakes
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
        says=("colors has no hex_to_rgb", "step 1", "convert"),
        not_says=("name palette in __all__",),
    ),
    Variant(
        "package-exports",
        "palette-imported-eagerly",
        {"colors/__init__.py": (None, PALETTE_IMPORTED_EAGERLY)},
        fails=("importing_the_package_does_not_load_the_palette",),
        says=("colors.palette",),
    ),
    Variant(
        "package-exports",
        "both-imported-without-all",
        {"colors/__init__.py": (None, BOTH_IMPORTED_NO_ALL)},
        fails=("star_gives_the_function_and_the_submodule", "importing_the_package_does_not_load_the_palette"),
        says=(),
    ),
    Variant(
        "package-exports",
        "function-copied",
        {"colors/__init__.py": (None, FUNCTION_COPIED)},
        fails=("the_function_comes_from_the_convert_submodule",),
        says=("colors.convert",),
    ),
    Variant(
        "package-exports",
        "function-moved-into-the-package",
        {
            "colors/__init__.py": (None, FUNCTION_MOVED_INTO_THE_PACKAGE),
            "colors/convert.py": (None, CONVERT_IMPORTS_FROM_THE_PACKAGE),
        },
        fails=("the_function_comes_from_the_convert_submodule",),
        says=("colors/convert.py",),
    ),
    Variant(
        "package-exports",
        "palette-faked-in-init",
        {"colors/__init__.py": (None, PALETTE_FAKED_IN_INIT)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("submodule",),
    ),
    Variant(
        "package-exports",
        "palette-loaded-by-hand",
        {"colors/__init__.py": (None, PALETTE_LOADED_BY_HAND)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("palette.py",),
    ),
    Variant(
        "package-exports",
        "convert-listed-too",
        {"colors/__init__.py": (None, CONVERT_LISTED_TOO)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("convert",),
    ),
    Variant(
        "package-exports",
        "palette-placeholder",
        {"colors/__init__.py": (None, PALETTE_PLACEHOLDER)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("NoneType", "not a module"),
    ),
    # -- package-exports: other correct answers
    Variant("package-exports", "absolute-import", {"colors/__init__.py": (None, ABSOLUTE_IMPORT)}),
    Variant("package-exports", "lazy-module-getattr", {"colors/__init__.py": (None, LAZY_GETATTR)}),
    Variant("package-exports", "from-the-submodule-object", {"colors/__init__.py": (None, FROM_THE_SUBMODULE_OBJECT)}),
]
