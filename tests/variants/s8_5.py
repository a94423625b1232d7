"""Section 8.5, reloading and unloading."""

from . import STUB, Variant

VARIANTS = [
    # Hint 2's other way, and a visit() with a docstring: the check's edit of visit() must still apply.
    Variant(
        "survive-reload",
        "globals-get-and-a-docstring",
        {
            "visits.py": (
                None,
                'COUNTS = globals().get("COUNTS", {})\n\n\n'
                "def visit(page):\n"
                '    """Count one visit of page; return its count."""\n'
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            )
        },
    ),
    # visit() defined inside the guard: a reload keeps the old function, so edits never take effect.
    Variant(
        "survive-reload",
        "visit-defined-inside-the-guard",
        {
            "visits.py": (
                "    COUNTS = {}\n\n\n"
                "def visit(page):\n    COUNTS[page] = COUNTS.get(page, 0) + 1\n    return COUNTS[page]\n",
                "    COUNTS = {}\n\n"
                "    def visit(page):\n        COUNTS[page] = COUNTS.get(page, 0) + 1\n        return COUNTS[page]\n",
            )
        },
        fails=("edited_code_takes_effect_and_counts_stay",),
        says=("visit()", "top level"),
    ),
    # A comparison instead of the assignment: nothing is upgraded, and the message must say so.
    Variant(
        "class-upgrade",
        "compares-the-class-instead-of-setting-it",
        {"upgrade.py": ("obj.__class__ = new", "obj.__class__ == new")},
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("obj.__class__", "old class"),
        not_says=("AttributeError", "top level"),
    ),
    # The same mistake, seen by the check that upgrades twice: it is the first call that did nothing.
    Variant(
        "class-upgrade",
        "compares-the-class-seen-upgrading-twice",
        {"upgrade.py": ("obj.__class__ = new", "obj.__class__ == new")},
        fails=("upgrading_twice_changes_nothing_the_second_time",),
        says=("first", "obj.__class__"),
        not_says=("needs no upgrade",),
    ),
    # The new function looked up by the registry's key, which need not be the function's name.
    Variant(
        "plugin-reloader",
        "looks-up-the-key-not-the-name",
        {"reloader.py": ("new = getattr(module, old.__name__, None)", "new = getattr(module, key, None)")},
        fails=("the_registry_runs_the_new_code",),
        says=('"hi"', "__name__"),
    ),
    # `or {}` keeps a dict with counts, but swaps an empty one for a new dict: a reload before any visit.
    Variant(
        "survive-reload",
        "or-replaces-an-empty-dict",
        {
            "visits.py": (
                None,
                'COUNTS = globals().get("COUNTS") or {}\n\n\n'
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            )
        },
        fails=("counts_survive_a_reload",),
        says=("before any visit", "new dictionary", "or {}"),
    ),
    # "Came from the module" decided by identity: a function tools.py imports (dedent) counts as its own.
    Variant(
        "plugin-reloader",
        "came-from-the-module-by-identity",
        {
            "reloader.py": (
                'if getattr(f, "__module__", None) == module.__name__}',
                "if any(f is v for v in vars(module).values())}",
            )
        },
        fails=("other_entries_are_left_alone",),
        says=("removed 'dedent'", "__module__"),
        not_says=("'count'",),
    ),
]

VARIANTS += [
    # No guard at all (the stub's visits.py): every check must point to step 1, not to `or {}`,
    # to a guard the file does not have, or to the half (a new program starts at 1) that passed.
    Variant(
        "survive-reload",
        "no-guard-as-in-the-stub",
        {"visits.py": STUB},
        fails=(
            "counts_survive_a_reload",
            "edited_code_takes_effect_and_counts_stay",
            "many_reloads_and_a_fresh_start",
        ),
        says=("step 1", "does not exist yet"),
        not_says=("or {}", "outside the guard", "within one program", "new program"),
    ),
    # The module's name written out: it works for tools, but not for the module reload_plugin is given.
    Variant(
        "plugin-reloader",
        "hard-codes-the-module-name",
        {
            "reloader.py": (
                'if getattr(f, "__module__", None) == module.__name__}',
                'if getattr(f, "__module__", None) == "tools"}',
            )
        },
        fails=("the_registry_runs_the_new_code",),
        says=("tools2", "module.__name__"),
    ),
    # The same for classes: "shapes" written out passes every check that upgrades with shapes itself.
    Variant(
        "class-upgrade",
        "hard-codes-the-module-name",
        {"upgrade.py": ("if old.__module__ != module.__name__:", 'if old.__module__ != "shapes":')},
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("shapes2", "module.__name__"),
    ),
]
