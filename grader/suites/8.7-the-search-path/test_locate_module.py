"""8.7 locate-module: find_spec follows the search order of the interpreter it runs in.

Every check writes its own modules, packages and folders (names a submission
cannot know in advance) into the private copy and puts them on sys.path
inside the probe, after locate is imported: only an answer that asks the
running interpreter's import system gets them right. One probe per check;
the search-order check takes the exercise folder off sys.path before it
loads locate.py from its file, and asks the same names again after it
reorders sys.path, and again after it deletes, writes or shadows a module
file (sys.path unchanged); the modules the check writes leave a trace when
their body runs.

Leniencies, for answers written from an earlier version of the README: a frozen module may be
answered "built-in" (that README asked for "built-in" (or "frozen") for every module that is part of the
interpreter), and an ImportError raised by a parent package's own code (a missing dependency) may give None,
as hint 3 has it, or reach the caller.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: where(name) returns the path of the file `import name` would run: a plain module, a package's
  __init__.py, a submodule found inside its parent package (its __path__, not any folder of that name), an
  extension module, a module inside a zip archive on sys.path.
  -> files_packages_and_submodules_are_found
- Step 1: the answer follows the running interpreter's sys.path, in its order and with the files in its folders
  as they are at the time of each call (the same name asked again after sys.path changed, and after a module
  file was deleted, written or shadowed with sys.path unchanged; a folder not on sys.path, the exercise folder
  included, is not searched), and neither importing locate nor calling where changes sys.path.
  -> the_answer_follows_the_search_order
- Step 2: "built-in" for modules compiled into the interpreter; "frozen" or "built-in" for frozen ones; never
  a path for either.
  -> built_in_and_frozen_modules
- Step 3: None when there is no such module, including a dotted name whose parent (at any depth) does not
  exist or is not a package.
  -> missing_modules_give_none
- Step 3: only a missing module gives None: any other error raised by a parent package's own code (ValueError,
  AttributeError, an error class of its own) reaches the caller unchanged (same exception object, not None,
  not another exception); an ImportError raised there (a missing dependency) may give None or come through.
  -> a_broken_parent_package_is_not_a_missing_one
- Step 4: where() never runs the module it is asked about (a module, a package's __init__.py, a submodule,
  a frozen module, a module already imported): loud.py included.
  -> no_module_runs_when_asked_about
- Step 4: a module imported before where() asks about it stays imported (one asked about, and the parent
  package of a dotted name asked about): sys.modules still holds it, and the next import of it runs nothing.
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

def ask(name, label=None):
    report(asking=name)
    answer = locate.where(name)
    answers[label or name] = os.fspath(answer) if isinstance(answer, os.PathLike) else answer  # a Path is a path too
    report(answers=answers)
    return answers[label or name]

def folder(path):
    return os.path.abspath(path)
"""

#: ASK, but with the exercise folder (the current one) taken off sys.path first, and locate.py loaded from its
#: file: nothing in that folder can be imported by name, and whatever locate does to sys.path shows.
ASK_OFF_THE_PATH = """
import importlib.util, os, sys
sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != os.path.realpath(".")]
searched = list(sys.path)
_spec = importlib.util.spec_from_file_location("locate", os.path.abspath("locate.py"))
locate = importlib.util.module_from_spec(_spec)
sys.modules["locate"] = locate
_spec.loader.exec_module(locate)
report(import_changed_path=sys.path != searched)
""" + ASK.replace("import locate\n", "")

#: The hint when where() picks another file than import would: the import system searches more than folders.
SEARCH_HINT = (
    "let this interpreter's own import system do the search `import` would do: looking for NAME.py and "
    "NAME/__init__.py in folders by hand misses what else sys.path can hold (zip archives, extension modules) "
    "and a package's own __path__, and another interpreter has another sys.path."
)


def ask_in(student, code: str, doing: str, ask: str = ASK, **kw) -> dict:
    """Run ASK + code; the values it reported. An exception from where() fails the check, naming the call."""
    probe = student.probe(ask + code, **kw)
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
    """The answer names the expected file (any spelling of its path), or is the same special value.

    A frozen module may be answered "built-in" too: an earlier version of the README asked for
    "built-in" (or "frozen") for every module that is part of the interpreter."""
    if expected == "frozen":
        return answer in ("frozen", "built-in")
    if expected is None or expected == "built-in":
        return answer == expected
    if not isinstance(answer, str) or not answer:
        return False
    return os.path.realpath(os.path.join(here, answer)) == os.path.realpath(expected)


def wrong_answers(seen: dict, expected: dict) -> list[str]:
    here = seen["here"]
    answers = seen.get("answers", {})
    return [
        f"where({name!r}) gave {shown(answers.get(name), seen)} instead of "
        + ("'frozen' (or 'built-in')" if want == "frozen" else shown(want, seen))
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
    for name in ("cfg_rank", "cfg_kind", "cfg_sort"):
        student.write(f"{name}.py", "PLACE = 'the exercise folder'\n")  # never on sys.path in this check
    for name in ("cfg_rank",):
        student.write(f"order/x/{name}.py", "PLACE = 'x'\n")
        student.write(f"order/y/{name}.py", "PLACE = 'y'\n")
    # x holds a package where y holds a plain module, and the other way round.
    student.write("order/x/cfg_kind/__init__.py", "")
    student.write("order/y/cfg_kind.py", "")
    student.write("order/x/cfg_sort.py", "")
    student.write("order/y/cfg_sort/__init__.py", "")
    student.write("cfg_here.py", "PLACE = 'the exercise folder only'\n")
    student.write("order/x/cfg_drift.py", "PLACE = 'x'\n")
    seen = ask_in(
        student,
        """
# The exercise folder is not on sys.path (ASK_OFF_THE_PATH): what is only there cannot be imported.
ask("cfg_here"); ask("loud")
x, y = folder("order/x"), folder("order/y")
sys.path[:0] = [x, y]
names = ("cfg_rank", "cfg_kind", "cfg_sort")
for name in names:
    ask(name, f"{name}, with order/x first")
sys.path.remove(x)
sys.path.insert(1, x)  # now y, x: the same names asked again
for name in names:
    ask(name, f"{name}, after the check put order/y first")
expected = {"cfg_here": [None, "cfg_here", "not on sys.path"], "loud": [None, "loud", "not on sys.path"]}
for name in names:
    expected[f"{name}, with order/x first"] = [x, name, ""]
    expected[f"{name}, after the check put order/y first"] = [y, name, ""]
# sys.path stays as it is from here on: only the files in its folders change, between two questions.
ask("cfg_drift", "cfg_drift, while only order/x had it")
ask("cfg_late", "cfg_late, before the check wrote it")
os.remove(os.path.join(y, "cfg_rank.py"))
for new in (os.path.join(y, "cfg_drift.py"), os.path.join(x, "cfg_late.py")):
    with open(new, "w") as module:
        module.write("PLACE = 'written by the check'\\n")
importlib.invalidate_caches()  # as a program does before it imports a module it has just written
ask("cfg_rank", "cfg_rank, after the check deleted order/y/cfg_rank.py")
ask("cfg_drift", "cfg_drift, after the check wrote order/y/cfg_drift.py")
ask("cfg_late", "cfg_late, after the check wrote order/x/cfg_late.py")
expected["cfg_drift, while only order/x had it"] = [x, "cfg_drift", ""]
expected["cfg_late, before the check wrote it"] = [None, "cfg_late", "no such file yet"]
expected["cfg_rank, after the check deleted order/y/cfg_rank.py"] = [x, "cfg_rank", ""]
expected["cfg_drift, after the check wrote order/y/cfg_drift.py"] = [y, "cfg_drift", ""]
expected["cfg_late, after the check wrote order/x/cfg_late.py"] = [x, "cfg_late", ""]
report(expected=expected, here=os.getcwd(), path_changed=sys.path != [y, x] + searched)
""",
        doing="locate.where to answer after the check changed sys.path and the files in its folders",
        ask=ASK_OFF_THE_PATH,
    )
    # Which folder the answer comes from is this check's business; which file in it, the first check's.
    here = seen["here"]

    def inside(answer, folder) -> bool:
        if folder is None:
            return answer is None
        return isinstance(answer, str) and os.path.realpath(os.path.join(here, answer)).startswith(
            os.path.realpath(folder) + os.sep
        )

    def why_none(reason: str) -> str:
        if reason == "not on sys.path":
            return ", though the exercise folder was not on sys.path"
        return f", though there was {reason}"

    wrong = [
        f"where({name!r}) gave {shown(seen['answers'].get(label), seen)}"
        + (f" ({label.partition(', ')[2]}), not a file in {shown(folder, seen)}" if folder else why_none(reason))
        for label, (folder, name, reason) in seen["expected"].items()
        if not inside(seen["answers"].get(label), folder)
    ]
    if seen["import_changed_path"] or seen["path_changed"]:
        wrong.append("importing locate or calling where changed sys.path")
    expect(
        not wrong,
        expected=(
            "where() to follow sys.path as it is when it is called, and the files in its folders as they are "
            "then, and to leave sys.path alone: None for loud and cfg_here while the exercise folder (the current "
            "one) was not on sys.path; with order/x then order/y in front, the module or package in order/x; after "
            "the check put order/y first, the one in order/y, for the same names; and the same names asked again "
            "after the check deleted, wrote or shadowed a module file in those folders, sys.path unchanged"
        ),
        saw="; ".join(wrong[:5]) + ("; ..." if len(wrong) > 5 else ""),
        hint=(
            "search the running interpreter's own sys.path, in its order, and its folders as they are, at the time "
            "of each call: not a copy of it made earlier, not an answer kept from an earlier call, not a fixed "
            "list of folders, not the current folder or locate.py's own folder added to it, not another "
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
    kinds = ", ".join(
        f"{name}: " + ("'frozen' (or 'built-in')" if want == "frozen" else repr(want))
        for name, want in seen["expected"].items()
    )
    expect(
        not wrong,
        expected=(
            f'"built-in" for modules compiled into the interpreter, "frozen" (or "built-in") for frozen ones, '
            f"and never a path for either ({kinds})"
        ),
        saw="; ".join(wrong),
        hint=(
            "a module that is part of the interpreter is not run from a file, whatever file it was made from, and "
            "there are two kinds (built-in and frozen): not only the names in sys.builtin_module_names. What the "
            "import system found says which."
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


#: The check's broken parent packages: each __init__.py raises an error of its own (and keeps it in cfg_faults,
#: so that the check can tell that very object from another one). The README's own example, ValueError, and two
#: more kinds, one of them the AttributeError that `find_spec(name).origin` catching AttributeError would hide.
BROKEN = {
    "cfg_broken": "cfg_faults.ParcelFault('cfg_broken fails on purpose')",
    "cfg_brittle": "ValueError('cfg_brittle fails on purpose')",
    "cfg_cracked": "AttributeError('cfg_cracked fails on purpose')",
}


@pytest.mark.points(1)
def test_a_broken_parent_package_is_not_a_missing_one(student):
    student.write(
        "cfg_faults.py",
        '''
        class ParcelFault(RuntimeError):
            """Raised on purpose by one of the check's broken packages."""


        raised = []
        ''',
    )
    for package, error in BROKEN.items():
        student.write(
            f"{package}/__init__.py",
            f"import cfg_faults\n\nfault = {error}\ncfg_faults.raised.append(fault)\nraise fault\n",
        )
        student.write(f"{package}/part.py", "PART = 1\n")
    # A package whose own import of a dependency fails with ModuleNotFoundError: None (as hint 3 has it) and the
    # error itself are both accepted, as the README says.
    student.write("cfg_needy/__init__.py", "import cfg_missing_dependency  # noqa: F401\n")
    student.write("cfg_needy/part.py", "PART = 1\n")
    seen = ask_in(
        student,
        f"""
import cfg_faults
outcomes = {{}}
for name in {[package + ".part" for package in BROKEN] + ["cfg_needy.part"]!r}:
    try:
        value = locate.where(name)
        outcomes[name] = ["returned", os.fspath(value) if isinstance(value, os.PathLike) else value]
    except NotImplementedError:
        raise
    except BaseException as error:
        outcomes[name] = ["raised", type(error).__name__, any(error is fault for fault in cfg_faults.raised),
                          isinstance(error, ImportError)]
report(outcomes=outcomes, here=os.getcwd())
""",
        doing="locate.where to answer for submodules of broken packages",
    )
    outcomes = seen["outcomes"]
    wrong = []
    for package, error in BROKEN.items():
        name = package + ".part"
        outcome, kind = outcomes[name], error.partition("(")[0].rpartition(".")[2]
        if outcome[0] == "returned":
            wrong.append(f"where({name!r}), whose package raises {kind}, returned {shown(outcome[1], seen)}")
        elif not outcome[2]:
            wrong.append(f"where({name!r}) raised another exception, {outcome[1]}, instead of its package's {kind}")
    needy = outcomes["cfg_needy.part"]
    if not (needy == ["returned", None] or (needy[0] == "raised" and needy[3])):
        wrong.append(
            "where('cfg_needy.part'), whose package imports a missing module, "
            + (f"returned {shown(needy[1], seen)}" if needy[0] == "returned" else f"raised {needy[1]}")
            + " (None or that ModuleNotFoundError)"
        )
    expect(
        not wrong,
        expected=(
            "where() for a submodule of a package that exists but raises an error in its __init__.py (the check's "
            "packages raise ValueError, AttributeError and a ParcelFault of their own) to let that very exception "
            "reach the caller unchanged: only a missing module gives None"
        ),
        saw="; ".join(wrong),
        hint=(
            "catch only the error that means a module is missing (not a family of errors that a package's own "
            "code can raise too); an error raised by a package's own code is its author's to see, so let it "
            "through as it is (not None, not another exception)."
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
    "quiet/cfg_shed/__init__.py": "cfg_shed",
    "quiet/cfg_shed/tool.py": "cfg_shed.tool",
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
# Imported before they are asked about (cfg_shed and json as the parents of a dotted name asked about):
# asking must neither run them again nor make the program forget them.
import cfg_bell, cfg_shed, json
imported = {"cfg_bell": cfg_bell, "cfg_shed": cfg_shed, "json": json}
for name in ("loud", "cfg_siren", "cfg_crate", "cfg_box.lid", "cfg_box.deep.core", "cfg_shed.tool", "json.decoder",
             "cfg_bell", "json", "__hello__"):
    ask(name)
with open(os.path.join("quiet", "ran.log")) as trace:
    ran = trace.read().split()
# The modules imported before are still the program's: the next import of each finds it, and runs nothing.
replaced = sorted(name for name, module in imported.items() if sys.modules.get(name) is not module)
import cfg_bell, cfg_shed, json
with open(os.path.join("quiet", "ran.log")) as trace:
    now = trace.read().split()
again = [name for name in ("cfg_bell", "cfg_shed") if now.count(name) > ran.count(name)]
report(ran=ran, loud=os.path.exists("loud-ran.txt"), frozen=len(frozen_runs), replaced=replaced, again=again,
       json_same=json is imported["json"])
""",
        doing="locate.where to answer without running the modules",
    )
    asked = ("cfg_siren", "cfg_crate", "cfg_box.lid", "cfg_box.deep.core", "cfg_shed.tool")
    ran = [name for name in asked if name in seen["ran"]]
    ran += [f"{name} (a second time: it had been imported already)" for name in ("cfg_bell", "cfg_shed")
            if seen["ran"].count(name) > 1]
    if seen["loud"]:
        ran.insert(0, "loud.py (it left loud-ran.txt)")
    if seen["frozen"]:
        ran.append("the frozen module __hello__")
    forgot = ""
    if seen["again"] or seen["replaced"] or not seen["json_same"]:
        forgot = (
            f"after where() was asked about cfg_bell, json, json.decoder and cfg_shed.tool, sys.modules no longer "
            f"held {' and '.join(seen['replaced']) or 'the modules'} as the program had imported them before"
            + (f", so the next import ran {' and '.join(seen['again'])} again" if seen["again"] else "")
        )
    expect(
        not ran and not forgot,
        expected=(
            "where() not to run the modules it is asked about: loud.py, a module, a package's __init__.py, "
            "submodules (their parent packages may run), a frozen module; and a module imported before (one asked "
            "about, or the parent package of one) to stay imported, so that the next import of it runs nothing"
        ),
        saw="; ".join((["these ran: " + ", ".join(ran)] if ran else []) + ([forgot] if forgot else [])),
        hint=(
            "importing a module runs its body (and a reload or exec_module runs it again), and so does the next "
            "import of a module taken out of sys.modules: the question is only where the import would come from, "
            "which the import system can tell without loading anything or forgetting what it loaded."
        ),
    )
