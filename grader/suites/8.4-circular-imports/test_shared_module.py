"""8.4 shared-module: the cycle removed by a third module; each module imported first, in a fresh interpreter.

The settings the checks use are their own (written at the end of the private copy of units.py),
and one check gives shapes a render module of its own, which has nothing but frame(): shapes must
get its unit from units, not through render. Then both get a units module that defines neither
setting, and must fail: a value kept as a fallback (a getattr() default, an `except ImportError`)
would answer. Two things only the source shows are read from it (parsed, never run in the grader):
an assignment of a value of the file's own to UNIT or SCALE in shapes.py or render.py, even one a
later import overwrites; and an import of shapes or render in units.py, or of shapes in render.py,
even inside a function that nothing calls (`UNIT = units.UNIT` and `from units import UNIT` are fine).

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: units.py defines UNIT = "cm" and SCALE = 10.
  -> the_cycle_is_gone
- Step 1: units.py imports neither shapes nor render, not when imported and not in any function.
  -> the_cycle_is_gone
- Step 1: the settings are moved, not copied: they live in units.py only, and no copy of UNIT or
  SCALE stays behind in shapes or render: no other value at run time, no assignment of a value of
  their own in shapes.py or render.py (even one overwritten later).
  -> both_modules_follow_the_settings_in_units
- Step 1: no fallback copy either: with a units that defines neither setting, render and shapes fail.
  -> both_modules_follow_the_settings_in_units
- Step 2: render takes UNIT and SCALE from units: it follows the values in units.py.
  -> both_modules_follow_the_settings_in_units
- Step 2: render no longer imports shapes at all, neither when imported nor when frame() runs, nor in
  any other function.
  -> the_cycle_is_gone
- Step 3: shapes takes UNIT from units too (not through render): it follows the values in units.py,
  whatever render is.
  -> both_modules_follow_the_settings_in_units
- Afterwards: both modules import in any order; shapes first, shapes.show(2, 3) is "[6 sq cm | 1:10 | cm]".
  -> shapes_can_be_imported_first, both_modules_follow_the_settings_in_units
"""

import ast

import pytest

from grader import expect


@pytest.mark.points(2)
def test_shapes_can_be_imported_first(student):
    seen = student.observe(
        """
        import shapes
        report(shown=shapes.show(2, 3), other=shapes.show(4, 5))
        import render
        report(framed=render.frame("ok"))
        """,
        doing="`import shapes`, as the first import of a program, then `import render`, to work",
    )
    expect(
        seen["shown"] == "[6 sq cm | 1:10 | cm]" and seen["other"] == "[20 sq cm | 1:10 | cm]",
        expected='shapes.show(2, 3) to be "[6 sq cm | 1:10 | cm]" (and show(4, 5) "[20 sq cm | 1:10 | cm]")',
        saw=f"they were {seen['shown']!r} and {seen['other']!r}",
        hint="keep the functions as they are; only move UNIT and SCALE and change the imports.",
    )
    expect(
        seen["framed"] == "[ok | 1:10 | cm]",
        expected='render.frame("ok") to be "[ok | 1:10 | cm]" after `import shapes`',
        saw=f"it was {seen['framed']!r}",
        hint="keep frame() as it is; only change where render.py gets UNIT and SCALE from.",
    )


# The check's own settings, written at the end of its private copy of units.py: whatever units.py
# says last is what render and shapes must show. Then shapes is imported again with a render of the
# check's own, which has frame() and nothing else.
FOLLOW = """
import sys, types
import render
framed = render.frame("x")
import shapes
report(framed=framed, shown=shapes.show(4, 5),
       copies={f"{m.__name__}.{name}": getattr(m, name) for m in (render, shapes) for name in ("UNIT", "SCALE")
               if getattr(m, name, None) not in (None, {"UNIT": "mm", "SCALE": 25}[name])})
del sys.modules["shapes"], sys.modules["render"]
plain = types.ModuleType("render")
plain.frame = lambda text: "<" + str(text) + ">"
sys.modules["render"] = plain
try:
    import shapes
    report(alone=["ok", shapes.area(2, 3)])
except Exception as exc:
    report(alone=["raised", type(exc).__name__])
# A units module of the check's own that defines neither setting: shapes (with the plain render) and
# then render have nothing to show, unless they keep values of their own to fall back on.
sys.modules.pop("shapes", None)
sys.modules["units"] = types.ModuleType("units")
try:
    import shapes
    report(bare_shapes=["ok", shapes.area(2, 3)])
except Exception as exc:
    report(bare_shapes=["raised", type(exc).__name__])
sys.modules.pop("shapes", None)
del sys.modules["render"]
try:
    import render
    report(bare_render=["ok", render.frame("x")])
except Exception as exc:
    report(bare_render=["raised", type(exc).__name__])
# No units module at all (its import raises ModuleNotFoundError): a fallback kept for that case is a copy too.
sys.modules["units"] = None
for name in ("shapes", "render"):
    sys.modules.pop(name, None)
try:
    import render
    report(no_units_render=["ok", render.frame("x")])
except Exception as exc:
    report(no_units_render=["raised", type(exc).__name__])
sys.modules["render"] = plain
try:
    import shapes
    report(no_units_shapes=["ok", shapes.area(2, 3)])
except Exception as exc:
    report(no_units_shapes=["raised", type(exc).__name__])
"""

#: What may stand on the right of an assignment that writes a value of its own, not one taken from units.
LITERAL = (ast.Constant, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.UnaryOp,
           ast.expr_context, ast.operator, ast.unaryop)


def assigned_settings(student, name: str) -> list[str]:
    """Assignments of a value of the file's own to UNIT or SCALE (or any name holding either word, such as
    _OLD_SCALE), anywhere in the file: ["render.py, line 5, says SCALE = 10"]."""
    try:
        tree = ast.parse(student.read(name))
    except (OSError, SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = [n.id.lower() for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        settings = any("unit" in n or "scale" in n for n in names)
        if settings and all(isinstance(n, LITERAL) for n in ast.walk(value)):
            found.append(f"{name}, line {node.lineno}, says {ast.unparse(node)}")
    return found


@pytest.mark.points(1)
def test_both_modules_follow_the_settings_in_units(student):
    units = student.file("units.py")
    units.write_text(units.read_text(encoding="utf-8") + '\nUNIT = "mm"\nSCALE = 25\n', encoding="utf-8")
    seen = student.observe(FOLLOW, doing="`import render`, then `import shapes`, to work")
    expect(
        seen["framed"] == "[x | 1:25 | mm]",
        expected='render to follow units.py: with UNIT = "mm" and SCALE = 25 there, render.frame("x") should be '
        '"[x | 1:25 | mm]"',
        saw=f"it was {seen['framed']!r}",
        hint="step 2: render.py should get UNIT and SCALE from units, and define neither itself.",
    )
    expect(
        seen["shown"] == "[20 sq mm | 1:25 | mm]",
        expected='shapes to follow units.py too: shapes.show(4, 5) should then be "[20 sq mm | 1:25 | mm]"',
        saw=f"it was {seen['shown']!r}",
        hint="step 3: shapes.py should get UNIT from units, and no longer define it itself.",
    )
    copies = seen["copies"]
    written = assigned_settings(student, "shapes.py") + assigned_settings(student, "render.py")
    expect(
        not copies and not written,
        expected='UNIT and SCALE to live in units.py only: with UNIT = "mm" and SCALE = 25 there, no other value '
        "of them left in render or shapes, and no line of shapes.py or render.py that gives them a value of its own",
        saw="; ".join(
            (["the modules still hold " + ", ".join(f"{name} = {value!r}" for name, value in copies.items())]
             if copies else [])
            + written
        ),
        hint="step 1: move the settings; an assignment of UNIT or SCALE left in shapes.py or render.py is a "
        "second copy, even where a later import overwrites it or where it only serves as a fallback.",
    )
    alone = seen["alone"]
    expect(
        alone == ["ok", "6 sq mm"],
        expected="shapes to take UNIT from units itself: imported with a render module of the check's own that "
        'has only frame(), shapes.area(2, 3) should be "6 sq mm"',
        saw=f"importing or using shapes then raised {alone[1]}" if alone[0] == "raised" else f"it was {alone[1]!r}",
        hint="step 3: shapes.py should take UNIT from units, where it lives, not through render.",
    )
    bare = {"render.frame(\"x\")": seen.get("bare_render"), "shapes.area(2, 3)": seen.get("bare_shapes"),
            "render.frame(\"x\") with no units module at all": seen.get("no_units_render"),
            "shapes.area(2, 3) with no units module at all": seen.get("no_units_shapes")}
    answered = {call: outcome for call, outcome in bare.items() if not outcome or outcome[0] == "ok"}
    expect(
        not answered,
        expected="render and shapes to have no settings of their own: with a units module of the check's own that "
        'defines neither UNIT nor SCALE, or with no units module at all, render.frame("x") and shapes.area(2, 3) '
        "should fail",
        saw=" and ".join(f"{call} returned {outcome[1]!r}" if outcome else f"{call} was never reached"
                         for call, outcome in answered.items()),
        hint="step 1: the settings live in units.py only; a default or a fallback value kept in shapes.py or "
        "render.py, or in another module they fall back on (in a getattr(), or under `except ImportError`), "
        "is a second copy of them.",
    )


# Which of shapes.py and render.py had their bodies run: an audit hook sees an "exec" event for each
# module body the import system runs, even for an import that fails (and so leaves sys.modules).
CYCLE = """
import os, sys

ran = []

def watch(event, args):
    if event == "exec" and args and os.path.basename(getattr(args[0], "co_filename", "")) in ("shapes.py", "render.py"):
        ran.append(os.path.basename(args[0].co_filename))

sys.addaudithook(watch)
try:
    import units
finally:
    report(by_units=sorted(set(ran)))
report(unit=getattr(units, "UNIT", None), scale=getattr(units, "SCALE", None))
import render
report(on_import="shapes.py" in ran)
render.frame("x")
report(on_frame="shapes.py" in ran)
"""


@pytest.mark.points(2)
def test_the_cycle_is_gone(student):
    probe = student.probe(CYCLE)
    seen, error = probe.values, probe.error
    by_units = seen.get("by_units", [])
    expect(
        not by_units,
        expected="`import units` to import neither shapes nor render",
        saw=f"`import units` ran {' and '.join(by_units)}" + (f", and raised {error.summary}" if error else ""),
        hint="step 1: units.py holds the settings themselves; it takes nothing from the other two modules.",
    )
    expect(
        error is None and probe.finished,
        expected="`import units`, then `import render` and render.frame(\"x\"), to work",
        saw=f"your code raised {error.summary}" if error else "it did not finish",
        hint=error.explain() if error else None,
    )
    expect(
        (seen["unit"], seen["scale"]) == ("cm", 10),
        expected='units.py to define UNIT = "cm" and SCALE = 10',
        saw=f"units.UNIT was {seen['unit']!r} and units.SCALE {seen['scale']!r}",
        hint="step 1: move both assignments from shapes.py into units.py.",
    )
    expect(
        not seen["on_import"],
        expected="`import render` not to import shapes any more",
        saw="`import render` still imports shapes",
        hint="step 2: render.py must take UNIT and SCALE from units, not from shapes.",
    )
    expect(
        not seen["on_frame"],
        expected='render not to import shapes at all, not even when render.frame("x") runs',
        saw='render.frame("x") imported shapes',
        hint="step 2: an import moved into frame() still needs shapes; take UNIT and SCALE from units instead.",
    )
    hidden = imports_in(student, "units.py", ("shapes", "render")) + imports_in(student, "render.py", ("shapes",))
    expect(
        not hidden,
        expected="units.py to import neither shapes nor render, and render.py not to import shapes, anywhere in "
        "their code: not even inside a function that nothing has called yet",
        saw=" and ".join(hidden),
        hint="an import inside a function only puts the cycle off until the function runs: units.py needs nothing "
        "from the other two modules, and render nothing from shapes.",
    )


def imports_in(student, name: str, modules: tuple[str, ...]) -> list[str]:
    """Where a file imports one of the modules, anywhere in it (or names one, for importlib): ["units.py, line 9, imports render"]."""
    try:
        tree = ast.parse(student.read(name))
    except (OSError, SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named = [alias.name.partition(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            named = [node.module.partition(".")[0]]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            named = [node.value]
        else:
            continue
        found += [f"{name}, line {node.lineno}, imports {module}" for module in named if module in modules]
    return found
