"""Section 8.2, module caching."""

from . import STUB, Variant

#: The guarded call at the end of the import-once solution's shop.py.
GUARD = 'if __name__ == "__main__":\n'
SHOP_END = GUARD + "    main()"

#: imported-by with importlib imported inside the function: it loads modules of its own before the snapshot.
LAZY_WHATSNEW = '''"""Which modules does one import bring in?"""

import sys


def imported_by(name):
    """Import the module `name`; return the sorted names of every module this added to sys.modules."""
    import importlib

    before = set(sys.modules)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
'''

#: import-once's shop.py ending with sys.exit(main()): main() returns None, so the program ends with code 0.
SYS_EXIT_SHOP = '''"""The shop's main program: run it with `python shop.py`."""

import sys

import labels

print("starting shop")


def main():
    print(labels.price_label(12.5))


if __name__ == "__main__":
    sys.exit(main())
'''


# -- fresh-import: whole files, as students write them ----------------------------------------------------------------

#: The names the README mentions, and nothing else: a subpackage the README never named stays cached.
FRESH_README_NAMES = """import importlib
import sys


def fresh_import(name):
    for suffix in ("", ".stock", ".prices", ".depot", ".depot.shelves"):
        sys.modules.pop(name + suffix, None)
    return importlib.import_module(name)
"""

#: startswith without the dot, patched for the one sibling the README names (inventory_tools).
FRESH_SKIPS_UNDERSCORE = """import importlib
import sys


def fresh_import(name):
    doomed = []
    for key in sys.modules:
        if key.startswith(name) and not key.startswith(name + "_"):
            doomed.append(key)
    for key in doomed:
        del sys.modules[key]
    return importlib.import_module(name)
"""

#: The submodules found on disk with pkgutil.walk_packages, which imports every subpackage to look inside it.
FRESH_WALKS_THE_DISK = """import importlib
import pkgutil
import sys


def fresh_import(name):
    module = importlib.import_module(name)
    names = [name]
    if hasattr(module, "__path__"):
        names += [info.name for info in pkgutil.walk_packages(module.__path__, name + ".")]
    for each in names:
        sys.modules.pop(each, None)
    return importlib.import_module(name)
"""

#: Everything whose file lies in the module's folder: for a plain module, that is the whole exercise.
FRESH_BY_FOLDER = """import importlib
import os
import sys


def fresh_import(name):
    folder = os.path.dirname(sys.modules[name].__file__)
    for key, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and os.path.dirname(path).startswith(folder):
            del sys.modules[key]
    return importlib.import_module(name)
"""

#: A failed import puts the old modules back and hands them out as if nothing had happened.
FRESH_KEEPS_THE_OLD_ON_ERROR = """import importlib
import sys


def fresh_import(name):
    saved = {k: m for k, m in sys.modules.items() if k == name or k.startswith(name + ".")}
    for key in saved:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except ImportError:
        sys.modules.update(saved)
        return saved.get(name)
"""

#: Any error comes out as an ImportError of the function's own: the body's own exception is lost.
FRESH_WRAPS_THE_ERROR = """import importlib
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except Exception as error:
        raise ImportError(f"could not import {name} again") from error
"""

#: Right: the key compared part by part, and the module fetched from sys.modules after an exec'd import.
FRESH_BY_PARTS = """import sys


def fresh_import(name):
    parts = name.split(".")
    for key in list(sys.modules):
        if key.split(".")[: len(parts)] == parts:
            sys.modules.pop(key)
    exec("import " + name)
    return sys.modules[name]
"""

#: Right: del of the module itself (it is always imported before), __import__ and getattr down the dots.
FRESH_DUNDER_AND_GETATTR = """import sys


def fresh_import(name):
    del sys.modules[name]
    prefix = name + "."
    for key in [k for k in sys.modules.keys() if k.startswith(prefix)]:
        del sys.modules[key]
    module = __import__(name)
    for part in name.split(".")[1:]:
        module = getattr(module, part)
    return module
"""

# -- import-once ------------------------------------------------------------------------------------------------------

#: A guard that only rules out the module's own name: loaded under any other name, the shop runs.
SHOP_GUARDS_ITS_NAME = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

import labels

print("starting shop")


def main():
    print(labels.price_label(12.5))


if __name__ != "shop":
    main()
"""

#: labels asks the shop first and falls back on money: importing labels still starts the shop.
LABELS_TRY_THE_SHOP_FIRST = """\"\"\"Price labels for the shop.\"\"\"

try:
    from shop import CURRENCY
except ImportError:
    from money import CURRENCY


def price_label(amount):
    return f"{amount:.2f} {CURRENCY}"
"""

#: labels takes the currency from the running program: shop.py has to keep defining it.
LABELS_FROM_MAIN = """\"\"\"Price labels for the shop.\"\"\"

from __main__ import CURRENCY


def price_label(amount):
    return f"{amount:.2f} {CURRENCY}"
"""

#: Right: the module money imported, and its CURRENCY looked up when a label is made.
LABELS_ASK_MONEY_LATE = """\"\"\"Price labels for the shop.\"\"\"

import money


def price_label(amount):
    return "{:.2f} {}".format(amount, money.CURRENCY)
"""

#: Right: shop.py keeps its import of labels inside main(), as the stub had it.
SHOP_IMPORTS_IN_MAIN = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

print("starting shop")


def main():
    import labels

    print(labels.price_label(12.5))


if __name__ == "__main__":
    main()
"""

# -- imported-by ------------------------------------------------------------------------------------------------------

#: A module that cannot be imported is said to add nothing.
WHATSNEW_HIDES_ERRORS = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    try:
        importlib.import_module(name)
    except ImportError:
        return []
    return sorted(set(sys.modules) - before)
"""

#: A cached module is reloaded "to be sure": its body runs again.
WHATSNEW_RELOADS = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    if name in sys.modules:
        importlib.reload(sys.modules[name])
    else:
        importlib.import_module(name)
    return sorted(set(sys.modules) - before)
"""

#: find_spec first, to fail early on a typo: for a dotted name it imports the packages before the snapshot.
WHATSNEW_FIND_SPEC_FIRST = """import importlib
import importlib.util
import sys


def imported_by(name):
    if importlib.util.find_spec(name) is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    before = set(sys.modules)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
"""

#: The new names in the order sys.modules holds them, never sorted.
WHATSNEW_IN_CACHE_ORDER = """import importlib
import sys


def imported_by(name):
    before = list(sys.modules)
    importlib.import_module(name)
    return [key for key in list(sys.modules) if key not in before]
"""

#: Right: a copy of the dict, the difference of the key views, __import__, and an early [] for a cached module.
WHATSNEW_KEY_VIEWS = """import sys


def imported_by(name):
    if name in sys.modules:
        return []
    before = sys.modules.copy()
    __import__(name)
    return sorted(sys.modules.keys() - before.keys())
"""

# -- settings-once ----------------------------------------------------------------------------------------------------

SETTINGS_HEAD = """\"\"\"The shop's settings, read from settings.ini beside this file.\"\"\"

from pathlib import Path

FILE = Path(__file__).with_name("settings.ini")


def read_file():
    \"\"\"Parse settings.ini into a dict of strings. (Given: you need not change it.)\"\"\"
    values = {}
    with open(FILE, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    return values

"""

#: Only the three settings the shop uses today are kept.
SETTINGS_KNOWN_KEYS = SETTINGS_HEAD + """
_ALL = read_file()
VALUES = {key: _ALL[key] for key in ("currency", "tax_rate", "shipping_flat")}


def get(key):
    return VALUES[key]
"""

#: read_file made to cache its answer: get reads "the file" at every call, and the file is opened once.
SETTINGS_LRU_CACHE = SETTINGS_HEAD.replace(
    "def read_file():", "@functools.lru_cache(maxsize=None)\ndef read_file():"
).replace("from pathlib import Path", "import functools\nfrom pathlib import Path") + """
VALUES = read_file()


def get(key):
    return read_file()[key]
"""

#: get answers from a private dict of its own: VALUES is only there to be looked at.
SETTINGS_PRIVATE_COPY = SETTINGS_HEAD + """
_SETTINGS = read_file()
VALUES = dict(_SETTINGS)


def get(key):
    return _SETTINGS[key]
"""

#: VALUES filled one key at a time, reading the whole file for every key.
SETTINGS_READ_PER_KEY = SETTINGS_HEAD + """
VALUES = {}
for name in read_file():
    VALUES[name] = read_file()[name]


def get(key):
    return VALUES[key]
"""

#: The settings read again whenever the file changes: the running program does not keep what it read.
SETTINGS_FOLLOW_THE_FILE = SETTINGS_HEAD + """
VALUES = read_file()
_STAMP = FILE.stat().st_mtime


def get(key):
    global VALUES, _STAMP
    if FILE.stat().st_mtime != _STAMP:
        VALUES, _STAMP = read_file(), FILE.stat().st_mtime
    return VALUES[key]
"""

#: billing.py changed too: it reads settings.VALUES itself instead of asking settings.get.
BILLING_READS_VALUES = """\"\"\"Invoices. Uses the settings; leave this file as it is.\"\"\"

import settings


def total(net):
    return round(net * (1 + float(settings.VALUES["tax_rate"])), 2)
"""

#: Right: the file parsed in the body with pathlib, and get = dict.get.
SETTINGS_PATHLIB_BODY = SETTINGS_HEAD + """
VALUES = {}
for line in FILE.read_text(encoding="utf-8").splitlines():
    if "=" in line:
        key, _, value = line.partition("=")
        VALUES[key.strip()] = value.strip()


def get(key):
    return VALUES.get(key)
"""

#: Right: get is the dict's own lookup.
SETTINGS_GETITEM = SETTINGS_HEAD + """
VALUES: dict = read_file()
get = VALUES.__getitem__
"""

#: sys.modules rebound to a filtered copy: the import system goes on using the dict it always had.
FRESH_REBINDS_SYS_MODULES = """import importlib
import sys


def fresh_import(name):
    sys.modules = {k: m for k, m in sys.modules.items() if not (k == name or k.startswith(name + "."))}
    return importlib.import_module(name)
"""

#: The import measured in a fresh interpreter, as the README says the checks do, then done here too.
WHATSNEW_IN_A_SUBPROCESS = """import ast
import importlib
import subprocess
import sys


def imported_by(name):
    if name in sys.modules:
        return []
    code = f"import sys; before = set(sys.modules); import {name}; print(sorted(set(sys.modules) - before))"
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True, check=True)
    importlib.import_module(name)
    return ast.literal_eval(result.stdout)
"""

#: get() falls back on reading the file for a key VALUES does not have.
SETTINGS_FALLBACK_READ = SETTINGS_HEAD + """
VALUES = read_file()


def get(key):
    if key in VALUES:
        return VALUES[key]
    return read_file()[key]
"""

#: The module loaded again from the file it came from, by hand: no import, so a file that is gone gives an OSError.
FRESH_FROM_THE_OLD_FILE = """import importlib.util
import sys


def fresh_import(name):
    old = sys.modules[name]
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    spec = importlib.util.spec_from_file_location(name, old.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
"""

#: read_file deleted once it has done its job.
SETTINGS_DELETES_READ_FILE = SETTINGS_HEAD + """
VALUES = read_file()
del read_file


def get(key):
    return VALUES[key]
"""

# -- settings-once, after the adversarial round ----------------------------------------------------------------------

#: The dict kept in builtins, "once per interpreter": a new settings module never reads the file again.
SETTINGS_IN_BUILTINS = SETTINGS_HEAD.replace("from pathlib import Path", "import builtins\nfrom pathlib import Path") + """
if not hasattr(builtins, "_SHOP_SETTINGS"):
    builtins._SHOP_SETTINGS = read_file()
VALUES = builtins._SHOP_SETTINGS


def get(key):
    return VALUES[key]
"""

#: The settings read once and for all, then kept in a JSON file beside the module: later runs ignore an edit.
SETTINGS_DISK_CACHE = SETTINGS_HEAD.replace(
    "from pathlib import Path", "import json\nfrom pathlib import Path"
).replace(
    'FILE = Path(__file__).with_name("settings.ini")',
    'FILE = Path(__file__).with_name("settings.ini")\nCACHE = Path(__file__).with_name(".settings-cache.json")',
) + """
try:
    VALUES = json.loads(CACHE.read_text(encoding="utf-8"))
except (OSError, ValueError):
    VALUES = read_file()
    CACHE.write_text(json.dumps(VALUES), encoding="utf-8")


def get(key):
    return VALUES[key]
"""

#: The settings kept in an environment variable, so that "the file is read once" even across imports.
SETTINGS_IN_OS_ENVIRON = SETTINGS_HEAD.replace(
    "from pathlib import Path", "import json\nimport os\nfrom pathlib import Path"
) + """
if "SHOP_SETTINGS" not in os.environ:
    os.environ["SHOP_SETTINGS"] = json.dumps(read_file())
VALUES = json.loads(os.environ["SHOP_SETTINGS"])


def get(key):
    return VALUES[key]
"""

#: PEP 562: VALUES made on first use by a module __getattr__, so importing the module reads nothing.
SETTINGS_MODULE_GETATTR = SETTINGS_HEAD + """
_values = None


def _load():
    global _values
    if _values is None:
        _values = read_file()
    return _values


def __getattr__(name):
    if name == "VALUES":
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get(key):
    return _load()[key]
"""

#: An .ini file read with configparser: keys come out in lower case, and a % in a value stops the import.
SETTINGS_CONFIGPARSER = SETTINGS_HEAD + """
def _parse():
    import configparser

    parser = configparser.ConfigParser()
    parser.read_string("[shop]\\n" + FILE.read_text(encoding="utf-8"))
    return dict(parser["shop"])


VALUES = _parse()


def get(key):
    return VALUES[key]
"""

#: A parser of the student's own that "normalises" the keys to lower case.
SETTINGS_LOWERCASE_KEYS = SETTINGS_HEAD + """
VALUES = {}
with open(FILE, encoding="utf-8") as f:
    for line in f:
        if "=" in line:
            key, value = line.split("=", 1)
            VALUES[key.strip().lower()] = value.strip()


def get(key):
    return VALUES[key]
"""

#: A parser of the student's own that knows only the file's own spacing, "key = value".
SETTINGS_SPLITS_ON_SPACED_EQUALS = SETTINGS_HEAD + """
VALUES = {}
for line in FILE.read_text(encoding="utf-8").splitlines():
    if " = " in line:
        key, value = line.split(" = ")
        VALUES[key] = value


def get(key):
    return VALUES[key]
"""

#: get memoised with lru_cache "for speed": a setting asked for once never changes again, whatever VALUES holds.
SETTINGS_GET_LRU_CACHE = SETTINGS_HEAD.replace(
    "from pathlib import Path", "import functools\nfrom pathlib import Path"
) + """
VALUES = read_file()


@functools.lru_cache(maxsize=None)
def get(key):
    return VALUES[key]
"""

#: Right: the dict bound to get as a default argument (the same object VALUES names), as get = VALUES.__getitem__.
SETTINGS_DEFAULT_ARGUMENT = SETTINGS_HEAD + """
VALUES = read_file()


def get(key, _values=VALUES):
    return _values[key]
"""

#: Right: the file parsed by hand, in the body, with a comprehension over split("=", 1).
SETTINGS_COMPREHENSION = SETTINGS_HEAD + """
_LINES = FILE.read_text(encoding="utf-8").splitlines()
VALUES = {key.strip(): value.strip() for key, value in (line.split("=", 1) for line in _LINES if "=" in line)}


def get(key):
    return VALUES[key]
"""

# -- import-once, after the adversarial round ------------------------------------------------------------------------

#: The guard asks "is this file the running program's file?": also true for the copy imported as shop.
SHOP_MAIN_FILE_GUARD = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

import os
import sys

print("starting shop")


def main():
    import labels

    print(labels.price_label(12.5))


_main_file = getattr(sys.modules["__main__"], "__file__", None)
if _main_file and os.path.samefile(_main_file, __file__):
    main()
"""

#: The same idea, with the file names compared as strings.
SHOP_MAIN_FILE_NAME_GUARD = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

import sys

import labels

print("starting shop")


def main():
    print(labels.price_label(12.5))


if getattr(sys.modules["__main__"], "__file__", None) == __file__:
    main()
"""

#: The guard asks how the program was started (argv[0]): true for every module that program loads.
SHOP_ARGV_GUARD = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

import os
import sys

import labels

print("starting shop")


def main():
    print(labels.price_label(12.5))


if os.path.basename(sys.argv[0]) == "shop.py":
    main()
"""

#: Right: shop.py re-exports money's CURRENCY for old code; it defines none of its own.
SHOP_REEXPORTS_CURRENCY = """\"\"\"The shop's main program: run it with `python shop.py`.\"\"\"

from money import CURRENCY  # noqa: F401  (old code may still ask the shop)

print("starting shop")


def main():
    import labels

    print(labels.price_label(12.5))


if __name__ == "__main__":
    main()
"""

# -- fresh-import, after the adversarial round -----------------------------------------------------------------------

#: The import's error caught and raised again as a copy: same class and name, a friendlier message, another object.
FRESH_COPIES_THE_ERROR = """import importlib
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise type(exc)(f"fresh_import({name!r}): {exc.msg}", name=exc.name, path=exc.path) from None
"""

#: The submodules found through the package's attributes: one that a function shadows is never reached.
FRESH_WALKS_ATTRIBUTES = """import importlib
import sys


def _submodules(module, prefix):
    found = []
    for value in list(vars(module).values()):
        if isinstance(value, type(sys)) and value.__name__.startswith(prefix + "."):
            found.append(value.__name__)
            found.extend(_submodules(value, value.__name__))
    return found


def fresh_import(name):
    old = sys.modules.get(name)
    if old is not None:
        for key in set(_submodules(old, name)):
            sys.modules.pop(key, None)
        del sys.modules[name]
    return importlib.import_module(name)
"""

#: The package's .py files listed on disk: a submodule whose file is gone stays cached.
FRESH_LISTS_THE_FILES = """import importlib
import os
import sys


def fresh_import(name):
    module = sys.modules.get(name)
    names = [name]
    for root in getattr(module, "__path__", []):
        for folder, _dirs, files in os.walk(root):
            rel = os.path.relpath(folder, root)
            base = name if rel == "." else name + "." + rel.replace(os.sep, ".")
            for file in files:
                if file.endswith(".py"):
                    names.append(base if file == "__init__.py" else base + "." + file[:-3])
    for key in names:
        sys.modules.pop(key, None)
    return importlib.import_module(name)
"""

#: Entries chosen by their module's __name__, not by their key.
FRESH_BY_DUNDER_NAME = """import importlib
import sys


def fresh_import(name):
    doomed = [key for key, module in sys.modules.items()
              if getattr(module, "__name__", "") == name or getattr(module, "__name__", "").startswith(name + ".")]
    for key in doomed:
        del sys.modules[key]
    return importlib.import_module(name)
"""

#: A regular expression built from the name with its dots left unescaped: a dot matches any character.
FRESH_UNESCAPED_REGEX = """import importlib
import re
import sys


def fresh_import(name):
    pattern = re.compile(name + r"(\\..*)?$")
    for key in [k for k in sys.modules if pattern.match(k)]:
        del sys.modules[key]
    return importlib.import_module(name)
"""

#: fnmatch with the name as a pattern: for a plain module, "tally*" is every look-alike too.
FRESH_FNMATCH = """import fnmatch
import importlib
import sys


def fresh_import(name):
    for key in fnmatch.filter(list(sys.modules), name + "*"):
        del sys.modules[key]
    return importlib.import_module(name)
"""

#: The folder the module came from put in front of sys.path, "so that it is found again", at every call.
FRESH_GROWS_SYS_PATH = """import importlib
import os
import sys


def fresh_import(name):
    old = sys.modules.get(name)
    if old is not None and getattr(old, "__file__", None):
        here = os.path.dirname(os.path.abspath(old.__file__))
        if hasattr(old, "__path__"):
            here = os.path.dirname(here)
        sys.path.insert(0, here)
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    return importlib.import_module(name)
"""

#: Right: the old entries put back when the import fails, and the import's own exception raised again.
FRESH_RESTORES_AND_RERAISES = """import importlib
import sys


def fresh_import(name):
    old = {key: module for key, module in sys.modules.items() if key == name or key.startswith(name + ".")}
    for key in old:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except BaseException:
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            del sys.modules[key]
        sys.modules.update(old)
        raise
"""

#: Right: sys.modules itself cleared and filled again with the entries to keep, then import_module.
FRESH_CLEAR_AND_UPDATE = """import sys
from importlib import import_module


def fresh_import(name):
    kept = {key: module for key, module in sys.modules.items() if key != name and not key.startswith(name + ".")}
    sys.modules.clear()
    sys.modules.update(kept)
    return import_module(name)
"""

#: Only entries that hold a module are looked at: a None entry below the package stays.
FRESH_SKIPS_NONE_ENTRIES = """import importlib
import sys
import types


def fresh_import(name):
    for key, module in list(sys.modules.items()):
        if isinstance(module, types.ModuleType) and (key == name or key.startswith(name + ".")):
            del sys.modules[key]
    return importlib.import_module(name)
"""

# -- imported-by, after the adversarial round ------------------------------------------------------------------------

#: The import's error caught and raised again as a copy: same class and name, a friendlier message, another object.
WHATSNEW_COPIES_THE_ERROR = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    try:
        importlib.import_module(name)
    except ImportError as exc:
        raise type(exc)(f"imported_by({name!r}): {exc.msg}", name=exc.name, path=exc.path) from None
    return sorted(set(sys.modules) - before)
"""

#: "Already imported" decided by the top-level package: after `import xml`, xml.dom.minidom is never imported.
WHATSNEW_PARENT_MEANS_CACHED = """import importlib
import sys


def imported_by(name):
    if name.split(".")[0] in sys.modules:
        return []
    before = set(sys.modules)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
"""

#: A helper imported after the snapshot: the first answer lists importlib.util and what it loads.
WHATSNEW_HELPER_AFTER_SNAPSHOT = """import sys


def imported_by(name):
    before = set(sys.modules)
    import importlib.util

    if importlib.util.find_spec(name) is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
"""

#: A helper imported after the snapshot, only when it is needed (a dotted name).
WHATSNEW_HELPER_FOR_DOTTED_NAMES = """import sys


def imported_by(name):
    before = set(sys.modules)
    if "." in name:
        import importlib.util

        importlib.util.resolve_name(name, None)
    __import__(name)
    return sorted(set(sys.modules) - before)
"""

#: Right: a ModuleNotFoundError of its own, with the import's class and name, raised before any import is tried.
WHATSNEW_OWN_ERROR_FIRST = """import importlib
import importlib.util
import sys


def imported_by(name):
    if name in sys.modules:
        return []
    before = set(sys.modules)
    if "." not in name and importlib.util.find_spec(name) is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    importlib.import_module(name)
    return sorted(set(sys.modules) - before)
"""

#: Right: a frozenset snapshot after a function-level import, the difference of the key views.
WHATSNEW_FROZENSET = """import sys


def imported_by(name):
    from importlib import import_module

    already = frozenset(sys.modules.keys())
    import_module(name)
    return sorted(sys.modules.keys() - already)
"""

# -- fresh-import, second adversarial round -------------------------------------------------------------------------

#: The importlib docs' recipe, by hand: a half-built module stays in sys.modules when the body raises, and the
#: package's attribute still holds the old submodule.
FRESH_EXEC_MODULE_BY_HAND = """import importlib.util
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    spec = importlib.util.find_spec(name)
    if spec is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
"""

#: The same recipe, tidied up after a failure: the package still holds the old submodule as its attribute.
FRESH_EXEC_MODULE_AND_CLEAN_UP = """import importlib.util
import sys


def fresh_import(name):
    doomed = [key for key in sys.modules if key == name or key.startswith(name + ".")]
    for key in doomed:
        sys.modules.pop(key)
    spec = importlib.util.find_spec(name)
    if spec is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
"""

#: The same exception object, its args rewritten to say where it happened.
FRESH_REWRITES_THE_ARGS = """import importlib
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except Exception as error:
        error.args = (f"fresh_import({name!r}) failed: {error}",) + error.args[1:]
        raise
"""

#: The same exception object, with a note of its own added (3.11's add_note, or the attribute it fills).
FRESH_ADDS_A_NOTE = """import importlib
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except Exception as error:
        note = f"while fresh_import({name!r}) imported it again"
        if hasattr(error, "add_note"):
            error.add_note(note)
        else:
            error.__notes__ = [note]
        raise
"""

#: An ImportError's message (its msg) given a prefix: str() of the error changes, its args do not.
FRESH_PREFIXES_THE_MESSAGE = """import importlib
import sys


def fresh_import(name):
    stale = [k for k in sys.modules if k == name or k.startswith(name + ".")]
    for key in stale:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except ImportError as error:
        error.msg = "fresh_import: " + str(error.msg)
        raise
"""

#: freshen.py's own folder put first on sys.path for the import, then taken away: a module of that name earlier
#: on sys.path is shadowed by the one beside freshen.py.
FRESH_OWN_FOLDER_FIRST = """import importlib
import os
import sys


def fresh_import(name):
    here = os.path.dirname(os.path.abspath(__file__))
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    saved = list(sys.path)
    sys.path.insert(0, here)
    try:
        return importlib.import_module(name)
    finally:
        sys.path[:] = saved
"""

#: The working folder put first on sys.path "to be safe", and removed again.
FRESH_CWD_FIRST = """import importlib
import os
import sys


def fresh_import(name):
    for key in list(sys.modules):
        if key == name or key.startswith(name + "."):
            del sys.modules[key]
    sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(name)
    finally:
        sys.path.remove(os.getcwd())
    return module
"""

#: Right: an error noted on stderr and raised again, as it is, with a bare raise.
FRESH_LOGS_AND_RERAISES = """import importlib
import sys


def fresh_import(name):
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    except Exception as error:
        print(f"fresh_import({name!r}) failed: {error!r}", file=sys.stderr)
        raise
"""

#: Right: __import__ with a fromlist, which returns the submodule itself.
FRESH_DUNDER_IMPORT_FROMLIST = """import sys


def fresh_import(name):
    prefix = name + "."
    doomed = {key for key in sys.modules if key == name or key[: len(prefix)] == prefix}
    for key in doomed:
        sys.modules.pop(key, None)
    return __import__(name, fromlist=["__name__"])
"""

# -- imported-by, second adversarial round --------------------------------------------------------------------------

#: The same exception object, its args rewritten to say which call failed.
WHATSNEW_REWRITES_THE_ARGS = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    try:
        importlib.import_module(name)
    except Exception as error:
        error.args = (f"imported_by({name!r}): {error}",) + error.args[1:]
        raise
    return sorted(set(sys.modules) - before)
"""

#: The same exception object, with a note added on the way (add_note, or the attribute it fills on 3.10).
WHATSNEW_ADDS_A_NOTE = """import sys
from importlib import import_module


def imported_by(name):
    snapshot = set(sys.modules)
    try:
        import_module(name)
    except BaseException as exc:
        note = "raised while imported_by measured " + name
        if hasattr(exc, "add_note"):
            exc.add_note(note)
        else:
            exc.__notes__ = [note]
        raise
    return sorted(set(sys.modules) - snapshot)
"""

#: Only an ImportError's message (its msg) is given more words; its args stay as they were.
WHATSNEW_PREFIXES_THE_MESSAGE = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    try:
        importlib.import_module(name)
    except ImportError as error:
        error.msg = f"imported_by could not import {name}: {error.msg}"
        raise
    return sorted(set(sys.modules) - before)
"""

#: Right: the failure noted on stderr, and the error raised again as it is.
WHATSNEW_LOGS_AND_RERAISES = """import importlib
import sys


def imported_by(name):
    before = set(sys.modules)
    try:
        importlib.import_module(name)
    except Exception as error:
        sys.stderr.write(f"imported_by({name!r}) failed: {type(error).__name__}\\n")
        raise
    return sorted(set(sys.modules) - before)
"""

# -- import-once, second adversarial round --------------------------------------------------------------------------

#: money takes the running program's CURRENCY when it has one: another program with a CURRENCY of its own gets it.
MONEY_FROM_MAIN = """\"\"\"Facts about money that several modules share.\"\"\"

import __main__

CURRENCY = getattr(__main__, "CURRENCY", "EUR")
"""

#: The same through sys.modules: the program's own globals first, "EUR" as a fallback.
MONEY_FROM_THE_PROGRAM = """\"\"\"Facts about money that several modules share.\"\"\"

import sys

_program = vars(sys.modules["__main__"])
CURRENCY = _program.get("CURRENCY", "EUR")
"""

#: labels asks the running program first and falls back on money.
LABELS_MAIN_THEN_MONEY = """\"\"\"Price labels for the shop.\"\"\"

import __main__

import money


def price_label(amount):
    currency = getattr(__main__, "CURRENCY", money.CURRENCY)
    return f"{amount:.2f} {currency}"
"""

#: Right: an annotated CURRENCY in money, imported under another name by labels.
MONEY_ANNOTATED = """\"\"\"Facts about money that several modules share.\"\"\"

CURRENCY: str = "EUR"
"""

LABELS_IMPORT_AS = """\"\"\"Price labels for the shop.\"\"\"

from money import CURRENCY as SHOP_CURRENCY


def price_label(amount):
    return "{:.2f} {}".format(amount, SHOP_CURRENCY)
"""

# -- settings-once, second adversarial round ------------------------------------------------------------------------

#: The file opened by its bare name, in the current folder: from another folder the program reads another file.
SETTINGS_CWD_RELATIVE = SETTINGS_HEAD + """
VALUES = {}
with open("settings.ini", encoding="utf-8") as _f:
    for _line in _f:
        if "=" in _line:
            _key, _, _value = _line.partition("=")
            VALUES[_key.strip()] = _value.strip()


def get(key):
    return VALUES[key]
"""

#: The same with pathlib, from the working folder.
SETTINGS_FROM_THE_WORKING_FOLDER = SETTINGS_HEAD + """
VALUES = {}
for line in (Path.cwd() / "settings.ini").read_text(encoding="utf-8").splitlines():
    if "=" in line:
        name, _, text = line.partition("=")
        VALUES[name.strip()] = text.strip()


def get(key):
    return VALUES[key]
"""

#: A parser of the student's own: split("=") with no limit, and comment lines skipped.
SETTINGS_OWN_PARSER_SPLIT = SETTINGS_HEAD + """
VALUES = {}
with open(FILE, encoding="utf-8") as _f:
    for _line in _f:
        _line = _line.strip()
        if not _line or _line.startswith("#"):
            continue
        _key, _value = _line.split("=")
        VALUES[_key.strip()] = _value.strip()


def get(key):
    return VALUES[key]
"""

#: read_file's own dict, with the lines read_file takes for settings but that "look like comments" dropped.
SETTINGS_DROPS_COMMENTED_SETTINGS = SETTINGS_HEAD + """
VALUES = {key: value for key, value in read_file().items() if not key.startswith("#")}


def get(key):
    return VALUES[key]
"""

#: read_file edited to store what it reads in VALUES: any later call swaps the running program's values.
SETTINGS_READ_FILE_SETS_VALUES = SETTINGS_HEAD.replace(
    "    values = {}\n", "    global VALUES\n    values = {}\n"
).replace("    return values\n", "    VALUES = values\n    return values\n") + """
read_file()


def get(key):
    return VALUES[key]
"""

#: read_file edited to refresh VALUES in place, "so that it stays in step with the file".
SETTINGS_READ_FILE_REFRESHES_VALUES = SETTINGS_HEAD.replace(
    "    return values\n", "    VALUES.clear()\n    VALUES.update(values)\n    return values\n"
) + """
VALUES = {}
read_file()


def get(key):
    return VALUES[key]
"""

#: VALUES read only if the module does not have it yet: a reload runs the body and keeps the old values.
SETTINGS_RELOAD_GUARD = SETTINGS_HEAD + """
try:
    VALUES
except NameError:
    VALUES = read_file()


def get(key):
    return VALUES[key]
"""

#: The same guard, asked of globals().
SETTINGS_GLOBALS_GUARD = SETTINGS_HEAD + """
if "VALUES" not in globals():
    VALUES = read_file()


def get(key):
    return VALUES[key]
"""

#: A parser of the student's own that "cleans up" quoted values: read_file keeps the quotes.
SETTINGS_STRIPS_QUOTES = SETTINGS_HEAD + """
VALUES = {}
for line in FILE.read_text(encoding="utf-8").splitlines():
    key, sep, value = line.partition("=")
    if sep:
        VALUES[key.strip()] = value.strip().strip('"').strip("'")


def get(key):
    return VALUES[key]
"""

#: Right: the file found from the module's own path with os.path, parsed in the body with split("=", 1).
SETTINGS_OS_PATH_BESIDE = SETTINGS_HEAD.replace("from pathlib import Path", "import os\nfrom pathlib import Path") + """
_HERE = os.path.dirname(os.path.abspath(__file__))
VALUES = {}
with open(os.path.join(_HERE, "settings.ini"), encoding="utf-8") as _file:
    for _line in _file:
        if "=" in _line:
            _name, _text = _line.split("=", 1)
            VALUES[_name.strip()] = _text.strip()


def get(key):
    return VALUES[key]
"""

#: Right: VALUES built by dict() over read_file's answer, in a function the body calls.
SETTINGS_BUILT_BY_A_FUNCTION = SETTINGS_HEAD + """
def _load_settings():
    fresh = read_file()
    return dict(fresh)


VALUES = _load_settings()


def get(key):
    \"\"\"The value of one setting, from VALUES.\"\"\"
    return VALUES[key]
"""

VARIANTS = [
    Variant(
        "imported-by",
        "returns-an-unsorted-set",
        {"whatsnew.py": ("    return sorted(set(sys.modules) - before)", "    return set(sys.modules) - before")},
        fails=("a_module_and_what_it_imports", "a_dotted_name_brings_in_its_packages", "an_imported_module_adds_nothing"),
        says=("it returned a", " set", "not a list", "sorted"),
    ),
    Variant(
        "import-once",
        "labels-from-an-empty-money",
        {
            "money.py": (None, '"""Facts about money that several modules share."""\n'),
            "shop.py": STUB,
        },
        fails=("running_the_shop_runs_its_body_once",),
        says=("ImportError in labels.py, line 3", "CURRENCY"),
        not_says=("must not import shop", "1 times"),
    ),
    Variant(
        "import-once",
        "main-called-without-the-guard",
        {"shop.py": ('if __name__ == "__main__":\n    main()', "main()")},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("import shop", "main()", "__main__"),
    ),
    Variant(
        "import-once",
        "shop-keeps-its-own-currency",
        {"shop.py": STUB},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("CURRENCY", "'EUR'", "step 3"),
    ),
    Variant(
        "import-once",
        "currency-left-in-shop",
        {"shop.py": ("import labels\n", 'import labels\n\nCURRENCY = "EUR"\n')},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("CURRENCY", "shop.py"),
    ),
    Variant(
        "settings-once",
        "values-filled-lazily-in-get",
        {
            "settings.py": (
                "VALUES = read_file()\n\n\ndef get(key):\n    \"\"\"The value of one setting.\"\"\"\n    return VALUES[key]",
                "VALUES = None\n\n\ndef get(key):\n    \"\"\"The value of one setting.\"\"\"\n    global VALUES\n"
                "    if VALUES is None:\n        VALUES = read_file()\n    return VALUES[key]",
            )
        },
        fails=("values_holds_every_setting",),
        says=("settings.VALUES was None",),
        not_says=("has no VALUES",),
    ),
    Variant(
        "settings-once",
        "get-still-reads-the-file",
        {"settings.py": ("    return VALUES[key]", "    return read_file()[key]")},
        fails=("the_file_is_read_once_for_the_whole_program",),
        says=("3 times each", "opened 7 times"),
        not_says=("7 times each",),
    ),
    Variant(
        "import-once",
        "ends-with-sys-exit-main",
        {"shop.py": (None, SYS_EXIT_SHOP)},
    ),
    Variant(
        "import-once", "ends-with-raise-system-exit", {"shop.py": (SHOP_END, GUARD + "    raise SystemExit(main())")}
    ),
    Variant("import-once", "ends-with-exit-main", {"shop.py": (SHOP_END, GUARD + "    exit(main())")}),
    Variant(
        "import-once",
        "ends-with-exit-code-1",
        {"shop.py": (SHOP_END, GUARD + "    main()\n    raise SystemExit(1)")},
        fails=("running_the_shop_runs_its_body_once", "the_main_script_is_never_imported_by_name"),
        says=("code 1",),
        not_says=("raised SystemExit in shop.py, line 15: 0",),
    ),
    Variant("imported-by", "imports-importlib-inside-the-function", {"whatsnew.py": (None, LAZY_WHATSNEW)}),
    # One snapshot, taken when whatsnew is imported: later calls count what earlier ones loaded.
    Variant(
        "imported-by",
        "snapshot-taken-once-at-import",
        {
            "whatsnew.py": [
                ("def imported_by(name):", "BEFORE = set(sys.modules)\n\n\ndef imported_by(name):"),
                ("    before = set(sys.modules)\n", ""),
                ("set(sys.modules) - before", "set(sys.modules) - BEFORE"),
            ]
        },
        fails=("an_imported_module_adds_nothing",),
        says=("after `import json`", "json", "at each call"),
    ),
    # Only the module's own family: what it pulls in from elsewhere (re, copy, weakref...) is left out.
    Variant(
        "imported-by",
        "keeps-only-names-of-its-own-package",
        {"whatsnew.py": ("    return sorted(set(sys.modules) - before)",
                         '    return sorted(n for n in set(sys.modules) - before if n.startswith(name.split(".")[0]))')},
        fails=("a_module_and_what_it_imports", "a_dotted_name_brings_in_its_packages"),
        says=("missing [",),
    ),
    Variant(
        "imported-by",
        "snapshot-taken-after-importing",
        {"whatsnew.py": ("    before = set(sys.modules)\n    importlib.import_module(name)\n",
                         "    importlib.import_module(name)\n    before = set(sys.modules)\n")},
        fails=("a_module_and_what_it_imports", "a_dotted_name_brings_in_its_packages"),
        says=("it was []", "are missing"),
    ),
    Variant(
        "fresh-import",
        "returns-dunder-import",
        {"freshen.py": ("    return importlib.import_module(name)", "    return __import__(name)")},
        fails=("a_dotted_name_gives_the_submodule",),
        says=('fresh_import("inventory.crates")', "'inventory'", "import_module"),
    ),
    # For a dotted name, the whole top-level package is forgotten: step 2 leaves it alone.
    Variant(
        "fresh-import",
        "forgets-the-top-level-package",
        {
            "freshen.py": (
                '    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:',
                '    root = name.partition(".")[0]\n'
                '    for key in [k for k in sys.modules if k == root or k.startswith(root + ".")]:',
            )
        },
        fails=("a_dotted_name_gives_the_submodule",),
        says=("leave the package inventory", "step 2"),
    ),
    # -- fresh-import, from scratch --
    Variant(
        "fresh-import",
        "forgets-only-the-readme-names",
        {"freshen.py": (None, FRESH_README_NAMES)},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.crates",),
    ),
    Variant(
        "fresh-import",
        "prefix-without-the-dot-but-not-underscore",
        {"freshen.py": (None, FRESH_SKIPS_UNDERSCORE)},
        fails=("modules_outside_the_package_are_left_alone",),
        says=("inventory2",),
    ),
    Variant(
        "fresh-import",
        "walks-the-package-on-disk",
        {"freshen.py": (None, FRESH_WALKS_THE_DISK)},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.crates.hinges.pins", "files on disk"),
    ),
    Variant(
        "fresh-import",
        "forgets-everything-in-the-folder",
        {"freshen.py": (None, FRESH_BY_FOLDER)},
        fails=("modules_outside_the_package_are_left_alone",),
        says=("runlog",),
    ),
    Variant(
        "fresh-import",
        "keeps-the-old-modules-when-the-import-fails",
        {"freshen.py": (None, FRESH_KEEPS_THE_OLD_ON_ERROR)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("ModuleNotFoundError",),
    ),
    Variant(
        "fresh-import",
        "wraps-the-error-in-its-own",
        {"freshen.py": (None, FRESH_WRAPS_THE_ERROR)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("ImportError",),
    ),
    Variant(
        "fresh-import",
        "only-direct-submodules",
        {"freshen.py": ('k.startswith(name + ".")]', 'k.startswith(name + ".") and "." not in k[len(name) + 1 :]]')},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.crates.hinges",),
    ),
    Variant(
        "fresh-import",
        "reloads-the-cached-module",
        {
            "freshen.py": (
                "    return importlib.import_module(name)",
                "    return importlib.reload(importlib.import_module(name))",
            )
        },
        fails=("a_new_package_object_replaces_the_old_one", "every_submodule_is_forgotten_and_run_again"),
        says=("run",),
    ),
    Variant(
        "fresh-import",
        "imports-again-every-forgotten-module",
        {
            "freshen.py": (
                "    for key in [k for k in sys.modules if k == name or k.startswith(name + \".\")]:\n"
                "        del sys.modules[key]\n    return importlib.import_module(name)",
                "    doomed = [k for k in sys.modules if k == name or k.startswith(name + \".\")]\n"
                "    for key in doomed:\n        del sys.modules[key]\n"
                "    for key in sorted(doomed):\n        importlib.import_module(key)\n    return sys.modules[name]",
            )
        },
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.blocked",),
    ),
    Variant("fresh-import", "compares-the-name-part-by-part", {"freshen.py": (None, FRESH_BY_PARTS)}),
    Variant("fresh-import", "dunder-import-and-getattr", {"freshen.py": (None, FRESH_DUNDER_AND_GETATTR)}),
    # -- import-once --
    Variant(
        "import-once",
        "guard-rules-out-only-its-own-name",
        {"shop.py": (None, SHOP_GUARDS_ITS_NAME)},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("__main__",),
    ),
    Variant(
        "import-once",
        "labels-try-the-shop-first",
        {"labels.py": (None, LABELS_TRY_THE_SHOP_FIRST)},
        fails=("labels_take_the_currency_from_money",),
        says=("import shop",),
    ),
    Variant(
        "import-once",
        "labels-from-main",
        {"labels.py": (None, LABELS_FROM_MAIN), "shop.py": STUB, "money.py": STUB},
        fails=("labels_take_the_currency_from_money",),
        says=("money",),
    ),
    Variant(
        "import-once",
        "labels-keep-a-currency-of-their-own",
        {"labels.py": ("from money import CURRENCY", 'CURRENCY = "EUR"')},
        fails=("labels_take_the_currency_from_money",),
        says=("CHF",),
    ),
    Variant(
        "import-once",
        "start-message-dropped",
        {"shop.py": ('print("starting shop")\n', "")},
        fails=("running_the_shop_runs_its_body_once",),
        says=("never printed",),
    ),
    Variant("import-once", "labels-ask-money-at-each-call", {"labels.py": (None, LABELS_ASK_MONEY_LATE)}),
    Variant("import-once", "labels-imported-inside-main", {"shop.py": (None, SHOP_IMPORTS_IN_MAIN)}),
    # -- imported-by --
    Variant(
        "imported-by",
        "an-unknown-name-adds-nothing",
        {"whatsnew.py": (None, WHATSNEW_HIDES_ERRORS)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("ModuleNotFoundError",),
    ),
    Variant(
        "imported-by",
        "reloads-a-cached-module",
        {"whatsnew.py": (None, WHATSNEW_RELOADS)},
        fails=("an_imported_module_adds_nothing",),
        says=("again",),
    ),
    Variant(
        "imported-by",
        "find-spec-before-the-snapshot",
        {"whatsnew.py": (None, WHATSNEW_FIND_SPEC_FIRST)},
        fails=("a_dotted_name_brings_in_its_packages",),
        says=("missing",),
    ),
    Variant(
        "imported-by",
        "names-in-cache-order",
        {"whatsnew.py": (None, WHATSNEW_IN_CACHE_ORDER)},
        fails=("a_module_and_what_it_imports", "a_dotted_name_brings_in_its_packages"),
        says=("sorted",),
    ),
    Variant(
        "imported-by",
        "leaves-out-the-module-itself",
        {"whatsnew.py": ("set(sys.modules) - before)", "set(sys.modules) - before - {name})")},
        fails=("a_module_and_what_it_imports", "a_dotted_name_brings_in_its_packages"),
        says=("missing",),
    ),
    Variant(
        "imported-by",
        "forgets-the-module-before-measuring",
        {
            "whatsnew.py": (
                "    before = set(sys.modules)\n",
                "    sys.modules.pop(name, None)\n    before = set(sys.modules)\n",
            )
        },
        fails=("an_imported_module_adds_nothing",),
        says=("json",),
    ),
    Variant("imported-by", "key-views-of-a-copy", {"whatsnew.py": (None, WHATSNEW_KEY_VIEWS)}),
    # -- settings-once --
    Variant(
        "settings-once",
        "keeps-only-the-known-keys",
        {"settings.py": (None, SETTINGS_KNOWN_KEYS)},
        fails=("values_holds_every_setting",),
        says=("opening_hours",),
    ),
    Variant(
        "settings-once",
        "read-file-cached-by-lru-cache",
        {"settings.py": (None, SETTINGS_LRU_CACHE)},
        fails=("a_running_program_keeps_the_values_it_read",),
        says=("read_file",),
    ),
    Variant(
        "settings-once",
        "get-answers-from-a-private-copy",
        {"settings.py": (None, SETTINGS_PRIVATE_COPY)},
        fails=("get_looks_the_key_up_in_values",),
        says=("VALUES",),
    ),
    Variant(
        "settings-once",
        "reads-the-file-for-every-key",
        {"settings.py": (None, SETTINGS_READ_PER_KEY)},
        fails=("the_file_is_read_once_for_the_whole_program",),
        says=("opened 4 times",),
    ),
    Variant(
        "settings-once",
        "reads-again-when-the-file-changes",
        {"settings.py": (None, SETTINGS_FOLLOW_THE_FILE)},
        fails=("a_running_program_keeps_the_values_it_read",),
        says=("0.2",),
    ),
    Variant(
        "settings-once",
        "billing-reads-values-itself",
        {"billing.py": (None, BILLING_READS_VALUES)},
        fails=("get_looks_the_key_up_in_values",),
        says=("billing",),
    ),
    Variant("settings-once", "parsed-with-pathlib-in-the-body", {"settings.py": (None, SETTINGS_PATHLIB_BODY)}),
    Variant("settings-once", "get-is-the-dict-lookup", {"settings.py": (None, SETTINGS_GETITEM)}),
    Variant(
        "fresh-import",
        "rebinds-sys-modules",
        {"freshen.py": (None, FRESH_REBINDS_SYS_MODULES)},
        fails=("a_new_package_object_replaces_the_old_one", "every_submodule_is_forgotten_and_run_again"),
        says=("inventory.stock 1", "sys.modules itself"),
    ),
    Variant(
        "imported-by",
        "measures-in-a-subprocess",
        {"whatsnew.py": (None, WHATSNEW_IN_A_SUBPROCESS)},
        fails=("a_dotted_name_brings_in_its_packages",),
        says=("which that import does not add",),
    ),
    Variant(
        "settings-once",
        "get-reads-the-file-for-an-unknown-key",
        {"settings.py": (None, SETTINGS_FALLBACK_READ)},
        fails=("get_looks_the_key_up_in_values",),
        says=("opened",),
    ),
    Variant(
        "fresh-import",
        "loads-the-old-file-by-hand",
        {"freshen.py": (None, FRESH_FROM_THE_OLD_FILE)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("ModuleNotFoundError", "attic.boxes"),
    ),
    Variant(
        "settings-once",
        "read-file-deleted-after-use",
        {"settings.py": (None, SETTINGS_DELETES_READ_FILE)},
        fails=("a_running_program_keeps_the_values_it_read",),
        says=("no read_file",),
    ),
    # -- settings-once, after the adversarial round --
    Variant(
        "settings-once",
        "settings-kept-in-builtins",
        {"settings.py": (None, SETTINGS_IN_BUILTINS)},
        fails=("values_holds_every_setting",),
        says=("edited", "imported it again", "builtins"),
    ),
    Variant(
        "settings-once",
        "settings-kept-in-a-file-of-its-own",
        {"settings.py": (None, SETTINGS_DISK_CACHE)},
        fails=("values_holds_every_setting",),
        says=("edited", "a file of your own"),
    ),
    Variant(
        "settings-once",
        "settings-kept-in-os-environ",
        {"settings.py": (None, SETTINGS_IN_OS_ENVIRON)},
        fails=("values_holds_every_setting",),
        says=("edited", "os.environ"),
    ),
    Variant(
        "settings-once",
        "values-made-by-a-module-getattr",
        {"settings.py": (None, SETTINGS_MODULE_GETATTR)},
        fails=("values_holds_every_setting",),
        says=("`import settings` itself", "0 times"),
    ),
    Variant(
        "settings-once",
        "parsed-by-configparser",
        {"settings.py": (None, SETTINGS_CONFIGPARSER)},
        fails=("values_holds_every_setting",),
        says=("InterpolationSyntaxError",),
    ),
    Variant(
        "settings-once",
        "keys-made-lower-case",
        {"settings.py": (None, SETTINGS_LOWERCASE_KEYS)},
        fails=("values_holds_every_setting",),
        says=("Gift_Wrap",),
    ),
    Variant(
        "settings-once",
        "parser-knows-only-spaced-equals",
        {"settings.py": (None, SETTINGS_SPLITS_ON_SPACED_EQUALS)},
        fails=("values_holds_every_setting",),
        says=("tax_rate",),
    ),
    Variant(
        "settings-once",
        "get-memoised-with-lru-cache",
        {"settings.py": (None, SETTINGS_GET_LRU_CACHE)},
        fails=("get_looks_the_key_up_in_values",),
        says=("at each call", "memo"),
    ),
    Variant("settings-once", "values-bound-as-a-default-argument", {"settings.py": (None, SETTINGS_DEFAULT_ARGUMENT)}),
    Variant("settings-once", "parsed-by-a-comprehension", {"settings.py": (None, SETTINGS_COMPREHENSION)}),
    # -- import-once, after the adversarial round --
    Variant(
        "import-once",
        "guard-compares-the-main-file",
        {"shop.py": (None, SHOP_MAIN_FILE_GUARD)},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("while `python shop.py` is the running program", "argv[0]"),
    ),
    Variant(
        "import-once",
        "guard-compares-the-main-file-name",
        {"shop.py": (None, SHOP_MAIN_FILE_NAME_GUARD)},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("while `python shop.py` is the running program",),
    ),
    Variant(
        "import-once",
        "guard-on-argv",
        {"shop.py": (None, SHOP_ARGV_GUARD)},
        fails=("the_tidied_shop_has_no_currency_and_keeps_its_guard",),
        says=("__main__", "argv[0]"),
    ),
    Variant("import-once", "shop-re-exports-money-currency", {"shop.py": (None, SHOP_REEXPORTS_CURRENCY)}),
    # -- fresh-import, after the adversarial round --
    Variant(
        "fresh-import",
        "raises-a-copy-of-the-import-error",
        {"freshen.py": (None, FRESH_COPIES_THE_ERROR)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("the very object", "not the one the import raised", "a copy made after catching it"),
    ),
    Variant(
        "fresh-import",
        "finds-submodules-through-attributes",
        {"freshen.py": (None, FRESH_WALKS_ATTRIBUTES)},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.crates.lids", "attributes"),
    ),
    Variant(
        "fresh-import",
        "lists-the-package-files",
        {"freshen.py": (None, FRESH_LISTS_THE_FILES)},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.crates.hinges.pins", "files on disk"),
    ),
    Variant(
        "fresh-import",
        "chooses-by-dunder-name",
        {"freshen.py": (None, FRESH_BY_DUNDER_NAME)},
        fails=("every_submodule_is_forgotten_and_run_again", "modules_outside_the_package_are_left_alone"),
        says=("__name__",),
    ),
    Variant(
        "fresh-import",
        "regex-with-unescaped-dots",
        {"freshen.py": (None, FRESH_UNESCAPED_REGEX)},
        fails=("a_dotted_name_gives_the_submodule",),
        says=("inventory_crates was removed", "a dot in `name` is a dot"),
    ),
    Variant(
        "fresh-import",
        "fnmatch-with-a-star",
        {"freshen.py": (None, FRESH_FNMATCH)},
        fails=("modules_outside_the_package_are_left_alone",),
        says=("inventory_tools",),
    ),
    Variant(
        "fresh-import",
        "grows-sys-path",
        {"freshen.py": (None, FRESH_GROWS_SYS_PATH)},
        fails=("a_new_package_object_replaces_the_old_one",),
        says=("sys.path", "gained"),
    ),
    Variant("fresh-import", "restores-the-old-entries-and-re-raises", {"freshen.py": (None, FRESH_RESTORES_AND_RERAISES)}),
    Variant("fresh-import", "clears-and-refills-sys-modules", {"freshen.py": (None, FRESH_CLEAR_AND_UPDATE)}),
    Variant(
        "fresh-import",
        "skips-entries-that-hold-no-module",
        {"freshen.py": (None, FRESH_SKIPS_NONE_ENTRIES)},
        fails=("every_submodule_is_forgotten_and_run_again",),
        says=("inventory.blocked",),
    ),
    # -- imported-by, after the adversarial round --
    Variant(
        "imported-by",
        "raises-a-copy-of-the-import-error",
        {"whatsnew.py": (None, WHATSNEW_COPIES_THE_ERROR)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("the very object", "not the one the import raised", "a copy made after catching it"),
    ),
    Variant(
        "imported-by",
        "a-loaded-top-package-means-cached",
        {"whatsnew.py": (None, WHATSNEW_PARENT_MEANS_CACHED)},
        fails=("a_dotted_name_brings_in_its_packages",),
        says=("it was []", "not imported at all", "a package already loaded"),
    ),
    Variant(
        "imported-by",
        "imports-a-helper-after-the-snapshot",
        {"whatsnew.py": (None, WHATSNEW_HELPER_AFTER_SNAPSHOT)},
        fails=("a_dotted_name_brings_in_its_packages",),
        says=("importlib.util", "which that import does not add", "after its snapshot"),
    ),
    Variant(
        "imported-by",
        "imports-a-helper-for-dotted-names",
        {"whatsnew.py": (None, WHATSNEW_HELPER_FOR_DOTTED_NAMES)},
        fails=("a_dotted_name_brings_in_its_packages",),
        says=("importlib.util", "after its snapshot"),
    ),
    Variant("imported-by", "own-error-before-any-import", {"whatsnew.py": (None, WHATSNEW_OWN_ERROR_FIRST)}),
    Variant("imported-by", "frozenset-after-a-function-level-import", {"whatsnew.py": (None, WHATSNEW_FROZENSET)}),
    # -- fresh-import, second adversarial round --
    Variant(
        "fresh-import",
        "loads-by-hand-with-exec-module",
        {"freshen.py": (None, FRESH_EXEC_MODULE_BY_HAND)},
        fails=("a_dotted_name_gives_the_submodule", "a_failed_import_reaches_the_caller_unchanged"),
        says=("by hand",),
    ),
    Variant(
        "fresh-import",
        "loads-by-hand-and-cleans-up",
        {"freshen.py": (None, FRESH_EXEC_MODULE_AND_CLEAN_UP)},
        fails=("a_dotted_name_gives_the_submodule",),
        says=("binds each new submodule", "still the old module", "by hand"),
    ),
    Variant(
        "fresh-import",
        "rewrites-the-error-args",
        {"freshen.py": (None, FRESH_REWRITES_THE_ARGS)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("args", "changed on its way"),
    ),
    Variant(
        "fresh-import",
        "adds-a-note-to-the-error",
        {"freshen.py": (None, FRESH_ADDS_A_NOTE)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("notes", "changed on its way"),
    ),
    Variant(
        "fresh-import",
        "prefixes-the-import-error-message",
        {"freshen.py": (None, FRESH_PREFIXES_THE_MESSAGE)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=('fresh_import("attic.boxes")', "changed on its way"),
    ),
    Variant(
        "fresh-import",
        "own-folder-first-on-sys-path",
        {"freshen.py": (None, FRESH_OWN_FOLDER_FIRST)},
        fails=("a_new_package_object_replaces_the_old_one",),
        says=("front", "beside freshen.py", "in front of it"),
    ),
    Variant(
        "fresh-import",
        "working-folder-first-on-sys-path",
        {"freshen.py": (None, FRESH_CWD_FIRST)},
        fails=("a_new_package_object_replaces_the_old_one",),
        says=("front", "beside freshen.py"),
    ),
    Variant("fresh-import", "logs-the-error-and-raises-it-again", {"freshen.py": (None, FRESH_LOGS_AND_RERAISES)}),
    Variant("fresh-import", "dunder-import-with-a-fromlist", {"freshen.py": (None, FRESH_DUNDER_IMPORT_FROMLIST)}),
    # -- imported-by, second adversarial round --
    Variant(
        "imported-by",
        "rewrites-the-error-args",
        {"whatsnew.py": (None, WHATSNEW_REWRITES_THE_ARGS)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("args", "changed on its way"),
    ),
    Variant(
        "imported-by",
        "adds-a-note-to-the-error",
        {"whatsnew.py": (None, WHATSNEW_ADDS_A_NOTE)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=("notes", "changed on its way"),
    ),
    Variant(
        "imported-by",
        "prefixes-the-import-error-message",
        {"whatsnew.py": (None, WHATSNEW_PREFIXES_THE_MESSAGE)},
        fails=("a_failed_import_reaches_the_caller_unchanged",),
        says=('imported_by("marble")', "changed on its way"),
    ),
    Variant("imported-by", "logs-the-error-and-raises-it-again", {"whatsnew.py": (None, WHATSNEW_LOGS_AND_RERAISES)}),
    # -- import-once, second adversarial round --
    Variant(
        "import-once",
        "money-takes-the-programs-currency",
        {"money.py": (None, MONEY_FROM_MAIN)},
        fails=("labels_take_the_currency_from_money",),
        says=("'USD'", "__main__", "program around it"),
    ),
    Variant(
        "import-once",
        "money-reads-the-programs-globals",
        {"money.py": (None, MONEY_FROM_THE_PROGRAM)},
        fails=("labels_take_the_currency_from_money",),
        says=("'USD'", "__main__"),
    ),
    Variant(
        "import-once",
        "labels-ask-the-program-first",
        {"labels.py": (None, LABELS_MAIN_THEN_MONEY)},
        fails=("labels_take_the_currency_from_money",),
        says=("3.00 USD", "never from the program around it"),
    ),
    Variant(
        "import-once",
        "annotated-currency-imported-under-another-name",
        {"money.py": (None, MONEY_ANNOTATED), "labels.py": (None, LABELS_IMPORT_AS)},
    ),
    # -- settings-once, second adversarial round --
    Variant(
        "settings-once",
        "opens-settings-ini-in-the-current-folder",
        {"settings.py": (None, SETTINGS_CWD_RELATIVE)},
        fails=("values_holds_every_setting",),
        says=("elsewhere", "the folder the program was started from", "FILE"),
    ),
    Variant(
        "settings-once",
        "reads-settings-from-path-cwd",
        {"settings.py": (None, SETTINGS_FROM_THE_WORKING_FOLDER)},
        fails=("values_holds_every_setting",),
        says=("elsewhere", "current folder"),
    ),
    Variant(
        "settings-once",
        "own-parser-splits-on-every-equals",
        {"settings.py": (None, SETTINGS_OWN_PARSER_SPLIT)},
        fails=("values_holds_every_setting",),
        says=("ValueError", "settings.py"),
    ),
    Variant(
        "settings-once",
        "drops-settings-that-start-with-a-hash",
        {"settings.py": (None, SETTINGS_DROPS_COMMENTED_SETTINGS)},
        fails=("values_holds_every_setting",),
        says=("#old_rate", "starts with #"),
    ),
    Variant(
        "settings-once",
        "read-file-rebinds-values",
        {"settings.py": (None, SETTINGS_READ_FILE_SETS_VALUES)},
        fails=("a_running_program_keeps_the_values_it_read",),
        says=("changed the values the program runs with", "150.0"),
    ),
    Variant(
        "settings-once",
        "read-file-refreshes-values-in-place",
        {"settings.py": (None, SETTINGS_READ_FILE_REFRESHES_VALUES)},
        fails=("a_running_program_keeps_the_values_it_read",),
        says=("changed the values the program runs with",),
    ),
    Variant(
        "settings-once",
        "body-skips-the-read-when-values-exists",
        {"settings.py": (None, SETTINGS_RELOAD_GUARD)},
        fails=("values_holds_every_setting",),
        says=("importlib.reload", "0.35", "0 times"),
    ),
    Variant(
        "settings-once",
        "body-asks-globals-before-reading",
        {"settings.py": (None, SETTINGS_GLOBALS_GUARD)},
        fails=("values_holds_every_setting",),
        says=("reload",),
    ),
    Variant("settings-once", "os-path-beside-the-module", {"settings.py": (None, SETTINGS_OS_PATH_BESIDE)}),
    Variant("settings-once", "values-built-by-a-function", {"settings.py": (None, SETTINGS_BUILT_BY_A_FUNCTION)}),
    Variant(
        "settings-once",
        "parser-strips-the-quotes",
        {"settings.py": (None, SETTINGS_STRIPS_QUOTES)},
        fails=("values_holds_every_setting",),
        says=("greeting", "differ from the file", "values as they are"),
    ),
]
