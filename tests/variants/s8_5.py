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
        says=("chatter", "module.__name__"),
    ),
    # The same for classes: "shapes" written out passes every check that upgrades with shapes itself.
    Variant(
        "class-upgrade",
        "hard-codes-the-module-name",
        {"upgrade.py": ("if old.__module__ != module.__name__:", 'if old.__module__ != "shapes":')},
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("kit.forms", "module.__name__"),
    ),
]

# -- class-upgrade ---------------------------------------------------------------------------------------------------

CU_HEAD = '"""Bring old objects up to date after importlib.reload."""\n\n'

VARIANTS += [
    # Written for the README's two classes: nothing else is ever upgraded.
    Variant(
        "class-upgrade",
        "only-circle-and-square",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        if type(obj).__module__ != module.__name__:\n"
                "            continue\n"
                '        if type(obj).__name__ == "Circle" and type(obj) is not module.Circle:\n'
                "            obj.__class__ = module.Circle\n"
                "            count += 1\n"
                '        elif type(obj).__name__ == "Square" and type(obj) is not module.Square:\n'
                "            obj.__class__ = module.Square\n"
                "            count += 1\n"
                "    return count\n",
            )
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("Label", "forms"),
    ),
    # Counts the classes it upgraded, not the objects: the same for one circle and one square.
    Variant(
        "class-upgrade",
        "counts-classes-not-objects",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    upgraded_classes = set()\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ == module.__name__:\n"
                "            new = getattr(module, cls.__name__)\n"
                "            if new is not cls:\n"
                "                obj.__class__ = new\n"
                "                upgraded_classes.add(cls.__name__)\n"
                "    return len(upgraded_classes)\n",
            )
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("return 4", "returned 3"),
    ),
    # "Defined in module" taken as a prefix of the module's name: shapes_extra's classes are taken too.
    Variant(
        "class-upgrade",
        "module-name-as-a-prefix",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    n = 0\n"
                "    for obj in objects:\n"
                "        cls = obj.__class__\n"
                "        if not cls.__module__.startswith(module.__name__):\n"
                "            continue\n"
                "        current = getattr(module, cls.__name__, None)\n"
                "        if current is not None and current is not cls:\n"
                "            obj.__class__ = current\n"
                "            n += 1\n"
                "    return n\n",
            )
        },
        fails=("other_objects_are_left_alone",),
        says=("shapes_extra", "__module__"),
    ),
    # upgrade reloads the module once more "to be sure": its body runs again, and objects made
    # from the classes the caller's reload gave become stale at once.
    Variant(
        "class-upgrade",
        "reloads-the-module-again",
        {
            "upgrade.py": [
                (CU_HEAD, CU_HEAD + "import importlib\n\n"),
                ("    upgraded = 0\n", "    module = importlib.reload(module)\n    upgraded = 0\n"),
            ]
        },
        fails=("old_instances_become_instances_of_the_new_classes", "upgrading_twice_changes_nothing_the_second_time"),
        says=("reload",),
    ),
    # New objects made from the new class, put in the list in place of the old ones: whoever holds
    # the old objects (the drawing) still has instances of the old class.
    Variant(
        "class-upgrade",
        "replaces-the-objects-in-the-list",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for i, obj in enumerate(objects):\n"
                "        old = type(obj)\n"
                "        if old.__module__ == module.__name__:\n"
                "            new = getattr(module, old.__name__)\n"
                "            if new is not old:\n"
                "                fresh = new.__new__(new)\n"
                "                fresh.__dict__.update(obj.__dict__)\n"
                "                objects[i] = fresh\n"
                "                count += 1\n"
                "    return count\n",
            )
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("old class",),
    ),
    # Any object that is "a Circle", through its class's bases: another module's subclass of the
    # old Circle loses its own class.
    Variant(
        "class-upgrade",
        "walks-the-bases",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        for cls in type(obj).__mro__:\n"
                "            if cls.__module__ == module.__name__:\n"
                "                new = getattr(module, cls.__name__, None)\n"
                "                if new is not None and new is not type(obj):\n"
                "                    obj.__class__ = new\n"
                "                    count += 1\n"
                "                break\n"
                "    return count\n",
            )
        },
        fails=("other_objects_are_left_alone",),
        says=("BigCircle",),
    ),
    # Sets the class of every object of the module, current or not, and counts them all.
    Variant(
        "class-upgrade",
        "counts-objects-already-current",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        name = type(obj).__name__\n"
                "        if type(obj).__module__ == module.__name__ and hasattr(module, name):\n"
                "            obj.__class__ = getattr(module, name)\n"
                "            count += 1\n"
                "    return count\n",
            )
        },
        fails=("other_objects_are_left_alone", "upgrading_twice_changes_nothing_the_second_time"),
        says=("return",),
    ),
    # Right: the module found through sys.modules, the stale objects gathered first, counted by len().
    Variant(
        "class-upgrade",
        "sys-modules-and-a-list-of-stale-objects",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "import sys\n\n\n"
                "def upgrade(objects, module):\n"
                "    def current(obj):\n"
                "        return getattr(module, type(obj).__name__, None)\n\n"
                "    stale = [\n"
                "        obj\n"
                "        for obj in objects\n"
                "        if sys.modules.get(type(obj).__module__) is module\n"
                "        and isinstance(current(obj), type)\n"
                "        and current(obj) is not type(obj)\n"
                "    ]\n"
                "    for obj in stale:\n"
                "        obj.__class__ = current(obj)\n"
                "    return len(stale)\n",
            )
        },
    ),
    # Right: the module's classes collected first (inspect), then a while loop over the objects.
    Variant(
        "class-upgrade",
        "inspect-and-a-table-of-classes",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "import inspect\n\n\n"
                "def upgrade(objects, module):\n"
                "    classes = dict(inspect.getmembers(module, inspect.isclass))\n"
                "    done = 0\n"
                "    for thing in objects:\n"
                "        cls = thing.__class__\n"
                "        if inspect.getmodule(cls) is not module:\n"
                "            continue\n"
                "        replacement = classes.get(cls.__name__)\n"
                "        if replacement is None or replacement is cls:\n"
                "            continue\n"
                "        thing.__class__ = replacement\n"
                "        done += 1\n"
                "    return done\n",
            )
        },
    ),
]

# -- plugin-reloader -------------------------------------------------------------------------------------------------

PR_HEAD = (
    '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n\n'
    "import importlib\n\n\n"
)

VARIANTS += [
    # The README's two commands written out: a plugin with other functions is never refreshed.
    Variant(
        "plugin-reloader",
        "only-greet-and-shout",
        {
            "reloader.py": (
                None,
                PR_HEAD + 'COMMANDS = ("greet", "shout")\n\n\n'
                "def reload_plugin(module, registry):\n"
                "    old = {name: getattr(module, name, None) for name in COMMANDS}\n"
                "    module = importlib.reload(module)\n"
                "    for key, func in list(registry.items()):\n"
                "        for name in COMMANDS:\n"
                "            if old[name] is not None and func is old[name]:\n"
                "                new = getattr(module, name)\n"
                "                if new is old[name]:\n"
                "                    del registry[key]\n"
                "                else:\n"
                "                    registry[key] = new\n"
                "    return module\n",
            )
        },
        fails=("the_registry_runs_the_new_code", "a_deleted_function_leaves_the_registry"),
        says=("chatter",),
    ),
    # hasattr to tell a deleted function: the reload leaves the old one in the module, so nothing is removed.
    Variant(
        "plugin-reloader",
        "hasattr-finds-deleted-functions",
        {
            "reloader.py": (
                None,
                PR_HEAD + "def reload_plugin(module, registry):\n"
                "    module = importlib.reload(module)\n"
                "    for name, func in list(registry.items()):\n"
                "        if func.__module__ == module.__name__:\n"
                "            if hasattr(module, func.__name__):\n"
                "                registry[name] = getattr(module, func.__name__)\n"
                "            else:\n"
                "                del registry[name]\n"
                "    return module\n",
            )
        },
        fails=("a_deleted_function_leaves_the_registry",),
        says=("shout", "same old object"),
    ),
    # One reload per entry of the plugin: the module's body runs once for each.
    Variant(
        "plugin-reloader",
        "reloads-once-per-entry",
        {
            "reloader.py": (
                None,
                PR_HEAD + "def reload_plugin(module, registry):\n"
                "    for key, func in list(registry.items()):\n"
                "        if getattr(func, '__module__', None) != module.__name__:\n"
                "            continue\n"
                "        module = importlib.reload(module)\n"
                "        new = getattr(module, func.__name__, None)\n"
                "        if new is None or new is func:\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            )
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("once",),
    ),
    # Nothing in the registry came from the module: it returns without reloading.
    Variant(
        "plugin-reloader",
        "no-reload-when-no-entry-came-from-it",
        {
            "reloader.py": (
                "    module = importlib.reload(module)\n",
                "    if not stale:\n        return module\n    module = importlib.reload(module)\n",
            )
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("len",),
    ),
    # Returns a second reload: the registry holds the functions of the first, the module those of the second.
    Variant(
        "plugin-reloader",
        "returns-a-second-reload",
        {"reloader.py": ("    return module\n", "    return importlib.reload(module)\n")},
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("once",),
    ),
    # "Came from the module" as a prefix of its name: tools_legacy's functions are taken for tools'.
    Variant(
        "plugin-reloader",
        "module-name-as-a-prefix",
        {
            "reloader.py": (
                'if getattr(f, "__module__", None) == module.__name__}',
                'if getattr(f, "__module__", "").startswith(module.__name__)}',
            )
        },
        fails=("other_entries_are_left_alone",),
        says=("tools_legacy",),
    ),
    # Unloads and imports again instead of reloading: a new module object, which the program does not hold.
    Variant(
        "plugin-reloader",
        "imports-again-instead-of-reloading",
        {
            "reloader.py": (
                None,
                PR_HEAD.replace("import importlib\n", "import importlib\nimport sys\n")
                + "def reload_plugin(module, registry):\n"
                "    name = module.__name__\n"
                "    old = {k: f for k, f in registry.items() if getattr(f, '__module__', None) == name}\n"
                "    del sys.modules[name]\n"
                "    module = importlib.import_module(name)\n"
                "    for k, f in old.items():\n"
                "        if hasattr(module, f.__name__):\n"
                "            registry[k] = getattr(module, f.__name__)\n"
                "        else:\n"
                "            del registry[k]\n"
                "    return module\n",
            )
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("same module object",),
    ),
    # Runs the source file in the module's namespace by hand: the body runs, but that is not a reload.
    Variant(
        "plugin-reloader",
        "execs-the-file-instead-of-reloading",
        {
            "reloader.py": (
                "    module = importlib.reload(module)\n",
                '    with open(module.__file__, encoding="utf-8") as source:\n'
                '        exec(compile(source.read(), module.__file__, "exec"), module.__dict__)\n',
            )
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("importlib.reload",),
    ),
    # Right: the module found with inspect, and a copy of its namespace to tell the deleted functions.
    Variant(
        "plugin-reloader",
        "inspect-and-a-namespace-snapshot",
        {
            "reloader.py": (
                None,
                PR_HEAD.replace("import importlib\n", "import importlib\nimport inspect\n")
                + "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                "    mine = [key for key, f in registry.items() if inspect.getmodule(f) is module]\n"
                "    module = importlib.reload(module)\n"
                "    for key in mine:\n"
                "        name = registry[key].__name__\n"
                "        new = vars(module).get(name)\n"
                "        if new is None or new is before.get(name):\n"
                "            registry.pop(key)\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            )
        },
    ),
    # Right: the plugin's functions deleted from the module first, so that hasattr tells after the reload.
    Variant(
        "plugin-reloader",
        "deletes-the-names-before-reloading",
        {
            "reloader.py": (
                None,
                PR_HEAD + "def reload_plugin(module, registry):\n"
                "    ours = {\n"
                "        k: f.__name__\n"
                "        for k, f in registry.items()\n"
                "        if getattr(f, '__module__', None) == module.__name__\n"
                "    }\n"
                "    for name in set(ours.values()):\n"
                "        if hasattr(module, name):\n"
                "            delattr(module, name)\n"
                "    module = importlib.reload(module)\n"
                "    for key, name in ours.items():\n"
                "        if hasattr(module, name):\n"
                "            registry[key] = getattr(module, name)\n"
                "        else:\n"
                "            del registry[key]\n"
                "    return module\n",
            )
        },
    ),
    # Right: a new table built, then the registry's contents replaced.
    Variant(
        "plugin-reloader",
        "builds-a-new-table-then-updates-in-place",
        {
            "reloader.py": (
                None,
                PR_HEAD + "def reload_plugin(module, registry):\n"
                "    origin = module.__name__\n"
                "    stale = {k: f for k, f in registry.items() if getattr(f, '__module__', None) == origin}\n"
                "    reloaded = importlib.reload(module)\n"
                "    table = {}\n"
                "    for key, func in registry.items():\n"
                "        if key not in stale:\n"
                "            table[key] = func\n"
                "            continue\n"
                "        fresh = getattr(reloaded, func.__name__, None)\n"
                "        if fresh is not None and fresh is not func:\n"
                "            table[key] = fresh\n"
                "    registry.clear()\n"
                "    registry.update(table)\n"
                "    return reloaded\n",
            )
        },
    ),
]

# -- survive-reload --------------------------------------------------------------------------------------------------

VISIT = "\n\ndef visit(page):\n    COUNTS[page] = COUNTS.get(page, 0) + 1\n    return COUNTS[page]\n"

VARIANTS += [
    # The counts kept in builtins: they survive a reload, but also an unload and a fresh import.
    Variant(
        "survive-reload",
        "counts-kept-in-builtins",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nimport builtins\n\n'
                'if not hasattr(builtins, "visit_counts"):\n'
                "    builtins.visit_counts = {}\n"
                "COUNTS = builtins.visit_counts\n" + VISIT,
            )
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("sys.modules", "fresh import"),
        not_says=("new program",),
    ),
    # The counts kept in a module of their own, which a fresh import of visits does not run again.
    Variant(
        "survive-reload",
        "counts-kept-in-another-module",
        {
            "visit_state.py": (None, '"""State that outlives reloads of visits."""\n\nCOUNTS = {}\n'),
            "visits.py": (None, '"""Counts visits per page."""\n\nfrom visit_state import COUNTS\n' + VISIT),
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("fresh import",),
    ),
    # A copy of the old counts: the numbers survive, the dictionary does not.
    Variant(
        "survive-reload",
        "copies-the-old-counts",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\n'
                "try:\n    COUNTS = dict(COUNTS)\nexcept NameError:\n    COUNTS = {}\n" + VISIT,
            )
        },
        fails=("counts_survive_a_reload",),
        says=("same", "new dictionary"),
    ),
    # "Already imported" judged by sys.modules: the module is there during its first import too.
    Variant(
        "survive-reload",
        "guard-on-sys-modules",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nimport sys\n\n'
                "if __name__ not in sys.modules:\n    COUNTS = {}\n" + VISIT,
            )
        },
        fails=("counts_survive_a_reload", "edited_code_takes_effect_and_counts_stay", "many_reloads_and_a_fresh_start"),
        says=("COUNTS",),
    ),
    # Whole body under the guard, written from scratch: visit() is never redefined.
    Variant(
        "survive-reload",
        "everything-under-the-guard",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nif "COUNTS" not in globals():\n    COUNTS = {}\n\n'
                "    def visit(page):\n        COUNTS[page] = COUNTS.get(page, 0) + 1\n        return COUNTS[page]\n",
            )
        },
        fails=("edited_code_takes_effect_and_counts_stay",),
        says=("top level",),
    ),
    # Right: the guard asks whether visit() exists yet (it does, on every reload).
    Variant(
        "survive-reload",
        "guard-on-another-global",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nif "visit" not in globals():\n    COUNTS = {}\n' + VISIT,
            )
        },
    ),
    # Right: the module asks itself, through sys.modules, with setdefault on its namespace.
    Variant(
        "survive-reload",
        "setdefault-on-its-own-namespace",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nimport sys\n\n'
                'COUNTS = vars(sys.modules[__name__]).setdefault("COUNTS", {})\n' + VISIT,
            )
        },
    ),
]

VARIANTS += [
    # Right: "came from the module" judged by the function's globals, which are the module's namespace.
    Variant(
        "plugin-reloader",
        "judged-by-the-functions-globals",
        {
            "reloader.py": (
                'if getattr(f, "__module__", None) == module.__name__}',
                'if getattr(f, "__globals__", None) is vars(module)}',
            )
        },
    ),
    # Right: a Counter (a dict) created in the except branch, and visit() with a docstring and a local.
    Variant(
        "survive-reload",
        "a-counter-and-a-local",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n\nfrom collections import Counter\n\n'
                "try:\n    COUNTS\nexcept NameError:\n    COUNTS = Counter()\n\n\n"
                "def visit(page):\n"
                '    """One more visit of page."""\n'
                "    count = COUNTS[page] + 1\n"
                "    COUNTS[page] = count\n"
                "    return count\n",
            )
        },
    ),
]

# Found by attacking the new checks: each of these passed them before they were tightened.
VARIANTS += [
    # Every stale object in the program upgraded (gc), not only those in the list given.
    Variant(
        "class-upgrade",
        "upgrades-every-object-in-the-program",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "import gc\n\n\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in gc.get_objects():\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if isinstance(new, type) and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            )
        },
        fails=("other_objects_are_left_alone",),
        says=("not in the list", "given"),
    ),
    # "Defined in module" judged by the file: a second module made from the same file is taken too.
    Variant(
        "class-upgrade",
        "judged-by-the-file",
        {
            "upgrade.py": (
                None,
                CU_HEAD + "import inspect\n\n\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        try:\n"
                "            where = inspect.getfile(type(obj))\n"
                "        except TypeError:  # built-in classes have no file\n"
                "            continue\n"
                "        if where != module.__file__:\n"
                "            continue\n"
                "        new = getattr(module, type(obj).__name__)\n"
                "        if new is not type(obj):\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            )
        },
        fails=("other_objects_are_left_alone",),
        says=("shapes_copy", "__module__"),
    ),
    # The registry's key tried first: a key that names another function of the plugin gets that one.
    Variant(
        "plugin-reloader",
        "tries-the-key-first",
        {
            "reloader.py": (
                "new = getattr(module, old.__name__, None)",
                "new = getattr(module, key, None) or getattr(module, old.__name__, None)",
            )
        },
        fails=("the_registry_runs_the_new_code",),
        says=("'joke' was the new joke",),
    ),
    # Only functions whose code changed are replaced: an unchanged one stays the old object.
    Variant(
        "plugin-reloader",
        "keeps-functions-whose-code-did-not-change",
        {
            "reloader.py": (
                "        else:\n            registry[key] = new",
                "        elif new.__code__.co_code != old.__code__.co_code or "
                "new.__code__.co_consts != old.__code__.co_consts:\n"
                "            registry[key] = new",
            )
        },
        fails=("the_registry_runs_the_new_code",),
        says=("'ping' was the old ping", "did not change"),
    ),
]
