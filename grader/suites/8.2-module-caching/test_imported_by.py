"""8.2 imported-by: the modules one import adds to sys.modules.

For standard modules (json, xml.dom.minidom) the expected answers are measured in a fresh interpreter of the
same kind: what an import adds depends on what the interpreter has loaded already, so only a clean start gives
a verdict that means something. Both interpreters first call imported_by("sys"), a module loaded already:
whatever the function imports for itself on its first call (importlib, if it is imported inside the function)
is then loaded in both before anything is measured (in the dotted-name check, the first call, on a module of the
check's own, does that: its answer is known exactly, so what the function imports for itself after taking its
snapshot shows there). For modules the checks write themselves, with names the README never shows, the answer is
known exactly; an audit hook counts how often each of their bodies runs. A ModuleNotFoundError of the function's
own, of the right name, raised before any import is tried, is accepted (the README before step 4 allowed it); a
copy of the import's own exception, made after catching it, is not, nor is the import's own exception with its
args, message or notes rewritten: "unchanged" means what it says as well as the object.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the module named by the string is imported into the calling interpreter, its body run exactly once.
  -> a_module_and_what_it_imports
- Step 1: a dotted name is imported with its packages, and is imported even when its top-level package is loaded
  already.
  -> a_dotted_name_brings_in_its_packages
- Step 2: the answer is a list, sorted.
  -> a_module_and_what_it_imports, a_dotted_name_brings_in_its_packages
- Step 2: it names the module itself and everything the import added, and nothing that was there before the
  call (a module imported earlier, a package already loaded).
  -> a_module_and_what_it_imports, a_dotted_name_brings_in_its_packages
- Step 2: it names only what this import added: not a module that imported_by imports for itself after taking its
  snapshot (checked on the first call in a fresh interpreter, for a module of the check's own).
  -> a_dotted_name_brings_in_its_packages
- Step 3: a module imported already adds nothing: the answer is [], whenever the call is made, and asking
  does not run the module's body again.
  -> an_imported_module_adds_nothing
- Step 4: when the import fails (no such module, or its body raises), that exception reaches the caller
  unchanged: same type, same object (not a copy of the same class and name), not swallowed, and still saying what
  it said (its args, message and notes not rewritten).
  -> a_failed_import_reaches_the_caller_unchanged
"""

import pytest

from grader import expect
from grader.snippets import IMPORT_ERRORS

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

#: Every module body the import system runs from now on, by file: an audit hook sees an "exec" event for each.
COUNT_BODIES = """
import os, sys
bodies = []
sys.addaudithook(
    lambda event, args: bodies.append(os.path.realpath(args[0].co_filename))
    if event == "exec" and hasattr(args[0], "co_filename") else None
)


def runs(path):
    return bodies.count(os.path.realpath(path))


def call(name):
    # report() would send a set as a sorted list: keep the answer's type, and its items in the order returned.
    added = whatsnew.imported_by(name)
    collection = isinstance(added, (set, frozenset, tuple))
    return dict(kind=type(added).__name__, added=list(added) if collection else added, collection=collection,
                shown=repr(added)[:200], loaded=name in sys.modules)
"""

#: Modules of the check's own: kiln.fire.coal imports ember (which the check imports first), flint and kiln.fire._ash.
OWN_MODULES = {
    "ember.py": "",
    "flint.py": "",
    "kiln/__init__.py": "",
    "kiln/fire/__init__.py": "",
    "kiln/fire/_ash.py": "",
    "kiln/fire/coal.py": "import ember, flint\nfrom . import _ash\n",
}


def write_own_modules(student):
    for path, text in OWN_MODULES.items():
        student.write(path, '"""A module of the check\'s own."""\n' + text)


def truth(student, name, warm_up=WARM_UP):
    doing = f"`import whatsnew` and `import {name}` to work"
    return student.observe(TRUTH.format(name=name, warm_up=warm_up), doing=doing)["added"]


def a_list(name, seen):
    """The answer, after the check that it is a list (step 2)."""
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
    return added


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
    expected = truth(student, "json")
    seen = student.observe(
        COUNT_BODIES
        + "import whatsnew\n"
        + WARM_UP
        + """
answer = call("json")
import json
report(answer=answer, runs=runs(json.__file__))
""",
        doing='whatsnew.imported_by("json") to work',
    )
    answer = seen["answer"]
    added = a_list("json", answer)
    expect(
        added == expected,
        expected=f'imported_by("json") in a fresh interpreter to be {expected}',
        saw=differences(added, expected),
        hint="compare set(sys.modules) before and after importing, and sort the difference.",
    )
    expect(
        answer["loaded"] and seen["runs"] == 1,
        expected='imported_by("json") to import json into the program that called it, its body run exactly once',
        saw="json was not in that program's sys.modules afterwards"
        if not answer["loaded"]
        else f"json's body ran {seen['runs']} times",
        hint="step 1: import the module in this interpreter, once: no second interpreter, no reload.",
    )


@pytest.mark.points(2)
def test_a_dotted_name_brings_in_its_packages(student):
    write_own_modules(student)
    # kiln.fire.coal is the first call, with no warm-up before it: its answer is known exactly, so a module that
    # imported_by imports for itself after taking its snapshot shows. The interpreter that measures
    # xml.dom.minidom makes the same first call, so that whatever the function loads for itself on a dotted name
    # is loaded in both before xml.dom.minidom is measured.
    first = """
import ember, kiln  # imported before the call: not new when kiln.fire.coal imports them
try:
    coal = call("kiln.fire.coal")
except Exception as error:
    coal = error
"""
    expected = truth(student, "xml.dom.minidom", warm_up=first.replace("call(", "whatsnew.imported_by("))
    seen = student.observe(
        COUNT_BODIES
        + "import whatsnew\n"
        + first
        + """
if isinstance(coal, Exception):
    raise coal
minidom = call("xml.dom.minidom")
report(minidom=minidom, coal=coal)
""",
        doing='whatsnew.imported_by("kiln.fire.coal") and imported_by("xml.dom.minidom") to work',
    )
    own = ["flint", "kiln.fire", "kiln.fire._ash", "kiln.fire.coal"]
    added = a_list("kiln.fire.coal", seen["coal"])
    expect(
        added == own,
        expected=f'imported_by("kiln.fire.coal"), asked first, in a program that had imported ember and the package '
        f"kiln, to be {own}: coal, a module of the check's own, imports ember, flint and kiln.fire._ash",
        saw=differences(added, own)
        + (", and kiln.fire.coal was not imported at all" if added == [] and not seen["coal"]["loaded"] else ""),
        hint="a package already loaded says nothing about its submodules: import the module the name names, "
        "and take the difference for it."
        if added == []
        else "every name that is in sys.modules after the import and was not there just before it, and only "
        "those: ember and kiln were there already, and a module that imported_by imports for itself, after its "
        "snapshot, was not added by that import.",
    )
    added = a_list("xml.dom.minidom", seen["minidom"])
    expect(
        added == expected,
        expected=f'imported_by("xml.dom.minidom") to list the {len(expected)} modules it loads, packages included',
        saw=differences(added, expected),
        hint="importlib.import_module handles dotted names; measure sys.modules around that call.",
    )


@pytest.mark.points(1)
def test_an_imported_module_adds_nothing(student):
    # json and ember come in after whatsnew, just before the calls: a snapshot taken when whatsnew was imported,
    # and not at each call, would count them. kiln.fire is asked about twice: the second time it is cached.
    write_own_modules(student)
    seen = student.observe(
        COUNT_BODIES
        + "import whatsnew\n"
        + WARM_UP
        + """
import json, ember
answers = {"json": call("json"), "ember": call("ember")}
call("kiln.fire")
answers["kiln.fire"] = call("kiln.fire")
report(answers=answers, runs={"ember": runs("ember.py"), "kiln.fire": runs("kiln/fire/__init__.py")})
""",
        doing='whatsnew.imported_by("json") after `import json` to work',
    )
    answers = {name: a_list(name, answer) for name, answer in seen["answers"].items()}
    wrong = {name: added for name, added in answers.items() if added != []}
    first = next(iter(wrong), None)
    expect(
        not wrong,
        expected='imported_by(name) for a module imported already to be []: imported_by("json") after '
        '`import json`, imported_by("ember") after `import ember`, and a second imported_by("kiln.fire")',
        saw=f"imported_by({first!r}) was {wrong.get(first)}",
        hint="a cached module is not imported again, so nothing new appears in sys.modules; "
        "take the snapshot of sys.modules inside imported_by, at each call, and leave sys.modules as it is.",
    )
    again = {name: count for name, count in seen["runs"].items() if count != 1}
    expect(
        not again,
        expected="asking about a module imported already not to run its body again (ember's and kiln.fire's "
        "bodies to run once each)",
        saw=", ".join(f"{name}'s body ran {count} times" for name, count in again.items()),
        hint="an import of a cached module runs nothing: do not reload it, nor remove it from sys.modules to "
        "import it afresh.",
    )


@pytest.mark.points(1)
def test_a_failed_import_reaches_the_caller_unchanged(student):
    # quarry.py raises the exception that the check's trap.py holds; marble does not exist.
    student.write("trap.py", 'ERROR = LookupError("the check\'s own error, raised by quarry.py")\n')
    student.write("quarry.py", "import trap\n\nraise trap.ERROR\n")
    seen = student.observe(
        IMPORT_ERRORS
        + """
        import sys, trap, whatsnew


        def outcome(name):
            del import_errors[:]
            try:
                result = whatsnew.imported_by(name)
            except BaseException as error:
                return dict(raised=type(error).__name__, same=error is trap.ERROR,
                            classes=[c.__name__ for c in type(error).__mro__], name=getattr(error, "name", None),
                            imports_raised=len(import_errors), the_imports=any(error is e for e in import_errors),
                            altered=altered(error))
            return dict(raised=None, returned=repr(result)[:100])


        report(missing=outcome("marble"), body=outcome("quarry"))
        """,
        doing='whatsnew.imported_by("marble") and imported_by("quarry") to be called',
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
        missing["raised"] and "ModuleNotFoundError" in missing["classes"] and missing["name"] == "marble"
        and not copied,
        expected='imported_by("marble"), a module that does not exist, to raise the import\'s own '
        "ModuleNotFoundError, naming marble, the very object the import raised (step 4)",
        saw=what(missing) + (": not the one the import raised, but a copy made after catching it"
                             if missing["raised"] and copied else ""),
        hint=stub
        if missing["raised"] == "NotImplementedError"
        else "do not catch the import's error to raise a copy of it: a bare `raise`, or none at all, lets the "
        "caller see the original, with its traceback."
        if copied and missing["name"] == "marble"
        else "a module that cannot be imported added nothing, but [] would say it was imported: let the import's "
        "exception go through.",
    )
    expect(
        body["raised"] and body["same"],
        expected="the exception that quarry.py's body raises (the check's own LookupError) to reach the caller "
        "of imported_by unchanged, the same object (step 4)",
        saw=what(body) + (", not that exception" if body["raised"] else ""),
        hint="do not catch the error to raise one of your own: the caller needs the original to see what went wrong.",
    )
    altered = [name for name, result in (("marble", missing), ("quarry", body)) if result.get("altered")]
    expect(
        not altered,
        expected="the import's exception to reach the caller of imported_by unchanged (step 4): the same object, "
        "still saying what it said when the import raised it (its args, message and notes)",
        saw=f'the exception of imported_by("{altered[0] if altered else ""}") had been changed on its way: its '
        "args, message or notes were not what the import had raised",
        hint="let the exception go through as it is: rewriting its args or adding a note to it before raising it "
        "again changes what the caller reads.",
    )
