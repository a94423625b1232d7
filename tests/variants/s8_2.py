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
        says=('fresh_import("inventory.depot")', "'inventory'", "import_module"),
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
]
