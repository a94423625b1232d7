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

# -- blocked-imports -----------------------------------------------------------------------------------------------

#: A block made by wrapping builtins.__import__: the import statement fails, importlib.import_module does not.
BLOCKER_IMPORT_HOOK = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import builtins
import sys

_real_import = builtins.__import__
_blocked = set()


def _guarded_import(name, *args, **kwargs):
    if name in _blocked:
        raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
    return _real_import(name, *args, **kwargs)


builtins.__import__ = _guarded_import


def block(name):
    if name in sys.modules and sys.modules[name] is not None:
        raise ValueError(f"{name} is already imported")
    _blocked.add(name)


def unblock(name):
    _blocked.discard(name)
'''

#: block() makes sure the module exists by importing it, then blocks it: its code has run.
BLOCKER_IMPORTS_FIRST = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import importlib
import sys


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    importlib.import_module(name)  # fails early on a typo in the name
    sys.modules[name] = None


def unblock(name):
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]
'''

#: unblock() trusts its own list of blocked names, and never takes a name off it.
BLOCKER_REMEMBERS_FOREVER = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys

blocked = []


def block(name):
    if name in sys.modules and sys.modules[name] is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None
    blocked.append(name)


def unblock(name):
    if name in blocked:
        sys.modules.pop(name, None)
'''

#: unblock() tidies every None out of sys.modules, not only the one asked for.
BLOCKER_UNBLOCKS_ALL = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    for key in [key for key, module in sys.modules.items() if module is None]:
        del sys.modules[key]
'''

#: unblock() puts the module back by importing it.
BLOCKER_UNBLOCK_REIMPORTS = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import importlib
import sys


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]
        importlib.import_module(name)
'''

#: A finder added at the end of sys.meta_path: the path finder before it finds every module first.
BLOCKER_FINDER_LAST = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


class Blocker:
    def __init__(self):
        self.names = set()

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.names:
            raise ModuleNotFoundError(f"{fullname} is blocked", name=fullname)
        return None


BLOCKER = Blocker()
sys.meta_path.append(BLOCKER)


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    BLOCKER.names.add(name)


def unblock(name):
    BLOCKER.names.discard(name)
'''

#: Right: a finder at the front of sys.meta_path, consulted before any module is looked for.
BLOCKER_FINDER_FIRST = BLOCKER_FINDER_LAST.replace("sys.meta_path.append(BLOCKER)", "sys.meta_path.insert(0, BLOCKER)")

#: Right: setdefault puts None in only when there is no entry, and says what was there.
BLOCKER_SETDEFAULT = '''"""Make modules impossible to import, to test code that has optional dependencies."""

from sys import modules


def block(name):
    if modules.setdefault(name, None) is not None:
        raise ValueError(f"{name} is already imported, blocking it now would change nothing")


def unblock(name):
    try:
        if modules[name] is None:
            del modules[name]
    except KeyError:
        pass
'''

VARIANTS += [
    Variant(
        "blocked-imports",
        "builtins-import-wrapped",
        {"blocker.py": (None, BLOCKER_IMPORT_HOOK)},
        fails=("a_blocked_module_cannot_be_imported",),
        says=("import_module",),
    ),
    Variant(
        "blocked-imports",
        "block-imports-the-module-first",
        {"blocker.py": (None, BLOCKER_IMPORTS_FIRST)},
        fails=("a_blocked_module_cannot_be_imported",),
        says=("ran",),
    ),
    Variant(
        "blocked-imports",
        "unblock-trusts-a-list-of-names",
        {"blocker.py": (None, BLOCKER_REMEMBERS_FOREVER)},
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("sys.modules",),
    ),
    Variant(
        "blocked-imports",
        "unblock-lifts-every-block",
        {"blocker.py": (None, BLOCKER_UNBLOCKS_ALL)},
        fails=("unblocking_makes_it_importable_again",),
        says=("still blocked",),
    ),
    Variant(
        "blocked-imports",
        "unblock-imports-the-module",
        {"blocker.py": (None, BLOCKER_UNBLOCK_REIMPORTS)},
        fails=("unblocking_makes_it_importable_again",),
        says=("unblock", "imported"),
    ),
    Variant(
        "blocked-imports",
        "finder-at-the-end-of-meta-path",
        {"blocker.py": (None, BLOCKER_FINDER_LAST)},
        fails=("a_blocked_module_cannot_be_imported",),
        says=("worked",),
    ),
    Variant(
        "blocked-imports",
        "block-replaces-an-imported-module-then-refuses",
        {
            "blocker.py": (
                '    if sys.modules.get(name) is not None:\n        raise ValueError(f"{name} is already imported")\n'
                "    sys.modules[name] = None\n",
                "    old = sys.modules.get(name)\n    sys.modules[name] = None\n"
                '    if old is not None:\n        raise ValueError(f"{name} is already imported")\n',
            )
        },
        fails=("an_imported_module_is_not_blocked",),
        says=("sys.modules",),
    ),
    Variant(
        "blocked-imports",
        "refuses-with-another-error",
        {"blocker.py": ("raise ValueError(", "raise ImportError(")},
        fails=("an_imported_module_is_not_blocked",),
        says=("ValueError", "ImportError"),
    ),
    Variant(
        "blocked-imports",
        "unblock-pops-whatever-is-there",
        {
            "blocker.py": (
                "    if name in sys.modules and sys.modules[name] is None:\n        del sys.modules[name]",
                "    sys.modules.pop(name, None)",
            )
        },
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("json",),
    ),
    Variant("blocked-imports", "finder-at-the-front-of-meta-path", {"blocker.py": (None, BLOCKER_FINDER_FIRST)}),
    Variant("blocked-imports", "setdefault-and-try", {"blocker.py": (None, BLOCKER_SETDEFAULT)}),
]

# -- plugin-loader -------------------------------------------------------------------------------------------------

LOADER_HEAD = '''"""Load text plugins by name: load("upper") gives the module plugins.upper."""

import importlib


class UnknownPlugin(LookupError):
    """Raised by load() for a name that is not a plugin; `name` holds that name."""

    def __init__(self, name):
        super().__init__(f"no plugin called {name!r}")
        self.name = name
'''

#: The plugins the README names, and no other.
LOADER_KNOWN_LIST = LOADER_HEAD + '''

PLUGINS = ("upper", "reverse")


def load(name):
    if name not in PLUGINS:
        raise UnknownPlugin(name)
    return importlib.import_module("plugins." + name)
'''

#: A plugin is a .py file in the plugins folder (a plugin that is a package is not).
LOADER_PY_FILE = LOADER_HEAD + '''
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    if not os.path.isfile(os.path.join(HERE, "plugins", name + ".py")):
        raise UnknownPlugin(name)
    return importlib.import_module("plugins." + name)
'''

#: The plugins folder, looked for in the current folder.
LOADER_LISTS_CWD = LOADER_HEAD + '''
import os


def load(name):
    found = {entry.removesuffix(".py") for entry in os.listdir("plugins") if not entry.startswith("_")}
    if name not in found:
        raise UnknownPlugin(name)
    return importlib.import_module(f"plugins.{name}")
'''

#: Every load imports the plugin afresh, to see changes to its file.
LOADER_RELOADS = LOADER_HEAD + '''

def load(name):
    try:
        module = importlib.import_module(f"plugins.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"plugins.{name}":
            raise UnknownPlugin(name) from None
        raise
    return importlib.reload(module)
'''

#: A new ModuleNotFoundError, with the same name, for a plugin's missing dependency.
LOADER_REWRAPS = LOADER_HEAD + '''

def load(name):
    module_name = "plugins." + name
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            raise UnknownPlugin(name) from None
        raise ModuleNotFoundError(f"plugin {name!r} needs {error.name!r}", name=error.name) from error
'''

#: find_spec first; a ModuleNotFoundError from it is taken as "no such plugin".
LOADER_FIND_SPEC_GUARDED = LOADER_HEAD + '''
import importlib.util


def load(name):
    try:
        spec = importlib.util.find_spec(f"plugins.{name}")
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        raise UnknownPlugin(name)
    return importlib.import_module(f"plugins.{name}")
'''

#: Names from a settings file are matched whatever their case.
LOADER_ANY_CASE = LOADER_HEAD + '''

def load(name):
    wanted = f"plugins.{name.strip().lower()}"
    try:
        return importlib.import_module(wanted)
    except ModuleNotFoundError as error:
        if error.name != wanted:
            raise
    raise UnknownPlugin(name)
'''

#: Every plugin imported once, into a table.
LOADER_TABLE = LOADER_HEAD + '''
import pkgutil

import plugins


def load(name):
    table = {}
    for info in pkgutil.iter_modules(plugins.__path__):
        table[info.name] = importlib.import_module(f"plugins.{info.name}")
    if name not in table:
        raise UnknownPlugin(name)
    return table[name]
'''

#: Right: find_spec says whether the plugin is there, without running it; its errors pass through.
LOADER_FIND_SPEC = LOADER_HEAD + '''
from importlib.util import find_spec


def load(name):
    """Import and return the module plugins.<name>."""
    full_name = "plugins." + name
    if find_spec(full_name) is None:
        raise UnknownPlugin(name)
    return importlib.import_module(full_name)
'''

#: Right: a relative name in the package, the raise outside the except block, and a cache.
LOADER_RELATIVE = LOADER_HEAD + '''
_loaded = {}


def load(name):
    """Import and return the module plugins.<name>."""
    if name in _loaded:
        return _loaded[name]
    try:
        module = importlib.import_module("." + name, package="plugins")
    except ModuleNotFoundError as error:
        if error.name != "plugins." + name:
            raise
        missing = True
    else:
        missing = False
    if missing:
        raise UnknownPlugin(name)
    _loaded[name] = module
    return module
'''

#: Right: the package's own list of its modules (and packages), read when load() is called.
LOADER_ITER_MODULES = LOADER_HEAD + '''
import pkgutil


def load(name):
    """Import and return the module plugins.<name>."""
    package = importlib.import_module("plugins")
    if name not in [info.name for info in pkgutil.iter_modules(package.__path__)]:
        raise UnknownPlugin(name)
    return importlib.import_module(f"{package.__name__}.{name}")
'''

VARIANTS += [
    Variant(
        "plugin-loader",
        "only-the-plugins-in-the-readme",
        {"loader.py": (None, LOADER_KNOWN_LIST)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("UnknownPlugin",),
    ),
    Variant(
        "plugin-loader",
        "a-plugin-must-be-a-py-file",
        {"loader.py": (None, LOADER_PY_FILE)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("package", "UnknownPlugin"),
    ),
    Variant(
        "plugin-loader",
        "plugins-folder-of-the-current-folder",
        {"loader.py": (None, LOADER_LISTS_CWD)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("FileNotFoundError", "folder"),
    ),
    Variant(
        "plugin-loader",
        "reloads-on-every-load",
        {"loader.py": (None, LOADER_RELOADS)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("twice",),
    ),
    Variant(
        "plugin-loader",
        "a-new-error-for-a-missing-dependency",
        {"loader.py": (None, LOADER_REWRAPS)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("same", "colour_tables"),
    ),
    Variant(
        "plugin-loader",
        "a-broken-package-taken-for-no-plugin",
        {"loader.py": (None, LOADER_FIND_SPEC_GUARDED)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("plugins/__init__.py", "UnknownPlugin"),
    ),
    Variant(
        "plugin-loader",
        "names-matched-in-any-case",
        {"loader.py": (None, LOADER_ANY_CASE)},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("Upper",),
    ),
    Variant(
        "plugin-loader",
        "imports-every-plugin",
        {"loader.py": (None, LOADER_TABLE)},
        fails=("only_the_requested_plugin_is_imported",),
        says=("plugins.upper",),
    ),
    Variant(
        "plugin-loader",
        "module-built-outside-sys-modules",
        {
            "loader.py": [
                ("import importlib\n", "import importlib\nimport importlib.util\n"),
                (
                "        return importlib.import_module(wanted)\n",
                "        spec = importlib.util.find_spec(wanted)\n"
                "        if spec is None:\n"
                "            raise ModuleNotFoundError(wanted, name=wanted)\n"
                "        module = importlib.util.module_from_spec(spec)\n"
                "        spec.loader.exec_module(module)\n"
                "        return module\n",
                ),
            ]
        },
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("sys.modules",),
    ),
    Variant("plugin-loader", "find-spec-first", {"loader.py": (None, LOADER_FIND_SPEC)}),
    Variant("plugin-loader", "relative-name-and-a-cache", {"loader.py": (None, LOADER_RELATIVE)}),
    Variant("plugin-loader", "the-package-lists-its-modules", {"loader.py": (None, LOADER_ITER_MODULES)}),
]

# -- short-alias ---------------------------------------------------------------------------------------------------

DASHBOARD_HEAD = '''"""Numbers for the team dashboard."""

import statistics as st
'''

#: The mean and the median worked out by hand: the same text for the README's lists.
DASHBOARD_BY_HAND = DASHBOARD_HEAD + '''

def summary(numbers):
    ordered = sorted(numbers)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        median = ordered[middle]
    else:
        median = (ordered[middle - 1] + ordered[middle]) / 2
    mean = sum(numbers) / len(numbers)
    return f"mean {mean:g}, median {median:g}"
'''

#: The functions imported by name, next to the alias.
DASHBOARD_FROM_IMPORT = '''"""Numbers for the team dashboard."""

import statistics as st
from statistics import mean, median


def summary(numbers):
    return f"mean {mean(numbers):g}, median {median(numbers):g}"
'''

#: Whole numbers shown without their ".0", the rest as Python prints them.
DASHBOARD_TIDY_NUMBERS = DASHBOARD_HEAD + '''

def tidy(x):
    return str(int(x)) if x == int(x) else str(x)


def summary(numbers):
    return "mean " + tidy(st.mean(numbers)) + ", median " + tidy(st.median(numbers))
'''

#: A second alias for the same module.
DASHBOARD_TWO_ALIASES = DASHBOARD_HEAD + '''
import statistics as stats


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {stats.median(numbers):g}"
'''

#: "No statistics left": the dashboard takes the module out of sys.modules too.
DASHBOARD_UNFILED = '''"""Numbers for the team dashboard."""

import sys

import statistics as st

del sys.modules["statistics"]


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
'''

#: legacy.py changed to the alias as well.
LEGACY_ALIASED = '''"""Older code that imports statistics by its real name. Leave this file as it is."""

import statistics as st


def spread(numbers):
    return st.pstdev(numbers)
'''

#: Right: the module bound under its real name, renamed, and the real name deleted; %-formatting.
DASHBOARD_RENAMED = '''"""Numbers for the team dashboard."""

import statistics

st = statistics
del statistics


def summary(numbers):
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    return "mean %g, median %g" % (st.mean(numbers), st.median(numbers))
'''

#: Right: str.format, with the two results in local names first.
DASHBOARD_FORMAT = DASHBOARD_HEAD + '''

def summary(numbers):
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    average = st.mean(numbers)
    middle = st.median(numbers)
    return "mean {:g}, median {:g}".format(average, middle)
'''

VARIANTS += [
    Variant(
        "short-alias",
        "mean-and-median-by-hand",
        {"dashboard.py": (None, DASHBOARD_BY_HAND)},
        fails=("summary_uses_mean_and_median",),
        says=("st.mean",),
    ),
    Variant(
        "short-alias",
        "fmean-instead-of-mean",
        {"dashboard.py": ("st.mean(numbers)", "st.fmean(numbers)")},
        fails=("summary_uses_mean_and_median",),
        says=("st.mean",),
    ),
    Variant(
        "short-alias",
        "functions-imported-by-name",
        {"dashboard.py": (None, DASHBOARD_FROM_IMPORT)},
        fails=("summary_uses_mean_and_median",),
        says=("st.mean",),
    ),
    Variant(
        "short-alias",
        "whole-numbers-tidied-by-hand",
        {"dashboard.py": (None, DASHBOARD_TIDY_NUMBERS)},
        fails=("summary_uses_mean_and_median",),
        says=(":g",),
    ),
    Variant(
        "short-alias",
        "rounded-before-formatting",
        {"dashboard.py": ("return f\"mean {st.mean(numbers):g}, median {st.median(numbers):g}\"",
                          "return f\"mean {round(st.mean(numbers), 2):g}, median {round(st.median(numbers), 2):g}\"")},
        fails=("summary_uses_mean_and_median",),
        says=(":g",),
    ),
    Variant(
        "short-alias",
        "a-second-alias",
        {"dashboard.py": (None, DASHBOARD_TWO_ALIASES)},
        fails=("only_the_alias_is_bound_in_the_dashboard",),
        says=("stats",),
    ),
    Variant(
        "short-alias",
        "statistics-taken-out-of-sys-modules",
        {"dashboard.py": (None, DASHBOARD_UNFILED)},
        fails=("other_modules_still_use_the_real_name",),
        says=("sys.modules",),
    ),
    Variant(
        "short-alias",
        "legacy-switched-to-the-alias",
        {"legacy.py": (None, LEGACY_ALIASED)},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy.py", "statistics"),
    ),
    Variant(
        "short-alias",
        "alias-filed-in-sys-modules",
        {
            "dashboard.py": (
                "import statistics as st\n",
                "import sys\nimport statistics as st\n\nsys.modules['st'] = st\n",
            )
        },
        fails=("other_modules_still_use_the_real_name",),
        says=("'st'",),
    ),
    Variant(
        "short-alias",
        "alias-inside-the-function",
        {
            "dashboard.py": [
                ("import statistics as st\n", ""),
                ('    return f"mean', '    import statistics as st\n\n    return f"mean'),
            ]
        },
        fails=("only_the_alias_is_bound_in_the_dashboard",),
        says=("top",),
    ),
    Variant("short-alias", "renamed-by-hand-and-percent-g", {"dashboard.py": (None, DASHBOARD_RENAMED)}),
    Variant("short-alias", "str-format-with-locals", {"dashboard.py": (None, DASHBOARD_FORMAT)}),
]

# -- found by attacking the suites: each passed a draft of them ----------------------------------------------------

#: Both import functions wrapped: an import_module bound before blocker.py was imported still imports.
BLOCKER_BOTH_WRAPPED = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import builtins
import importlib
import sys

_blocked = set()
_import, _import_module = builtins.__import__, importlib.import_module


def _refuse(name):
    if name in _blocked:
        raise ModuleNotFoundError(f"{name} is blocked", name=name)


def _guarded_import(name, *args, **kwargs):
    _refuse(name)
    return _import(name, *args, **kwargs)


def _guarded_import_module(name, package=None):
    _refuse(name)
    return _import_module(name, package)


builtins.__import__ = _guarded_import
importlib.import_module = _guarded_import_module


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    _blocked.add(name)


def unblock(name):
    _blocked.discard(name)
'''

#: The plugins folder's modules, listed by a path relative to the current folder.
LOADER_ITER_RELATIVE = LOADER_HEAD + '''
import pkgutil


def load(name):
    names = [info.name for info in pkgutil.iter_modules(["plugins"])]
    if name not in names:
        raise UnknownPlugin(name)
    return importlib.import_module("plugins." + name)
'''

VARIANTS += [
    Variant(
        "blocked-imports",
        "both-import-functions-wrapped",
        {"blocker.py": (None, BLOCKER_BOTH_WRAPPED)},
        fails=("a_blocked_module_cannot_be_imported",),
        says=("import_module", "sys.modules"),
    ),
    Variant(
        "plugin-loader",
        "iter-modules-of-a-relative-folder",
        {"loader.py": (None, LOADER_ITER_RELATIVE)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("another folder",),
        not_says=("the check added",),
    ),
    Variant(
        "short-alias",
        "rounded-to-six-places",
        {"dashboard.py": ("return f\"mean {st.mean(numbers):g}, median {st.median(numbers):g}\"",
                          "return f\"mean {round(st.mean(numbers), 6):g}, median {round(st.median(numbers), 6):g}\"")},
        fails=("summary_uses_mean_and_median",),
        says=(":g", "0.000123457"),
    ),
    Variant(
        "short-alias",
        "capital-g",
        {"dashboard.py": ("return f\"mean {st.mean(numbers):g}, median {st.median(numbers):g}\"",
                          "return f\"mean {st.mean(numbers):G}, median {st.median(numbers):G}\"")},
        fails=("summary_uses_mean_and_median",),
        says=(":g",),
    ),
]

# -- one more mistake for a requirement that only shared a check with others ---------------------------------------

VARIANTS += [
    # The test of the entry turned round: a blocked name is never unblocked, and an imported module is removed.
    Variant(
        "blocked-imports",
        "unblock-condition-turned-round",
        {
            "blocker.py": (
                "    if name in sys.modules and sys.modules[name] is None:",
                "    if sys.modules.get(name) is not None:",
            )
        },
        fails=("unblocking_makes_it_importable_again", "unblocking_something_not_blocked_changes_nothing"),
        says=("None",),
    ),
    Variant(
        "plugin-loader",
        "unknown-plugin-gives-none",
        {"loader.py": ("            raise UnknownPlugin(name) from None", "            return None")},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=('"shout"', "returned None"),
    ),
    Variant(
        "short-alias",
        "long-name-kept-too",
        {"dashboard.py": ("import statistics as st\n", "import statistics\nimport statistics as st\n")},
        fails=("only_the_alias_is_bound_in_the_dashboard",),
        says=("`statistics`",),
    ),
]

# -- the adversarial round of issue 21: wrong answers that kept full marks, and the kinds of hole behind them --------

#: The alias "finished" by renaming the shared module itself: legacy.statistics.__name__ is 'st' now.
DASHBOARD_RENAMES_THE_MODULE = DASHBOARD_HEAD + '''
st.__name__ = "st"  # the module is called st now


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
'''

#: The shared module changed for every importer: its mean swapped for the faster fmean.
DASHBOARD_PATCHES_THE_MODULE = DASHBOARD_HEAD + '''
st.mean = st.fmean  # faster, and the same numbers


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
'''

#: Results kept per list of numbers: a second call never asks st.mean and st.median again.
DASHBOARD_MEMOISED = DASHBOARD_HEAD + '''
_cache = {}


def summary(numbers):
    key = tuple(numbers)
    if key not in _cache:
        _cache[key] = f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
    return _cache[key]
'''

#: The same, with functools: the numbers made hashable for an lru_cache.
DASHBOARD_LRU_CACHE = '''"""Numbers for the team dashboard."""

from functools import lru_cache
import statistics as st


@lru_cache(maxsize=None)
def _summary(numbers):
    return "mean {:g}, median {:g}".format(st.mean(numbers), st.median(numbers))


def summary(numbers):
    return _summary(tuple(numbers))
'''

#: Right (the reviewer's): annotations, and a list copy so that any iterable works.
DASHBOARD_ANNOTATED_COPY = '''"""Numbers for the team dashboard."""

from __future__ import annotations

from collections.abc import Iterable

import statistics as st


def summary(numbers: Iterable[float]) -> str:
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    values = list(numbers)
    return f"mean {st.mean(values):g}, median {st.median(values):g}"
'''

#: Right (the reviewer's): median first, the format() built-in, a sorted copy.
DASHBOARD_FORMAT_BUILTIN = DASHBOARD_HEAD + '''

def summary(numbers):
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    ordered = sorted(numbers)
    middle = st.median(ordered)
    average = st.mean(ordered)
    return "mean " + format(average, "g") + ", median " + format(middle, "g")
'''

VARIANTS += [
    Variant(
        "short-alias",
        "module-renamed-to-the-alias",
        {"dashboard.py": (None, DASHBOARD_RENAMES_THE_MODULE)},
        fails=("other_modules_still_use_the_real_name",),
        says=("__name__", "'st'"),
    ),
    Variant(
        "short-alias",
        "shared-module-patched",
        {"dashboard.py": (None, DASHBOARD_PATCHES_THE_MODULE)},
        fails=("other_modules_still_use_the_real_name",),
        says=("mean", "changed"),
    ),
    Variant(
        "short-alias",
        "results-memoised",
        {"dashboard.py": (None, DASHBOARD_MEMOISED)},
        fails=("summary_uses_mean_and_median",),
        says=("each time", "st.mean"),
    ),
    Variant(
        "short-alias",
        "lru-cache-on-a-tuple",
        {"dashboard.py": (None, DASHBOARD_LRU_CACHE)},
        fails=("summary_uses_mean_and_median",),
        says=("each time",),
    ),
    Variant("short-alias", "annotated-list-copy", {"dashboard.py": (None, DASHBOARD_ANNOTATED_COPY)}),
    Variant("short-alias", "format-builtin-sorted-copy", {"dashboard.py": (None, DASHBOARD_FORMAT_BUILTIN)}),
]

#: The name is noted as blocked before the refusal: unblock then removes a module really imported.
BLOCKER_NOTES_FIRST = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys

_blocked = set()


def block(name):
    _blocked.add(name)
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    if name in _blocked:
        _blocked.discard(name)
        sys.modules.pop(name, None)
'''

#: A package and its submodules unblocked together: unblock("pkg") lifts the block on pkg.sub too.
BLOCKER_UNBLOCKS_SUBMODULES = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    # a package and its submodules go together
    for key in list(sys.modules):
        if (key == name or key.startswith(name + ".")) and sys.modules[key] is None:
            del sys.modules[key]
'''

#: "Imported" judged by the top-level package: block("pkg.sub") is refused once pkg is imported.
BLOCKER_TOP_LEVEL = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    top = name.partition(".")[0]
    if sys.modules.get(top) is not None:
        raise ValueError(f"{top} is already imported")
    sys.modules[name] = None


def unblock(name):
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]
'''

#: Right, as the README's hint 1 once put it ("its value is a module"): "imported" judged by the type of the entry.
#: Only an object that is no module would tell it from `is not None`, and the README never asks about one.
BLOCKER_MODULE_TYPE = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys
from types import ModuleType


def block(name):
    if isinstance(sys.modules.get(name), ModuleType):
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    if not isinstance(sys.modules.get(name), ModuleType):
        sys.modules.pop(name, None)
'''

#: "Imported" judged by the truth of the entry: a false module object in sys.modules is blocked, and unblocked away.
BLOCKER_TRUTHY = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    if sys.modules.get(name):
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    if not sys.modules.get(name):
        sys.modules.pop(name, None)
'''

#: The entry taken out, blocked, and put back before refusing: the same module, moved to the end of sys.modules.
BLOCKER_PUTS_IT_BACK = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    previous = sys.modules.pop(name, None)
    sys.modules[name] = None
    if previous is not None:
        sys.modules[name] = previous  # put it back
        raise ValueError(f"{name} is already imported")


def unblock(name):
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]
'''

#: Right (the reviewer's): a sentinel tells "no entry" from "a None entry"; suppress(KeyError) instead of a test.
BLOCKER_SENTINEL = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys
from contextlib import suppress

_ABSENT = object()


def block(name):
    current = sys.modules.get(name, _ABSENT)
    if current is _ABSENT or current is None:
        sys.modules[name] = None
    else:
        raise ValueError(f"{name!r} is already imported")


def unblock(name):
    with suppress(KeyError):
        if sys.modules[name] is None:
            del sys.modules[name]
'''

#: Right (the reviewer's): a finder first on sys.meta_path, taken away again when nothing is blocked.
BLOCKER_FINDER_TIDIED = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


class _Blocker:
    """A finder placed first on sys.meta_path that refuses the blocked names."""

    def __init__(self):
        self.names = set()

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.names:
            raise ModuleNotFoundError(f"import of {fullname} blocked", name=fullname)
        return None


_blocker = _Blocker()


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name!r} is already imported")
    _blocker.names.add(name)
    if _blocker not in sys.meta_path:
        sys.meta_path.insert(0, _blocker)


def unblock(name):
    if name not in _blocker.names:
        return
    _blocker.names.discard(name)
    if not _blocker.names and _blocker in sys.meta_path:
        sys.meta_path.remove(_blocker)
'''

VARIANTS += [
    Variant(
        "blocked-imports",
        "name-noted-before-the-refusal",
        {"blocker.py": (None, BLOCKER_NOTES_FIRST)},
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("refused", "json"),
    ),
    Variant(
        "blocked-imports",
        "unblock-lifts-the-submodules-too",
        {"blocker.py": (None, BLOCKER_UNBLOCKS_SUBMODULES)},
        fails=("unblocking_makes_it_importable_again",),
        says=("meter.face", "still blocked"),
    ),
    Variant(
        "blocked-imports",
        "imported-judged-by-the-top-level-package",
        {"blocker.py": (None, BLOCKER_TOP_LEVEL)},
        fails=("a_blocked_module_cannot_be_imported",),
        says=("meter.dial", "ValueError"),
    ),
    Variant(
        "blocked-imports",
        "imported-judged-by-the-module-type",
        {"blocker.py": (None, BLOCKER_MODULE_TYPE)},
    ),
    Variant(
        "blocked-imports",
        "imported-judged-by-truth",
        {"blocker.py": (None, BLOCKER_TRUTHY)},
        fails=("an_imported_module_is_not_blocked", "unblocking_something_not_blocked_changes_nothing"),
        says=("lazybox",),
    ),
    Variant(
        "blocked-imports",
        "module-taken-out-and-put-back",
        {"blocker.py": (None, BLOCKER_PUTS_IT_BACK)},
        fails=("an_imported_module_is_not_blocked",),
        says=("moved",),
    ),
    Variant("blocked-imports", "sentinel-and-suppress", {"blocker.py": (None, BLOCKER_SENTINEL)}),
    Variant("blocked-imports", "finder-removed-when-done", {"blocker.py": (None, BLOCKER_FINDER_TIDIED)}),
]

#: Names from a settings file stripped of spaces: " upper" loads upper.
LOADER_STRIPS = LOADER_HEAD + '''

def load(name):
    name = name.strip()  # names come from a settings file
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: Odd names refused up front: a plugin file called to-title.py never loads.
LOADER_IDENTIFIERS_ONLY = LOADER_HEAD + '''

def load(name):
    if not name.isidentifier():  # refuse odd names from the settings file
        raise UnknownPlugin(name)
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: Names checked against a pattern of letters, digits and underscores.
LOADER_NAME_PATTERN = LOADER_HEAD + '''
import re

VALID = re.compile(r"\\w+")


def load(name):
    if not VALID.fullmatch(name):
        raise UnknownPlugin(name)
    module = "plugins." + name
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        raise UnknownPlugin(name) from None
'''

#: Every ImportError caught: a package plugin whose `from . import x` fails (name: the plugin) is called unknown.
LOADER_CATCHES_IMPORT_ERROR = LOADER_HEAD + '''

def load(name):
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ImportError as error:  # ModuleNotFoundError is an ImportError
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: The same exception re-raised, but with the plugin's name written into its message first.
LOADER_ANNOTATES = LOADER_HEAD + '''

def load(name):
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        error.msg = f"plugin {name!r} cannot be loaded: {error.msg}"
        raise
'''

#: The same exception object, with its arguments rewritten.
LOADER_REWRITES_ARGS = LOADER_HEAD + '''

def load(name):
    wanted = "plugins." + name
    try:
        return importlib.import_module(wanted)
    except ModuleNotFoundError as error:
        if error.name == wanted:
            raise UnknownPlugin(name) from None
        error.args = (f"the plugin {name} needs {error.name}",)
        raise
'''

#: The same exception object, its traceback dropped: the caller no longer sees where the import failed.
LOADER_DROPS_TRACEBACK = LOADER_HEAD + '''

def load(name):
    wanted = "plugins." + name
    try:
        return importlib.import_module(wanted)
    except ModuleNotFoundError as error:
        if error.name == wanted:
            raise UnknownPlugin(name) from None
        raise error.with_traceback(None)  # the loader's internals are of no interest to the caller
'''

#: The plugins listed once, when loader is imported: a plugin added later is never found.
LOADER_LISTED_AT_START = LOADER_HEAD + '''
import pkgutil

import plugins

_NAMES = frozenset(info.name for info in pkgutil.iter_modules(plugins.__path__))


def load(name):
    if name not in _NAMES:
        raise UnknownPlugin(name)
    return importlib.import_module(f"plugins.{name}")
'''

#: The plugins listed at the first load, and that list kept.
LOADER_LISTED_AT_FIRST_LOAD = LOADER_HEAD + '''
import pkgutil

_known = None


def load(name):
    global _known
    if _known is None:
        package = importlib.import_module("plugins")
        _known = {info.name for info in pkgutil.iter_modules(package.__path__)}
    if name not in _known:
        raise UnknownPlugin(name)
    return importlib.import_module("plugins." + name)
'''

#: Anything the package has as an attribute is taken for a loaded plugin: load("__path__") gives a list.
LOADER_GETATTR = LOADER_HEAD + '''

def load(name):
    package = importlib.import_module("plugins")
    found = getattr(package, name, None)  # already loaded?
    if found is not None:
        return found
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: A short cut through sys.modules: an entry that is None (a blocked plugin) is returned as the plugin.
LOADER_SYS_MODULES_FIRST = LOADER_HEAD + '''
import sys


def load(name):
    full = f"plugins.{name}"
    if full in sys.modules:  # already loaded: no need to import again
        return sys.modules[full]
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: Right (the reviewer's): __import__, then the module from sys.modules; UnknownPlugin chained to the error.
LOADER_DUNDER_IMPORT = LOADER_HEAD.replace("import importlib\n", "import sys\n") + '''

def load(name):
    """Import and return the module plugins.<name>."""
    full = "plugins." + name
    try:
        __import__(full)
    except ImportError as error:
        if isinstance(error, ModuleNotFoundError) and error.name == full:
            raise UnknownPlugin(name) from error
        raise
    return sys.modules[full]
'''

#: Right (the reviewer's): a relative name, with the names that would climb out of the package refused first.
LOADER_RELATIVE_GUARDED = LOADER_HEAD.replace("import importlib\n", "from importlib import import_module\n") + '''

def load(name):
    """Import and return the module plugins.<name>."""
    if not name or name.startswith("."):  # "" or ".x" would resolve above plugins.<name>
        raise UnknownPlugin(name)
    try:
        module = import_module("." + name, package="plugins")
    except ModuleNotFoundError as error:
        if error.name != "plugins." + name:
            raise
        raise UnknownPlugin(name) from None
    return module
'''

VARIANTS += [
    Variant(
        "plugin-loader",
        "names-stripped",
        {"loader.py": (None, LOADER_STRIPS)},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("' upper'", "exact"),
    ),
    Variant(
        "plugin-loader",
        "identifiers-only",
        {"loader.py": (None, LOADER_IDENTIFIERS_ONLY)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("to-title", "whatever its name"),
    ),
    Variant(
        "plugin-loader",
        "names-matched-against-a-pattern",
        {"loader.py": (None, LOADER_NAME_PATTERN)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("to-title",),
    ),
    Variant(
        "plugin-loader",
        "every-import-error-caught",
        {"loader.py": (None, LOADER_CATCHES_IMPORT_ERROR)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("prism", "ImportError", "UnknownPlugin"),
    ),
    Variant(
        "plugin-loader",
        "message-annotated",
        {"loader.py": (None, LOADER_ANNOTATES)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("unchanged", "message"),
    ),
    Variant(
        "plugin-loader",
        "args-rewritten",
        {"loader.py": (None, LOADER_REWRITES_ARGS)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("unchanged", "message"),
    ),
    Variant(
        "plugin-loader",
        "traceback-dropped",
        {"loader.py": (None, LOADER_DROPS_TRACEBACK)},
        fails=("a_plugin_with_a_missing_dependency_is_not_unknown",),
        says=("traceback",),
    ),
    Variant(
        "plugin-loader",
        "plugins-listed-at-start-up",
        {"loader.py": (None, LOADER_LISTED_AT_START)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("tinsel", "after"),
    ),
    Variant(
        "plugin-loader",
        "plugins-listed-at-the-first-load",
        {"loader.py": (None, LOADER_LISTED_AT_FIRST_LOAD)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("tinsel",),
    ),
    Variant(
        "plugin-loader",
        "attributes-of-the-package-taken-for-plugins",
        {"loader.py": (None, LOADER_GETATTR)},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("__path__", "returned"),
    ),
    Variant(
        "plugin-loader",
        "sys-modules-entry-returned-as-it-is",
        {"loader.py": (None, LOADER_SYS_MODULES_FIRST)},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("returned None", "blocked"),
    ),
    Variant("plugin-loader", "dunder-import-and-sys-modules", {"loader.py": (None, LOADER_DUNDER_IMPORT)}),
    Variant("plugin-loader", "relative-name-guarded", {"loader.py": (None, LOADER_RELATIVE_GUARDED)}),
]

# -- found by attacking the reworked suites (issue 21) -------------------------------------------------------------

#: Names "tidied" into identifiers: a plugin file whose name has a dash is never found.
LOADER_DASHES_TO_UNDERSCORES = LOADER_HEAD + '''

def load(name):
    module_name = "plugins." + name.replace("-", "_")  # module names cannot have dashes
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            raise UnknownPlugin(name) from None
        raise
'''

#: block() right, unblock() judging the entry by its truth: an imported module object that is false is thrown out.
BLOCKER_UNBLOCK_BY_TRUTH = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None


def unblock(name):
    if name in sys.modules and not sys.modules[name]:
        del sys.modules[name]
'''

VARIANTS += [
    Variant(
        "plugin-loader",
        "dashes-turned-into-underscores",
        {"loader.py": (None, LOADER_DASHES_TO_UNDERSCORES)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("to-title", "whatever its name"),
    ),
    Variant(
        "blocked-imports",
        "unblock-judges-the-entry-by-its-truth",
        {"blocker.py": (None, BLOCKER_UNBLOCK_BY_TRUTH)},
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("lazybox", "None"),
    ),
    Variant(
        "short-alias",
        "module-spec-renamed",
        {"dashboard.py": ("import statistics as st\n", 'import statistics as st\n\nst.__spec__.name = "st"\n')},
        fails=("other_modules_still_use_the_real_name",),
        says=("__spec__.name", "'st'"),
    ),
]

# -- the second adversarial round of issue 21: records trusted over sys.modules, names found missing kept, the
# -- package run again, the current folder changed, UnknownPlugin made an ImportError, state left in builtins or in
# -- legacy, and legacy.py edited -------------------------------------------------------------------------------------

#: The reviewer's: unblock trusts its own set of blocked names, without looking at what sys.modules holds now.
BLOCKER_SET_OF_NAMES = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys

_blocked = set()


def block(name):
    if sys.modules.get(name) is not None:
        raise ValueError(f"{name} is already imported")
    sys.modules[name] = None
    _blocked.add(name)


def unblock(name):
    if name in _blocked:
        _blocked.discard(name)
        sys.modules.pop(name, None)
'''

#: What block() found is kept, and unblock() puts it back (no entry: the entry taken out), whatever is there now.
BLOCKER_RESTORES_WHAT_IT_SAW = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys

_ABSENT = "no entry"


class _Blocks:
    def __init__(self):
        self.saved = {}

    def add(self, name):
        before = sys.modules.get(name, _ABSENT)
        if before is not _ABSENT and before is not None:
            raise ValueError(f"{name!r} is imported already")
        self.saved.setdefault(name, before)
        sys.modules[name] = None

    def remove(self, name):
        if name not in self.saved:
            return  # never blocked
        if self.saved.pop(name) is None:
            sys.modules[name] = None  # it was blocked before: leave it so
        else:
            sys.modules.pop(name, None)


_blocks = _Blocks()
block = _blocks.add
unblock = _blocks.remove
'''

#: Right: block() and unblock() in one small class of static methods, deciding by the entry; dict.pop on None.
BLOCKER_STATIC_METHODS = '''"""Make modules impossible to import, to test code that has optional dependencies."""

import sys


class Blocks:
    @staticmethod
    def block(name):
        if name in sys.modules and sys.modules[name] is not None:
            raise ValueError(f"{name} is imported already: it cannot be blocked now")
        sys.modules[name] = None

    @staticmethod
    def unblock(name):
        if name in sys.modules and sys.modules[name] is None:
            sys.modules.pop(name)


block = Blocks.block
unblock = Blocks.unblock
'''

#: The reviewer's: names found missing are remembered, and never looked for again.
LOADER_REMEMBERS_MISSING = LOADER_HEAD + '''
_unknown = set()


def load(name):
    """Import and return the module plugins.<name>."""
    if name in _unknown:
        raise UnknownPlugin(name)
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            _unknown.add(name)
            raise UnknownPlugin(name) from None
        raise
'''

#: The answer of find_spec kept for each name, a None (no such plugin) too.
LOADER_SPECS_CACHED = LOADER_HEAD + '''
import functools
import importlib.util


@functools.lru_cache(maxsize=None)
def _spec(full):
    return importlib.util.find_spec(full)


def load(name):
    full = "plugins." + name
    if _spec(full) is None:
        raise UnknownPlugin(name)
    return importlib.import_module(full)
'''

#: The reviewer's: the package reloaded on every load, to notice new plugins.
LOADER_RELOADS_THE_PACKAGE = LOADER_HEAD + '''
import sys


def load(name):
    """Import and return the module plugins.<name>."""
    if "plugins" in sys.modules:
        importlib.reload(sys.modules["plugins"])  # pick up new plugins
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: The package taken out of sys.modules before each load, "so that it is searched afresh".
LOADER_FORGETS_THE_PACKAGE = LOADER_HEAD + '''
import sys


def load(name):
    sys.modules.pop("plugins", None)  # look at the package's folder afresh
    wanted = "plugins." + name
    try:
        return importlib.import_module(wanted)
    except ModuleNotFoundError as error:
        if error.name != wanted:
            raise
    raise UnknownPlugin(name)
'''

#: The reviewer's: the current folder changed to the loader's, "so that plugins is always found".
LOADER_CHANGES_FOLDER = LOADER_HEAD + '''
import os


def load(name):
    """Import and return the module plugins.<name>."""
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: The plugins' folder made the current one, to look for the plugin's file there.
LOADER_LOOKS_FROM_THE_PLUGINS_FOLDER = LOADER_HEAD + '''
import os

PLUGINS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")


def load(name):
    os.chdir(PLUGINS)
    if not (os.path.isfile(name + ".py") or os.path.isfile(os.path.join(name, "__init__.py"))):
        raise UnknownPlugin(name)
    return importlib.import_module("plugins." + name)
'''

#: The reviewer's: UnknownPlugin rewritten as a ModuleNotFoundError, "so that callers can still catch ImportError".
LOADER_UNKNOWN_IS_AN_IMPORT_ERROR = LOADER_HEAD.replace(
    '''class UnknownPlugin(LookupError):
    """Raised by load() for a name that is not a plugin; `name` holds that name."""

    def __init__(self, name):
        super().__init__(f"no plugin called {name!r}")
        self.name = name
''',
    '''class UnknownPlugin(ModuleNotFoundError):
    """Raised by load() for a name that is not a plugin; `name` holds that name."""

    def __init__(self, name):
        super().__init__(f"no plugin called {name!r}", name=name)
''',
) + '''

def load(name):
    """Import and return the module plugins.<name>."""
    full = f"plugins.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            raise UnknownPlugin(name) from None
        raise
'''

#: The reviewer's: the alias put into builtins, so that every file can say st.
DASHBOARD_ST_IN_BUILTINS = '''"""Numbers for the team dashboard."""

import builtins
import statistics as st

builtins.st = st
del builtins


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
'''

#: The alias handed to legacy as well, from the dashboard: legacy.py itself is untouched.
DASHBOARD_ALIAS_GIVEN_TO_LEGACY = '''"""Numbers for the team dashboard."""

import statistics as st

import legacy

legacy.st = st  # the same short name everywhere
del legacy


def summary(numbers):
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
'''

#: The reviewer's: legacy.py given the short name too, "for consistency".
LEGACY_ALSO_ST = '''"""Older code that imports statistics by its real name. Leave this file as it is."""

import statistics

st = statistics  # same short name as the dashboard


def spread(numbers):
    return statistics.pstdev(numbers)
'''

#: The reviewer's: legacy.py takes the module from the dashboard ("share the one statistics module").
LEGACY_FROM_DASHBOARD = '''"""Older code that imports statistics by its real name. Leave this file as it is."""

from dashboard import st as statistics  # share the dashboard's module


def spread(numbers):
    return statistics.pstdev(numbers)
'''

#: legacy.py keeps its own import, and gets the alias as a second import line.
LEGACY_SECOND_IMPORT = '''"""Older code that imports statistics by its real name. Leave this file as it is."""

import statistics
import statistics as st


def spread(numbers):
    return statistics.pstdev(numbers)
'''

#: Right: legacy.py as given, but for a comment and a docstring of its own (its statements are the same).
LEGACY_COMMENTED = '''"""Older code that imports statistics by its real name.

Left as it is: the dashboard has its own alias.
"""

import statistics  # by its real name


def spread(numbers):
    """Population standard deviation."""
    return statistics.pstdev(numbers)
'''

#: Accepted (the lead's ruling): the numbers made floats first; it differs only for Decimal or Fraction input,
#: which the README never mentions.
DASHBOARD_FLOATS_FIRST = DASHBOARD_HEAD + '''

def summary(numbers):
    values = [float(x) for x in numbers]
    return f"mean {st.mean(values):g}, median {st.median(values):g}"
'''

VARIANTS += [
    Variant(
        "blocked-imports",
        "unblock-trusts-a-set-of-blocked-names",
        {"blocker.py": (None, BLOCKER_SET_OF_NAMES)},
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("gauge", "mock.patch.dict", "really imported"),
    ),
    Variant(
        "blocked-imports",
        "unblock-restores-what-block-saw",
        {"blocker.py": (None, BLOCKER_RESTORES_WHAT_IT_SAW)},
        fails=("unblocking_something_not_blocked_changes_nothing",),
        says=("gauge", "really imported"),
    ),
    Variant("blocked-imports", "static-methods-and-pop", {"blocker.py": (None, BLOCKER_STATIC_METHODS)}),
    Variant(
        "plugin-loader",
        "names-found-missing-remembered",
        {"loader.py": (None, LOADER_REMEMBERS_MISSING)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("tinsel", "not there yet", "found missing"),
    ),
    Variant(
        "plugin-loader",
        "find-spec-answers-cached",
        {"loader.py": (None, LOADER_SPECS_CACHED)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("tinsel", "not there yet"),
    ),
    Variant(
        "plugin-loader",
        "package-reloaded-on-every-load",
        {"loader.py": (None, LOADER_RELOADS_THE_PACKAGE)},
        fails=("only_the_requested_plugin_is_imported",),
        says=("plugins/__init__.py", "ran 3 times"),
    ),
    Variant(
        "plugin-loader",
        "package-taken-out-of-sys-modules",
        {"loader.py": (None, LOADER_FORGETS_THE_PACKAGE)},
        fails=("only_the_requested_plugin_is_imported",),
        says=("plugins/__init__.py", "ran 2 times"),
    ),
    Variant(
        "plugin-loader",
        "current-folder-changed-to-the-loaders",
        {"loader.py": (None, LOADER_CHANGES_FOLDER)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("current folder", "os.getcwd()"),
    ),
    Variant(
        "plugin-loader",
        "current-folder-changed-to-the-plugins",
        {"loader.py": (None, LOADER_LOOKS_FROM_THE_PLUGINS_FOLDER)},
        fails=("a_plugin_is_loaded_by_its_name",),
        says=("current folder",),
    ),
    Variant(
        "plugin-loader",
        "unknown-plugin-made-a-module-not-found-error",
        {"loader.py": (None, LOADER_UNKNOWN_IS_AN_IMPORT_ERROR)},
        fails=("an_unknown_name_raises_unknown_plugin",),
        says=("LookupError", "ModuleNotFoundError", "keep UnknownPlugin"),
        not_says=("dotted name", "with name 'shout'"),
    ),
    Variant(
        "short-alias",
        "alias-put-into-builtins",
        {"dashboard.py": (None, DASHBOARD_ST_IN_BUILTINS)},
        fails=("other_modules_still_use_the_real_name",),
        says=("builtins", "st"),
    ),
    Variant(
        "short-alias",
        "alias-given-to-legacy-by-the-dashboard",
        {"dashboard.py": (None, DASHBOARD_ALIAS_GIVEN_TO_LEGACY)},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy", "st", "another module"),
    ),
    Variant(
        "short-alias",
        "legacy-given-the-short-name-too",
        {"legacy.py": (None, LEGACY_ALSO_ST)},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy.py", "as it was given", "st = statistics"),
    ),
    Variant(
        "short-alias",
        "legacy-takes-the-module-from-the-dashboard",
        {"legacy.py": (None, LEGACY_FROM_DASHBOARD)},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy.py", "as it was given", "from dashboard import st as statistics"),
    ),
    Variant(
        "short-alias",
        "legacy-given-a-second-import",
        {"legacy.py": (None, LEGACY_SECOND_IMPORT)},
        fails=("other_modules_still_use_the_real_name",),
        says=("legacy.py", "import statistics as st"),
    ),
    Variant("short-alias", "legacy-commented-but-unchanged", {"legacy.py": (None, LEGACY_COMMENTED)}),
    Variant("short-alias", "numbers-made-floats-first", {"dashboard.py": (None, DASHBOARD_FLOATS_FIRST)}),
]
