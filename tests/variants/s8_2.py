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
        says=("inventory.ledgers",),
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
        says=("inventory.prices",),
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
]
