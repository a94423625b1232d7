"""8.2 fresh-import: remove a package and its submodules from sys.modules, and import it anew.

Every check works with modules of its own beside the README's (subpackages of inventory, other packages,
plain modules, modules whose names merely start like another's), with names the README never shows: an
answer that knows the README's names only cannot pass. Every module the checks write notes in runlog.RUNS
when its body runs, as the exercise's own modules do, so that a body run once too often, or not at all, shows.

Accepted, because the README does not decide them: a fresh_import that expects `name` to be in sys.modules (the
README says "import name again"), one that puts the old entries back after a failed import and then raises the
import's own exception, and one that raises a ModuleNotFoundError of its own, of the right name, before trying any
import (the README before step 4 allowed it). A copy of the import's exception, made after catching it, is not
accepted: step 4 asks for the same object, and "unchanged" means its args, message and notes as well. A module
loaded by hand (find_spec, module_from_spec, exec_module) is not "imported again": its package keeps the old
submodule as its attribute, and a body that raises leaves a half-built module in sys.modules.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the entry `name` and every entry below it, at any depth, is removed from sys.modules.
  -> every_submodule_is_forgotten_and_run_again
- Step 1: they are found in sys.modules itself, by key: an entry whose file was deleted, one that no attribute
  leads to (`from .lids import lids`), another module filed under a key below `name`, and a None entry are removed
  too.
  -> every_submodule_is_forgotten_and_run_again
- Step 1: for a dotted name, the entries below that submodule are removed too.
  -> a_dotted_name_gives_the_submodule
- Step 2: every other entry stays in sys.modules, the same object, inventory_tools and runlog included, and entries
  of other keys that hold the package's modules.
  -> modules_outside_the_package_are_left_alone
- Step 2: for a dotted name, the package above it stays as it was, and so does a look-alike whose name differs
  only where `name` has a dot (inventory_crates for inventory.crates).
  -> a_dotted_name_gives_the_submodule
- Step 3: the function imports `name` again and returns the new module object, the one now in sys.modules,
  for a package and for a plain module; the old objects keep their contents.
  -> a_new_package_object_replaces_the_old_one
- Step 3: the import runs each body once: the package's and what it imports itself run again exactly once.
  -> every_submodule_is_forgotten_and_run_again, a_new_package_object_replaces_the_old_one
- Step 3: nothing else is imported: a forgotten submodule stays out of sys.modules, and a module the program
  never imported is never run.
  -> every_submodule_is_forgotten_and_run_again
- Step 3: for a dotted name, the function returns the submodule, not the top-level package.
  -> a_dotted_name_gives_the_submodule
- Step 3: the import looks where any import would: sys.path as it is, in its order (a tally.py in a folder put
  first on sys.path by the check is found, not the one beside freshen.py), and sys.path is left as it is.
  -> a_new_package_object_replaces_the_old_one
- Step 3: `name` is imported through the import system, as any import does it: a submodule imported again is bound
  as an attribute of its package, and a module whose body raised is not left in sys.modules.
  -> a_dotted_name_gives_the_submodule, a_failed_import_reaches_the_caller_unchanged
- Step 4: when the import fails (the module is gone, or its body raises), that exception reaches the caller
  unchanged: same type, same object (not a copy of the same class and name), not swallowed, and still saying what
  it said (its args, message and notes not rewritten).
  -> a_failed_import_reaches_the_caller_unchanged
"""

import pytest

from grader import expect
from grader.snippets import IMPORT_ERRORS

#: The body of every module a check writes: it notes that it ran, as the exercise's own modules do.
BODY = "import runlog\n\nrunlog.RUNS.append(__name__)\n"

#: What the package's own body imports again each time it runs.
REIMPORTED_BY_THE_PACKAGE = ["inventory", "inventory.stock"]


def write(student, *paths):
    for path in paths:
        student.write(path, BODY)


def counts(runs, names):
    return ", ".join(f"{name} {runs.count(name)}" for name in names)


def times(n):
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def too_few_or_many(runs):
    """The hint when the package's bodies did not run exactly once more."""
    if any(runs.count(name) > 2 for name in REIMPORTED_BY_THE_PACKAGE):
        return "remove the entries, then import the package once: a reload on top of the import runs it again."
    return (
        "remove the entries from the dict the import system uses, sys.modules itself (a new dict bound to the "
        "name sys.modules is not it): an entry left behind lets the package find its old inventory.stock."
    )


def shown(names, most=8):
    names = list(names)
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


@pytest.mark.points(2)
def test_a_new_package_object_replaces_the_old_one(student):
    # A plain module of the check's own as well: fresh_import works on any module, not only on packages. There are
    # two tally.py: the one in the check's folder front, put first on sys.path, is the one any import finds; the
    # other lies beside freshen.py, where an import that searches its own folder first would find it.
    write(student, "tally.py")
    student.write("front/tally.py", BODY + '\nWHERE = "front"\n')
    seen = student.observe(
        """
        import os, sys
        sys.path.insert(0, os.path.abspath("front"))
        import runlog, inventory, tally, freshen
        old, old_stock = inventory, inventory.stock
        path = list(sys.path)
        new = freshen.fresh_import("inventory")
        report(new_filed=new is sys.modules.get("inventory"), differs=new is not old, new_type=type(new).__name__,
               old_intact=old.stock is old_stock and old_stock.ITEMS == {"apples": 3, "pears": 5})
        old_tally = tally
        new_tally = freshen.fresh_import("tally")
        report(tally_filed=new_tally is sys.modules.get("tally"), tally_differs=new_tally is not old_tally,
               tally_type=type(new_tally).__name__, runs=list(runlog.RUNS),
               tally_where=getattr(new_tally, "WHERE", "beside freshen.py"),
               path_added=[os.path.relpath(entry) if os.path.abspath(entry).startswith(os.getcwd()) else entry
                           for entry in sys.path if entry not in path],
               path_same=sys.path == path)
        """,
        doing='freshen.fresh_import("inventory") and fresh_import("tally") to work',
    )
    expect(
        seen["new_filed"] and seen["differs"] and seen["new_type"] == "module",
        expected='fresh_import("inventory") to return a new module object, the one now in sys.modules',
        saw="it returned the old, cached module" if not seen["differs"] else f"it returned a {seen['new_type']}"
        if seen["new_type"] != "module" else "the module it returned is not the one in sys.modules",
        hint="forget the sys.modules entries first; the import that follows then builds a new module.",
    )
    expect(
        seen["old_intact"],
        expected="the old module object to keep its contents",
        saw="the old inventory lost its stock, or inventory.stock its ITEMS",
        hint="only remove entries from sys.modules; do not change the modules themselves.",
    )
    runs = seen["runs"]
    expect(
        seen["tally_filed"] and seen["tally_differs"] and seen["tally_type"] == "module"
        and runs.count("tally") == 2,
        expected='fresh_import("tally"), for a plain module (no package, no submodules), to return a new module '
        "object, the one now in sys.modules, its body run once more (twice in all)",
        saw=f"it returned a {seen['tally_type']}" if seen["tally_type"] != "module"
        else "it returned the old, cached module" if not seen["tally_differs"]
        else "the module it returned is not the one in sys.modules" if not seen["tally_filed"]
        else f"tally's body ran {times(runs.count('tally'))} in all",
        hint="import it once: a reload on top of the import runs its body again."
        if seen["tally_filed"] and seen["tally_differs"] and runs.count("tally") > 2
        else "a plain module has no __path__ and no submodules: the same removal and import must work for it.",
    )
    expect(
        seen["tally_where"] == "front",
        expected='fresh_import("tally") to import tally where any import looks (step 3): the check put a folder of '
        "its own, front, first on sys.path, so `import tally` finds front/tally.py, not the tally.py beside "
        "freshen.py",
        saw=f"it returned the tally.py {seen['tally_where']}",
        hint="the import looks where any import would: search sys.path as it is, in its order, with no folder of "
        "yours put in front of it, even for a moment, and no file loaded from a folder you chose.",
    )
    expect(
        runs.count("inventory") == 2 and runs.count("inventory.stock") == 2,
        expected="the bodies of inventory and inventory.stock to run exactly once more (twice each in all)",
        saw=f"the counts were {counts(runs, REIMPORTED_BY_THE_PACKAGE)}",
        hint=too_few_or_many(runs),
    )
    expect(
        seen["path_same"],
        expected='fresh_import("inventory") and fresh_import("tally") to leave sys.path as it was (step 3)',
        saw=f"sys.path gained {seen['path_added']} (paths relative to the exercise's folder)" if seen["path_added"]
        else "sys.path was changed",
        hint="the import looks where any import looks: every later import of the program searches sys.path in its "
        "order, so a folder put in front of it stays there and changes what they find.",
    )


@pytest.mark.points(2)
def test_every_submodule_is_forgotten_and_run_again(student):
    # Subpackages of the check's own, down to four levels; inventory.ledgers is never imported.
    # inventory.crates binds a function over its submodule lids (`from .lids import lids`), so that submodule is
    # no attribute of anything; the entry inventory.compat is another module under a second name (six.moves does
    # that), and inventory.blocked is None (an import blocked on purpose); pins.py is deleted from disk before the
    # call. All of them are entries of sys.modules below inventory all the same.
    write(
        student,
        "inventory/crates/hinges/__init__.py",
        "inventory/crates/hinges/pins.py",
        "inventory/ledgers/__init__.py",
    )
    student.write("inventory/crates/__init__.py", BODY + "\nfrom .lids import lids  # noqa: F401\n")
    student.write("inventory/crates/lids.py", BODY + "\n\ndef lids():\n    return 4\n")
    seen = student.observe(
        """
        import os, sys, runlog, freshen
        import inventory.prices, inventory.crates.lids, inventory.crates.hinges.pins
        sys.modules["inventory.compat"], sys.modules["inventory.blocked"] = runlog, None
        os.remove(os.path.join("inventory", "crates", "hinges", "pins.py"))
        ours = lambda key: key == "inventory" or key.startswith("inventory.")
        old = {key: module for key, module in sys.modules.items() if ours(key)}
        freshen.fresh_import("inventory")
        kept = sorted(key for key in old if key in sys.modules and sys.modules[key] is old[key])
        present = sorted(key for key in sys.modules if ours(key))
        runs = list(runlog.RUNS)
        import inventory.prices
        report(kept=kept, present=present, runs=runs, prices_again=runlog.RUNS.count("inventory.prices"))
        """,
        doing='freshen.fresh_import("inventory") to work',
    )
    kept, runs = seen["kept"], seen["runs"]
    expect(
        not kept,
        expected='fresh_import("inventory") to forget every entry of sys.modules under the package, at any depth, '
        "including the check's own (inventory.crates, inventory.crates.hinges.pins, whose file was deleted, "
        "inventory.crates.lids, which no attribute leads to, inventory.compat, another module under that name, "
        "inventory.blocked, which holds None, ...)",
        saw=f"the old entries {shown(kept)} stayed in sys.modules",
        hint="find the package's entries in sys.modules itself, by their keys, not in a list of names you know, "
        "the files on disk, the modules' attributes or their __name__: a key belongs to the package if it is its "
        "name or starts with the name and a dot, however many dots follow.",
    )
    expect(
        runs.count("inventory") == 2 and runs.count("inventory.stock") == 2,
        expected="the bodies of inventory and inventory.stock to run exactly once more (twice each in all)",
        saw=f"the counts were {counts(runs, REIMPORTED_BY_THE_PACKAGE)}",
        hint=too_few_or_many(runs),
    )
    once = ["inventory.prices", "inventory.crates", "inventory.crates.lids", "inventory.crates.hinges",
            "inventory.crates.hinges.pins"]
    extra = [key for key in seen["present"] if key not in REIMPORTED_BY_THE_PACKAGE]
    ran = [name for name in once if runs.count(name) != 1] + [name for name in ["inventory.ledgers"] if name in runs]
    expect(
        not extra and not ran,
        expected='fresh_import("inventory") to import the package and nothing else: the forgotten submodules stay '
        "out of sys.modules until the program imports them, and inventory.ledgers, never imported, never runs",
        saw=(f"afterwards sys.modules held {shown(extra)} again" if extra else "")
        + (" and " if extra and ran else "")
        + (f"the bodies of {shown(ran)} ran as well" if ran else ""),
        hint="step 3 imports `name` only. Looking for submodules on disk (pkgutil) imports subpackages "
        "to look inside them: take the names from sys.modules instead.",
    )
    expect(
        seen["prices_again"] == 2,
        expected="inventory.prices, forgotten, to run its body again when the program imports it",
        saw=f"its body had run {seen['prices_again']} times by then",
        hint="remove every entry that starts with the package's name and a dot.",
    )


@pytest.mark.points(1)
def test_modules_outside_the_package_are_left_alone(student):
    # Neighbours whose names start like the package's, another package and a plain module, all the check's own.
    write(student, "inventory2.py", "orchard/__init__.py", "orchard/trees.py", "orchards.py", "tally.py")
    seen = student.observe(
        """
        import sys, runlog, freshen
        import inventory_tools, inventory2, inventory, orchard.trees, orchards, tally
        # Entries outside the package that hold the package's modules, under names of their own.
        sys.modules["stock_alias"], sys.modules["trees_alias"] = inventory.stock, orchard.trees
        lost = []
        for name in ("inventory", "orchard", "tally"):
            before = {key: module for key, module in sys.modules.items()
                      if not (key == name or key.startswith(name + "."))}
            freshen.fresh_import(name)
            lost += [(name, key) for key in before if sys.modules.get(key) is not before[key]]
        report(lost=lost)
        """,
        doing='freshen.fresh_import(...) to work for "inventory", "orchard" and "tally"',
    )
    lost = seen["lost"]
    first = lost[0][0] if lost else None
    names = sorted(key for name, key in lost if name == first)
    expect(
        not lost,
        expected="fresh_import(name) to leave every other entry of sys.modules as it was, the same object "
        "(inventory_tools and runlog, and the check's inventory2, orchards, and stock_alias, an entry of its own "
        "that holds inventory.stock under another key, ...)",
        saw=f'fresh_import("{first}") removed or replaced {shown(names)}',
        hint="an entry belongs to the package only if its key is the package's name, or that name followed by a "
        "dot: inventory_tools and inventory2 merely start with the same letters, and neither a module's folder nor "
        "its __name__ says which entries to remove.",
    )


@pytest.mark.points(1)
def test_a_dotted_name_gives_the_submodule(student):
    # Step 3 returns the module called `name`: for "inventory.crates" that is the subpackage, not inventory.
    # inventory_crates is a top-level module whose name differs from "inventory.crates" only where that has a dot.
    write(student, "inventory/crates/__init__.py", "inventory/crates/lids.py", "inventory/crates2.py",
          "inventory_crates.py")
    seen = student.observe(
        """
        import sys, runlog, freshen
        import inventory.crates.lids, inventory.crates2, inventory.prices, inventory_crates
        old, old_prices = sys.modules["inventory.crates"], sys.modules["inventory.prices"]
        above = {key: sys.modules[key]
                 for key in ("inventory", "inventory.stock", "inventory.crates2", "inventory_crates")}
        new = freshen.fresh_import("inventory.crates")
        report(name=getattr(new, "__name__", None), new_type=type(new).__name__,
               filed=new is sys.modules.get("inventory.crates"), differs=new is not old,
               runs=runlog.RUNS.count("inventory.crates"), lids_left="inventory.crates.lids" in sys.modules,
               bound=getattr(sys.modules.get("inventory"), "crates", None) is new,
               changed=sorted(key for key in above if sys.modules.get(key) is not above[key]),
               gone=sorted(key for key in above if key not in sys.modules))
        new_prices = freshen.fresh_import("inventory.prices")
        report(prices_ok=new_prices is sys.modules.get("inventory.prices") and new_prices is not old_prices
               and runlog.RUNS.count("inventory.prices") == 2, prices_name=getattr(new_prices, "__name__", None),
               prices_bound=getattr(sys.modules.get("inventory"), "prices", None) is new_prices)
        """,
        doing='freshen.fresh_import("inventory.crates") to work',
    )
    if seen["new_type"] != "module":
        saw = f"it returned a {seen['new_type']}"
    elif not seen["filed"]:
        saw = f"it returned the module {seen['name']!r}"
    else:
        saw = "it returned the old, cached module"
        if seen["differs"]:
            saw = f"its body ran {times(seen['runs'])} in all"
    expect(
        seen["filed"] and seen["differs"] and seen["runs"] == 2,
        expected='fresh_import("inventory.crates") to return the new module inventory.crates, the one now in '
        "sys.modules, its body run once more (twice in all)",
        saw=saw,
        hint="importlib.import_module(name) returns the submodule it names; "
        "__import__(name) returns the top-level package."
        if seen["new_type"] != "module" or not seen["filed"]
        else "forget its entry in sys.modules first: the import then builds a new module."
        if not seen["differs"]
        else "forget its entry, then import it once: a reload on top of the import runs its body again.",
    )
    expect(
        seen["prices_ok"],
        expected='fresh_import("inventory.prices") to return the new module inventory.prices, its body run again',
        saw=f"it returned {seen['prices_name']!r}, not a new inventory.prices",
        hint="a dotted name may name a plain module inside the package: forget it and import it by that name.",
    )
    # An import of a submodule binds it in its package: `import inventory.crates` then `inventory.crates` is it.
    unbound = [name for name, bound in (("crates", seen["bound"]), ("prices", seen["prices_bound"])) if not bound]
    expect(
        not unbound,
        expected='fresh_import("inventory.crates") and fresh_import("inventory.prices") to import them as any import '
        "does, which also binds each new submodule as an attribute of its package: inventory.crates and "
        "inventory.prices to be the new modules",
        saw=f"afterwards inventory.{unbound[0] if unbound else ''} was still the old module, or missing",
        hint="import the name through the import system (an import statement, __import__ or "
        "importlib.import_module): a module built and run by hand is no import, and its package still holds the "
        "old one.",
    )
    expect(
        not seen["lids_left"],
        expected='fresh_import("inventory.crates") to forget inventory.crates.lids, a submodule of it, too (step 1)',
        saw="inventory.crates.lids stayed in sys.modules",
        hint="for a dotted name, the entries below it start with that whole dotted name and a dot.",
    )
    # Step 2: only `name` and what lies below it are forgotten, not the package above it nor its neighbours.
    expect(
        not seen["changed"],
        expected='fresh_import("inventory.crates") to leave the package inventory, inventory.stock, '
        "inventory.crates2 and the top-level module inventory_crates as they were (step 2)",
        saw=" and ".join(
            f"{shown(keys)} {'was' if len(keys) == 1 else 'were'} {what}"
            for keys, what in (
                ([key for key in seen["changed"] if key not in seen["gone"]], "forgotten and imported again too"),
                (seen["gone"], "removed from sys.modules"),
            )
            if keys
        ),
        hint="forget only the entries named `name` or starting with `name` and a dot, not the top-level package's; "
        "and a dot in `name` is a dot, not any character.",
    )


@pytest.mark.points(1)
def test_a_failed_import_reaches_the_caller_unchanged(student):
    # cellar raises the check's own exception once it is asked to run again; attic.boxes is deleted from disk.
    student.write(
        "cellar.py",
        BODY + 'if getattr(runlog, "TRAP", None) is not None:\n    raise runlog.TRAP\n',
    )
    write(student, "attic/__init__.py", "attic/boxes.py")
    seen = student.observe(
        IMPORT_ERRORS
        + """
        import importlib, os, sys, runlog, freshen
        import cellar, attic.boxes


        def outcome(name):
            del import_errors[:]
            old = sys.modules.get(name)
            try:
                result = freshen.fresh_import(name)
            except BaseException as error:
                # What sys.modules holds under the name afterwards: nothing, or the old module put back, are both
                # fine; a module the failed import left behind is not.
                left = sys.modules.get(name)
                return dict(raised=type(error).__name__, same=error is runlog.TRAP,
                            classes=[c.__name__ for c in type(error).__mro__], name=getattr(error, "name", None),
                            imports_raised=len(import_errors), the_imports=any(error is e for e in import_errors),
                            altered=altered(error), half_built=name in sys.modules and left is not old)
            return dict(raised=None, returned=f"the {type(result).__name__} {getattr(result, '__name__', '')!r}")


        runlog.TRAP = LookupError("the check's own error, raised by cellar.py")
        body = outcome("cellar")
        runlog.TRAP = None
        os.remove(os.path.join("attic", "boxes.py"))
        importlib.invalidate_caches()
        report(body=body, missing=outcome("attic.boxes"))
        """,
        doing='freshen.fresh_import("cellar") and fresh_import("attic.boxes") to be called',
    )
    missing, body = seen["missing"], seen["body"]

    def what(result):
        if not result["raised"]:
            return f"it returned {result['returned']} instead of raising"
        if "ImportError" in result["classes"]:
            return f"it raised {result['raised']} naming {result['name']!r}"
        return f"it raised {result['raised']}"

    stub = "That part is still the unedited stub: replace `raise NotImplementedError` with your code."
    # A copy of the import's error (same class, same name, another object) is not the import's own. An error of the
    # function's own, raised before any import was tried, is accepted when it has the class and name the import's
    # would have had: the README before step 4 allowed it.
    copied = missing.get("imports_raised", 0) > 0 and not missing.get("the_imports")
    expect(
        missing["raised"] and "ModuleNotFoundError" in missing["classes"] and missing["name"] == "attic.boxes"
        and not copied,
        expected='fresh_import("attic.boxes"), after attic/boxes.py was deleted, to raise the import\'s own '
        "ModuleNotFoundError, naming attic.boxes, the very object the import raised (step 4)",
        saw=what(missing) + (": not the one the import raised, but a copy made after catching it"
                             if missing["raised"] and copied else ""),
        hint=stub
        if missing["raised"] == "NotImplementedError"
        else "import the module again through the import system, which says ModuleNotFoundError when it is gone: "
        "loading its old file by hand is not an import."
        if missing["raised"] and "ImportError" not in missing["classes"]
        else "do not catch the import's error to raise a copy of it: a bare `raise`, or none at all, lets the "
        "caller see the original, with its traceback."
        if copied and missing["name"] == "attic.boxes"
        else "a module that cannot be imported again must not pass for one that can: let the import's exception "
        "go through, and do not hand back the old module instead.",
    )
    expect(
        body["raised"] and body["same"],
        expected="the exception that cellar.py's body raises (the check's own LookupError) to reach the caller "
        "of fresh_import unchanged, the same object (step 4)",
        saw=what(body) + (", not that exception" if body["raised"] else ""),
        hint="do not catch the error to raise one of your own: the caller needs the original to see what went wrong.",
    )
    altered = [name for name, result in (("attic.boxes", missing), ("cellar", body)) if result.get("altered")]
    expect(
        not altered,
        expected="the import's exception to reach the caller of fresh_import unchanged (step 4): the same object, "
        "still saying what it said when the import raised it (its args, message and notes)",
        saw=f'the exception of fresh_import("{altered[0] if altered else ""}") had been changed on its way: its '
        "args, message or notes were not what the import had raised",
        hint="let the exception go through as it is: rewriting its args or adding a note to it before raising it "
        "again changes what the caller reads.",
    )
    half_built = [name for name, result in (("cellar", body), ("attic.boxes", missing)) if result.get("half_built")]
    expect(
        not half_built,
        expected="a failed import to leave no half-built module behind: after fresh_import(\"cellar\") raised "
        "cellar.py's error, sys.modules to hold no new cellar (nothing, as after any failed import, or the old "
        "module put back)",
        saw=f"sys.modules held a new, half-built {half_built[0] if half_built else ''} module, whose body had failed: "
        "the program's next import of it returns that module without an error",
        hint="import the module through the import system, which removes a module whose body raised: a module "
        "built and run by hand, filed in sys.modules before its body runs, stays there when that body fails.",
    )
