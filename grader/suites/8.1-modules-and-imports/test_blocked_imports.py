"""8.1 blocked-imports: sys.modules[name] = None stops `import name`.

The checks use modules a fresh interpreter started with -S has not imported
(csv, decimal): in an interpreter that had imported them already, blocking
would be refused and the verdicts would mean nothing.
"""

import pytest

from grader import CheckFailed, expect


#: Only the import statement raises ModuleNotFoundError: block() and unblock() change sys.modules and return.
OWN_IMPORT_ERROR = {
    "block": "block() only sets the trap: put None in sys.modules under that name, and return; "
    "the ModuleNotFoundError comes later, from the `import` statement.",
    "unblock": "unblock() only removes the None entry from sys.modules, and returns: it raises no ImportError itself.",
}


def raised_in(step, error):
    """A learner's message for an error raised while the check did ``step`` (None: importing blocker)."""
    if step is None:
        return f"your code raised {error.summary}", error.explain()
    own = OWN_IMPORT_ERROR[step.partition("(")[0]] if error.isinstance("ImportError") else error.explain()
    return f"{step} itself raised {error.summary}", own


@pytest.mark.points(2)
def test_a_blocked_module_cannot_be_imported(student):
    probe = student.probe(
        """
        import blocker
        report(step='block("csv")')
        blocker.block("csv")
        report(step="`import csv`")
        import csv
        """
    )
    error, step = probe.error, probe.values.get("step")
    # The error must come from `import csv`: a block() that raises it itself blocks nothing.
    if error is not None and step != "`import csv`":
        expected = 'block("csv") to return, so that the `import csv` after it raises ModuleNotFoundError'
        raise CheckFailed(expected, *raised_in(step, error))
    expect(
        error is not None and error.type == "ModuleNotFoundError" and error.name == "csv",
        expected='`import csv` after block("csv") to raise ModuleNotFoundError for csv',
        saw=f"it raised {error.summary}" if error else "the import worked",
        hint="put None in sys.modules under that name.",
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
    doing = 'block("decimal"), then unblock("decimal"), then `import decimal` to work'
    probe = student.probe(
        """
        import blocker
        report(step='block("decimal")')
        blocker.block("decimal")
        report(step='unblock("decimal")')
        blocker.unblock("decimal")
        report(step="`import decimal`")
        import decimal
        report(works=str(decimal.Decimal("0.1") + decimal.Decimal("0.2")))
        """
    )
    error, step = probe.error, probe.values.get("step")
    # Say which call raised, with the hint for that step.
    if error is not None and step != "`import decimal`":
        raise CheckFailed(doing, *raised_in(step, error))
    expect(
        error is None,
        expected=doing,
        saw=f"`import decimal` raised {error.summary}" if error else "",
        hint="unblock removes the None entry from sys.modules, so that the next import searches again.",
    )
    expect(
        "works" in probe.values,
        expected=doing,
        saw=probe.completed.describe_end(),
        hint="Look for sys.exit(), os._exit() or an endless loop in blocker.py.",
    )
    expect(
        probe.values["works"] == "0.3",
        expected="decimal to be usable after unblock",
        saw=f"Decimal('0.1') + Decimal('0.2') gave {probe.values['works']!r}",
        hint="unblock removes the None entry from sys.modules.",
    )


@pytest.mark.points(1)
def test_an_imported_module_is_not_blocked(student):
    probe = student.probe(
        """
        import sys, json, blocker
        before = sys.modules["json"]
        try:
            blocker.block("json")
        except ValueError:
            report(refused=True)
        report(kept=sys.modules.get("json") is before)
        """
    )
    seen = probe.values
    expect(
        seen.get("refused") and seen.get("kept"),
        expected='block("json") after `import json` to raise ValueError and leave json in sys.modules',
        saw=f"it raised {probe.error.summary}"
        if probe.error
        else ("it did not refuse" if not seen.get("refused") else "json was removed"),
        hint="check sys.modules.get(name) is not None first, and raise ValueError in that case.",
    )


@pytest.mark.points(1)
def test_unblocking_something_not_blocked_changes_nothing(student):
    seen = student.observe(
        """
        import sys, json, blocker
        before = sys.modules["json"]
        blocker.unblock("json")
        blocker.unblock("never_heard_of_it")
        report(kept=sys.modules.get("json") is before, invented="never_heard_of_it" in sys.modules)
        """,
        doing='unblock("json") after `import json`, and unblock of an unknown name, to do nothing',
    )
    expect(
        seen["kept"] and not seen["invented"],
        expected="unblock to leave an imported module, and an unknown name, alone",
        saw="json was removed from sys.modules" if not seen["kept"] else "unblock added an entry",
        hint="only delete the entry when its value is None.",
    )
