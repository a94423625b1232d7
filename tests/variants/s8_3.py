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

# -- round 2: what an adversarial review got through, and more of the same kinds ----------------------------------

# live-settings

#: "while it is true" read as "while it is True": config.DEBUG = 1 or "yes" gives no mark.
IS_TRUE = '''"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

import config


def header(title):
    if config.DEBUG is True:
        return f"[debug] {title}"
    return title
'''

#: The same misreading, compared with ==: 1 passes, "yes" does not.
EQUALS_TRUE = '''"""Report headers."""

import config


def header(title):
    debugging = config.DEBUG == True  # noqa: E712
    return "[debug] " + title if debugging else title
'''

#: "Not False" taken for "true": None and 0 count as debugging.
IS_NOT_FALSE = '''"""Report headers."""

import config


def header(title):
    if config.DEBUG is not False:
        return f"[debug] {title}"
    return title
'''

#: Reads the module from sys.modules and never imports it: fine only once someone else imported config.
SYS_MODULES_ONLY = '''"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

import sys


def header(title):
    # config is loaded once by the program; look it up live in the module cache.
    if sys.modules["config"].DEBUG:
        return f"[debug] {title}"
    return title
'''

#: Live, plus a flag kept "for the log banner": a value worked out from the setting at import.
STARTED_IN_DEBUG = '''"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

import config

# Was the program started in debug mode? Kept for the log banner.
STARTED_IN_DEBUG = bool(config.DEBUG)


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

#: The setting kept in a module-level dict, refreshed at each call.
SETTINGS_DICT = '''"""Report headers."""

import config

_settings = {"debug": config.DEBUG}


def header(title):
    _settings["debug"] = config.DEBUG
    if _settings["debug"]:
        return f"[debug] {title}"
    return title
'''

#: The setting kept as an attribute of the function, refreshed at each call.
FUNCTION_ATTRIBUTE = '''"""Report headers."""

import config


def header(title):
    header.debug = config.DEBUG
    if header.debug:
        return f"[debug] {title}"
    return title


header.debug = config.DEBUG
'''

#: The prefix worked out from the setting and kept in a global, refreshed at each call.
PREFIX_GLOBAL = '''"""Report headers."""

import config

_PREFIX = "[debug] " if config.DEBUG else ""


def header(title):
    global _PREFIX
    _PREFIX = "[debug] " if config.DEBUG else ""
    return f"{_PREFIX}{title}"
'''

#: The from-import moved into a factory: the closure keeps the value it had at import.
CLOSURE_COPY = '''"""Report headers."""


def _make_header():
    from config import DEBUG

    def header(title):
        if DEBUG:
            return f"[debug] {title}"
        return title

    return header


header = _make_header()
'''

#: State kept on a small object, updated at each call "so other functions can see it".
STATE_OBJECT = '''"""Report headers."""

import types

import config

_state = types.SimpleNamespace(debug=False, calls=0)


def header(title):
    _state.calls += 1
    _state.debug = config.DEBUG
    return f"[debug] {title}" if _state.debug else title
'''

#: A class attribute holding the setting at import, beside a live header().
CLASS_ATTRIBUTE = '''"""Report headers."""

import config


class _Defaults:
    debug = config.DEBUG
    prefix = "[debug] "


def header(title):
    if config.DEBUG:
        return _Defaults.prefix + title
    return title
'''

#: header made with functools.partial: the keyword is bound to the value at import.
PARTIAL_COPY = '''"""Report headers."""

import functools

import config


def _header(title, debug):
    return f"[debug] {title}" if debug else title


header = functools.partial(_header, debug=config.DEBUG)
'''

#: Correct: a module __getattr__ forwards headers.DEBUG to config.DEBUG at each access, and keeps nothing.
MODULE_GETATTR_FORWARDS = '''"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

import config


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title


def __getattr__(name):
    # Old callers read headers.DEBUG: forward to the live setting, keep no copy.
    if name == "DEBUG":
        return config.DEBUG
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
'''

#: Correct: a property on a small object, a marker for "missing", a counter and a logger: state, but none of it
#: the setting.
PROPERTY_AND_STATE = '''"""Report headers."""

import collections
import logging

import config

_MISSING = object()
_log = logging.getLogger(__name__)
_made = collections.Counter()


class _Settings:
    @property
    def debugging(self):
        value = getattr(config, "DEBUG", _MISSING)
        return value is not _MISSING and bool(value)


_settings = _Settings()


def header(title):
    _made[title] += 1
    _log.debug("header %r", title)
    if _settings.debugging:
        return "[debug] " + title
    return title
'''

#: Options kept on a dataclass with __slots__, refreshed at each call: a value worked out from the setting, kept.
SLOTTED_OPTIONS = '''"""Report headers."""

import dataclasses

import config


@dataclasses.dataclass(slots=True)
class _Options:
    debug: bool = False
    marker: str = "[debug] "


_options = _Options()


def header(title):
    _options.debug = bool(config.DEBUG)
    return _options.marker + title if _options.debug else title
'''

#: Correct: a table of prefixes looked up with the setting at each call; it holds both, whatever the setting.
PREFIX_TABLE = '''"""Report headers."""

import config

_PREFIXES = {True: "[debug] ", False: ""}


def header(title):
    return _PREFIXES[bool(config.DEBUG)] + title
'''

# package-exports

#: A lazy __getattr__ that returns __import__("colors.palette"): that is the top-level package, not the submodule.
DUNDER_IMPORT_GETATTR = '''"""Colours."""

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "palette":
        return __import__(__name__ + ".palette")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
'''

#: A lazy __getattr__ that looks the palette up in sys.modules, where nothing put it yet.
GETATTR_FROM_SYS_MODULES = '''"""Colours."""

import sys

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "palette":
        return sys.modules.get(__name__ + ".palette")
    raise AttributeError(name)
'''

#: A lazy __getattr__ that gives the palette's table instead of the module.
GETATTR_GIVES_THE_TABLE = '''"""Colours."""

import importlib

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "palette":
        module = importlib.import_module(".palette", __name__)
        return {key: value for key, value in vars(module).items() if key.isupper()}
    raise AttributeError(name)
'''

#: Correct: both names given on demand by __getattr__, with from-imports inside it.
LAZY_FROM_IMPORTS = '''"""Colours."""

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "hex_to_rgb":
        from .convert import hex_to_rgb

        return hex_to_rgb
    if name == "palette":
        import importlib

        return importlib.import_module(".palette", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
'''

#: Correct: __import__ with a fromlist (which returns the submodule), cached in the package's globals.
DUNDER_IMPORT_WITH_FROMLIST = '''"""Colours."""

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb", "palette"]


def __getattr__(name):
    if name == "palette":
        module = __import__(f"{__name__}.palette", fromlist=["AUTUMN"])
        globals()["palette"] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
'''

#: __all__ built from the package's folder, "every submodule but convert": the check's own submodule comes too.
ALL_FROM_THE_FOLDER = '''"""Colours."""

import pkgutil

from .convert import hex_to_rgb

__all__ = ["hex_to_rgb"] + [m.name for m in pkgutil.iter_modules(__path__) if m.name != "convert"]
'''

# public-api

#: "Tidied" regex: \\w+ also keeps underscores, so snake_case stays joined.
WORD_REGEX = ('r"[a-z0-9]+"', 'r"\\w+"')

#: _cleanup inlined into slugify and deleted: `from textkit import _cleanup` fails.
CLEANUP_INLINED = [
    (
        'def _cleanup(text):\n    for old, new in REPLACEMENTS.items():\n'
        '        text = text.replace(old, f" {new} ")\n    return text\n\n\n',
        "",
    ),
    (
        '    words = re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower())\n',
        '    for old, new in REPLACEMENTS.items():\n        text = text.replace(old, f" {new} ")\n'
        '    words = re.findall(r"[a-z0-9]+", _normalize(text).lower())\n',
    ),
]

#: NFD for NFKD "because it is the usual one": ligatures and full-width digits are lost.
NFD_NOT_NFKD = ('"NFKD"', '"NFD"')

#: shout "tidied" to strip the text first.
SHOUT_STRIPPED = ('    return text.upper() + "!"\n', '    return text.strip().upper() + "!"\n')

#: A student's own textkit, written from scratch: a translate table for accents, and no _cleanup.
FROM_SCRATCH_TRANSLATE = '''"""Small text tools."""

import re

__all__ = ["slugify", "shout", "_normalize"]

REPLACEMENTS = {"&": "and", "@": "at"}
_ACCENTS = str.maketrans(
    "àáâäçèéêëìíîïñòóôöùúûüÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜ",
    "aaaaceeeeiiiinoooouuuuAAAACEEEEIIIINOOOOUUUU",
)


def _normalize(text):
    return text.translate(_ACCENTS).encode("ascii", "ignore").decode()


def slugify(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return "-".join(re.findall(r"[a-z0-9]+", _normalize(text).lower()))


def shout(text):
    return text.upper() + "!"
'''

#: Correct: the reviewer's __all__ filled by a decorator on each exported function.
EXPORT_DECORATOR = '''"""Small text tools. `from textkit import *` should give users exactly the public API."""

import re
import unicodedata

__all__ = []


def _export(func):
    __all__.append(func.__name__)
    return func


REPLACEMENTS = {"&": "and", "@": "at"}


@_export
def _normalize(text):
    """Strip accents: "Crème" -> "Creme". Other modules of the project use it too."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


@_export
def slugify(text):
    """"Fish & Chips" -> "fish-and-chips"."""
    words = re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower())
    return "-".join(words)


@_export
def shout(text):
    return text.upper() + "!"
'''

#: Correct: __all__ computed at the end from the functions' own names.
ALL_FROM_THE_FUNCTIONS = [
    ('__all__ = ["slugify", "shout", "_normalize"]\n', ""),
    (
        '    return text.upper() + "!"\n',
        '    return text.upper() + "!"\n\n\n__all__ = tuple(f.__name__ for f in (slugify, shout, _normalize))\n',
    ),
]

# -- round 3: a second adversarial review, and more of the same kinds -------------------------------------------------

# live-settings

#: The false values listed by hand instead of letting `if` decide: an empty list, dict or tuple counts as on.
FALSE_VALUES_LISTED = '''"""Report headers, which follow config.DEBUG as it changes."""

import config


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    if config.DEBUG not in (False, None, 0, ""):
        return f"[debug] {title}"
    return title
'''

#: The setting read like an environment variable: "off" and "0" count as off, [] and 0.0 as on.
READ_AS_TEXT = '''"""Report headers, which follow config.DEBUG as it changes."""

import config

_OFF = ("", "0", "false", "no", "off", "none")


def _debugging():
    # Settings often come from flags or environment variables as strings: "0" or "off" mean off.
    return str(config.DEBUG).strip().lower() not in _OFF


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    if _debugging():
        return f"[debug] {title}"
    return title
'''

#: The same idea the other way round: only a few words count as on, so "off", a list or 2.5 gives no mark.
TRUE_WORDS_LISTED = '''"""Report headers."""

import config

_ON = {"1", "true", "yes", "on", "y"}


def header(title):
    debugging = str(config.DEBUG).lower() in _ON
    return "[debug] " + title if debugging else title
'''

#: The falsy values listed more carefully, empty containers and 0.0 too: still a list, and an object of its own
#: whose truth is False is not on it.
FALSE_VALUES_LISTED_CAREFULLY = '''"""Report headers."""

import config

_FALSY = (None, False, 0, 0.0, "", b"", (), [], {}, set(), frozenset())


def header(title):
    for falsy in _FALSY:
        if type(config.DEBUG) is type(falsy) and config.DEBUG == falsy:
            return title
    return f"[debug] {title}"
'''

#: Rendering memoised with the raw setting as part of the key: a list or a dict as the setting raises TypeError.
CACHE_KEYED_BY_THE_SETTING = '''"""Report headers, which follow config.DEBUG as it changes."""

import functools

import config


@functools.lru_cache(maxsize=256)
def _render(title, debug):
    return f"[debug] {title}" if debug else title


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    return _render(title, config.DEBUG)
'''

#: Correct: the rendering memoised, keyed by bool(config.DEBUG) as it is at each call. A table of answers looked up
#: with the live setting is no copy of the setting: nothing in it can go stale.
CACHE_KEYED_BY_THE_LIVE_TRUTH = '''"""Report headers, which follow config.DEBUG as it changes."""

import functools

import config


@functools.lru_cache(maxsize=256)
def _render(title, debug):
    return f"[debug] {title}" if debug else title


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    return _render(title, bool(config.DEBUG))
'''

#: Correct: the same memo by hand, in a dict keyed by (title, truth of the setting at this call).
MEMO_DICT_BY_THE_LIVE_TRUTH = '''"""Report headers."""

import config

_made = {}


def header(title):
    key = (title, bool(config.DEBUG))
    if key not in _made:
        _made[key] = f"[debug] {title}" if key[1] else title
    return _made[key]
'''

#: The mode the program started in, kept as the key of a banner table at import: a value worked out from the setting,
#: kept, even as a key (a memo filled by calls is another thing).
START_MODE_AS_A_KEY = '''"""Report headers."""

import config

# For the log banner: which mode the program started in.
_BANNERS = {bool(config.DEBUG): "started"}


def header(title):
    if config.DEBUG:
        return f"[debug] {title}"
    return title
'''

# package-exports

#: __all__ made of whatever convert makes public, plus palette: a second public function of convert leaks into `*`.
ALL_FOLLOWS_CONVERT = '''"""Colours: `from colors import hex_to_rgb`, `... import palette`, or `... import *`."""

from . import convert
from .convert import *  # noqa: F403

# Re-export whatever convert makes public, plus the palette submodule.
__all__ = [name for name in vars(convert) if not name.startswith("_")] + ["palette"]
del convert
'''

#: __all__ made of the package's own public globals (the submodule convert left out by name), plus palette.
ALL_FROM_THE_PACKAGE_GLOBALS = '''"""Colours."""

from .convert import *  # noqa: F403

__all__ = sorted(n for n in list(globals()) if not n.startswith("_") and n != "convert") + ["palette"]
'''

#: Correct: a star import of convert (which binds whatever it has), and __all__ written out.
STAR_IMPORT_OF_CONVERT_WITH_A_LIST = '''"""Colours, with __all__ written out."""

from .convert import *  # noqa: F401,F403

__all__ = ["hex_to_rgb", "palette"]
'''

# public-api

#: The table made private, and REPLACEMENTS left as a copy of it: a change to textkit.REPLACEMENTS changes nothing.
TABLE_DETACHED = [
    (
        'REPLACEMENTS = {"&": "and", "@": "at"}\n',
        '_REPLACEMENTS = {"&": "and", "@": "at"}\nREPLACEMENTS = dict(_REPLACEMENTS)  # still importable by name\n',
    ),
    ("in REPLACEMENTS.items()", "in _REPLACEMENTS.items()"),
]

#: _cleanup "optimised" with the table's pairs taken once, at import.
PAIRS_TAKEN_ONCE = [
    (
        'REPLACEMENTS = {"&": "and", "@": "at"}\n',
        'REPLACEMENTS = {"&": "and", "@": "at"}\n_PAIRS = tuple(REPLACEMENTS.items())  # worked out once\n',
    ),
    ("in REPLACEMENTS.items()", "in _PAIRS"),
]

#: _cleanup rewritten with one regular expression compiled from the table at import: new entries are never matched.
PATTERN_FROM_THE_TABLE = '''"""Small text tools."""

import re
import unicodedata

__all__ = ["slugify", "shout", "_normalize"]

REPLACEMENTS = {"&": "and", "@": "at"}
_PATTERN = re.compile("|".join(re.escape(old) for old in REPLACEMENTS))


def _normalize(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    return _PATTERN.sub(lambda match: f" {REPLACEMENTS[match.group()]} ", text)


def slugify(text):
    return "-".join(re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower()))


def shout(text):
    return text.upper() + "!"
'''

#: slugify memoised "because it is called a lot": a text asked for before the table changed keeps its old slug.
SLUGIFY_MEMOISED = [
    ("import re\n", "import functools\nimport re\n"),
    ("def slugify(text):\n", "@functools.lru_cache(maxsize=1024)\ndef slugify(text):\n"),
]

#: Correct: the table under a private name as well, the same dict (not a copy) under both.
TABLE_WITH_A_PRIVATE_ALIAS = [
    ('REPLACEMENTS = {"&": "and", "@": "at"}\n', 'REPLACEMENTS = _TABLE = {"&": "and", "@": "at"}\n'),
    ("in REPLACEMENTS.items()", "in _TABLE.items()"),
]

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
        fails=("import_colors_is_light_and_its_palette_is_the_submodule",),
        says=("colors has no hex_to_rgb", "step 1", "convert"),
        not_says=("name palette in __all__",),
    ),
    Variant(
        "package-exports",
        "palette-imported-eagerly",
        {"colors/__init__.py": (None, PALETTE_IMPORTED_EAGERLY)},
        fails=("import_colors_is_light_and_its_palette_is_the_submodule",),
        says=("colors.palette",),
    ),
    Variant(
        "package-exports",
        "both-imported-without-all",
        {"colors/__init__.py": (None, BOTH_IMPORTED_NO_ALL)},
        fails=("star_gives_the_function_and_the_submodule", "import_colors_is_light_and_its_palette_is_the_submodule"),
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
    # -- live-settings, round 2: mistakes
    Variant(
        "live-settings",
        "is-true-for-true",
        {"headers.py": (None, IS_TRUE)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("'yes'", "`if`"),
    ),
    Variant(
        "live-settings",
        "equals-true",
        {"headers.py": (None, EQUALS_TRUE)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("'yes'",),
    ),
    Variant(
        "live-settings",
        "is-not-false",
        {"headers.py": (None, IS_NOT_FALSE)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("config.DEBUG = 0",),
    ),
    Variant(
        "live-settings",
        "sys-modules-without-import",
        {"headers.py": (None, SYS_MODULES_ONLY)},
        fails=("headers_follow_set_debug",),
        says=("KeyError", "before anything else imported config"),
    ),
    Variant(
        "live-settings",
        "started-in-debug-kept",
        {"headers.py": (None, STARTED_IN_DEBUG)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers.STARTED_IN_DEBUG", "worked out"),
    ),
    Variant(
        "live-settings",
        "setting-in-a-dict",
        {"headers.py": (None, SETTINGS_DICT)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._settings['debug']",),
    ),
    Variant(
        "live-settings",
        "setting-on-the-function",
        {"headers.py": (None, FUNCTION_ATTRIBUTE)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers.header.debug",),
    ),
    Variant(
        "live-settings",
        "prefix-worked-out-and-kept",
        {"headers.py": (None, PREFIX_GLOBAL)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._PREFIX", "worked out"),
    ),
    Variant(
        "live-settings",
        "closure-keeps-the-import-time-value",
        {"headers.py": (None, CLOSURE_COPY)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("the closure of headers.header()",),
    ),
    Variant(
        "live-settings",
        "setting-on-a-state-object",
        {"headers.py": (None, STATE_OBJECT)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._state.debug",),
    ),
    Variant(
        "live-settings",
        "class-attribute-copy",
        {"headers.py": (None, CLASS_ATTRIBUTE)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._Defaults.debug",),
    ),
    Variant(
        "live-settings",
        "partial-binds-the-value",
        {"headers.py": (None, PARTIAL_COPY)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("the argument debug= that headers.header binds",),
    ),
    Variant(
        "live-settings",
        "slotted-options-refreshed",
        {"headers.py": (None, SLOTTED_OPTIONS)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._options.debug", "when header() was called"),
    ),
    # -- live-settings, round 2: other correct answers
    Variant("live-settings", "prefix-table", {"headers.py": (None, PREFIX_TABLE)}),
    Variant("live-settings", "module-getattr-forwards-debug", {"headers.py": (None, MODULE_GETATTR_FORWARDS)}),
    Variant("live-settings", "property-and-other-state", {"headers.py": (None, PROPERTY_AND_STATE)}),
    # -- package-exports, round 2: mistakes
    Variant(
        "package-exports",
        "dunder-import-in-getattr",
        {"colors/__init__.py": (None, DUNDER_IMPORT_GETATTR)},
        fails=("import_colors_is_light_and_its_palette_is_the_submodule",),
        says=("the package colors itself", "colors.palette"),
    ),
    Variant(
        "package-exports",
        "getattr-looks-in-sys-modules",
        {"colors/__init__.py": (None, GETATTR_FROM_SYS_MODULES)},
        fails=("star_gives_the_function_and_the_submodule", "import_colors_is_light_and_its_palette_is_the_submodule"),
        says=("NoneType",),
    ),
    Variant(
        "package-exports",
        "getattr-gives-the-table",
        {"colors/__init__.py": (None, GETATTR_GIVES_THE_TABLE)},
        fails=("import_colors_is_light_and_its_palette_is_the_submodule",),
        says=("dict",),
    ),
    Variant(
        "package-exports",
        "all-built-from-the-folder",
        {"colors/__init__.py": (None, ALL_FROM_THE_FOLDER)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("swatches",),
    ),
    # -- package-exports, round 2: other correct answers
    Variant("package-exports", "lazy-from-imports", {"colors/__init__.py": (None, LAZY_FROM_IMPORTS)}),
    Variant(
        "package-exports", "dunder-import-with-a-fromlist", {"colors/__init__.py": (None, DUNDER_IMPORT_WITH_FROMLIST)}
    ),
    # -- public-api, round 2: mistakes
    Variant(
        "public-api",
        "word-regex-keeps-underscores",
        {"textkit.py": WORD_REGEX},
        fails=("everything_else_works_as_before",),
        says=("slugify(", "snake_case"),
    ),
    Variant(
        "public-api",
        "cleanup-inlined-and-deleted",
        {"textkit.py": CLEANUP_INLINED},
        fails=("everything_else_works_as_before",),
        says=("from textkit import _cleanup",),
    ),
    Variant(
        "public-api",
        "nfd-instead-of-nfkd",
        {"textkit.py": NFD_NOT_NFKD},
        fails=("everything_else_works_as_before",),
        says=("_normalize(",),
    ),
    Variant(
        "public-api",
        "shout-strips-the-text",
        {"textkit.py": SHOUT_STRIPPED},
        fails=("everything_else_works_as_before",),
        says=("shout(",),
    ),
    Variant(
        "public-api",
        "rewritten-with-a-translate-table",
        {"textkit.py": (None, FROM_SCRATCH_TRANSLATE)},
        fails=("everything_else_works_as_before",),
        says=(),
    ),
    # -- public-api, round 2: other correct answers
    Variant("public-api", "all-filled-by-a-decorator", {"textkit.py": (None, EXPORT_DECORATOR)}),
    Variant("public-api", "all-from-the-functions-names", {"textkit.py": ALL_FROM_THE_FUNCTIONS}),
    # -- live-settings, round 3: mistakes
    Variant(
        "live-settings",
        "false-values-listed-by-hand",
        {"headers.py": (None, FALSE_VALUES_LISTED)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("config.DEBUG = []", "`if`"),
    ),
    Variant(
        "live-settings",
        "setting-read-as-text",
        {"headers.py": (None, READ_AS_TEXT)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("config.DEBUG = []", "`if`"),
    ),
    Variant(
        "live-settings",
        "true-words-listed-by-hand",
        {"headers.py": (None, TRUE_WORDS_LISTED)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("config.DEBUG = 'off'", "reading it as text"),
    ),
    Variant(
        "live-settings",
        "false-values-listed-carefully",
        {"headers.py": (None, FALSE_VALUES_LISTED_CAREFULLY)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("object of the check's own",),
    ),
    Variant(
        "live-settings",
        "cache-keyed-by-the-setting",
        {"headers.py": (None, CACHE_KEYED_BY_THE_SETTING)},
        fails=("headers_follow_an_assignment_to_the_module",),
        says=("TypeError", "headers.py, line", "config.DEBUG = []", "unhashable"),
    ),
    Variant(
        "live-settings",
        "start-mode-kept-as-a-key",
        {"headers.py": (None, START_MODE_AS_A_KEY)},
        fails=("headers_keep_no_copy_of_the_setting",),
        says=("headers._BANNERS", "worked out", "when headers was imported"),
    ),
    # -- live-settings, round 3: other correct answers
    Variant("live-settings", "cache-keyed-by-the-live-truth", {"headers.py": (None, CACHE_KEYED_BY_THE_LIVE_TRUTH)}),
    Variant("live-settings", "memo-dict-by-the-live-truth", {"headers.py": (None, MEMO_DICT_BY_THE_LIVE_TRUTH)}),
    # -- package-exports, round 3: mistakes
    Variant(
        "package-exports",
        "all-follows-convert",
        {"colors/__init__.py": (None, ALL_FOLLOWS_CONVERT)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("rgb_to_hex", "convert.py"),
    ),
    Variant(
        "package-exports",
        "all-from-the-package-globals",
        {"colors/__init__.py": (None, ALL_FROM_THE_PACKAGE_GLOBALS)},
        fails=("star_gives_the_function_and_the_submodule",),
        says=("rgb_to_hex",),
    ),
    # -- package-exports, round 3: other correct answers
    Variant(
        "package-exports",
        "star-import-of-convert-with-a-list",
        {"colors/__init__.py": (None, STAR_IMPORT_OF_CONVERT_WITH_A_LIST)},
    ),
    # -- public-api, round 3: mistakes
    Variant(
        "public-api",
        "table-kept-as-a-detached-copy",
        {"textkit.py": TABLE_DETACHED},
        fails=("everything_else_works_as_before",),
        says=("REPLACEMENTS['+'] = 'plus'", "slugify("),
    ),
    Variant(
        "public-api",
        "pairs-taken-once",
        {"textkit.py": PAIRS_TAKEN_ONCE},
        fails=("everything_else_works_as_before",),
        says=("REPLACEMENTS['+'] = 'plus'",),
    ),
    Variant(
        "public-api",
        "pattern-compiled-from-the-table",
        {"textkit.py": (None, PATTERN_FROM_THE_TABLE)},
        fails=("everything_else_works_as_before",),
        says=("REPLACEMENTS['+'] = 'plus'",),
    ),
    Variant(
        "public-api",
        "slugify-memoised",
        {"textkit.py": SLUGIFY_MEMOISED},
        fails=("everything_else_works_as_before",),
        says=("slugify('a&b@c') gave 'a-and-b-at-c'",),
    ),
    # -- public-api, round 3: other correct answers
    Variant("public-api", "table-with-a-private-alias", {"textkit.py": TABLE_WITH_A_PRIVATE_ALIAS}),
]

# -- lazy-names ------------------------------------------------------------------------------------------------------

_TOOLBOX_RAISE = (
    '    if name not in _WHERE:\n        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
)

_TOOLBOX_HEAD = '''"""Toolbox: small helpers, each in a submodule of its own."""

import importlib

__version__ = "2.1"
'''

#: Three names, three if-statements with a from-import each; __all__ a tuple; __dir__ adding to globals().
TOOLBOX_IF_CHAIN = '''"""Toolbox: small helpers, each in a submodule of its own."""

__version__ = "2.1"
__all__ = ("bar", "mean", "slugify")


def __getattr__(name):
    if name == "bar":
        from .charts import bar
        return bar
    if name == "mean":
        from .stats import mean
        return mean
    if name == "slugify":
        from .slugs import slugify
        return slugify
    raise AttributeError(name)


def __dir__():
    return list(globals()) + ["bar", "mean", "slugify"]
'''

#: __import__ with a fromlist, nothing cached, the table keyed by submodule.
TOOLBOX_BY_MODULE = '''"""Toolbox: small helpers, each in a submodule of its own."""

__version__ = "2.1"

_MODULES = {"charts": ["bar"], "stats": ["mean"], "slugs": ["slugify"]}
__all__ = [name for names in _MODULES.values() for name in names]


def __getattr__(name):
    for module, names in _MODULES.items():
        if name in names:
            return getattr(__import__(__name__ + "." + module, fromlist=[name]), name)
    raise AttributeError(f"module {__name__} has no attribute {name}")


def __dir__():
    return [*globals(), *__all__]
'''

#: Looks for the name in each submodule in turn: every name imports the submodules before its own, and an unknown
#: name imports them all.
TOOLBOX_SEARCH_EVERY_MODULE = _TOOLBOX_HEAD + '''
__all__ = ["bar", "mean", "slugify"]


def __getattr__(name):
    for module in ("charts", "slugs", "stats"):
        found = importlib.import_module("." + module, __name__)
        if hasattr(found, name):
            return getattr(found, name)
    raise AttributeError(name)


def __dir__():
    return sorted(list(globals()) + __all__)
'''

#: Placeholders "so that dir() lists them": the names exist, so __getattr__ is never asked.
TOOLBOX_PLACEHOLDERS = _TOOLBOX_HEAD + '''
_WHERE = {"bar": "charts", "mean": "stats", "slugify": "slugs"}
__all__ = ["bar", "mean", "slugify"]
bar = mean = slugify = None


def __getattr__(name):
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module("." + _WHERE[name], __name__), name)
'''

VARIANTS += [
    Variant(
        "lazy-names",
        "one-eager-import-left",
        {"toolbox/__init__.py": ('__version__ = "2.1"\n', '__version__ = "2.1"\n\nfrom .stats import mean\n')},
        fails=("importing_the_package_loads_no_submodule",),
        says=("toolbox.stats", "__getattr__"),
    ),
    Variant(
        "lazy-names",
        "search-every-submodule",
        {"toolbox/__init__.py": (None, TOOLBOX_SEARCH_EVERY_MODULE)},
        fails=("each_name_loads_only_its_own_submodule", "an_unknown_name_is_an_attribute_error"),
        says=("toolbox.charts",),
    ),
    Variant(
        "lazy-names",
        "unknown-name-returns-none",
        {"toolbox/__init__.py": (_TOOLBOX_RAISE, "    if name not in _WHERE:\n        return None\n")},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("AttributeError", "None"),
    ),
    Variant(
        "lazy-names",
        "unknown-name-is-a-key-error",
        {"toolbox/__init__.py": (_TOOLBOX_RAISE, "")},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("KeyError",),
    ),
    Variant(
        "lazy-names",
        "unknown-name-is-an-import-error",
        {"toolbox/__init__.py": (
            _TOOLBOX_RAISE.strip().splitlines()[-1].strip(),
            "raise ImportError(f'no {name} in toolbox')",
        )},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("ImportError", "AttributeError"),
    ),
    Variant(
        "lazy-names",
        "the-submodule-returned",
        {"toolbox/__init__.py": (
            "    value = getattr(importlib.import_module(f\".{_WHERE[name]}\", __name__), name)",
            "    value = importlib.import_module(f\".{_WHERE[name]}\", __name__)",
        )},
        fails=("each_name_loads_only_its_own_submodule",),
        says=("module", "getattr(module"),
    ),
    Variant(
        "lazy-names",
        "no-dir",
        {"toolbox/__init__.py": ("def __dir__():\n    return sorted(set(globals()) | set(_WHERE))\n", "")},
        fails=("dir_lists_the_names_without_loading_them",),
        says=("bar, mean, slugify", "__dir__"),
    ),
    Variant(
        "lazy-names",
        "dir-lists-only-the-lazy-names",
        {"toolbox/__init__.py": ("    return sorted(set(globals()) | set(_WHERE))", "    return __all__")},
        fails=("dir_lists_the_names_without_loading_them",),
        says=("__version__", "globals()"),
    ),
    Variant(
        "lazy-names",
        "dir-of-the-function-scope",
        {"toolbox/__init__.py": ("    return sorted(set(globals()) | set(_WHERE))", "    return dir() + list(_WHERE)")},
        fails=("dir_lists_the_names_without_loading_them",),
        says=("__version__",),
    ),
    Variant(
        "lazy-names",
        "dir-imports-the-submodules-to-list-them",
        {"toolbox/__init__.py": (
            "    return sorted(set(globals()) | set(_WHERE))",
            "    names = set(globals())\n    for module in set(_WHERE.values()):\n"
            "        names |= set(vars(importlib.import_module('.' + module, __name__)))\n    return sorted(names)",
        )},
        fails=("dir_lists_the_names_without_loading_them",),
        says=("without importing",),
    ),
    Variant(
        "lazy-names",
        "no-all",
        {"toolbox/__init__.py": ("__all__ = sorted(_WHERE)\n", "")},
        fails=("star_import_follows_all",),
        says=("__all__",),
    ),
    Variant(
        "lazy-names",
        "all-lists-the-submodules",
        {"toolbox/__init__.py": ("__all__ = sorted(_WHERE)\n", "__all__ = sorted(_WHERE.values())\n")},
        fails=("star_import_follows_all",),
        says=("charts, slugs, stats",),
    ),
    Variant(
        "lazy-names",
        "all-with-the-version",
        {"toolbox/__init__.py": ("__all__ = sorted(_WHERE)\n", "__all__ = sorted(_WHERE) + ['__version__']\n")},
        fails=("star_import_follows_all",),
        says=("__version__",),
    ),
    Variant(
        "lazy-names",
        "placeholders-so-that-dir-lists-them",
        {"toolbox/__init__.py": (None, TOOLBOX_PLACEHOLDERS)},
        fails=("each_name_loads_only_its_own_submodule",),
        says=("not that function",),
    ),
    Variant("lazy-names", "if-chain-of-from-imports", {"toolbox/__init__.py": (None, TOOLBOX_IF_CHAIN)}),
    Variant("lazy-names", "dunder-import-by-module", {"toolbox/__init__.py": (None, TOOLBOX_BY_MODULE)}),
]

# lazy-names, adversarial round (written from the README and the stubs alone)

#: Small wrappers that import on their first call: nothing is imported at start-up, but toolbox.mean is the
#: wrapper, not the function of toolbox.stats (and dir, *, hasattr are all fine).
TOOLBOX_WRAPPERS = '''"""Toolbox: small helpers, each in a submodule of its own."""

__version__ = "2.1"
__all__ = ["bar", "mean", "slugify"]


def bar(*args, **kwargs):
    from .charts import bar

    return bar(*args, **kwargs)


def mean(values):
    from .stats import mean

    return mean(values)


def slugify(text):
    from .slugs import slugify

    return slugify(text)
'''

#: A right answer: the module's class swapped for a subclass whose __getattr__ and __dir__ do the work.
TOOLBOX_MODULE_SUBCLASS = '''"""Toolbox: small helpers, each in a submodule of its own."""

import importlib
import sys
import types

__version__ = "2.1"
__all__ = ["bar", "mean", "slugify"]
_HOMES = {"bar": "charts", "mean": "stats", "slugify": "slugs"}


class _Lazy(types.ModuleType):
    def __getattr__(self, name):
        try:
            home = _HOMES[name]
        except KeyError:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}") from None
        return getattr(importlib.import_module("toolbox." + home), name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(_HOMES))


sys.modules[__name__].__class__ = _Lazy
'''

VARIANTS += [
    Variant(
        "lazy-names",
        "wrappers-that-import-when-called",
        {"toolbox/__init__.py": (None, TOOLBOX_WRAPPERS)},
        fails=("each_name_loads_only_its_own_submodule", "star_import_follows_all"),
        says=("function",),
    ),
    Variant("lazy-names", "module-subclass", {"toolbox/__init__.py": (None, TOOLBOX_MODULE_SUBCLASS)}),
]

#: Python 3.15's lazy from-imports (PEP 810) do it all: nothing is imported until a name is used, dir and * see the
#: names, and an unknown name is the module's usual AttributeError.
VARIANTS += [
    Variant(
        "lazy-names",
        "lazy-from-imports-on-3.15",
        {"toolbox/__init__.py": (None, '''"""Toolbox: small helpers, each in a submodule of its own."""

__version__ = "2.1"
__all__ = ["bar", "mean", "slugify"]

lazy from .charts import bar
lazy from .slugs import slugify
lazy from .stats import mean
''')},
        pythons=((3, 15), (3, 99)),
    ),
]

# lazy-names, second adversarial round (an adversary's, from the README alone)

_TOOLBOX_FOUND = '    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)\n'

#: A right answer: only ImportError for the missing name is caught, and only where the name lookup happens; an
#: error inside a submodule goes through as it is.
TOOLBOX_NARROW_TRY = _TOOLBOX_HEAD + '''
_WHERE = {"bar": "charts", "mean": "stats", "slugify": "slugs"}
__all__ = list(_WHERE)


def __getattr__(name):
    try:
        home = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    module = importlib.import_module("." + home, __name__)
    globals()[name] = getattr(module, name)
    return globals()[name]


def __dir__():
    return sorted([*globals(), *_WHERE])
'''

VARIANTS += [
    Variant(
        "lazy-names",
        "the-submodule-s-names-copied-in",
        {"toolbox/__init__.py": (
            _TOOLBOX_FOUND,
            '    module = importlib.import_module(f".{_WHERE[name]}", __name__)\n'
            '    globals().update({k: v for k, v in vars(module).items() if not k.startswith("__")})\n'
            "    value = getattr(module, name)\n",
        )},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("toolbox.statistics", "step 4"),
    ),
    Variant(
        "lazy-names",
        "every-error-turned-into-attribute-error",
        {"toolbox/__init__.py": (
            _TOOLBOX_FOUND,
            "    try:\n"
            "    " + _TOOLBOX_FOUND
            + "    except Exception as error:\n"
            '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from error\n',
        )},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("ModuleNotFoundError", "AttributeError"),
    ),
    Variant(
        "lazy-names",
        "import-error-returns-none",
        {"toolbox/__init__.py": (
            _TOOLBOX_FOUND,
            "    try:\n"
            "    " + _TOOLBOX_FOUND
            + "    except ImportError:\n        return None\n",
        )},
        fails=("an_unknown_name_is_an_attribute_error",),
        says=("ModuleNotFoundError", "None"),
    ),
    Variant("lazy-names", "narrow-try-around-the-table", {"toolbox/__init__.py": (None, TOOLBOX_NARROW_TRY)}),
]
