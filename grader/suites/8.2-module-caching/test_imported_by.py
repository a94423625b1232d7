"""8.2 imported-by: the modules one import adds to sys.modules.

The expected answers are measured in a fresh interpreter of the same kind:
what an import adds depends on what the interpreter has loaded already, so
only a clean start gives a verdict that means something.
"""

import pytest

from grader import expect

TRUTH = """
import sys, whatsnew
before = set(sys.modules)
import {name}
report(added=sorted(set(sys.modules) - before))
"""


def truth(student, name):
    return student.observe(TRUTH.format(name=name), doing=f"`import whatsnew` and `import {name}` to work")["added"]


#: report() would send a set as a sorted list: send the answer's type, and its items in the order returned.
ANSWER = """{prelude}
import whatsnew
added = whatsnew.imported_by({name!r})
collection = isinstance(added, (set, frozenset, tuple))
report(kind=type(added).__name__, added=list(added) if collection else added, collection=collection,
       shown=repr(added)[:200])
"""


def answer(student, name, prelude=""):
    seen = student.observe(ANSWER.format(prelude=prelude, name=name), doing=f"whatsnew.imported_by({name!r}) to work")
    kind, added = seen["kind"], seen["added"]
    if not seen["collection"]:
        what = f"{seen['shown']}, a {kind}"
    else:
        what = f"a {kind} of {len(added)} names" if added else f"an empty {kind}"
    # Step 2 asks for the sorted list: a set holds the right names, in no order at all.
    expect(
        kind == "list",
        expected=f"imported_by({name!r}) to return a sorted list (step 2)",
        saw=f"it returned {what}, not a list",
        hint="return sorted(...) of the set difference: sorted() gives a list, in order.",
    )
    return seen["added"]


@pytest.mark.points(2)
def test_a_module_and_what_it_imports(student):
    expected, seen = truth(student, "json"), answer(student, "json")
    expect(
        seen == expected,
        expected=f'imported_by("json") in a fresh interpreter to be {expected}',
        saw=f"it was {seen}",
        hint="compare set(sys.modules) before and after importing, and sort the difference.",
    )


@pytest.mark.points(2)
def test_a_dotted_name_brings_in_its_packages(student):
    expected, seen = truth(student, "email.mime.text"), answer(student, "email.mime.text")
    expect(
        seen == expected,
        expected=f'imported_by("email.mime.text") to list the {len(expected)} modules it loads, packages included',
        saw=f"it listed {len(seen) if isinstance(seen, list) else seen!r}: {seen}",
        hint="importlib.import_module handles dotted names; measure sys.modules around that call.",
    )


@pytest.mark.points(1)
def test_an_imported_module_adds_nothing(student):
    seen = answer(student, "json", prelude="import json")
    expect(
        seen == [],
        expected='imported_by("json") after `import json` to be []',
        saw=f"it was {seen}",
        hint="a cached module is not imported again, so nothing new appears in sys.modules.",
    )
