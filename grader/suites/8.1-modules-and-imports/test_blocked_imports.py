"""8.1 blocked-imports: sys.modules[name] = None stops `import name`.

The checks use modules a fresh interpreter started with -S has not imported
(csv, decimal, array): in an interpreter that had imported them already,
blocking would be refused and the verdicts would mean nothing. They also
write modules of their own into the private copy, with names no README
mentions, and count how often each one's body runs: an audit hook sees an
"exec" event for every module body the import system executes. Among them
are a package with submodules (a dotted name has an entry of its own in
sys.modules, whatever its package's), and a module that puts another module
object in its place in sys.modules, as lazy-loading libraries do, one that is
false (it has a length, 0): it is imported all the same, since the entry is
not None.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: after block(name), `import name` raises ModuleNotFoundError whose name is
  that name, for any module: the README's, the check's own, an extension module, a submodule.
  -> a_blocked_module_cannot_be_imported
- Step 1: importlib.import_module(name) is refused just the same.
  -> a_blocked_module_cannot_be_imported
- Step 1: block must not import the module itself: its code never runs.
  -> a_blocked_module_cannot_be_imported
- Step 1 (with step 2): blocking a name that is blocked already is no error, and it stays blocked.
  -> blocking_a_name_twice_keeps_it_blocked
- Step 2: block of a module already imported raises ValueError.
  -> an_imported_module_is_not_blocked
- Step 2: imported means that its entry in sys.modules is not None, whatever module object it is (here a
  module that put another one, a false one, in its place).
  -> an_imported_module_is_not_blocked
- Step 2: only that name counts: block("pkg.sub") is no error while pkg is imported and pkg.sub is not.
  -> a_blocked_module_cannot_be_imported
- Step 2: that module stays exactly where it is (the same object in sys.modules, at the same place
  in it, not taken out and put back, not run again).
  -> an_imported_module_is_not_blocked
- Step 3: after unblock(name), `import name` works again, and runs the module once.
  -> unblocking_makes_it_importable_again
- Step 3: unblock imports nothing itself.
  -> unblocking_makes_it_importable_again
- Step 3: unblock lifts that one block only: other names stay blocked, a package's submodules too.
  -> unblocking_makes_it_importable_again
- Step 4: unblock of a name that is not blocked (imported, whatever object its entry is, or never
  heard of) changes nothing in sys.modules and raises nothing, also for a name that was blocked,
  unblocked and imported since, and for one whose block was refused.
  -> unblocking_something_not_blocked_changes_nothing
- Step 4: it must not remove a module that is really imported, even one that block() was asked for
  and whose None other code took away before it was imported (decided by the entry, not by a record).
  -> unblocking_something_not_blocked_changes_nothing
"""

import pytest

from grader import CheckFailed, expect

#: Only the import statement raises ModuleNotFoundError: block() and unblock() change sys.modules and return.
OWN_IMPORT_ERROR = {
    "block": "block() only sets the trap: put None in sys.modules under that name, and return; "
    "the ModuleNotFoundError comes later, from the `import` statement.",
    "unblock": "unblock() only removes the None entry from sys.modules, and returns: it raises no ImportError itself.",
}

#: Modules of the check's own, written into the private copy: names the student cannot have planned for.
OWN_MODULES = {
    "sparkline.py": '"""A module of the check\'s own."""\n\nWHO = "sparkline"\n',
    "gauge.py": '"""A module of the check\'s own."""\n\nWHO = "gauge"\n',
    "meter/__init__.py": '"""A package of the check\'s own, with submodules dial and face."""\n',
    "meter/dial.py": '"""A submodule of the check\'s own."""\n\nWHO = "meter.dial"\n',
    "meter/face.py": '"""A submodule of the check\'s own."""\n\nWHO = "meter.face"\n',
    # Any object may sit in sys.modules: this module puts another module object there in its own place (as
    # lazy-loading libraries do), a false one. It is imported all the same: the entry is not None. (A module
    # object, so that a blocker judging by the entry's type, as the README's hint 1 once put it, is right.)
    "lazybox.py": '"""A module of the check\'s own that leaves another object in its place."""\n\n'
    "import sys\nimport types\n\n\nclass Box(types.ModuleType):\n    WHO = \"lazybox\"\n\n"
    "    def __len__(self):\n        return 0\n\n\n"
    "sys.modules[__name__] = Box(__name__)\n",
}

#: What the checks say about lazybox, the module whose entry in sys.modules is an object of its own.
LAZYBOX = ("lazybox.py (a module the check wrote) put another module object, a false one, in its place in "
           "sys.modules: lazybox is imported all the same")

#: The first lines of every probe: count the module bodies that run, by file name.
COUNT_RUNS = """
import os, sys
_bodies = []
sys.addaudithook(lambda event, args: event == "exec" and _bodies.append(str(getattr(args[0], "co_filename", ""))))


def ran(module):
    return sum(os.path.basename(f) == module + ".py" for f in _bodies)
"""


def write_own_modules(student):
    for path, text in OWN_MODULES.items():
        student.write(path, text)


def raised_in(step, error):
    """A learner's message for an error raised while the check did ``step`` (None: importing blocker)."""
    if step is None:
        return f"your code raised {error.summary}", error.explain()
    own = OWN_IMPORT_ERROR[step.strip("`").partition("(")[0]] if error.isinstance("ImportError") else error.explain()
    return f"{step} itself raised {error.summary}", own


def blocked_attempt(name: str, how: str) -> str:
    """Probe code: try one import of a blocked module and file what happened under seen[how + name]."""
    statement = f"import {name}" if how == "import" else f'importlib.import_module("{name}")'
    run = f"import {name}" if how == "import" else f'import_module("{name}")'
    return f"""
report(step={f"`{statement}`"!r})
try:
    {run}
except BaseException as error:
    seen["{how} {name}"] = [type(error).__name__, getattr(error, "name", None)]
else:
    seen["{how} {name}"] = "worked"
"""


#: Blocked in turn: the README's example, a module of the check's own, one that is no .py file, and a
#: submodule whose package is imported already (the package is imported, the submodule is not).
BLOCKED = ("csv", "sparkline", "array", "meter.dial")


@pytest.mark.points(2)
def test_a_blocked_module_cannot_be_imported(student):
    write_own_modules(student)
    # The code under test took import_module before blocker.py was imported, as a program's modules do.
    code = COUNT_RUNS + "from importlib import import_module\nimport blocker\nseen = {}\n"
    for name in BLOCKED:
        if "." in name:
            code += f"report(step='`import {name.rpartition('.')[0]}`')\nimport {name.rpartition('.')[0]}\n"
        code += f"report(step='block(\"{name}\")')\nblocker.block(\"{name}\")\n"
        code += blocked_attempt(name, "import") + blocked_attempt(name, "import_module")
    code += 'report(seen=seen, ran=[ran("sparkline"), ran("dial")], step=None)\n'
    probe = student.probe(code)
    error, step = probe.error, probe.values.get("step")
    if error is not None and step is None:
        raise CheckFailed("`import blocker` to work", *raised_in(None, error))
    if error is not None and step == 'block("meter.dial")' and error.type == "ValueError":
        raise CheckFailed(
            f"{step}, after `import meter`, to return, so that an import after it raises ModuleNotFoundError",
            f"{step} raised {error.summary}",
            "meter (a package the check wrote) is imported, but its submodule meter.dial is not: a submodule has "
            "an entry of its own in sys.modules. Ask whether that exact name is imported, not its package.",
        )
    if error is not None and step.startswith("`import"):
        raise CheckFailed(f"{step} to work", f"{step} raised {error.summary}", error.explain())
    if error is not None:  # block() raised: a block that raises by itself blocks nothing
        expected = f"{step} to return, so that an import after it raises ModuleNotFoundError"
        raise CheckFailed(expected, *raised_in(step, error))
    expect("seen" in probe.values, expected="the check to run to its end", saw=probe.completed.describe_end(),
           hint="Look for sys.exit(), os._exit() or an endless loop in blocker.py.")
    seen = probe.values["seen"]
    for name in BLOCKED:
        for how in ("import", "import_module"):
            got = seen[f"{how} {name}"]
            statement = f"`import {name}`" if how == "import" else f'importlib.import_module("{name}")'
            if got == ["ModuleNotFoundError", name]:
                continue
            saw = "it worked" if got == "worked" else f"it raised {got[0]} (for the name {got[1]!r})"
            if how == "import_module" and seen[f"import {name}"] == ["ModuleNotFoundError", name]:
                hint = ("the import statement is refused, but importlib.import_module is not: block the name "
                        "where every way of importing looks first, in sys.modules, rather than in one function.")
            elif got == "worked":
                hint = "put None in sys.modules under that name: then every import of it stops at once."
            else:
                hint = "the import must raise ModuleNotFoundError whose `name` is the blocked module's name."
            raise CheckFailed(f'{statement} after block("{name}") to raise ModuleNotFoundError for {name}', saw, hint)
    for (name, file), runs in zip((("sparkline", "sparkline.py"), ("meter.dial", "meter/dial.py")),
                                  probe.values["ran"]):
        expect(
            runs == 0,
            expected=f'block("{name}") (a module the check wrote) not to import it: its code must never run',
            saw=f"{file}'s code ran {'once' if runs == 1 else f'{runs} times'}",
            hint="block only marks the name as unavailable; importing the module to check it is there runs its "
            "code, which is what blocking is meant to avoid.",
        )


@pytest.mark.points(1)
def test_blocking_a_name_twice_keeps_it_blocked(student):
    # A blocked name is in sys.modules, with the value None: step 2 refuses only a module really imported.
    probe = student.probe(
        """
        import blocker
        report(step='block("csv")')
        blocker.block("csv")
        report(step='block("csv") a second time')
        blocker.block("csv")
        report(step="`import csv`")
        import csv
        """
    )
    error, step = probe.error, probe.values.get("step")
    if error is not None and step == 'block("csv") a second time' and error.isinstance("ValueError"):
        raise CheckFailed(
            'block("csv") a second time to return, and csv to stay blocked',
            f"{step} raised {error.summary}",
            "csv was never imported: after the first block its entry in sys.modules is None, not a module. "
            "Refuse only when sys.modules.get(name) is not None (Hint 1).",
        )
    if error is not None and step != "`import csv`":
        raise CheckFailed('block("csv"), twice, to return', *raised_in(step, error))
    worked = "the import worked" if probe.finished else probe.completed.describe_end()
    expect(
        error is not None and error.type == "ModuleNotFoundError" and error.name == "csv",
        expected='`import csv` after block("csv") twice to raise ModuleNotFoundError for csv',
        saw=f"it raised {error.summary}" if error else worked,
        hint="blocking a name that is blocked already keeps None in sys.modules under that name.",
    )


@pytest.mark.points(2)
def test_unblocking_makes_it_importable_again(student):
    write_own_modules(student)
    doing = 'block("decimal"), then unblock("decimal"), then `import decimal` to work'
    probe = student.probe(
        COUNT_RUNS
        + """
import blocker
report(step='block("decimal")')
blocker.block("decimal")
report(step='unblock("decimal")')
blocker.unblock("decimal")
report(step="`import decimal`")
import decimal
report(works=str(decimal.Decimal("0.1") + decimal.Decimal("0.2")))
report(step='block("sparkline")')
blocker.block("sparkline")
report(step='block("gauge")')
blocker.block("gauge")
report(step='unblock("sparkline")')
blocker.unblock("sparkline")
report(by_unblock=ran("sparkline"))
report(step="`import sparkline`")
import sparkline
report(by_import=ran("sparkline"), who=getattr(sparkline, "WHO", None))
report(step="`import gauge`")
try:
    import gauge
except BaseException as error:
    report(gauge=[type(error).__name__, getattr(error, "name", None)])
else:
    report(gauge="worked")
report(step='block("meter.face")')
blocker.block("meter.face")
report(step='block("meter")')
blocker.block("meter")
report(step='unblock("meter")')
blocker.unblock("meter")
report(step="`import meter`")
import meter
report(step="`import meter.face`")
try:
    import meter.face
except BaseException as error:
    report(face=[type(error).__name__, getattr(error, "name", None)])
else:
    report(face="worked")
report(step=None)
"""
    )
    error, step, seen = probe.error, probe.values.get("step"), probe.values
    imports = {
        "`import decimal`": doing,
        "`import sparkline`": '`import sparkline` after block("sparkline") and unblock("sparkline") to work',
        "`import meter`": '`import meter` after block("meter.face"), block("meter") and unblock("meter") to work',
    }
    # Say which call raised, with the hint for that step.
    if error is not None and step is None:
        raise CheckFailed("`import blocker` to work", *raised_in(None, error))
    if error is not None and not step.startswith("`import"):
        raise CheckFailed(doing if "decimal" in step else f"{step} to return", *raised_in(step, error))
    if error is not None:
        raise CheckFailed(
            imports.get(step, f"{step} to work"),
            f"{step} raised {error.summary}",
            "unblock removes the None entry from sys.modules, so that the next import searches again."
            if error.isinstance("ImportError")
            else error.explain(),
        )
    expect(
        step is None and "face" in seen,
        expected=doing if "works" not in seen else "the check to run to its end",
        saw=probe.completed.describe_end(),
        hint="Look for sys.exit(), os._exit() or an endless loop in blocker.py.",
    )
    expect(
        seen["works"] == "0.3",
        expected="decimal to be usable after unblock",
        saw=f"Decimal('0.1') + Decimal('0.2') gave {seen['works']!r}",
        hint="unblock removes the None entry from sys.modules.",
    )
    expect(
        seen["by_unblock"] == 0,
        expected='unblock("sparkline") (a module the check wrote) to import nothing: its code runs at the next import',
        saw="sparkline.py's code ran inside unblock: unblock imported it",
        hint="unblock only takes the block away; the program imports the module when it asks for it.",
    )
    expect(
        seen["by_import"] == 1 and seen["who"] == "sparkline",
        expected="`import sparkline` after unblock to run sparkline.py's code exactly once",
        saw=f"it ran {seen['by_import']} times" if seen["by_import"] != 1 else "the module has no WHO = 'sparkline'",
        hint="unblock removes the None entry from sys.modules, and nothing else.",
    )
    expect(
        seen["gauge"] == ["ModuleNotFoundError", "gauge"],
        expected='gauge, blocked too, to be still blocked after unblock("sparkline")',
        saw="`import gauge` worked: it was not still blocked"
        if seen["gauge"] == "worked"
        else f"`import gauge` raised {seen['gauge'][0]}",
        hint="unblock(name) lifts the block on that one name: leave every other entry of sys.modules as it is.",
    )
    expect(
        seen["face"] == ["ModuleNotFoundError", "meter.face"],
        expected='meter.face (a submodule the check wrote), blocked on its own, to be still blocked after '
        'block("meter") and unblock("meter")',
        saw='`import meter.face` worked: unblock("meter") lifted its block too'
        if seen["face"] == "worked"
        else f"`import meter.face` raised {seen['face'][0]}",
        hint="a submodule has an entry of its own in sys.modules, and a block of its own: unblock(name) lifts the "
        "block on that exact name, and on no other.",
    )


@pytest.mark.points(1)
def test_an_imported_module_is_not_blocked(student):
    write_own_modules(student)
    probe = student.probe(
        COUNT_RUNS
        + """
import importlib, json, sparkline, lazybox, blocker
seen = {}
for name in ("json", "sparkline", "lazybox"):
    before, order = sys.modules[name], list(sys.modules)
    report(step=f'block("{name}")', name=name)
    try:
        blocker.block(name)
    except ValueError:
        refused = True
    else:
        refused = False
    kept = sys.modules.get(name) is before
    there = set(order)
    seen[name] = {"refused": refused, "kept": kept, "moved": [k for k in sys.modules if k in there] != order}
    report(step=f'`import {name}` after block("{name}")')
    if kept:
        seen[name]["again"] = importlib.import_module(name) is before
report(seen=seen, ran=ran("sparkline"), step=None)
"""
    )
    error, step, name = probe.error, probe.values.get("step"), probe.values.get("name")
    if error is not None and step == f'block("{name}")':
        raise CheckFailed(
            f"{step} after `import {name}` to raise ValueError",
            f"it raised {error.summary}",
            "refuse a module that is imported already with ValueError, before changing anything."
            if error.isinstance("Exception") and error.type != "NotImplementedError"
            else error.explain(),
        )
    if error is not None:
        raise CheckFailed(f"{step or '`import json, sparkline, lazybox, blocker`'} to work", *raised_in(None, error))
    expect("seen" in probe.values, expected="the check to run to its end", saw=probe.completed.describe_end(),
           hint="Look for sys.exit(), os._exit() or an endless loop in blocker.py.")
    for name, got in probe.values["seen"].items():
        expected = f'block("{name}") after `import {name}` to raise ValueError and leave {name} in sys.modules'
        lazy = name == "lazybox"
        expect(
            got["refused"],
            expected=expected + (f" ({LAZYBOX})" if lazy else ""),
            saw="it did not refuse",
            hint="imported means that sys.modules holds something other than None under that name, whatever "
            "object it is (Hint 1), even a false one its module put there in its own place: ask `is None`, "
            "not whether the entry is true."
            if lazy
            else "check whether sys.modules holds a module under that name first, and raise ValueError then.",
        )
        expect(
            got["kept"] and got.get("again") is True,
            expected=expected,
            saw=f"{name} was taken out of sys.modules or replaced there",
            hint="decide to refuse before changing anything: leave the entry of an imported module as it is.",
        )
        expect(
            not got["moved"],
            expected=f'block("{name}") after `import {name}` to leave sys.modules exactly as it was',
            saw=f"the entries of sys.modules moved: {name}'s is no longer where it was (an entry taken out and "
            "put back moves to the end)",
            hint="decide to refuse before changing anything: leave the entry of an imported module untouched, "
            "rather than taking it out and putting it back.",
        )
    runs = probe.values["ran"]
    expect(
        runs == 1,
        expected='sparkline.py, imported before block("sparkline") was refused, to have run once',
        saw=f"its code ran {runs} times",
        hint="a refused block leaves the module as it is: do not import it again.",
    )


@pytest.mark.points(1)
def test_unblocking_something_not_blocked_changes_nothing(student):
    write_own_modules(student)
    probe = student.probe(
        """
        import sys, json, lazybox, blocker

        def changes(before):
            gone = sorted(k for k in before if k not in sys.modules)
            replaced = sorted(k for k in before if k in sys.modules and sys.modules[k] is not before[k])
            asked = ("json", "lazybox", "never_heard_of_it", "sparkline")
            invented = sorted(k for k in asked if k in sys.modules and k not in before)
            return gone + replaced + invented

        before = dict(sys.modules)
        report(step='unblock("json")')
        blocker.unblock("json")
        report(step='unblock("lazybox")')
        blocker.unblock("lazybox")
        report(step='unblock("never_heard_of_it")')
        blocker.unblock("never_heard_of_it")
        report(simple=changes(before))
        report(step='block("json")')
        try:
            blocker.block("json")
        except ValueError:
            refused = sys.modules.get("json") is json
        else:
            refused = False
        before = dict(sys.modules)
        report(step='unblock("json") after a refused block("json")')
        blocker.unblock("json")
        report(refused=refused, after_refusal=changes(before))
        report(step='block("sparkline")')
        blocker.block("sparkline")
        report(step='unblock("sparkline")')
        blocker.unblock("sparkline")
        report(step='`import sparkline` after block("sparkline") and unblock("sparkline")')
        import sparkline
        before = dict(sys.modules)
        report(step='unblock("sparkline") a second time')
        blocker.unblock("sparkline")
        report(again=changes(before))
        # Other code takes the None away (as mock.patch.dict does when it puts sys.modules back) and imports
        # gauge: it is not blocked now, but really imported. (A block kept elsewhere than sys.modules, too,
        # is still there: unblock must then take it away, which the first part of the check judged.)
        report(step='block("gauge")')
        blocker.block("gauge")
        if "gauge" in sys.modules and sys.modules["gauge"] is None:
            del sys.modules["gauge"]
            try:
                import gauge
            except ImportError:  # blocked some other way too: not what this part tries
                pass
            before = dict(sys.modules)
            report(step='unblock("gauge") after that')
            blocker.unblock("gauge")
            report(taken_away=changes(before))
        report(step=None)
        """
    )
    error, step, seen = probe.error, probe.values.get("step"), probe.values
    simple = ('unblock("json") and unblock("lazybox") after importing them, and unblock("never_heard_of_it"), '
              "to leave sys.modules alone")
    if "simple" not in seen:
        expect(
            error is None,
            expected=simple,
            saw=f"{step} raised {error.summary}" if step else f"your code raised {error.summary}",
            hint="unblock of a name that is not blocked does nothing: no error either."
            if step and error.type != "NotImplementedError"
            else error.explain(),
        )
    expect(
        "simple" in seen and not seen["simple"],
        expected=simple,
        saw=f"sys.modules changed for {', '.join(seen['simple'])}"
        if seen.get("simple")
        else probe.completed.describe_end(),
        hint=f"{LAZYBOX}. Only delete the entry when its value is None, whatever else it may be."
        if "lazybox" in seen.get("simple", ())
        else "only delete the entry when its value is None.",
    )
    refusal = 'unblock("json") after a refused block("json") to leave json imported, as it was'
    if "after_refusal" not in seen:
        if error is not None:
            raise CheckFailed(refusal, *raised_in(step, error))
        raise CheckFailed(refusal, probe.completed.describe_end(),
                          "Look for sys.exit(), os._exit() or an endless loop in blocker.py.")
    expect(
        not seen["refused"] or not seen["after_refusal"],
        expected=refusal,
        saw=f"sys.modules changed for {', '.join(seen['after_refusal'])}: unblock took away what block had refused "
        "to block",
        hint="a refused block blocks nothing: decide by what sys.modules holds when unblock is called (is the "
        "entry None?), not by a note of the names block was asked for.",
    )
    again = 'unblock("sparkline") a second time, after sparkline was blocked, unblocked and imported, to change nothing'
    if error is not None and step.startswith("`import") and "again" not in seen:
        hint = ("unblock removes the None entry from sys.modules, so that the next import searches again."
                if error.isinstance("ImportError") else error.explain())
        raise CheckFailed(again, f"{step} raised {error.summary}", hint)
    if error is not None and "again" not in seen:
        raise CheckFailed(again, *raised_in(step, error))
    expect(
        "again" in seen and not seen["again"],
        expected=again,
        saw=f"sys.modules changed for {', '.join(seen['again'])}"
        if seen.get("again")
        else probe.completed.describe_end(),
        hint="decide by what sys.modules holds now: is the entry None? "
        "A name that was blocked once may be imported since.",
    )
    elsewhere = ('unblock("gauge"), after block("gauge"), then other code taking its None out of sys.modules (as '
                 "mock.patch.dict does when it puts sys.modules back) and `import gauge`, to leave gauge imported")
    if error is not None:
        raise CheckFailed(elsewhere, *raised_in(step, error))
    expect(
        step is None and probe.finished,
        expected=elsewhere,
        saw=probe.completed.describe_end(),
        hint="Look for sys.exit(), os._exit() or an endless loop in blocker.py.",
    )
    expect(
        not seen.get("taken_away"),
        expected=elsewhere,
        saw=f"sys.modules changed for {', '.join(seen.get('taken_away', ()))}: unblock removed a module that is "
        "really imported, because block had been asked for it once",
        hint="gauge was no longer blocked when unblock was called: its None was gone, and the module imported. "
        "Decide by what sys.modules holds when unblock is called (is the entry None?), not by a note of the names "
        "block was asked for.",
    )
