"""Section 8.2, module caching."""

from . import STUB, Variant

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
]
