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
        says=("return 6", "returned 4"),
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
    # Right: the module found through sys.modules, the stale objects gathered first (each once, by id),
    # counted by len().
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
                "    stale = {\n"
                "        id(obj): obj\n"
                "        for obj in objects\n"
                "        if sys.modules.get(type(obj).__module__) is module\n"
                "        and isinstance(current(obj), type)\n"
                "        and current(obj) is not type(obj)\n"
                "    }\n"
                "    for obj in stale.values():\n"
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
                "    before = module.__dict__.copy()\n"
                "    reloaded = importlib.reload(module)\n"
                "    table = {}\n"
                "    for key, func in registry.items():\n"
                "        if key not in stale:\n"
                "            table[key] = func\n"
                "            continue\n"
                "        fresh = getattr(reloaded, func.__name__, None)\n"
                "        if fresh is not None and fresh is not before.get(func.__name__):\n"
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

# Found by the adversarial round (issue 21), and the kind of hole each showed: counts kept outside the
# module, registries older than the module, bodies run twice, errors swallowed, other modules' objects and
# classes changed, objects counted twice.
VARIANTS += [
    # The counts in a weak table on sys, keyed by the module object: a fresh import is a new key, so
    # every behaviour looks right, but the counts live in another module.
    Variant(
        "survive-reload",
        "a-weak-table-on-sys-keyed-by-the-module",
        {
            "visits.py": (
                None,
                '"""Counts visits per page.\n'
                "\n"
                "The server updates its code with importlib.reload while it runs, so the\n"
                "counts must survive a reload.\n"
                '"""\n'
                "\n"
                "import sys\n"
                "import weakref\n"
                "\n"
                '_TABLE = sys.__dict__.setdefault("_visits_state", weakref.WeakKeyDictionary())\n'
                "COUNTS = _TABLE.setdefault(sys.modules[__name__], {})\n"
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            ),
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("sys._visits_state", "another module"),
    ),
    # The counts in builtins, in a table keyed by id() of the module object.
    Variant(
        "survive-reload",
        "builtins-table-keyed-by-the-module-id",
        {
            "visits.py": (
                None,
                '"""Counts visits per page.\n'
                "\n"
                "The server updates its code with importlib.reload while it runs, so the\n"
                "counts must survive a reload.\n"
                '"""\n'
                "\n"
                "import builtins\n"
                "import sys\n"
                "\n"
                'COUNTS = builtins.__dict__.setdefault("_visit_counts", {}).setdefault(id(sys.modules[__name__]), {})\n'
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            ),
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("builtins._visit_counts",),
    ),
    # The counts in a table kept as an attribute of a function of another module (importlib.reload):
    # no module gains a name, but importlib's namespace holds the counts, three steps away.
    Variant(
        "survive-reload",
        "a-table-on-importlib-reload",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n'
                "\n"
                "import importlib\n"
                "import sys\n"
                "\n"
                "# One table per module object, kept on importlib.reload itself: it is what reloads us.\n"
                '_TABLES = vars(importlib.reload).setdefault("visit_tables", {})\n'
                "COUNTS = _TABLES.setdefault(id(sys.modules[__name__]), {})\n"
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            ),
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("importlib",),
    ),
    # The counts in a class attribute of a module of the student's own, keyed by the module object.
    Variant(
        "survive-reload",
        "a-class-of-another-module-keyed-by-the-module",
        {
            "visits.py": (
                None,
                '"""Counts visits per page."""\n'
                "\n"
                "import sys\n"
                "\n"
                "from visit_store import Store\n"
                "\n"
                "COUNTS = Store.tables.setdefault(sys.modules[__name__], {})\n"
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n",
            ),
            "visit_store.py": (
                None,
                '"""Counts that outlive a reload of visits: one table per module object."""\n'
                "\n"
                "\n"
                "class Store:\n"
                "    tables = {}\n",
            ),
        },
        fails=("many_reloads_and_a_fresh_start",),
        says=("visit_store",),
    ),
    # Right (accepted, though the reviewer doubted it): a defaultdict, and visit() written with +=. The README
    # asks for visit's behaviour and for the counts to be kept, not for a plain dict.
    Variant(
        "survive-reload",
        "a-defaultdict-and-plus-equals",
        {
            "visits.py": (
                None,
                '"""Counts visits per page.\n'
                "\n"
                "The server updates its code with importlib.reload while it runs, so the\n"
                "counts must survive a reload.\n"
                '"""\n'
                "\n"
                "from collections import defaultdict\n"
                "\n"
                "try:\n"
                "    COUNTS\n"
                "except NameError:\n"
                "    COUNTS = defaultdict(int)\n"
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] += 1\n"
                "    return COUNTS[page]\n",
            ),
        },
    ),
    # Right: visit() first, then the module asks sys.modules for itself, with None as the sentinel.
    Variant(
        "survive-reload",
        "visit-first-then-the-module-asks-itself",
        {
            "visits.py": (
                None,
                '"""Counts visits per page.\n'
                "\n"
                "The server updates its code with importlib.reload while it runs, so the\n"
                "counts must survive a reload.\n"
                '"""\n'
                "\n"
                "import sys\n"
                "\n"
                "\n"
                "def visit(page):\n"
                "    COUNTS[page] = COUNTS.get(page, 0) + 1\n"
                "    return COUNTS[page]\n"
                "\n"
                "\n"
                '_existing = getattr(sys.modules[__name__], "COUNTS", None)\n'
                "COUNTS = {} if _existing is None else _existing\n"
                "del _existing\n",
            ),
        },
    ),
    # Refreshes only the entries that are the module's current functions: an entry older than those (a
    # registry that missed an earlier reload) is neither updated nor removed.
    Variant(
        "plugin-reloader",
        "refreshes-only-the-modules-current-functions",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                "    mine = {\n"
                "        k: f for k, f in registry.items()\n"
                '        if getattr(f, "__module__", None) == module.__name__\n'
                '        and before.get(getattr(f, "__name__", None)) is f\n'
                "    }\n"
                "    module = importlib.reload(module)\n"
                "    for key, old in mine.items():\n"
                "        new = getattr(module, old.__name__, None)\n"
                "        if new is None or new is old:\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("the_registry_runs_the_new_code", "a_deleted_function_leaves_the_registry"),
        says=("missed an earlier reload",),
    ),
    # Right (as the README's hint 3 once said): a deleted function told by comparing with the registry's
    # function. A registry older than the module then gets the leftover function instead of losing the
    # entry, a case the README's steps do not spell out, so the checks accept either.
    Variant(
        "plugin-reloader",
        "compares-with-the-registrys-function",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                '    mine = [k for k, f in registry.items() if getattr(f, "__module__", None) == module.__name__]\n'
                "    module = importlib.reload(module)\n"
                "    for key in mine:\n"
                "        old = registry[key]\n"
                "        new = getattr(module, old.__name__, None)\n"
                "        if new is None or new is old:\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
    ),
    # Runs the new source in a scratch dict first, to see what it defines: the plugin's body runs twice a call.
    Variant(
        "plugin-reloader",
        "runs-the-new-source-in-a-scratch-dict",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "import pathlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    source = pathlib.Path(module.__file__).read_text()\n"
                '    scratch = {"__name__": module.__name__ + "._probe"}\n'
                '    exec(compile(source, module.__file__, "exec"), scratch)\n'
                "    defined = {name for name, obj in scratch.items() if callable(obj)}\n"
                '    mine = {k: f for k, f in registry.items() if getattr(f, "__module__", None) == module.__name__}\n'
                "    module = importlib.reload(module)\n"
                "    for key, old in mine.items():\n"
                "        if old.__name__ in defined:\n"
                "            registry[key] = getattr(module, old.__name__)\n"
                "        else:\n"
                "            del registry[key]\n"
                "    return module\n",
            ),
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("ran 2 times",),
    ),
    # The same with a scratch module made by importlib.util: the body runs twice all the same.
    Variant(
        "plugin-reloader",
        "loads-a-scratch-copy-of-the-module",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "import importlib.util\n"
                "\n"
                "\n"
                "def defined_by_new_source(module):\n"
                '    """The names the module\'s new source defines, from a scratch copy of the module."""\n'
                '    spec = importlib.util.spec_from_file_location("_scratch_" + module.__name__, module.__file__)\n'
                "    scratch = importlib.util.module_from_spec(spec)\n"
                "    spec.loader.exec_module(scratch)\n"
                "    return set(vars(scratch))\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    names = defined_by_new_source(module)\n"
                '    ours = {key: f for key, f in registry.items() if getattr(f, "__module__", None) == module.__name__}\n'
                "    module = importlib.reload(module)\n"
                "    for key, f in ours.items():\n"
                "        if f.__name__ in names:\n"
                "            registry[key] = getattr(module, f.__name__)\n"
                "        else:\n"
                "            del registry[key]\n"
                "    return module\n",
            ),
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("ran 2 times",),
    ),
    # Swallows a failed reload and returns the module as if it had been reloaded.
    Variant(
        "plugin-reloader",
        "swallows-a-failed-reload",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                '    mine = {k: f for k, f in registry.items() if getattr(f, "__module__", None) == module.__name__}\n'
                "    try:\n"
                "        module = importlib.reload(module)\n"
                "    except Exception:\n"
                "        return module\n"
                "    for key, old in mine.items():\n"
                "        new = getattr(module, old.__name__, None)\n"
                "        if new is None or new is before.get(old.__name__):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("as if the reload had worked",),
    ),
    # Wraps a failed reload in an error of its own: the caller no longer gets the plugin's error.
    Variant(
        "plugin-reloader",
        "wraps-a-failed-reload-in-its-own-error",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "class PluginError(RuntimeError):\n"
                '    """A plugin that could not be reloaded."""\n'
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                '    ours = {key: f for key, f in registry.items() if getattr(f, "__module__", None) == module.__name__}\n'
                "    try:\n"
                "        module = importlib.reload(module)\n"
                "    except Exception as error:\n"
                '        raise PluginError(f"could not reload {module.__name__}: {error}") from error\n'
                "    for key, f in ours.items():\n"
                "        new = getattr(module, f.__name__, None)\n"
                "        if new is None or new is before.get(f.__name__):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("raised PluginError",),
    ),
    # Right: a copy of the namespace before the reload, the registry walked after it.
    Variant(
        "plugin-reloader",
        "a-namespace-snapshot-walked-after-the-reload",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                "    module = importlib.reload(module)\n"
                "    after = vars(module)\n"
                "    for key, func in list(registry.items()):\n"
                '        if getattr(func, "__module__", None) != module.__name__:\n'
                "            continue\n"
                "        name = func.__name__\n"
                "        if name not in after or (name in before and after[name] is before[name]):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = after[name]\n"
                "    return module\n",
            ),
        },
    ),
    # Right: origin told by the functions' globals, a function-level import of reload.
    Variant(
        "plugin-reloader",
        "globals-identity-and-a-function-level-import",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    from importlib import reload\n"
                "\n"
                "    namespace = vars(module)\n"
                '    stale = {key: func for key, func in registry.items() if getattr(func, "__globals__", None) is namespace}\n'
                "    previous = {func.__name__: namespace.get(func.__name__) for func in stale.values()}\n"
                "    reloaded = reload(module)\n"
                "    for key, func in stale.items():\n"
                "        fresh = getattr(reloaded, func.__name__, None)\n"
                "        if fresh is None or fresh is previous[func.__name__]:\n"
                "            registry.pop(key)\n"
                "        else:\n"
                "            registry[key] = fresh\n"
                "    return reloaded\n",
            ),
        },
    ),
    # Ignores the module it is given: every object whose class's module has a newer class is upgraded, so
    # the out-of-date objects of another reloaded module are changed too.
    Variant(
        "class-upgrade",
        "looks-every-class-up-in-sys-modules",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "import sys\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        home = sys.modules.get(cls.__module__)\n"
                "        if home is None:\n"
                "            continue\n"
                "        new = getattr(home, cls.__name__, None)\n"
                "        if isinstance(new, type) and new is not cls:\n"
                "            try:\n"
                "                obj.__class__ = new\n"
                "            except TypeError:\n"
                "                continue\n"
                "            count += 1\n"
                "    return count\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("kit.shapes.Circle(10)", "module you are given"),
    ),
    # Right: the length of a list of out-of-date objects made first (the README says nothing of an
    # object listed twice, so the checks never list one twice).
    Variant(
        "class-upgrade",
        "counts-the-out-of-date-entries-of-the-list",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    stale = [\n"
                "        obj for obj in objects\n"
                "        if type(obj).__module__ == module.__name__\n"
                "        and getattr(module, type(obj).__name__, type(obj)) is not type(obj)\n"
                "    ]\n"
                "    for obj in stale:\n"
                "        obj.__class__ = getattr(module, type(obj).__name__)\n"
                "    return len(stale)\n",
            ),
        },
    ),
    # Right: the same count, made with sum() before the loop.
    Variant(
        "class-upgrade",
        "counts-with-sum-before-upgrading",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def _out_of_date(obj, module):\n"
                "    cls = type(obj)\n"
                "    if cls.__module__ != module.__name__:\n"
                "        return False\n"
                "    current = getattr(module, cls.__name__, None)\n"
                "    return isinstance(current, type) and current is not cls\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = sum(1 for obj in objects if _out_of_date(obj, module))\n"
                "    for obj in objects:\n"
                "        if _out_of_date(obj, module):\n"
                "            obj.__class__ = getattr(module, type(obj).__name__)\n"
                "    return count\n",
            ),
        },
    ),
    # Compares only the last part of the module names: kit.shapes.Circle becomes shapes.Circle.
    Variant(
        "class-upgrade",
        "compares-the-last-part-of-the-module-name",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                '    short = module.__name__.rpartition(".")[2]\n'
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                '        if cls.__module__.rpartition(".")[2] != short:\n'
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is not None and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("kit.shapes.Circle(10)", "compared in full"),
    ),
    # Also copies the new methods into the old class: objects it was not given run the new code.
    Variant(
        "class-upgrade",
        "copies-the-new-methods-into-the-old-class",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    patched = set()\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is None or new is cls:\n"
                "            continue\n"
                "        if cls not in patched:\n"
                "            for name, value in vars(new).items():\n"
                '                if not name.startswith("__"):\n'
                "                    setattr(cls, name, value)\n"
                "            patched.add(cls)\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("old shapes.Circle", "gained describe"),
    ),
    # Also points other modules' subclasses of the old class at the new one (their __bases__).
    Variant(
        "class-upgrade",
        "rebases-other-modules-subclasses",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is None or new is cls:\n"
                "            continue\n"
                "        for sub in cls.__subclasses__():\n"
                "            if sub.__module__ != module.__name__:\n"
                "                sub.__bases__ = tuple(new if b is cls else b for b in sub.__bases__)\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("BigCircle", "bases changed"),
    ),
    # Right: inspect.getmodule for the origin, a helper that says whether it upgraded, and sum().
    Variant(
        "class-upgrade",
        "inspect-getmodule-and-sum",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "import inspect\n"
                "\n"
                "\n"
                "def _upgrade_one(obj, module):\n"
                "    cls = type(obj)\n"
                "    if inspect.getmodule(cls) is not module:\n"
                "        return False\n"
                "    current = getattr(module, cls.__name__, cls)\n"
                "    if current is cls:\n"
                "        return False\n"
                "    obj.__class__ = current\n"
                "    return True\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    return sum(_upgrade_one(obj, module) for obj in objects)\n",
            ),
        },
    ),
    # Right: the module's own classes collected first, setattr for __class__, a function-level import.
    Variant(
        "class-upgrade",
        "a-table-of-the-modules-classes-and-setattr",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    import inspect\n"
                "\n"
                "    current = {\n"
                "        name: cls\n"
                "        for name, cls in inspect.getmembers(module, inspect.isclass)\n"
                "        if cls.__module__ == module.__name__\n"
                "    }\n"
                "    done = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        target = current.get(cls.__name__)\n"
                "        if target is None or target is cls:\n"
                "            continue\n"
                '        setattr(obj, "__class__", target)\n'
                "        done += 1\n"
                "    return done\n",
            ),
        },
    ),
]

# Found by attacking the checks above as a student would.
VARIANTS += [
    # Origin told by the file that holds the function's code: a second module made from tools.py is
    # taken for tools.
    Variant(
        "plugin-reloader",
        "came-from-the-module-by-its-file",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def _came_from(func, module):\n"
                '    """A function came from the module whose file holds its code."""\n'
                '    code = getattr(func, "__code__", None)\n'
                '    return code is not None and code.co_filename == getattr(module, "__file__", None)\n'
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                "    ours = {key: f for key, f in registry.items() if _came_from(f, module)}\n"
                "    module = importlib.reload(module)\n"
                "    for key, f in ours.items():\n"
                "        new = getattr(module, f.__name__, None)\n"
                "        if new is None or new is before.get(f.__name__):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("other_entries_are_left_alone",),
        says=("tools_copy.shout",),
    ),
    # Catches ImportError around the reload (meant for a plugin that went missing): an edit that imports a
    # missing module is swallowed.
    Variant(
        "plugin-reloader",
        "swallows-an-import-error-of-the-new-source",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                '    ours = {key: f for key, f in registry.items() if getattr(f, "__module__", None) == module.__name__}\n'
                "    try:\n"
                "        module = importlib.reload(module)\n"
                "    except ImportError:\n"
                "        return module  # the plugin could not be found again: keep what we have\n"
                "    for key, f in ours.items():\n"
                "        new = getattr(module, f.__name__, None)\n"
                "        if new is None or new is before.get(f.__name__):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("the_module_is_reloaded_once_and_returned",),
        says=("imports a module that does not exist",),
    ),
    # Keeps only the upgraded objects in the list it is given.
    Variant(
        "class-upgrade",
        "keeps-only-the-upgraded-objects-in-the-list",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                '    """Upgrade the module\'s old objects; the list keeps only what was upgraded."""\n'
                "    done = []\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if isinstance(new, type) and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            done.append(obj)\n"
                "    objects[:] = done\n"
                "    return len(done)\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("list", "same order"),
    ),
]

# Found by the second adversarial round (issue 21), and the kinds of hole they showed: objects hashed or
# compared (set(), a list of the done ones), classes whose body did not change, objects reached from the
# ones given, a class or namespace remembered between calls, another reloaded module's entries refreshed,
# deleted functions told from the source text, a registry entry with no __module__ or __name__.
VARIANTS += [
    # The objects deduplicated with set(): a class with __eq__ and no __hash__ (a dataclass) makes it crash,
    # and of two equal objects only one is upgraded.
    Variant(
        "class-upgrade",
        "loops-over-a-set-of-the-objects",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in set(objects):\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is not None and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            ),
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("TypeError",),
    ),
    # The same, falling back to the list when an object cannot be hashed: equal hashable objects collapse.
    Variant(
        "class-upgrade",
        "a-set-of-the-objects-when-they-hash",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    try:\n"
                "        todo = set(objects)  # each object once\n"
                "    except TypeError:  # some objects cannot be hashed\n"
                "        todo = objects\n"
                "    count = 0\n"
                "    for obj in todo:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if isinstance(new, type) and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            ),
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("Tag('x')", "equal"),
    ),
    # An object skipped when an equal one was already upgraded (`in` on a list compares with ==).
    Variant(
        "class-upgrade",
        "skips-objects-equal-to-one-already-done",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    done = []\n"
                "    for obj in objects:\n"
                "        if obj in done:  # listed twice: once is enough\n"
                "            continue\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if isinstance(new, type) and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            done.append(obj)\n"
                "    return len(done)\n",
            ),
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("Tag('x')", "equal"),
    ),
    # Only classes that "really changed" (another set of attributes): a class whose body the edit did not
    # touch keeps its old class, though the reload made a new one.
    Variant(
        "class-upgrade",
        "only-classes-whose-attributes-changed",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is None or new is cls:\n"
                "            continue\n"
                "        if set(vars(new)) == set(vars(cls)):\n"
                "            continue  # nothing new in the class, no need to touch the object\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("Point", "did not change"),
    ),
    # The same kind, judged by the methods' code: a class whose methods compiled the same is skipped.
    Variant(
        "class-upgrade",
        "only-classes-whose-code-changed",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def _code(cls):\n"
                "    return {name: value.__code__.co_code for name, value in vars(cls).items()\n"
                '            if hasattr(value, "__code__")}\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if not isinstance(new, type) or new is cls or _code(new) == _code(cls):\n"
                "            continue\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("old_instances_become_instances_of_the_new_classes",),
        says=("Point",),
    ),
    # Walks into lists, dicts and the upgraded objects' attributes: objects it was not given are upgraded.
    Variant(
        "class-upgrade",
        "upgrades-what-the-objects-hold-too",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        if isinstance(obj, (list, tuple, set)):\n"
                "            count += upgrade(obj, module)\n"
                "            continue\n"
                "        if isinstance(obj, dict):\n"
                "            count += upgrade(obj.values(), module)\n"
                "            continue\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = getattr(module, cls.__name__, None)\n"
                "        if new is None or new is cls:\n"
                "            continue\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "        count += upgrade(list(vars(obj).values()), module)\n"
                "    return count\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("not in the list",),
    ),
    # Only the attributes of the upgraded objects followed (the shapes a group holds, say).
    Variant(
        "class-upgrade",
        "upgrades-the-objects-attributes-too",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def _upgrade_one(obj, module):\n"
                "    cls = type(obj)\n"
                "    if cls.__module__ != module.__name__:\n"
                "        return 0\n"
                "    new = getattr(module, cls.__name__, None)\n"
                "    if not isinstance(new, type) or new is cls:\n"
                "        return 0\n"
                "    obj.__class__ = new\n"
                "    return 1 + sum(_upgrade_one(value, module) for value in vars(obj).values())\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    return sum(_upgrade_one(obj, module) for obj in objects)\n",
            ),
        },
        fails=("other_objects_are_left_alone",),
        says=("not in the list",),
    ),
    # The class lookup cached with lru_cache: after the next reload it still gives the class of the one before.
    Variant(
        "class-upgrade",
        "caches-the-class-lookup",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "from functools import lru_cache\n"
                "\n"
                "\n"
                "@lru_cache(maxsize=None)\n"
                "def _current(module, name):\n"
                "    return getattr(module, name, None)\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = _current(module, cls.__name__)\n"
                "        if new is None or new is cls:\n"
                "            continue\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("upgrading_twice_changes_nothing_the_second_time",),
        says=("second reload", "earlier call"),
    ),
    # What each old class was upgraded to, remembered: an object upgraded only after a second reload gets
    # the class of the first.
    Variant(
        "class-upgrade",
        "remembers-what-each-old-class-became",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "_UPGRADED_TO = {}   # old class -> new class, so each class is looked up once\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = _UPGRADED_TO.get(cls)\n"
                "        if new is None:\n"
                "            new = getattr(module, cls.__name__, cls)\n"
                "            if new is not cls:\n"
                "                _UPGRADED_TO[cls] = new\n"
                "        if new is cls:\n"
                "            continue\n"
                "        obj.__class__ = new\n"
                "        count += 1\n"
                "    return count\n",
            ),
        },
        fails=("upgrading_twice_changes_nothing_the_second_time",),
        says=("second reload",),
    ),
    # A table of the module's classes made on the first call for each module, and kept.
    Variant(
        "class-upgrade",
        "keeps-a-table-of-classes-per-module-name",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "_CLASSES = {}  # module name -> {class name: class}\n"
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    classes = _CLASSES.get(module.__name__)\n"
                "    if classes is None:\n"
                "        classes = _CLASSES[module.__name__] = {\n"
                "            name: value for name, value in vars(module).items() if isinstance(value, type)\n"
                "        }\n"
                "    count = 0\n"
                "    for obj in objects:\n"
                "        cls = type(obj)\n"
                "        if cls.__module__ != module.__name__:\n"
                "            continue\n"
                "        new = classes.get(cls.__name__)\n"
                "        if new is not None and new is not cls:\n"
                "            obj.__class__ = new\n"
                "            count += 1\n"
                "    return count\n",
            ),
        },
        fails=("upgrading_twice_changes_nothing_the_second_time",),
        says=("second reload",),
    ),
    # Right: each object once (by id), also when listed twice, and equal objects each upgraded.
    Variant(
        "class-upgrade",
        "each-object-once-by-id",
        {
            "upgrade.py": (
                None,
                '"""Bring old objects up to date after importlib.reload."""\n'
                "\n"
                "\n"
                "def upgrade(objects, module):\n"
                "    seen = set()\n"
                "    upgraded = 0\n"
                "    for obj in objects:\n"
                "        if id(obj) in seen:\n"
                "            continue\n"
                "        seen.add(id(obj))\n"
                "        old = type(obj)\n"
                "        current = vars(module).get(old.__name__) if old.__module__ == module.__name__ else None\n"
                "        if isinstance(current, type) and current is not old:\n"
                "            obj.__class__ = current\n"
                "            upgraded += 1\n"
                "    return upgraded\n",
            ),
        },
    ),
    # Refreshes every entry from sys.modules[f.__module__]: another module that was reloaded too has its
    # entries changed.
    Variant(
        "plugin-reloader",
        "refreshes-the-entries-of-every-module",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "import sys\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = dict(vars(module))\n"
                "    module = importlib.reload(module)\n"
                "    for key, f in list(registry.items()):\n"
                '        owner = sys.modules.get(getattr(f, "__module__", None) or "")\n'
                '        name = getattr(f, "__name__", None)\n'
                "        if owner is None or name is None:\n"
                "            continue\n"
                "        new = getattr(owner, name, None)\n"
                "        if owner is module and (new is None or new is before.get(name)):\n"
                "            del registry[key]\n"
                "        elif new is not None and new is not f:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("other_entries_are_left_alone",),
        says=("changed 'legacy'", "reloaded too"),
    ),
    # Deleted functions found from the new source's top-level defs: a function defined in a block is lost.
    Variant(
        "plugin-reloader",
        "reads-the-top-level-defs-of-the-new-source",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import ast\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    mine = [key for key, f in registry.items()\n"
                '            if getattr(f, "__module__", None) == module.__name__]\n'
                "    module = importlib.reload(module)\n"
                '    with open(module.__file__, encoding="utf-8") as source:\n'
                "        tree = ast.parse(source.read())\n"
                "    defined = {node.name for node in tree.body\n"
                "               if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}\n"
                "    for key in mine:\n"
                "        name = registry[key].__name__\n"
                "        if name in defined:\n"
                "            registry[key] = getattr(module, name)\n"
                "        else:\n"
                "            del registry[key]\n"
                "    return module\n",
            ),
        },
        fails=("the_registry_runs_the_new_code",),
        says=("'laugh' was removed", "block"),
    ),
    # The same with a regular expression over the source text.
    Variant(
        "plugin-reloader",
        "greps-the-new-source-for-def-lines",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "import re\n"
                "from pathlib import Path\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    ours = {\n"
                "        k: f.__name__ for k, f in registry.items()\n"
                '        if getattr(f, "__module__", None) == module.__name__\n'
                "    }\n"
                "    module = importlib.reload(module)\n"
                '    source = Path(module.__file__).read_text(encoding="utf-8")\n'
                '    defined = set(re.findall(r"^def (\\w+)", source, re.MULTILINE))\n'
                "    for key, name in ours.items():\n"
                "        if name in defined:\n"
                "            registry[key] = getattr(module, name)\n"
                "        else:\n"
                "            registry.pop(key)\n"
                "    return module\n",
            ),
        },
        fails=("the_registry_runs_the_new_code",),
        says=("'laugh' was removed",),
    ),
    # Right: f.__module__ read on every entry, as the README's hint 1 does (a registry of functions; one
    # holding str.upper, which has no __module__, would make it crash, and the checks hold none).
    Variant(
        "plugin-reloader",
        "reads-every-entrys-module-without-a-default",
        {
            "reloader.py": (
                'if getattr(f, "__module__", None) == module.__name__}',
                "if f.__module__ == module.__name__}",
            )
        },
    ),
    # Right: every entry's __name__ read before telling where it came from (a functools.partial has none,
    # and the checks' registries hold functions only).
    Variant(
        "plugin-reloader",
        "reads-every-entrys-name-first",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    names = {key: func.__name__ for key, func in registry.items()}\n"
                "    before = dict(vars(module))\n"
                "    ours = [key for key, func in registry.items()\n"
                '            if getattr(func, "__module__", None) == module.__name__]\n'
                "    module = importlib.reload(module)\n"
                "    for key in ours:\n"
                "        new = getattr(module, names[key], None)\n"
                "        if new is None or new is before.get(names[key]):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
    ),
    # The namespace "before" remembered from the previous call: after a reload by someone else, a deleted
    # function is kept in the registry.
    Variant(
        "plugin-reloader",
        "remembers-the-namespace-of-its-last-call",
        {
            "reloader.py": (
                None,
                '"""Reload a plugin while the program runs, and refresh the references the program holds."""\n'
                "\n"
                "import importlib\n"
                "\n"
                "_LAST = {}   # module name -> its namespace after our last reload\n"
                "\n"
                "\n"
                "def reload_plugin(module, registry):\n"
                "    before = _LAST.get(module.__name__)\n"
                "    if before is None:\n"
                "        before = dict(vars(module))\n"
                "    mine = [key for key, f in registry.items()\n"
                '            if getattr(f, "__module__", None) == module.__name__]\n'
                "    module = importlib.reload(module)\n"
                "    _LAST[module.__name__] = dict(vars(module))\n"
                "    for key in mine:\n"
                "        name = registry[key].__name__\n"
                "        new = getattr(module, name, None)\n"
                "        if new is None or new is before.get(name):\n"
                "            del registry[key]\n"
                "        else:\n"
                "            registry[key] = new\n"
                "    return module\n",
            ),
        },
        fails=("a_deleted_function_leaves_the_registry",),
        says=('"hey"', "reloaded by someone else"),
    ),
]

# safe-reload: the solution's safe_reload, and variants of its body.
SAFE_BODY = (
    "    before = dict(module.__dict__)  # each name, bound to the object it is bound to now\n"
    "    try:\n"
    "        return importlib.reload(module)\n"
    "    except BaseException:\n"
)
SAFE_RESTORE = (
    "        namespace = module.__dict__\n"
    "        namespace.clear()\n"
    "        namespace.update(before)\n"
)


def safe_file(body: str) -> dict:
    """reloader.py with safe_reload's body written out whole."""
    return {
        "reloader.py": (
            None,
            '"""Reload a plugin all or nothing."""\n\nimport copy\nimport importlib\nimport sys\n\n\n'
            "def safe_reload(module):\n" + body,
        )
    }


VARIANTS += [
    # A plain reload: the half-applied new code stays.
    Variant(
        "safe-reload",
        "plain-reload",
        safe_file("    return importlib.reload(module)\n"),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("rebound: CURRENCY", "added by the new code", "SPREAD"),
    ),
    # The old bindings written back over the new, but the names the new code added left in place.
    Variant(
        "safe-reload",
        "update-without-clear",
        {"reloader.py": ("        namespace.clear()\n", "")},
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("added by the new code and still there", "SPREAD"),
        not_says=("rebound",),
    ),
    # The "copy" is the namespace itself: nothing to put back.
    Variant(
        "safe-reload",
        "keeps-a-reference-not-a-copy",
        {"reloader.py": ("before = dict(module.__dict__)", "before = module.__dict__")},
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("gone: CURRENCY, RATES",),
    ),
    # A deep copy: the names come back bound to copies, not the objects others hold.
    Variant(
        "safe-reload",
        "deep-copy",
        safe_file(
            "    before = {k: v for k, v in vars(module).items() if not k.startswith('__')}\n"
            "    saved = copy.deepcopy(before)\n"
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except Exception:\n"
            "        for name in list(vars(module)):\n"
            "            if not name.startswith('__') and name not in saved:\n"
            "                delattr(module, name)\n"
            "        vars(module).update(saved)\n"
            "        raise\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("rebound: RATES",),
    ),
    # Only the public names put back: __spec__ stays as the failed reload left it.
    Variant(
        "safe-reload",
        "public-names-only",
        safe_file(
            "    before = {k: v for k, v in vars(module).items() if not k.startswith('__')}\n"
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except Exception:\n"
            "        for name in [k for k in vars(module) if not k.startswith('__')]:\n"
            "            delattr(module, name)\n"
            "        vars(module).update(before)\n"
            "        raise\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("new objects of the failed reload", "__spec__"),
    ),
    # The source compiled first, to catch mistakes before reloading: an error halfway still gets through.
    Variant(
        "safe-reload",
        "compiles-first",
        safe_file(
            "    with open(module.__file__, encoding='utf-8') as f:\n"
            "        compile(f.read(), module.__file__, 'exec')  # raises SyntaxError: nothing changed yet\n"
            "    return importlib.reload(module)\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("rebound: CURRENCY",),
    ),
    # A copy taken once, the first time a module is reloaded: a later failure goes back too far.
    Variant(
        "safe-reload",
        "copy-taken-once",
        safe_file(
            "    saved = _FIRST.setdefault(module.__name__, dict(vars(module)))\n"
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except BaseException:\n"
            "        vars(module).clear()\n"
            "        vars(module).update(saved)\n"
            "        raise\n\n\n"
            "_FIRST = {}\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("rebound: BASE", "tariff"),
    ),
    # The error swallowed: the module is put back, but the caller never learns why.
    Variant(
        "safe-reload",
        "returns-none-on-failure",
        {"reloader.py": (SAFE_RESTORE + "        raise\n", SAFE_RESTORE + "        return None\n")},
        fails=("the_caller_gets_the_error", "a_failed_edit_leaves_the_module_as_it_was"),
        says=("returned a NoneType object",),
    ),
    # The error wrapped in one of its own: not the reload's error.
    Variant(
        "safe-reload",
        "wraps-the-error",
        {"reloader.py": (SAFE_RESTORE + "        raise\n", SAFE_RESTORE + "        raise RuntimeError('reload failed')\n")},
        fails=("the_caller_gets_the_error",),
        says=("RuntimeError", "caused by ValueError"),
    ),
    # The new source tried in a scratch module first, then reloaded for real: it runs twice.
    Variant(
        "safe-reload",
        "tries-in-a-scratch-module",
        safe_file(
            "    import importlib.util\n\n"
            "    spec = importlib.util.spec_from_file_location(module.__name__, module.__file__)\n"
            "    scratch = importlib.util.module_from_spec(spec)\n"
            "    spec.loader.exec_module(scratch)  # raises if the new code is broken: nothing changed\n"
            "    return importlib.reload(module)\n"
        ),
        fails=("a_good_edit_is_applied",),
        says=("ran 2 times",),
    ),
    # The new code run in a scratch module, then copied into the real one: its functions read the scratch globals.
    Variant(
        "safe-reload",
        "copies-a-scratch-module-over",
        safe_file(
            "    import importlib.util\n\n"
            "    spec = importlib.util.spec_from_file_location(module.__name__, module.__file__)\n"
            "    scratch = importlib.util.module_from_spec(spec)\n"
            "    spec.loader.exec_module(scratch)\n"
            "    vars(module).update({k: v for k, v in vars(scratch).items() if not k.startswith('__')})\n"
            "    return module\n"
        ),
        fails=("a_good_edit_is_applied",),
        says=("FACTOR", "19.0"),
    ),
    # Right: the names the new code added deleted one by one, then the old bindings written back.
    Variant(
        "safe-reload",
        "deletes-the-new-names",
        safe_file(
            "    saved = vars(module).copy()\n"
            "    try:\n"
            "        importlib.reload(module)\n"
            "    except BaseException as error:\n"
            "        namespace = vars(module)\n"
            "        for name in set(namespace) - set(saved):\n"
            "            del namespace[name]\n"
            "        namespace.update(saved)\n"
            "        raise error\n"
            "    return module\n"
        ),
    ),
    # Right: the module's own dictionary refilled with a loop of setattr, after delattr of every name.
    Variant(
        "safe-reload",
        "setattr-loop",
        safe_file(
            "    saved = list(module.__dict__.items())\n"
            "    try:\n"
            "        result = importlib.reload(module)\n"
            "    except BaseException:\n"
            "        for name in list(module.__dict__):\n"
            "            delattr(module, name)\n"
            "        for name, value in saved:\n"
            "            setattr(module, name, value)\n"
            "        raise\n"
            "    return result\n"
        ),
    ),
]

# safe-reload, adversarial round (from the README alone).
VARIANTS += [
    # Only the errors a broken file gives caught: an error halfway through the new code gets through.
    Variant(
        "safe-reload",
        "catches-syntax-errors-only",
        {"reloader.py": ("    except BaseException:\n", "    except (SyntaxError, ImportError):\n")},
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("rebound: CURRENCY",),
    ),
    # The module's namespace replaced by assignment: a module's __dict__ cannot be assigned.
    Variant(
        "safe-reload",
        "assigns-the-dict",
        {"reloader.py": (SAFE_RESTORE, "        module.__dict__ = before\n")},
        fails=("the_caller_gets_the_error",),
        says=("it raised AttributeError",),
    ),
    # New names deleted while iterating over the namespace itself: RuntimeError instead of the reload's error.
    Variant(
        "safe-reload",
        "deletes-while-iterating",
        {
            "reloader.py": (
                SAFE_RESTORE,
                "        for name in module.__dict__:\n"
                "            if name not in before:\n"
                "                del module.__dict__[name]\n"
                "        module.__dict__.update(before)\n",
            )
        },
        fails=("the_caller_gets_the_error",),
        says=("RuntimeError",),
    ),
    # On failure, the module imported afresh: the broken source runs again, and a new module object.
    Variant(
        "safe-reload",
        "imports-afresh-on-failure",
        safe_file(
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except Exception:\n"
            "        del sys.modules[module.__name__]\n"
            "        return importlib.import_module(module.__name__)\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("sys.modules",),
    ),
    # A copy of the module object swapped into sys.modules: the program's module stays half updated.
    Variant(
        "safe-reload",
        "swaps-in-a-copy",
        safe_file(
            "    import types\n\n"
            "    spare = types.ModuleType(module.__name__)\n"
            "    spare.__dict__.update(module.__dict__)\n"
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except Exception:\n"
            "        sys.modules[module.__name__] = spare\n"
            "        raise\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("no longer the one in sys.modules", "rebound: CURRENCY"),
    ),
    # Right: the error re-raised with `from None`: the same exception object.
    Variant(
        "safe-reload",
        "raise-from-none",
        {"reloader.py": [("    except BaseException:\n", "    except BaseException as error:\n"),
                         (SAFE_RESTORE + "        raise\n", SAFE_RESTORE + "        raise error from None\n")]},
    ),
]

# safe-reload, a second adversary (from the README alone).
VARIANTS += [
    # Only Exception caught: a new source that calls sys.exit() raises SystemExit, and the mixture stays.
    Variant(
        "safe-reload",
        "catches-exception-only",
        {"reloader.py": ("    except BaseException:\n", "    except Exception:\n")},
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("sys.exit()", "rebound: CURRENCY", "NOTE"),
    ),
    # The file checked and compiled first, raising errors of its own: the reload's are never what the caller gets.
    Variant(
        "safe-reload",
        "checks-the-file-first",
        {
            "reloader.py": (
                SAFE_BODY,
                "    import os\n\n"
                "    if not os.path.exists(module.__file__):\n"
                "        raise ModuleNotFoundError(f'{module.__file__} is gone', name=module.__name__)\n"
                "    with open(module.__file__, 'rb') as f:\n"
                "        compile(f.read(), module.__file__, 'exec')  # a SyntaxError here: nothing touched yet\n"
                + SAFE_BODY,
            )
        },
        fails=("the_caller_gets_the_error",),
        says=("without calling importlib.reload", "SyntaxError", "ModuleNotFoundError"),
    ),
    # The old names written back and new public names deleted, new dunder names (__version__) left in place.
    Variant(
        "safe-reload",
        "keeps-new-dunder-names",
        {
            "reloader.py": (
                SAFE_RESTORE,
                "        for name, value in before.items():\n"
                "            setattr(module, name, value)\n"
                "        for name in list(vars(module)):\n"
                "            if name not in before and not name.startswith('__'):\n"
                "                delattr(module, name)\n",
            )
        },
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("added by the new code and still there: __version__",),
    ),
    # The last source that worked written back into the file on failure: the author's edit is lost.
    Variant(
        "safe-reload",
        "puts-the-file-back",
        safe_file(
            "    with open(module.__file__, encoding='utf-8') as f:\n"
            "        text = f.read()\n"
            "    before = dict(module.__dict__)\n"
            "    try:\n"
            "        importlib.reload(module)\n"
            "    except BaseException:\n"
            "        module.__dict__.clear()\n"
            "        module.__dict__.update(before)\n"
            "        if module.__name__ in _WORKED:\n"
            "            with open(module.__file__, 'w', encoding='utf-8') as f:\n"
            "                f.write(_WORKED[module.__name__])\n"
            "        raise\n"
            "    _WORKED[module.__name__] = text\n"
            "    return module\n\n\n"
            "_WORKED = {}\n"
        ),
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("left as the check saved it", "tariff"),
    ),
    # Bytecode turned off for the rest of the program, and the module's .pyc deleted, against stale bytecode.
    Variant(
        "safe-reload",
        "turns-bytecode-off-for-good",
        {
            "reloader.py": (
                SAFE_BODY,
                "    import os\n    import sys\n\n"
                "    sys.dont_write_bytecode = True\n"
                "    if getattr(module, '__cached__', None) and os.path.exists(module.__cached__):\n"
                "        os.remove(module.__cached__)\n" + SAFE_BODY,
            )
        },
        fails=("a_good_edit_is_applied",),
        says=("sys.dont_write_bytecode",),
    ),
    # Right: bytecode turned off for the reload only, and the setting put back whatever happens.
    Variant(
        "safe-reload",
        "no-bytecode-for-the-reload-only",
        safe_file(
            "    before = dict(module.__dict__)\n"
            "    setting = sys.dont_write_bytecode\n"
            "    sys.dont_write_bytecode = True\n"
            "    try:\n"
            "        return importlib.reload(module)\n"
            "    except BaseException:\n"
            "        module.__dict__.clear()\n"
            "        module.__dict__.update(before)\n"
            "        raise\n"
            "    finally:\n"
            "        sys.dont_write_bytecode = setting\n"
        ),
    ),
]

# safe-reload, second look: each kind of failure must be undone, not only the error halfway.
VARIANTS += [
    # A source that does not compile runs nothing, so it is let through: but __spec__ and the rest were replaced.
    Variant(
        "safe-reload",
        "lets-syntax-errors-through",
        {"reloader.py": ("    except BaseException:\n", "    except SyntaxError:\n        raise\n    except BaseException:\n")},
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("does not compile", "__spec__"),
    ),
    # A source file gone is let through as it is: __spec__ is None afterwards.
    Variant(
        "safe-reload",
        "lets-a-missing-file-through",
        {
            "reloader.py": (
                "    except BaseException:\n",
                "    except ModuleNotFoundError:\n        raise\n    except BaseException:\n",
            )
        },
        fails=("a_failed_edit_leaves_the_module_as_it_was",),
        says=("deleted", "__spec__"),
    ),
]
