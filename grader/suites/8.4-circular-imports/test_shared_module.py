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
def test_render_takes_its_settings_from_units(student):
    seen = student.observe(
        """
        import render
        import units
        report(framed=render.frame("x"), shared=getattr(units, "SCALE", None) == 10 and render.SCALE is units.SCALE)
        """,
        doing="`import render`, as the first import of a program, to work",
    )
    expect(
        seen["framed"] == "[x | 1:10 | cm]" and seen["shared"],
        expected='render.frame("x") to be "[x | 1:10 | cm]", with SCALE taken from units',
        saw=f"frame gave {seen['framed']!r}" if seen["framed"] != "[x | 1:10 | cm]" else "render's SCALE does not come from units",
        hint="render.py should say `from units import SCALE, UNIT`.",
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
