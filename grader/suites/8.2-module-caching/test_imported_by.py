"""8.2 imported-by: the modules one import adds to sys.modules.

The expected answers are measured in a fresh interpreter of the same kind:
what an import adds depends on what the interpreter has loaded already, so
only a clean start gives a verdict that means something. Both interpreters
first call imported_by("sys"), a module loaded already: whatever the function
imports for itself on its first call (importlib, if it is imported inside the
function) is then loaded in both before anything is measured.
"""

import pytest

from grader import expect

#: The warm-up call: an error in it shows up again, with its message, when the answer is asked for.
WARM_UP = """
try:
    whatsnew.imported_by("sys")
except Exception:
    pass
"""

TRUTH = """
import sys, whatsnew
{warm_up}
before = set(sys.modules)
import {name}
report(added=sorted(set(sys.modules) - before))
"""


def truth(student, name):
    doing = f"`import whatsnew` and `import {name}` to work"
    return student.observe(TRUTH.format(name=name, warm_up=WARM_UP), doing=doing)["added"]


#: report() would send a set as a sorted list: send the answer's type, and its items in the order returned.
ANSWER = """{prelude}
import whatsnew
{warm_up}
{before_call}
added = whatsnew.imported_by({name!r})
collection = isinstance(added, (set, frozenset, tuple))
report(kind=type(added).__name__, added=list(added) if collection else added, collection=collection,
       shown=repr(added)[:200])
"""


def answer(student, name, prelude="", before_call=""):
    code = ANSWER.format(prelude=prelude, name=name, warm_up=WARM_UP, before_call=before_call)
    seen = student.observe(code, doing=f"whatsnew.imported_by({name!r}) to work")
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


def differences(seen, expected):
    """What the answer left out, and what it has that the import does not add, by name."""
    if not isinstance(seen, list):
        return f"it was {seen!r}"
    if not seen:
        return f"it was [], so all {len(expected)} are missing: {expected}"
    missing, extra = sorted(set(expected) - set(seen)), sorted(set(seen) - set(expected))
    if not missing and not extra:
        return f"it was {seen}: the right names, but not once each in sorted order"
    parts = [f"it listed {len(seen)}"]
    if missing:
        parts.append(f"missing {missing}")
    if extra:
        parts.append(f"with {extra} too, which that import does not add")
    return ", ".join(parts)


@pytest.mark.points(2)
def test_a_module_and_what_it_imports(student):
    expected, seen = truth(student, "json"), answer(student, "json")
    expect(
        seen == expected,
        expected=f'imported_by("json") in a fresh interpreter to be {expected}',
        saw=differences(seen, expected),
        hint="compare set(sys.modules) before and after importing, and sort the difference.",
    )


@pytest.mark.points(2)
def test_a_dotted_name_brings_in_its_packages(student):
    expected, seen = truth(student, "xml.dom.minidom"), answer(student, "xml.dom.minidom")
    expect(
        seen == expected,
        expected=f'imported_by("xml.dom.minidom") to list the {len(expected)} modules it loads, packages included',
        saw=differences(seen, expected),
        hint="importlib.import_module handles dotted names; measure sys.modules around that call.",
    )


@pytest.mark.points(1)
def test_an_imported_module_adds_nothing(student):
    # json comes in after whatsnew, just before the call: a snapshot taken when
    # whatsnew was imported, and not at each call, would count it.
    seen = answer(student, "json", before_call="import json")
    expect(
        seen == [],
        expected='imported_by("json") after `import json` to be []',
        saw=f"it was {seen}",
        hint="a cached module is not imported again, so nothing new appears in sys.modules; "
        "take the snapshot of sys.modules inside imported_by, at each call.",
    )
