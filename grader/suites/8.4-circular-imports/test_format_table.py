"""8.4 format-table: a cycle inside a package, repaired in its imports, whichever module comes first.

Every check writes its own convert/__init__.py (the given docstring and nothing else), so that a
package whose __init__.py imports formats first (which hides the cycle) gets no points, and then
runs one fresh interpreter per first import: convert.formats, convert.csvfile, convert.jsonfile
(three in all: the checks share them, keyed by the package's files).
A program whose first import is a format writes the check's rows with that format's dumps() before
it imports anything else (a program that only needs CSV); an audit hook counts the runs of each
module's body (the import system runs it with exec()). Each program then imports the rest, reads the table, writes the check's own rows in both formats, and
then replaces convert.formats.columns with a function of the check's own: both formats must
follow it (a copy of columns, or a name taken from formats at import time, does not). The
student's own __init__.py must be left without statements, as given.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `import convert.formats`, `import convert.csvfile` and `import convert.jsonfile` each work as a
  program's first import, and each module's body runs once (none deleted from sys.modules and run again).
  -> each_module_can_be_imported_first
- Step 1: a program that imports only convert.csvfile (or only convert.jsonfile) writes with its dumps(rows):
  a format imports what its dumps() uses itself.
  -> each_module_can_be_imported_first
- Intro: convert/__init__.py is left as it is (a docstring, no statements): the checks use their own copy.
  -> each_module_can_be_imported_first
- Intro: imports may move into functions (csvfile and jsonfile importing formats inside dumps is a
  repair too); only code may not move to another module, and FORMATS is built at import.
  -> the_table_holds_the_format_modules, both_formats_use_the_shared_columns
- Step 2: in each of those programs, FORMATS is {".csv": convert.csvfile, ".json": convert.jsonfile}, the
  module objects, right after the imports (built when convert.formats is imported, not at first use).
  -> the_table_holds_the_format_modules
- Step 2: dumps(rows, ".csv") and dumps(rows, ".json") write what they wrote before, in each program.
  -> the_table_holds_the_format_modules
- Step 3: both formats look up convert.formats.columns when they write (no copy of it in csvfile or
  jsonfile, no reference taken at import time), in each program.
  -> both_formats_use_the_shared_columns
"""

import ast
import hashlib
import json

import pytest

from grader import expect

GIVEN_INIT = '"""Rows of data (a list of dicts) written as CSV or JSON text."""\n'

FIRSTS = ("formats", "csvfile", "jsonfile")

# The check's own rows: a column missing from a row, a boolean, a number, a comma-free text.
ROWS = [{"city": "Oslo", "temp": 4}, {"city": "Rome", "rain": True}, {"temp": -2, "city": "Kyiv"}]

PROGRAM = """
import importlib, os, sys
runs = {{}}


def count(event, args):
    # Every module body is run by exec(): count the runs of the package's three.
    if event == "exec" and getattr(args[0], "co_name", None) == "<module>":
        where = os.path.normpath(getattr(args[0], "co_filename", "") or "")
        if os.path.basename(os.path.dirname(where)) == "convert":
            runs[os.path.basename(where)] = runs.get(os.path.basename(where), 0) + 1


sys.addaudithook(count)
rows = {rows!r}
report(step="first")
importlib.import_module("convert." + {first!r})
# A program that only needs this format writes with it before it imports anything else.
if {first!r} != "formats":
    try:
        report(alone=sys.modules["convert." + {first!r}].dumps(rows))
    except Exception as error:
        report(alone_error=type(error).__name__ + ": " + str(error))
report(step="rest")
import convert.formats, convert.csvfile, convert.jsonfile
report(runs=dict(runs))
report(step="table")
formats = convert.formats
table = getattr(formats, "FORMATS", None)
report(
    table_kind=type(table).__name__,
    table_keys=sorted(map(str, table)) if isinstance(table, dict) else None,
    csv_is_module=isinstance(table, dict) and table.get(".csv") is sys.modules["convert.csvfile"],
    json_is_module=isinstance(table, dict) and table.get(".json") is sys.modules["convert.jsonfile"],
    csv_shown=repr(table.get(".csv")) if isinstance(table, dict) else None,
)
report(step="dumps")
report(csv=formats.dumps(rows, ".csv"))
report(json=formats.dumps(rows, ".json"))
report(step="columns")
formats.columns = lambda rows: ["temp", "city"]
report(csv_follows=convert.csvfile.dumps(rows))
report(json_follows=convert.jsonfile.dumps(rows))
report(step="done")
"""


def columns(rows, order=None):
    if order is not None:
        return order
    seen = {}
    for row in rows:
        for key in row:
            seen.setdefault(key)
    return list(seen)


def csv_text(rows, order=None):
    names = columns(rows, order)
    lines = [",".join(names)] + [",".join(str(row.get(n, "")) for n in names) for row in rows]
    return "\n".join(lines) + "\n"


def json_text(rows, order=None):
    names = columns(rows, order)
    return json.dumps([{n: row.get(n) for n in names} for row in rows])


#: Probes already run, by first import and the exact text of every file of the package: the three
#: checks ask the same three programs, which only read those files, so each runs once per grading.
_RUNS = {}


def run(student, first: str):
    """One fresh program whose first import is convert.<first>, with the check's own __init__.py."""
    student.write("convert/__init__.py", GIVEN_INIT)
    files = sorted(
        (str(path.relative_to(student.path)), path.read_bytes())
        for path in student.file("convert").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    key = (first, hashlib.sha256(repr(files).encode()).hexdigest())
    if key not in _RUNS:
        _RUNS[key] = student.probe(PROGRAM.format(first=first, rows=ROWS))
    return _RUNS[key]


HINT_CYCLE = (
    "while a submodule's body is still running, the package has no attribute for it yet (it is set when the body "
    "finishes), so `convert.csvfile` fails in a module that the half-built csvfile imported. Use a form of import "
    "that finds the submodule itself in sys.modules (section 8.4, cycles inside a package)."
)


def stopped(probe, first: str, steps: tuple) -> str | None:
    """The learner's `saw` when the program stopped in one of `steps`, else None."""
    step = probe.values.get("step")
    if probe.error is None and probe.finished:
        return None
    if step not in steps:
        return None
    doing = {
        "first": f"`import convert.{first}` (the first import of the program)",
        "rest": "importing the other two modules",
        "table": "reading convert.formats.FORMATS",
        "dumps": "convert.formats.dumps(rows, ...)",
        "columns": "the formats' dumps(rows), with convert.formats.columns replaced",
    }.get(step, "the check")
    if probe.error is None:
        return f"{doing} did not finish"
    return f"{doing} raised {probe.error.summary}"


def init_statements(text: str):
    try:
        body = ast.parse(text).body
    except SyntaxError:
        return None
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return [ast.unparse(node) for node in body]


@pytest.mark.points(2)
def test_each_module_can_be_imported_first(student):
    given = student.read("convert/__init__.py") if student.exists("convert/__init__.py") else None
    for first in FIRSTS:
        probe = run(student, first)
        saw = stopped(probe, first, ("first", "rest"))
        error = probe.error
        expect(
            saw is None,
            expected=f"`import convert.{first}` to work as the first import of a program, and the other two "
            "modules to import after it",
            saw=saw or "",
            hint=HINT_CYCLE if error and error.isinstance("AttributeError")
            else "a `from` import of a name (not of a module) needs the other module finished: import modules, "
            "and look their functions up when they are called." if error and error.isinstance("ImportError")
            else error.explain() if error else None,
        )
        if first == "formats":
            continue
        alone = probe.values.get("alone")
        text = csv_text(ROWS) if first == "csvfile" else json_text(ROWS)
        expect(
            alone == text,
            expected=f"a program that imports only convert.{first} to write the check's rows with "
            f"convert.{first}.dumps(rows): {text!r}",
            saw=f"convert.{first}.dumps(rows) raised {probe.values['alone_error']}" if "alone_error" in probe.values
            else f"it returned {alone!r}",
            hint="a program that only needs one format imports only that module: whatever its dumps() uses, the "
            "module must import itself, not count on convert.formats having been imported by someone else.",
        )
    for first in FIRSTS:
        runs = run(student, first).values.get("runs") or {}
        twice = {name: times for name, times in sorted(runs.items()) if times > 1}
        expect(
            not twice,
            expected=f"each module's body to run once in a program whose first import is convert.{first}",
            saw="; ".join(f"the body of convert/{name} ran {times} times" for name, times in twice.items()),
            hint="a module whose body runs again is a second module object, and what the first run did is done "
            "twice: leave a half-built module in sys.modules, and use a form of import that finds it there.",
        )
    done = init_statements(given) if given is not None else None
    expect(
        done == [],
        expected="convert/__init__.py to be left as it was given: its docstring, and no statements",
        saw="convert/__init__.py is gone" if given is None
        else "it no longer parses" if done is None
        else "it now runs: " + "; ".join(done),
        hint="put convert/__init__.py back as it was: the repair belongs in the three modules' imports, and the "
        "package must work whichever module a program imports first, with nothing in its __init__.py.",
    )


@pytest.mark.points(2)
def test_the_table_holds_the_format_modules(student):
    for first in FIRSTS:
        probe = run(student, first)
        seen = probe.values
        when = f" in a program whose first import is convert.{first}"
        saw = stopped(probe, first, ("first", "rest", "table"))
        expect(
            saw is None,
            expected=f"the three modules to import and the table to be there{when}",
            saw=saw or "",
            hint=HINT_CYCLE if probe.error and probe.error.isinstance("AttributeError")
            else probe.error.explain() if probe.error else None,
        )
        expect(
            seen.get("table_keys") == [".csv", ".json"] and seen.get("csv_is_module") and seen.get("json_is_module"),
            expected=f'convert.formats.FORMATS to be {{".csv": convert.csvfile, ".json": convert.jsonfile}}, the '
            f"modules themselves, as soon as the imports are done{when}",
            saw=f"it was a {seen.get('table_kind')}" if seen.get("table_keys") is None
            else f"its keys were {seen.get('table_keys')}" if seen.get("table_keys") != [".csv", ".json"]
            else f'FORMATS[".csv"] was {seen.get("csv_shown")}' if not seen.get("csv_is_module")
            else 'FORMATS[".json"] was not the module convert.jsonfile',
            hint="keep the table as it was, built when convert.formats is imported, with the two module objects in "
            "it: only the form of the imports needs to change.",
        )
        saw = stopped(probe, first, ("dumps",))
        expect(
            saw is None,
            expected=f"convert.formats.dumps(rows, \".csv\") and dumps(rows, \".json\") to work{when}",
            saw=saw or "",
            hint=probe.error.explain() if probe.error else None,
        )
        wrong = [
            f"dumps(rows, {ext!r}) returned {seen.get(key)!r}"
            for key, ext, text in (("csv", ".csv", csv_text(ROWS)), ("json", ".json", json_text(ROWS)))
            if seen.get(key) != text
        ]
        expect(
            not wrong,
            expected=f"dumps() to write the check's rows {ROWS!r} as before{when}: "
            f"{csv_text(ROWS)!r} and {json_text(ROWS)!r}",
            saw="; ".join(wrong),
            hint="change only the imports and the names that use them: what dumps() and columns() compute stays.",
        )


@pytest.mark.points(1)
def test_both_formats_use_the_shared_columns(student):
    for first in FIRSTS:
        probe = run(student, first)
        seen = probe.values
        when = f" in a program whose first import is convert.{first}"
        saw = stopped(probe, first, ("first", "rest", "table", "dumps", "columns"))
        expect(
            saw is None,
            expected=f"both formats to write rows{when}",
            saw=saw or "",
            hint=HINT_CYCLE if probe.error and probe.error.isinstance("AttributeError")
            and seen.get("step") in ("first", "rest")
            else probe.error.explain() if probe.error else None,
        )
        order = ["temp", "city"]
        wrong = [
            f"convert.{module}.dumps(rows) returned {seen.get(key)!r}"
            for key, module, text in (
                ("csv_follows", "csvfile", csv_text(ROWS, order)),
                ("json_follows", "jsonfile", json_text(ROWS, order)),
            )
            if seen.get(key) != text
        ]
        expect(
            not wrong,
            expected="both formats to use convert.formats.columns as it is when they write: with it replaced by a "
            f"function that always answers {order!r}, csvfile.dumps and jsonfile.dumps should follow it{when}",
            saw="; ".join(wrong),
            hint="keep columns() in convert/formats.py only, and look it up through the module when dumps() runs "
            "(`formats.columns(rows)`): a copy, or a name imported from formats, keeps the old function.",
        )
