"""8.8 pickle-anywhere: files saved by `python -m shapes.tool` load in any program, and the tool runs once.

A pickle names each object's class by module and name. Run with -m, the
tool is __main__, so classes defined in it are saved as __main__.Drawing;
and when the package imports the tool, -m runs tool.py twice (once as
shapes.tool, once as __main__) and runpy warns. The checks start the tool
both ways the README names (with -m, and by a program that imports it and
calls main), with points the README never shows, and load each file in
another fresh interpreter that never ran the tool and imports nothing of
shapes itself. That loader has classes of its own named Point and Drawing in
its __main__, so a file naming __main__'s classes does not even fail there:
it loads the wrong objects, which the checks see by the class's module.
How often tool.py's body runs under -m is counted with an audit hook, in
runpy.run_module(..., run_name="__main__", alter_sys=True), which finds and
runs a module as -m does (and warns as -m does); a warning filter set by
the package cannot hide a second run. The class statements tool.py runs
are seen through builtins.__build_class__, which every class statement
calls: a copy that a later import hides, or that copyreg pickles under the
model's names, still ran.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: Point and Drawing live in shapes/model.py; a file the tool writes with -m names shapes.model.Drawing and
  shapes.model.Point, and a program that never ran the tool loads it with nothing but pickle.
  -> a_drawing_saved_with_dash_m_loads_anywhere
- Step 1: the tool takes the classes from shapes.model (it defines no copies of its own), so a file it writes when
  another program imports it and calls main names shapes.model's classes too.
  -> a_drawing_saved_by_an_importing_program_loads_anywhere
- Step 1: "without a copy of its own": no class statement for Point or Drawing runs in tool.py, not even one a
  later import hides, or one that copyreg saves under the model's names; shapes.tool's Point and Drawing, if it has
  them, are the model's.
  -> a_drawing_saved_by_an_importing_program_loads_anywhere
- Step 2: `python -m shapes.tool` runs tool.py's code once, as __main__, with no RuntimeWarning.
  -> dash_m_runs_the_tool_once_without_a_warning
- Step 2: importing shapes does not import shapes.tool. (A module __getattr__ in the package that imports the tool
  only when a program asks for load is accepted on purpose: -m imports the package alone, so the tool still runs
  once, and the README lets load stay in tool.py.)
  -> dash_m_runs_the_tool_once_without_a_warning, the_package_offers_the_model_classes
- Step 3: `from shapes import Drawing, Point, load` works, and those classes are shapes.model's; load reads a
  saved drawing.
  -> the_package_offers_the_model_classes
- The tool's command line works as now: with -m, or as main(argv) from another program, it saves the points and
  prints `saved N points to FILE`.
  -> a_drawing_saved_with_dash_m_loads_anywhere, a_drawing_saved_by_an_importing_program_loads_anywhere
- ... that very line for one point too ("saved 1 points"), main returns 0 after saving, and with too few arguments
  the usage goes to stderr, nothing to stdout, and the status is 2 (main may return it or exit with it).
  -> a_drawing_saved_by_an_importing_program_loads_anywhere
"""

import pytest

from grader import FIX_THE_NAMED_LINE, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed

#: Points for the tool, as its command line takes them, and as the loaded objects must hold them.
DASH_M_PAIRS, DASH_M_POINTS = ["3,-4", "0,7", "12,5"], [[3, -4], [0, 7], [12, 5]]
CALLED_PAIRS, CALLED_POINTS = ["8,1", "-2,0"], [[8, 1], [-2, 0]]

MODEL = "shapes.model"

#: A program of its own that loads a file: it never ran the tool, imports nothing of shapes itself, and has classes
#: named Point and Drawing in its __main__ (as a script that draws might), which a file naming __main__'s classes
#: would silently load instead of the tool's.
LOADER = """
import pickle, sys
import __main__


# Written as a program's own classes are: their module is __main__.
Point = type("Point", (), {"__module__": "__main__"})
Drawing = type("Drawing", (), {"__module__": "__main__"})
__main__.Point, __main__.Drawing = Point, Drawing


def kind(obj):
    return type(obj).__module__ + "." + type(obj).__qualname__


report(step="load")
with open(FILE, "rb") as file:
    loaded = pickle.load(file)
points = getattr(loaded, "points", None)
report(
    step=None,
    kind=kind(loaded),
    points=[[kind(p), getattr(p, "x", None), getattr(p, "y", None)] for p in points]
    if isinstance(points, (list, tuple))
    else repr(points),
)
"""

MOVE_HINT = (
    "step 1: define Point and Drawing in shapes/model.py only, and let tool.py take them from there: run with -m, "
    "tool.py is __main__, so a class defined in it is saved as __main__'s, which other programs do not have."
)


def ran_to_its_end(probe, doing: str) -> None:
    """Fail with a time-out or crash verdict unless the probe ran to its end (raising is an end)."""
    expect_completed(probe.completed, doing, probe.stuck)
    if not probe.finished:
        raise StudentCrash(doing, probe.completed.describe_end(), probe.output)


def expect_it_loads(student, file: str, points: list, how: str) -> None:
    """Load `file` in a fresh interpreter that never ran the tool: it must hold shapes.model's objects."""
    probe = student.probe(LOADER.replace("FILE", repr(file)))
    ran_to_its_end(probe, f"a program that never ran the tool to load {file}")
    seen, error = probe.values, probe.error
    expect(
        error is None,
        expected=f"a program that never ran the tool to load the file {how} with pickle.load",
        saw=f"pickle.load raised {error.summary}" if error else "",
        hint=MOVE_HINT if error and error.isinstance("AttributeError") else error.explain() if error else None,
    )
    wanted = [[f"{MODEL}.Point", x, y] for x, y in points]
    kinds = [p[0] for p in seen["points"]] if isinstance(seen["points"], list) else []
    expect(
        seen["kind"] == f"{MODEL}.Drawing" and kinds == [f"{MODEL}.Point"] * len(points),
        expected=f"the file {how} to hold a {MODEL}.Drawing of {MODEL}.Point objects",
        saw=f"it holds a {seen['kind']}" + (f" of {', '.join(sorted(set(kinds)))} objects" if kinds else ""),
        hint=MOVE_HINT
        if seen["kind"].startswith("__main__.") or "__main__.Point" in kinds
        else "step 1: Point and Drawing are defined in shapes/model.py, and nowhere else: the file names the "
        "module where the class of each object was defined."
        if seen["kind"].startswith("shapes.") or any(k.startswith("shapes.") for k in kinds)
        else "the tool saves a Drawing holding its Points, as it does now, with pickle.",
    )
    expect(
        seen["points"] == wanted,
        expected=f"the drawing in the file {how} to hold the points {points} (x, y), in order",
        saw=f"it held {[p[1:] for p in seen['points']] if kinds else seen['points']}",
        hint="the tool saves the points it is given, as it does now.",
    )


@pytest.mark.points(3)
def test_a_drawing_saved_with_dash_m_loads_anywhere(student):
    command = f"python -m shapes.tool plan.pkl {' '.join(DASH_M_PAIRS)}"
    done = student.run_module("shapes.tool", "plan.pkl", *DASH_M_PAIRS)
    said = f"saved {len(DASH_M_PAIRS)} points to plan.pkl"
    expect(
        done.returncode == 0 and said in done.stdout and student.exists("plan.pkl"),
        expected=f"`{command}` to save the drawing in plan.pkl, print {said!r} and exit with 0",
        saw=f"it printed {done.stdout.strip()[:120]!r}, "
        + ("wrote plan.pkl" if student.exists("plan.pkl") else "wrote no plan.pkl")
        + f", and {done.describe_end()}",
        hint=FIX_THE_NAMED_LINE
        if done.uncaught
        else "the tool's command line works as it does now: it saves the points and prints how many it saved.",
    )
    expect_it_loads(student, "plan.pkl", DASH_M_POINTS, f"that `{command}` wrote")


@pytest.mark.points(2)
def test_a_drawing_saved_by_an_importing_program_loads_anywhere(student):
    probe = student.probe(
        f"""
        import builtins, contextlib, io, os

        # Every class statement that runs in tool.py, by name: a copy of the classes there is one even when a
        # later import hides it under the model's names.
        tool = os.path.realpath(os.path.join("shapes", "tool.py"))
        made, build_class = [], builtins.__build_class__


        def build(func, name, *bases, **kw):
            if os.path.realpath(getattr(getattr(func, "__code__", None), "co_filename", "")) == tool:
                made.append(name)
            return build_class(func, name, *bases, **kw)


        builtins.__build_class__ = build
        report(step="import")
        import shapes.tool

        builtins.__build_class__ = build_class
        import shapes.model

        report(
            copies=sorted(set(made) & {{"Point", "Drawing"}}),
            others=[
                name
                for name in ("Point", "Drawing")
                if getattr(shapes.tool, name, None) not in (None, getattr(shapes.model, name, None))
            ],
        )


        def call(argv, usage=False):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    status = shapes.tool.main(argv)
                except SystemExit as end:
                    # The README asks main to return after saving; on a usage error it does not say.
                    if not usage:
                        raise
                    status = end.code
            return [status, out.getvalue(), err.getvalue()]


        report(step="main")
        report(called=call(["kept.pkl"] + {CALLED_PAIRS!r}))
        report(one=call(["one.pkl", "5,5"]), step="usage")
        report(usage=call(["alone.pkl"], usage=True), step=None)
        """
    )
    ran_to_its_end(probe, "a program that imports shapes.tool and calls its main to run to its end")
    seen, error = probe.values, probe.error
    call = f"shapes.tool.main({['kept.pkl'] + CALLED_PAIRS!r})"
    doing = {"import": "`import shapes.tool`", "main": call, "usage": "shapes.tool.main(['one.pkl', '5,5'])"}
    expect(
        error is None,
        expected=f"{doing.get(seen.get('step'), 'shapes.tool.main([])')}, in a program that imported shapes.tool, "
        "to work",
        saw=f"it raised {error.summary}" if error else "",
        hint=error.explain() if error else None,
    )
    status, printed, _ = seen["called"]
    said = f"saved {len(CALLED_PAIRS)} points to kept.pkl"
    expect(
        status == 0 and said in printed and student.exists("kept.pkl"),
        expected=f"{call}, called by a program that imported shapes.tool, to save kept.pkl, print {said!r} "
        "and return 0",
        saw=f"it returned {status!r} and printed {printed.strip()[:120]!r}"
        + ("" if student.exists("kept.pkl") else ", and wrote no kept.pkl"),
        hint="the tool's main works as it does now: it saves the points, prints how many it saved and returns 0.",
    )
    expect_it_loads(student, "kept.pkl", CALLED_POINTS, f"that {call} wrote")
    expect(
        not seen["copies"] and not seen["others"],
        expected="tool.py to define no Point or Drawing of its own, and to use shapes.model's",
        saw=f"tool.py runs a class statement for {' and '.join(seen['copies'])}"
        if seen["copies"]
        else "".join(f"shapes.tool.{name} is not shapes.model.{name}" for name in seen["others"][:1]),
        hint="step 1: Point and Drawing are defined in shapes/model.py only, and tool.py takes them from there, "
        "without a copy of its own: not even one that a later import hides, or that is saved under the model's name.",
    )
    status, printed, _ = seen["one"]
    said = "saved 1 points to one.pkl"
    expect(
        status == 0 and printed.strip() == said,
        expected=f"shapes.tool.main(['one.pkl', '5,5']) to print {said!r}, word for word as the tool does now, "
        "and return 0",
        saw=f"it returned {status!r} and printed {printed.strip()[:120]!r}",
        hint="the tool's command line works as it does now: the line it prints is `saved N points to FILE` "
        "whatever N is.",
    )
    status, printed, complained = seen["usage"]
    expect(
        status == 2 and not printed.strip() and "usage" in complained.lower(),
        expected="shapes.tool.main(['alone.pkl']), given a file but no points, to print its usage on stderr, "
        "nothing on stdout, and return 2, as it does now",
        saw=f"it ended with {status!r}, printed {printed.strip()[:80]!r} on stdout and "
        f"{complained.strip()[:80]!r} on stderr",
        hint="the tool's command line works as it does now, its usage message included: given too few "
        "arguments, main does what the stub's main did.",
    )


@pytest.mark.points(2)
def test_dash_m_runs_the_tool_once_without_a_warning(student):
    probe = student.probe(
        """
        import os, runpy, sys, warnings

        tool = os.path.realpath(os.path.join("shapes", "tool.py"))
        bodies = []


        def count(event, args):
            if event == "exec" and getattr(args[0], "co_name", None) == "<module>":
                if os.path.realpath(getattr(args[0], "co_filename", "")) == tool:
                    bodies.append(1)


        sys.addaudithook(count)
        sys.argv = ["-m", "once.pkl", "1,1"]
        report(step="run")
        # What -m does: find shapes.tool (importing its package first), then run it as __main__.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                runpy.run_module("shapes.tool", run_name="__main__", alter_sys=True)
            except SystemExit:
                pass
        report(
            step=None,
            bodies=len(bodies),
            warned=[w.category.__name__ for w in caught if issubclass(w.category, RuntimeWarning)],
        )
        """
    )
    ran_to_its_end(probe, "shapes.tool to run as -m runs it")
    seen, error = probe.values, probe.error
    expect(
        error is None,
        expected="shapes.tool to run as `python -m shapes.tool once.pkl 1,1` runs it",
        saw=f"it raised {error.summary}" if error else "",
        hint=error.explain() if error else None,
    )
    twice = seen["bodies"] > 1
    expect(
        seen["bodies"] == 1 and not seen["warned"],
        expected="`python -m shapes.tool ...` to run tool.py's code once, as __main__, with no RuntimeWarning",
        saw=f"tool.py's code ran {seen['bodies']} times"
        + (f", and runpy warned ({', '.join(seen['warned'])})" if seen["warned"] else ", with no warning"),
        hint="step 2: -m imports the package shapes first; when shapes/__init__.py imports shapes.tool, the tool "
        "runs once as shapes.tool and again as __main__. Let shapes/__init__.py take its names from shapes.model."
        if twice
        else "step 2: -m imports the package shapes first, and runpy warns when that already imported the module "
        "it is about to run: importing shapes must not import shapes.tool.",
    )


@pytest.mark.points(1)
def test_the_package_offers_the_model_classes(student):
    probe = student.probe(
        """
        import pickle, sys

        report(step="import")
        import shapes

        report(tool_imported="shapes.tool" in sys.modules, step="from")
        from shapes import Drawing, Point, load

        model = sys.modules.get("shapes.model")
        report(
            same=[Point is getattr(model, "Point", None), Drawing is getattr(model, "Drawing", None)],
            model_has=[hasattr(model, "Point"), hasattr(model, "Drawing")],
        )
        report(step="load")
        with open("own.pkl", "wb") as file:
            pickle.dump(Drawing([Point(2, 9)]), file)
        drawing = load("own.pkl")
        report(
            step=None,
            loaded=[type(drawing).__name__, [[p.x, p.y] for p in getattr(drawing, "points", [])]],
        )
        """
    )
    ran_to_its_end(probe, "`from shapes import Drawing, Point, load` to run to its end")
    seen, error = probe.values, probe.error
    steps = {"import": "`import shapes`", "from": "`from shapes import Drawing, Point, load`", "load": "load(file)"}
    expect(
        error is None,
        expected=f"{steps.get(seen.get('step'), 'the package')} to work",
        saw=f"it raised {error.summary}" if error else "",
        hint="step 3: other programs go on using `from shapes import Drawing, Point, load`: shapes/__init__.py "
        "takes those names from shapes.model."
        if error and seen.get("step") == "from"
        else error.explain()
        if error
        else None,
    )
    expect(
        seen["same"] == [True, True],
        expected="shapes.Point and shapes.Drawing to be the very classes of shapes.model",
        saw="shapes.model defines neither of them"
        if seen["model_has"] == [False, False]
        else "shapes.Point is not shapes.model.Point"
        if not seen["same"][0]
        else "shapes.Drawing is not shapes.model.Drawing",
        hint="step 3: shapes/__init__.py imports Drawing and Point from shapes.model, where they are defined, "
        "and nowhere else.",
    )
    expect(
        seen["loaded"] == ["Drawing", [[2, 9]]],
        expected="shapes.load to read back a drawing of Point(2, 9) that pickle saved",
        saw=f"it returned a {seen['loaded'][0]} holding {seen['loaded'][1]}",
        hint="load opens the file in binary mode and returns what pickle.load reads from it, as it does now.",
    )
    expect(
        not seen["tool_imported"],
        expected="`import shapes` not to import shapes.tool",
        saw="shapes.tool was in sys.modules after `import shapes`",
        hint="step 2: as shapes/__init__.py runs, it must not import the tool, directly or through another "
        "module: then `python -m shapes.tool` runs it only once.",
    )
