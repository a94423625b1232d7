"""8.5 safe-reload: a reload applied whole, or undone whole, with the error handed on.

Each check edits modules inside one fresh interpreter with rewrite() (which moves the file's time
on, so the reload cannot pick up stale bytecode). Besides the README's rates.py, the checks write
a module of their own, tariff.py, whose name a submission cannot know in advance. Every new source
the checks write counts the runs of its body in sys.plugin_runs, and a source that fails keeps the
exception it raises in sys.plugin_raised, so that the check can tell the very object from a copy.
importlib.reload is wrapped (before reloader is imported): the wrapper counts its calls and keeps what
it raised in sys.plugin_raised too, so a submission that raises an error of its own without calling
reload (a file checked, or compiled, beforehand) is told from one that hands on the reload's error.

The failures the checks make: a new source that raises halfway (after binding new values to old
names and binding new names, an import and a dunder name among them), one that ends with
SystemExit (a BaseException that is not an Exception: sys.exit() in the new source), one that does not compile (a reload that then
runs nothing, yet has already replaced __spec__), a source file gone (ModuleNotFoundError, and
__spec__ set to None), and a source that fails after an edit that worked (the module must come back
as the working edit left it, not as it was first imported). After each, the whole namespace is
compared with what it was just before the call: the same names, each bound to the same object; and
the source file must hold what the check saved (only names are put back, never the file).

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: when the new source runs to its end, safe_reload returns the module, the same module object,
  still in sys.modules, with the new code applied the way importlib.reload applies it: the new source
  ran once, in the module's own namespace (its functions read the module's globals); safe_reload changes
  nothing else in the program (sys.dont_write_bytecode, sys.path as they were).
  -> a_good_edit_is_applied
- Step 2: when the reload raises (an error halfway, SystemExit, a SyntaxError, a source file gone), every name in the
  module's namespace, dunder names like __spec__ included, is bound to the same object as just before the
  call; names the new code added are gone; the module is the same object, still in sys.modules, and its
  functions work with the old values. This holds for any module, and after an edit that worked. Only
  names are put back: the source file keeps the failing edit.
  -> a_failed_edit_leaves_the_module_as_it_was
- Step 3: after putting the module back, safe_reload raises the very exception the reload raised (the
  same object, not a copy, a wrapper or a return value), and importlib.reload is what raised it (not a
  check of the file made instead of reloading).
  -> the_caller_gets_the_error
"""

import pytest

from grader import expect
from grader.feedback import STUB_EXPLAINED

#: What every check starts with: the reloader, rates, and a module of the check's own.
SETUP = """
import importlib, os, sys
sys.reload_calls = []
real_reload = importlib.reload


def counted_reload(module):
    # importlib.reload as it is, counted, keeping what it raises (the error the caller must get).
    sys.reload_calls.append(getattr(module, "__name__", None))
    try:
        return real_reload(module)
    except BaseException as exc:
        sys.plugin_raised = exc
        raise


importlib.reload = counted_reload
import reloader

rewrite("tariff.py", '\"\"\"A tariff of the check.\"\"\"\\n\\nBASE = 3\\nSTEPS = [1, 2]\\n\\n\\ndef price(n):\\n    return BASE + n\\n')
import rates, tariff


def source(lines, fails=None):
    \"\"\"A new source: it counts its runs, binds `lines`, then raises `fails` (an expression) if given.\"\"\"
    text = 'import sys\\nsys.__dict__.setdefault("plugin_runs", []).append(__name__)\\n' + lines
    if fails:
        text += 'sys.plugin_raised = ' + fails + '\\nraise sys.plugin_raised\\n'
        text += 'LATER = "never bound"\\n'
    return text


def compare(module, before, name):
    \"\"\"What differs between the module's namespace now and a copy taken before.\"\"\"
    now = vars(module)
    return {
        "added": sorted(set(now) - set(before)),
        "lost": sorted(set(before) - set(now)),
        "rebound": sorted(k for k in before if k in now and now[k] is not before[k]),
        "shown": {k: repr(now[k])[:60] for k in now if k not in before or now[k] is not before[k]},
        "old": {k: repr(before[k])[:60] for k in before if k not in now or now[k] is not before[k]},
        "filed": sys.modules.get(name) is module,
    }


def attempt(name, module):
    \"\"\"safe_reload(module): what it returned or raised, and the namespace compared with just before.\"\"\"
    before = dict(vars(module))
    sys.__dict__.pop("plugin_raised", None)
    calls = len(sys.reload_calls)
    saved = open(name + ".py", encoding="utf-8").read() if os.path.exists(name + ".py") else None
    report(calling=name)
    try:
        result = reloader.safe_reload(module)
    except BaseException as exc:
        raised = getattr(sys, "plugin_raised", None)
        outcome = {
            "raised": type(exc).__name__,
            "same_error": raised is exc if raised is not None else None,
            "cause": type(exc.__cause__ or exc.__context__).__name__ if (exc.__cause__ or exc.__context__) else None,
        }
    else:
        outcome = {"returned": type(result).__name__, "is_module": result is module}
    outcome.update(compare(module, before, name))
    outcome["reloads"] = len(sys.reload_calls) - calls
    outcome["file_kept"] = saved == (open(name + ".py", encoding="utf-8").read() if os.path.exists(name + ".py") else None)
    return outcome
"""

GOOD = SETUP + """
sys.plugin_runs = []
rewrite("rates.py", source('CURRENCY = "EUR"\\nRATES = {"USD": 1.10, "CHF": 0.95}\\nFACTOR = 1\\n\\n\\ndef convert(amount, to):\\n    return round(amount * RATES[to] * FACTOR, 2)\\n'))
old_convert = rates.convert
settings = sys.dont_write_bytecode, list(sys.path)
got = attempt("rates", rates)
report(settings_kept=(sys.dont_write_bytecode, list(sys.path)) == settings, no_bytecode=sys.dont_write_bytecode)
report(good=got, runs=list(sys.plugin_runs), new_convert=rates.convert is not old_convert,
       chf=rates.convert(10, "CHF") if "CHF" in getattr(rates, "RATES", {}) else None)
rates.FACTOR = 2  # the new function must read the module's own globals
report(doubled=rates.convert(10, "CHF") if "CHF" in getattr(rates, "RATES", {}) else None)
"""


@pytest.mark.points(1)
def test_a_good_edit_is_applied(student):
    seen = student.observe(GOOD, doing="safe_reload(rates) of a new rates.py that works")
    got = seen["good"]
    expect(
        got.get("is_module") and got.get("filed"),
        expected="safe_reload(rates) to return the module rates itself, still in sys.modules",
        saw=f"it raised {got['raised']}" if "raised" in got
        else f"it returned a {got['returned']} object" + ("" if got.get("returned") != "module" else ", another module")
        if not got.get("is_module") else "sys.modules no longer held that module",
        hint=STUB_EXPLAINED if got.get("raised") == "NotImplementedError"
        else "reload the module with importlib.reload, which runs the new source in the same module object, and "
        "return what it returns.",
    )
    expect(
        seen["runs"] == ["rates"] and seen["new_convert"] and seen["chf"] == 9.5,
        expected="the new source to run once, in the module: afterwards rates.convert is the new function and "
        'rates.convert(10, "CHF") gives 9.5',
        saw=f"the new source ran {len(seen['runs'])} times" if seen["runs"] != ["rates"]
        else "rates.convert was still the old function" if not seen["new_convert"]
        else f'rates.convert(10, "CHF") gave {seen["chf"]!r}',
        hint="call importlib.reload(module) once, and only that: trying the new source out first (exec, a "
        "second module) runs it twice.",
    )
    expect(
        seen.get("settings_kept"),
        expected="safe_reload to change nothing in the program but the module: sys.dont_write_bytecode and sys.path "
        "as they were before the call",
        saw="sys.dont_write_bytecode was True afterwards, for every later import of the program"
        if seen.get("no_bytecode") else "sys.path changed",
        hint="what safe_reload changes besides the module stays changed for the whole program; if you change a "
        "setting for the reload, put it back before you return or raise.",
    )
    expect(
        seen["doubled"] == 19.0,
        expected='the new functions to read the module\'s own globals: with rates.FACTOR set to 2, rates.convert(10, '
        '"CHF") should give 19.0',
        saw=f"it gave {seen['doubled']!r}",
        hint="let importlib.reload run the new source in the module's own namespace; copying names over from "
        "somewhere else leaves the functions reading that other namespace.",
    )


FAILED = SETUP + """
results = {}
# Halfway: new values for old names, new names (an import too), then the error.
rewrite("rates.py", source('CURRENCY = "USD"\\nRATES = {"EUR": 0.93}\\nSPREAD = 0.01\\n__version__ = "2.0"\\n', fails='ValueError("no rate for CHF")'))
results["halfway"] = attempt("rates", rates)
report(results=results)
def call(function, *args):
    try:
        return function(*args)
    except Exception as exc:
        return "raised " + type(exc).__name__


results["still_works"] = call(getattr(rates, "convert", None), 100, "USD")
# A source that does not compile: nothing runs, but the reload has replaced __spec__ already.
rewrite("rates.py", 'CURRENCY = "GBP"\\nRATES = {"EUR": 1.16\\n')
results["syntax"] = attempt("rates", rates)
report(results=results)
# The source file gone: ModuleNotFoundError, with __spec__ set to None on the way.
import os
os.rename("rates.py", "rates.away")
results["gone"] = attempt("rates", rates)
os.rename("rates.away", "rates.py")
report(results=results)
# sys.exit() in the new source: SystemExit is a BaseException, not an Exception.
rewrite("rates.py", source('CURRENCY = "CHF"\\nNOTE = "closing"\\n', fails='SystemExit("rates.py ended the program")'))
results["exits"] = attempt("rates", rates)
report(results=results)
# The check's own module: an edit that works, then one that fails. Back to the first edit's state.
rewrite("tariff.py", source('BASE = 5\\nSTEPS = [3]\\n\\n\\ndef price(n):\\n    return BASE + 2 * n\\n'))
results["tariff_good"] = attempt("tariff", tariff)
rewrite("tariff.py", source('BASE = 7\\nEXTRA = [0]\\n', fails='KeyError("step")'))
results["tariff_failed"] = attempt("tariff", tariff)
results["tariff_price"] = call(getattr(tariff, "price", None), 1)
report(results=results, calling=None)
"""

CASES = {
    "halfway": "a new rates.py that raises ValueError on its fourth line, after binding new values to CURRENCY and "
    "RATES and binding new names",
    "syntax": "a new rates.py that does not compile (SyntaxError)",
    "gone": "rates.py deleted (ModuleNotFoundError)",
    "exits": "a new rates.py that calls sys.exit() (SystemExit, which is not an Exception) after binding new names",
    "tariff_failed": "the check's own module tariff, after an edit that worked, then an edit that raises KeyError "
    "halfway",
}
RAISES = {
    "halfway": "ValueError",
    "syntax": "SyntaxError",
    "gone": "ModuleNotFoundError",
    "exits": "SystemExit",
    "tariff_failed": "KeyError",
}


def differences(got: dict) -> str:
    parts = []
    rebound = [k for k in got.get("rebound", ()) if not k.startswith("__")]
    if rebound:
        parts.append("rebound: " + ", ".join(
            f"{k} (now {got['shown'].get(k)}, was {got['old'].get(k)})" for k in rebound[:4]))
    dunders = [k for k in got.get("rebound", ()) if k.startswith("__")]
    if dunders:
        parts.append("rebound to new objects of the failed reload: " + ", ".join(dunders))
    if got.get("added"):
        parts.append("added by the new code and still there: " + ", ".join(got["added"][:6]))
    if got.get("lost"):
        parts.append("gone: " + ", ".join(got["lost"][:6]))
    if not got.get("filed", True):
        parts.append("the module is no longer the one in sys.modules")
    return "; ".join(parts)


@pytest.mark.points(3)
def test_a_failed_edit_leaves_the_module_as_it_was(student):
    probe = student.probe(FAILED)
    results = probe.values.get("results") or {}
    expect(
        probe.error is None and probe.finished,
        expected="the check's edits and calls of safe_reload to run to their end",
        saw=f"the check stopped: {probe.error.summary}" if probe.error else "the check did not finish",
        hint=probe.error.explain() if probe.error else None,
    )
    good = results.get("tariff_good") or {}
    expect(
        good.get("is_module"),
        expected="safe_reload(tariff) of a new tariff.py that works to apply it and return the module",
        saw=f"it raised {good['raised']}" if "raised" in good else f"it returned a {good.get('returned')} object",
        hint=STUB_EXPLAINED if good.get("raised") == "NotImplementedError"
        else "reload the module with importlib.reload and return what it returns; only when it raises, put the "
        "module back.",
    )
    for case, what in CASES.items():
        got = results.get(case) or {}
        expect(
            "raised" in got,
            expected=f"safe_reload to raise the reload's error for {what}",
            saw=f"it returned a {got.get('returned')} object instead",
            hint="after putting the module back, raise the error again (a bare `raise` in the except block).",
        )
        expect(
            not differences(got),
            expected=f"the module to be left exactly as it was just before the call, for {what}: every name, "
            "__spec__ and the other dunder names too, bound to the same object as before, names the new code added "
            "gone",
            saw=differences(got),
            hint="keep a copy of the module's namespace (its __dict__) taken just before each reload, and when the "
            "reload raises, whatever it raises, make the namespace hold exactly that copy again: the same "
            "dictionary, emptied and filled from the copy, so the module's functions see it too.",
        )
        expect(
            got.get("file_kept", True),
            expected=f"the source file to be left as the check saved it, for {what}: only the module's names are "
            "put back",
            saw="the file held other text after the call"
            if case != "gone" else "a file had appeared where the check had deleted it",
            hint="never write the source file: the failing edit is the user's work, which they will fix; putting "
            "back an older text destroys it.",
        )
    expect(
        results.get("still_works") == 108.0 and results.get("tariff_price") == 7,
        expected='the old functions to work with the old values afterwards: rates.convert(100, "USD") should give '
        "108.0, and tariff.price(1) 7 (the edit that worked)",
        saw=f'rates.convert(100, "USD") gave {results.get("still_works")!r} and tariff.price(1) '
        f'{results.get("tariff_price")!r}',
        hint="put back the bindings in the module's own namespace, the dictionary its functions use as globals.",
    )


@pytest.mark.points(1)
def test_the_caller_gets_the_error(student):
    probe = student.probe(FAILED)
    results = probe.values.get("results") or {}
    expect(
        probe.error is None and probe.finished,
        expected="the check's edits and calls of safe_reload to run to their end",
        saw=f"the check stopped: {probe.error.summary}" if probe.error else "the check did not finish",
        hint=probe.error.explain() if probe.error else None,
    )
    stub = all((results.get(case) or {}).get("raised") == "NotImplementedError" for case in RAISES)
    expect(
        not stub,
        expected="safe_reload to raise the very exception the reload raised, after putting the module back",
        saw="it raised NotImplementedError every time",
        hint=STUB_EXPLAINED,
    )
    wrong = []
    for case in ("halfway", "tariff_failed", "syntax", "gone", "exits"):
        got = results.get(case) or {}
        raised = got.get("raised")
        if raised is None:
            wrong.append(f"for {CASES[case]}, it returned a {got.get('returned')} object")
        elif got.get("reloads") == 0:
            wrong.append(f"for {CASES[case]}, it raised {raised} without calling importlib.reload: an error of its "
                         "own, not the reload's")
        elif raised != RAISES[case]:
            wrong.append(f"for {CASES[case]}, it raised {raised}" + (f" (caused by {got['cause']})" if got.get("cause") else ""))
        elif got.get("same_error") is False:
            wrong.append(f"for {CASES[case]}, it raised another {raised} than the one the new code raised")
    expect(
        not wrong,
        expected="safe_reload to call importlib.reload and raise the very exception it raised (ValueError, "
        "SyntaxError, ModuleNotFoundError, SystemExit, KeyError in the check's cases), after putting the module back",
        saw="; ".join(wrong),
        hint="call importlib.reload every time, and hand on what it raises: a test of the file made beforehand "
        "raises an error of your own instead (another message, another traceback)."
        if any((results.get(case) or {}).get("reloads") == 0 for case in RAISES)
        else "re-raise the error you caught, as it is, with a bare `raise`: the caller then sees its type, "
        "message and traceback.",
    )
