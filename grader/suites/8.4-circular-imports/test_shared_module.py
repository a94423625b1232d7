"""8.4 shared-module: the cycle removed by a third module; each module imported first, in a fresh interpreter."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_shapes_can_be_imported_first(student):
    seen = student.observe(
        "import shapes\nreport(shown=shapes.show(2, 3))",
        doing="`import shapes`, as the first import of a program, to work",
    )
    expect(
        seen["shown"] == "[6 sq cm | 1:10 | cm]",
        expected='shapes.show(2, 3) to be "[6 sq cm | 1:10 | cm]"',
        saw=f"it was {seen['shown']!r}",
        hint="keep the functions as they are; only move UNIT and SCALE and change the imports.",
    )


@pytest.mark.points(1)
def test_both_modules_follow_the_settings_in_units(student):
    # The check's own change, at the end of the private copy of units.py:
    # whatever units.py says last is what render and shapes must show.
    units = student.file("units.py")
    units.write_text(units.read_text(encoding="utf-8") + '\nUNIT = "mm"\nSCALE = 25\n', encoding="utf-8")
    seen = student.observe(
        """
        import render
        framed = render.frame("x")
        import shapes
        report(framed=framed, shown=shapes.show(2, 3))
        """,
        doing="`import render`, then `import shapes`, to work",
    )
    expect(
        seen["framed"] == "[x | 1:25 | mm]",
        expected='render to follow units.py: with UNIT = "mm" and SCALE = 25 there, render.frame("x") should be "[x | 1:25 | mm]"',
        saw=f"it was {seen['framed']!r}",
        hint="step 2: render.py should get UNIT and SCALE from units, and define neither itself.",
    )
    expect(
        seen["shown"] == "[6 sq mm | 1:25 | mm]",
        expected='shapes to follow units.py too: shapes.show(2, 3) should then be "[6 sq mm | 1:25 | mm]"',
        saw=f"it was {seen['shown']!r}",
        hint="step 3: shapes.py should get UNIT from units, and no longer define it itself.",
    )


@pytest.mark.points(2)
def test_the_cycle_is_gone(student):
    seen = student.observe(
        """
        import sys, render, units
        report(shapes_loaded="shapes" in sys.modules, unit=getattr(units, "UNIT", None),
               scale=getattr(units, "SCALE", None))
        """,
        doing="`import render, units` to work",
    )
    expect(
        (seen["unit"], seen["scale"]) == ("cm", 10),
        expected='units.py to define UNIT = "cm" and SCALE = 10',
        saw=f"units.UNIT was {seen['unit']!r} and units.SCALE {seen['scale']!r}",
        hint="step 1: move both assignments from shapes.py into units.py.",
    )
    expect(
        not seen["shapes_loaded"],
        expected="importing render not to import shapes any more",
        saw="`import render` still imports shapes",
        hint="render.py must take UNIT and SCALE from units, not from shapes.",
    )
