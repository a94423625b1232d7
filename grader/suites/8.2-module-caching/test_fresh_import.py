"""8.2 fresh-import: remove a package and its submodules from sys.modules, and import it anew."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_a_new_package_object_replaces_the_old_one(student):
    seen = student.observe(
        """
        import sys, inventory, freshen
        old = inventory
        new = freshen.fresh_import("inventory")
        report(new_filed=new is sys.modules.get("inventory"), differs=new is not old,
               new_type=type(new).__name__, old_intact=old.stock.ITEMS == {"apples": 3, "pears": 5})
        """,
        doing='freshen.fresh_import("inventory") to work',
    )
    expect(
        seen["new_filed"] and seen["differs"] and seen["new_type"] == "module",
        expected='fresh_import("inventory") to return a new module object, the one now in sys.modules',
        saw="it returned the old, cached module" if not seen["differs"] else f"it returned a {seen['new_type']}",
        hint="delete the sys.modules entries first, then importlib.import_module(name) builds a new module.",
    )
    expect(
        seen["old_intact"],
        expected="the old module object to keep its contents",
        saw="the old inventory.stock lost its ITEMS",
        hint="only remove entries from sys.modules; do not change the modules themselves.",
    )


@pytest.mark.points(2)
def test_every_submodule_is_forgotten_and_run_again(student):
    # A subpackage of the check's own, two levels down: inventory.depot.shelves.
    student.write("inventory/depot/__init__.py", "import runlog\n\nrunlog.RUNS.append(__name__)\n")
    student.write("inventory/depot/shelves.py", "import runlog\n\nrunlog.RUNS.append(__name__)\n")
    seen = student.observe(
        """
        import sys, runlog, freshen
        import inventory.prices, inventory.depot.shelves
        old_prices = sys.modules["inventory.prices"]
        freshen.fresh_import("inventory")
        prices_forgotten = "inventory.prices" not in sys.modules
        deep_left = sorted(k for k in ("inventory.depot", "inventory.depot.shelves") if k in sys.modules)
        import inventory.prices
        report(runs=list(runlog.RUNS), forgotten=prices_forgotten, deep_left=deep_left,
               new_prices=sys.modules["inventory.prices"] is not old_prices)
        """,
        doing='freshen.fresh_import("inventory") to work',
    )
    runs = seen["runs"]
    expect(
        runs.count("inventory") == 2 and runs.count("inventory.stock") == 2,
        expected="the bodies of inventory and inventory.stock to run again (twice each in all)",
        saw=f"the bodies that ran were {runs}",
        hint="remove the package and every 'inventory.' entry, then import the package again.",
    )
    expect(
        seen["forgotten"] and seen["new_prices"] and runs.count("inventory.prices") == 2,
        expected="inventory.prices, imported before, to be forgotten too, so that importing it again runs its body",
        saw="its old module object stayed in sys.modules",
        hint="submodules at any depth have keys starting with 'inventory.'.",
    )
    expect(
        not seen["deep_left"],
        expected="the deeper submodules inventory.depot and inventory.depot.shelves to be forgotten too",
        saw=f"{seen['deep_left']} stayed in sys.modules",
        hint="a key belongs to the package if it starts with 'inventory.', however many dots follow.",
    )


@pytest.mark.points(1)
def test_modules_outside_the_package_are_left_alone(student):
    seen = student.observe(
        """
        import sys, runlog, inventory_tools, inventory, freshen
        before = (sys.modules["inventory_tools"], sys.modules["runlog"])
        freshen.fresh_import("inventory")
        report(kept=(sys.modules.get("inventory_tools"), sys.modules.get("runlog")) == before,
               tools_runs=runlog.RUNS.count("inventory_tools"))
        """,
        doing='freshen.fresh_import("inventory") to work',
    )
    expect(
        seen["kept"] and seen["tools_runs"] == 1,
        expected="inventory_tools and runlog to stay in sys.modules, untouched",
        saw="inventory_tools (or runlog) was removed too",
        hint="a submodule's key is the package name followed by a dot: compare with name + '.'.",
    )


@pytest.mark.points(1)
def test_a_dotted_name_gives_the_submodule(student):
    # Step 3 returns the module called `name`: for "inventory.depot" that is the subpackage, not inventory.
    student.write("inventory/depot/__init__.py", "import runlog\n\nrunlog.RUNS.append(__name__)\n")
    seen = student.observe(
        """
        import sys, runlog, freshen
        import inventory.depot
        old, package = sys.modules["inventory.depot"], sys.modules["inventory"]
        new = freshen.fresh_import("inventory.depot")
        report(name=getattr(new, "__name__", None), new_type=type(new).__name__,
               filed=new is sys.modules.get("inventory.depot"), differs=new is not old,
               runs=runlog.RUNS.count("inventory.depot"), package_kept=sys.modules.get("inventory") is package)
        """,
        doing='freshen.fresh_import("inventory.depot") to work',
    )
    if seen["new_type"] != "module":
        saw = f"it returned a {seen['new_type']}"
    elif not seen["filed"]:
        saw = f"it returned the module {seen['name']!r}"
    else:
        saw = "it returned the old, cached module" if not seen["differs"] else "its body did not run again"
    expect(
        seen["filed"] and seen["differs"] and seen["runs"] == 2,
        expected='fresh_import("inventory.depot") to return the new module inventory.depot, the one now in sys.modules',
        saw=saw,
        hint="importlib.import_module(name) returns the submodule it names; "
        "__import__(name) returns the top-level package.",
    )
    # Step 2: only `name` and what lies below it are forgotten, not the package above it.
    expect(
        seen["package_kept"],
        expected='fresh_import("inventory.depot") to leave the package inventory as it was (step 2)',
        saw="inventory was forgotten and imported again too",
        hint="forget only the entries named `name` or starting with `name + '.'`, not the top-level package's.",
    )
