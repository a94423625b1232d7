"""8.7 locate-module: find_spec follows the search order of the interpreter it runs in.

Every check writes its own modules, packages and folders (names a submission
cannot know in advance) into the private copy and puts them on sys.path
inside the probe, after locate is imported: only an answer that asks the
running interpreter's import system gets them right. One probe per check,
each name asked once; the modules the check writes leave a trace when their
body runs.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: where(name) returns the path of the file `import name` would run: a plain module, a package's
  __init__.py, a submodule found inside its parent package (its __path__, not any folder of that name), an
  extension module, a module inside a zip archive on sys.path.
  -> files_packages_and_submodules_are_found
- Step 1: the answer follows the running interpreter's sys.path, in its order at the time of the call (a
  folder taken off sys.path, the current one included, is not searched).
  -> the_answer_follows_the_search_order
- Step 2: "built-in" for modules compiled into the interpreter, "frozen" for frozen ones.
  -> built_in_and_frozen_modules
- Step 3: None when there is no such module, including a dotted name whose parent (at any depth) does not
  exist or is not a package.
  -> missing_modules_give_none
- Step 3: only a missing module gives None: an error raised by a parent package's own code reaches the
  caller unchanged (same exception object, not None, not another exception).
  -> a_broken_parent_package_is_not_a_missing_one
- Step 4: where() never runs the module it is asked about (a module, a package's __init__.py, a submodule,
  a frozen module, a module already imported): loud.py included.
  -> no_module_runs_when_asked_about
"""

import os
import zipfile

import pytest

from grader import CheckFailed, StudentError, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed

#: Put first in every probe: ask(name) calls where(name) and keeps the answer; if where raises, the
#: check knows which name it was asked (report(asking=...)) and names it in its message.
ASK = """
import os, sys
import locate

answers = {}

def ask(name):
    report(asking=name)
    answer = locate.where(name)
    answers[name] = os.fspath(answer) if isinstance(answer, os.PathLike) else answer  # a Path is a path too
    report(answers=answers)
    return answers[name]

def folder(path):
    return os.path.abspath(path)
"""

#: The hint when where() picks another file than import would: the import system searches more than folders.
SEARCH_HINT = (
    "let this interpreter's own import system do the search `import` would do: looking for NAME.py and "
    "NAME/__init__.py in folders by hand misses what else sys.path can hold (zip archives, extension modules) "
    "and a package's own __path__, and another interpreter has another sys.path."
)


def ask_in(student, code: str, doing: str, **kw) -> dict:
    """Run ASK + code; the values it reported. An exception from where() fails the check, naming the call."""
    probe = student.probe(ASK + code, **kw)
    expect_completed(probe.completed, doing, probe.stuck)
    if probe.error is not None:
        asking = probe.values.get("asking")
        if asking is not None and probe.error.filename != "<check>":
            raise CheckFailed(
                f"where({asking!r}) to answer", f"it raised {probe.error.summary}", probe.error.explain()
            )
        raise StudentError(probe.error, doing)
    if not probe.finished:
        raise StudentCrash(doing, probe.completed.describe_end(), probe.output)
    return probe.values


def shown(path, seen: dict) -> str:
    """A path as the learner knows it: relative to the exercise folder, or under <stdlib>/; other values as repr()."""
    if not isinstance(path, str) or os.sep not in path:
        return repr(path)
    for prefix, short in ((seen.get("here", ""), ""), (seen.get("stdlib", ""), "<stdlib>/")):
        if prefix and path.startswith(prefix + os.sep):
            return short + path[len(prefix) + 1 :]
    return path


def same_place(answer, expected, here: str) -> bool:
    """The answer names the expected file (any spelling of its path), or is the same special value."""
    if expected is None or expected in ("built-in", "frozen"):
        return answer == expected
    if not isinstance(answer, str) or not answer:
        return False
    return os.path.realpath(os.path.join(here, answer)) == os.path.realpath(expected)


def wrong_answers(seen: dict, expected: dict) -> list[str]:
    here = seen["here"]
    answers = seen.get("answers", {})
    return [
        f"where({name!r}) gave {shown(answers.get(name), seen)} instead of {shown(want, seen)}"
        for name, want in expected.items()
        if not same_place(answers.get(name), want, here)
    ]


# -- Step 1 --------------------------------------------------------------------------------------------------------


@pytest.mark.points(2)
def test_files_packages_and_submodules_are_found(student):
    base = student.path / "searched"
    student.write("searched/one/cfg_widget.py", "WIDGET = 1\n")
    student.write("searched/one/cfg_parcel/__init__.py", "")
    student.write("searched/one/cfg_parcel/inner.py", "INNER = 1\n")
    student.write("searched/one/cfg_parcel/deep/__init__.py", "")
    student.write("searched/one/cfg_parcel/deep/leaf.py", "LEAF = 1\n")
    # In one folder a package and a module of the same name: import takes the package.
    student.write("searched/one/cfg_twin.py", "TWIN = 'module'\n")
    student.write("searched/one/cfg_twin/__init__.py", "TWIN = 'package'\n")
    # A package whose __path__ also names another folder: its submodules are searched there too.
    student.write(
        "searched/one/cfg_hub/__init__.py",
        "import os\n\n"
        "__path__.append(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), 'spare'))\n",
    )
    student.write("searched/spare/gadget.py", "GADGET = 1\n")
    # A later folder with a cfg_parcel/ of its own: import never looks there for cfg_parcel's submodules.
    student.write("searched/two/cfg_parcel/only_here.py", "ONLY = 1\n")
    with zipfile.ZipFile(base / "bundle.zip", "w") as archive:
        archive.writestr("cfg_zipped.py", "ZIPPED = 1\n")
        archive.writestr("cfg_zpkg/__init__.py", "")
        archive.writestr("cfg_zpkg/part.py", "PART = 1\n")
    seen = ask_in(
        student,
        """
import importlib.machinery, importlib.util
one, two = folder("searched/one"), folder("searched/two")
spare, bundle = folder("searched/spare"), folder("searched/bundle.zip")
# An extension module of this interpreter's own library (a compiled file, not a .py).
extension = None
for candidate in ("_json", "_decimal", "array", "_struct", "math", "select", "_bisect", "_random", "_csv"):
    spec = importlib.util.find_spec(candidate)
    if spec and isinstance(spec.origin, str) and spec.origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        extension = (candidate, spec.origin)
        break
sys.path[:0] = [one, two, bundle]
expected = {
    "cfg_widget": os.path.join(one, "cfg_widget.py"),
    "cfg_parcel": os.path.join(one, "cfg_parcel", "__init__.py"),
    "cfg_parcel.inner": os.path.join(one, "cfg_parcel", "inner.py"),
    "cfg_parcel.deep.leaf": os.path.join(one, "cfg_parcel", "deep", "leaf.py"),
    "cfg_twin": os.path.join(one, "cfg_twin", "__init__.py"),
    "cfg_hub.gadget": os.path.join(spare, "gadget.py"),
    "cfg_parcel.only_here": None,
    "cfg_zipped": os.path.join(bundle, "cfg_zipped.py"),
    "cfg_zpkg.part": os.path.join(bundle, "cfg_zpkg", "part.py"),
}
if extension:
    expected[extension[0]] = extension[1]
for name in expected:
    ask(name)
# The standard library's own, asked for after the others: json is not imported before.
for name in ("json", "json.decoder"):
    ask(name)
    expected[name] = importlib.util.find_spec(name).origin
report(expected=expected, here=os.getcwd(), stdlib=os.path.dirname(getattr(os, "__file__", "")))
""",
        doing="locate.where to answer for modules, packages and submodules",
    )
    wrong = wrong_answers(seen, seen["expected"])
    answers = [a for a in seen["answers"].values() if isinstance(a, str)]
    if any("__pycache__" in a for a in answers):
        hint = "import runs the module's source file; a .pyc in __pycache__ is only a cache of it (section 8.6)."
    elif any(os.path.isdir(os.path.join(seen["here"], a)) for a in answers):
        hint = "the file a package's import runs is its __init__.py, not its folder."
    else:
        hint = SEARCH_HINT
    expect(
        not wrong,
        expected=(
            "where() to name the file import would run: a module's .py, a package's __init__.py, a submodule "
            "found through its parent package's __path__, an extension module's compiled file, a module inside "
            "a zip archive on sys.path"
        ),
        saw=f"{len(wrong)} answer(s) differed: " + "; ".join(wrong[:4]) + ("; ..." if len(wrong) > 4 else ""),
        hint=hint,
    )


@pytest.mark.points(1)
def test_the_answer_follows_the_search_order(student):
    for name in ("cfg_rank", "cfg_level"):
        student.write(f"{name}.py", "PLACE = 'the exercise folder'\n")  # in '' (the current folder), searched later
        student.write(f"order/x/{name}.py", "PLACE = 'x'\n")
        student.write(f"order/y/{name}.py", "PLACE = 'y'\n")
    # x holds a package where y holds a plain module, and the other way round.
    student.write("order/x/cfg_kind/__init__.py", "")
    student.write("order/y/cfg_kind.py", "")
    student.write("order/x/cfg_sort.py", "")
    student.write("order/y/cfg_sort/__init__.py", "")
    student.write("cfg_here.py", "PLACE = 'the exercise folder only'\n")
    seen = ask_in(
        student,
        """
x, y = folder("order/x"), folder("order/y")
sys.path[:0] = [x, y]
ask("cfg_rank"); ask("cfg_kind")
sys.path.remove(x)
sys.path.insert(1, x)  # now y, x
ask("cfg_level"); ask("cfg_sort")
# Then the current folder leaves sys.path: what is only there can no longer be imported.
sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != os.path.realpath(".")]
ask("cfg_here")
report(expected={"cfg_rank": x, "cfg_kind": x, "cfg_level": y, "cfg_sort": y, "cfg_here": None}, here=os.getcwd())
""",
        doing="locate.where to answer after the check changed sys.path",
    )
    # Which folder the answer comes from is this check's business; which file in it, the first check's.
    here = seen["here"]

    def inside(answer, folder) -> bool:
        if folder is None:
            return answer is None
        return isinstance(answer, str) and os.path.realpath(os.path.join(here, answer)).startswith(
            os.path.realpath(folder) + os.sep
        )

    wrong = [
        f"where({name!r}) gave {shown(seen['answers'].get(name), seen)}, "
        + (f"not a file in {shown(folder, seen)}" if folder else "though the current folder was no longer on sys.path")
        for name, folder in seen["expected"].items()
        if not inside(seen["answers"].get(name), folder)
    ]
    expect(
        not wrong,
        expected=(
            "where() to follow sys.path as it is when it is called: with order/x then order/y in front, the "
            "module or package in order/x; after the check put order/y first, the one in order/y "
            "(and never the copy in the current folder, which comes later); and None for cfg_here, "
            "only in the current folder, once the check took the current folder off sys.path"
        ),
        saw="; ".join(wrong),
        hint=(
            "search the running interpreter's own sys.path, in its order, at the time of the call: not a copy "
            "of it made earlier, not a fixed list of folders, not the current folder first, not another "
            "interpreter."
        ),
    )


# -- Step 2 --------------------------------------------------------------------------------------------------------


@pytest.mark.points(1)
def test_built_in_and_frozen_modules(student):
    seen = ask_in(
        student,
        """
import importlib.util
others = [n for n in sorted(sys.builtin_module_names) if n not in ("sys", "builtins")]
names = ["sys", others[0], others[-1], "__hello__", "zipimport"]
for name in names:
    ask(name)
expected = {name: getattr(importlib.util.find_spec(name), "origin", None) for name in names}
report(expected=expected, here=os.getcwd(), stdlib=os.path.dirname(getattr(os, "__file__", "")))
""",
        doing="locate.where to answer for modules that are part of the interpreter",
    )
    wrong = wrong_answers(seen, seen["expected"])
    kinds = ", ".join(f"{name}: {want!r}" for name, want in seen["expected"].items())
    expect(
        not wrong,
        expected=f'"built-in" for modules compiled into the interpreter and "frozen" for frozen ones ({kinds})',
        saw="; ".join(wrong),
        hint=(
            "a module that is part of the interpreter has no file, and there are two kinds (built-in and "
            "frozen): not only the names in sys.builtin_module_names. What the import system found says which."
        ),
    )


# -- Step 3 --------------------------------------------------------------------------------------------------------


#: Names of nothing: each asked in its own try, so that one error does not hide the others' answers.
MISSING = (
    "cfg_nowhere",  # no such module
    "jsonn",  # a misspelled standard module
    "cfg_nowhere_pkg.sub",  # the parent does not exist
    "json.cfg_nowhere",  # the parent exists, the submodule does not
    "json.cfg_nowhere.leaf",  # a parent in the middle does not exist
    "cfg_shelf.cfg_nowhere.deeper",  # the same, under the check's own package
    "cfg_plain.sub",  # the parent is a module, not a package
)


@pytest.mark.points(1)
def test_missing_modules_give_none(student):
    student.write("cfg_shelf/__init__.py", "")
    student.write("cfg_plain.py", "PLAIN = 1\n")
    seen = ask_in(
        student,
        f"""
outcomes = {{}}
for name in {MISSING!r}:
    try:
        outcomes[name] = ["returned", locate.where(name)]
    except NotImplementedError:
        raise
    except BaseException as error:
        outcomes[name] = ["raised", type(error).__name__]
report(outcomes=outcomes, here=os.getcwd())
""",
        doing="locate.where to answer for modules that do not exist",
    )
    outcomes = seen["outcomes"]
    wrong = {name: outcome for name, outcome in outcomes.items() if outcome != ["returned", None]}
    described = [
        f"where({name!r}) " + (f"returned {outcome[1]!r}" if outcome[0] == "returned" else f"raised {outcome[1]}")
        for name, outcome in wrong.items()
    ]
    raised = [outcome[1] for outcome in wrong.values() if outcome[0] == "raised"]
    expect(
        not wrong,
        expected=f"None for each of {', '.join(MISSING)}: none of them exists",
        saw="; ".join(described),
        hint=(
            "to search a dotted name Python imports its parent packages first; when one of them is missing "
            "(at any depth) or is a plain module, that import raises ModuleNotFoundError instead of the search "
            "finding nothing: that too means no such module."
            if "ModuleNotFoundError" in raised
            else "a missing module is None, not another value and not an exception."
        ),
    )


@pytest.mark.points(1)
def test_a_broken_parent_package_is_not_a_missing_one(student):
    student.write(
        "cfg_faults.py",
        '''
        class ParcelFault(RuntimeError):
            """Raised on purpose by the check's broken package."""


        raised = []
        ''',
    )
    student.write(
        "cfg_broken/__init__.py",
        '''
        import cfg_faults

        fault = cfg_faults.ParcelFault("cfg_broken fails on purpose")
        cfg_faults.raised.append(fault)
        raise fault
        ''',
    )
    student.write("cfg_broken/part.py", "PART = 1\n")
    seen = ask_in(
        student,
        """
import cfg_faults
try:
    value = locate.where("cfg_broken.part")
    report(returned=os.fspath(value) if isinstance(value, os.PathLike) else value, here=os.getcwd())
except NotImplementedError:
    raise
except BaseException as error:
    report(raised=type(error).__name__, same=any(error is fault for fault in cfg_faults.raised))
""",
        doing='locate.where("cfg_broken.part") to answer',
    )
    if "returned" in seen:
        saw = f"it returned {shown(seen['returned'], seen)}"
    elif not seen["same"]:
        saw = f"it raised another exception, {seen['raised']}, instead of the package's own ParcelFault"
    else:
        saw = "it raised the package's own ParcelFault"
    expect(
        "raised" in seen and seen["same"],
        expected=(
            'where("cfg_broken.part"), whose parent package exists but raises ParcelFault in its __init__.py, '
            "to let that very exception reach the caller unchanged (only a missing module gives None)"
        ),
        saw=saw,
        hint=(
            "catch only the error that means a module is missing; an error raised by a package's own code is "
            "its author's to see, so let it through as it is (not None, not another exception)."
        ),
    )


# -- Step 4 --------------------------------------------------------------------------------------------------------


#: The modules the check writes for step 4: each body appends its name to ran.log when it runs.
QUIET = {
    "quiet/cfg_siren.py": "cfg_siren",
    "quiet/cfg_crate/__init__.py": "cfg_crate",
    "quiet/cfg_box/__init__.py": "cfg_box",
    "quiet/cfg_box/lid.py": "cfg_box.lid",
    "quiet/cfg_box/deep/__init__.py": "cfg_box.deep",
    "quiet/cfg_box/deep/core.py": "cfg_box.deep.core",
    "quiet/cfg_bell.py": "cfg_bell",
}


@pytest.mark.points(2)
def test_no_module_runs_when_asked_about(student):
    log = student.path / "quiet" / "ran.log"
    for path, name in QUIET.items():
        student.write(path, f"with open({str(log)!r}, 'a') as trace:\n    trace.write({name + chr(10)!r})\n")
    seen = ask_in(
        student,
        """
frozen_runs = []
sys.addaudithook(lambda event, args: frozen_runs.append(1) if event == "exec"
                 and "hello" in getattr(args[0], "co_filename", "") else None)
sys.path.insert(0, folder("quiet"))
import cfg_bell  # imported before it is asked about: asking must not run it again
for name in ("loud", "cfg_siren", "cfg_crate", "cfg_box.lid", "cfg_box.deep.core", "cfg_bell", "__hello__"):
    ask(name)
with open(os.path.join("quiet", "ran.log")) as trace:
    ran = trace.read().split()
report(ran=ran, loud=os.path.exists("loud-ran.txt"), frozen=len(frozen_runs))
""",
        doing="locate.where to answer without running the modules",
    )
    asked = ("cfg_siren", "cfg_crate", "cfg_box.lid", "cfg_box.deep.core")
    ran = [name for name in asked if name in seen["ran"]]
    if seen["ran"].count("cfg_bell") > 1:
        ran.append("cfg_bell (a second time: it had been imported already)")
    if seen["loud"]:
        ran.insert(0, "loud.py (it left loud-ran.txt)")
    if seen["frozen"]:
        ran.append("the frozen module __hello__")
    expect(
        not ran,
        expected=(
            "where() not to run the modules it is asked about: loud.py, a module, a package's __init__.py, "
            "submodules (their parent packages may run), a frozen module, a module already imported"
        ),
        saw="these ran: " + ", ".join(ran),
        hint=(
            "importing a module runs its body (and a reload or exec_module runs it again): the question is "
            "only where the import would come from, which the import system can tell without loading anything."
        ),
    )
