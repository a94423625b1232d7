"""8.5 class-upgrade: instances of a reloaded class get the new class (and isinstance works again)."""

import pytest

from grader import expect

#: shapes.py as the checks edit it: the same classes, each with a describe() method.
EDITED = """
class Circle:
    def __init__(self, radius):
        self.radius = radius

    def describe(self):
        return f"circle of radius {self.radius}"


class Square:
    def __init__(self, side):
        self.side = side

    def describe(self):
        return f"square of side {self.side}"
"""
EDIT = f"""
import importlib, shapes, upgrade
circle, square = shapes.Circle(2), shapes.Square(3)
rewrite("shapes.py", {EDITED!r})
importlib.reload(shapes)
"""


@pytest.mark.points(2)
def test_old_instances_become_instances_of_the_new_classes(student):
    # The classes first, the new methods only on objects that got the new class:
    # calling describe() on an old object would only say it has no such method.
    seen = student.observe(
        EDIT
        + """
before = [type(circle), type(square)]
count = upgrade.upgrade([circle, square], shapes)
report(count=count, isinstance=[isinstance(circle, shapes.Circle), isinstance(square, shapes.Square)],
       kept=[type(circle) is before[0], type(square) is before[1]],
       types=[f"{type(o).__module__}.{type(o).__qualname__}" for o in (circle, square)])
report(described=[shape.describe() if type(shape) is getattr(shapes, type(shape).__name__, None) else None
                  for shape in (circle, square)])
""",
        doing="upgrade.upgrade([circle, square], shapes) to work",
    )
    expect(
        seen["isinstance"] == [True, True],
        expected="after upgrade, the old circle and square to be instances of the reloaded classes",
        saw=f"isinstance(circle, shapes.Circle) and isinstance(square, shapes.Square) gave {seen['isinstance']}: "
        + (
            "the objects still had their old classes"
            if all(seen["kept"])
            else f"their classes were {', '.join(seen['types'])}"
        ),
        hint="set obj.__class__ to getattr(module, type(obj).__name__).",
    )
    expect(
        seen["described"] == ["circle of radius 2", "square of side 3"],
        expected='the upgraded objects to keep their data and have the new methods: describe() should give '
        '"circle of radius 2" and "square of side 3"',
        saw=f"they gave {seen['described']}",
        hint="change only obj.__class__, not the object's attributes.",
    )
    expect(
        seen["count"] == 2,
        expected="upgrade to return 2 (two objects upgraded)",
        saw=f"it returned {seen['count']!r}",
        hint="count the objects whose class you changed.",
    )
    # The same source under another name: upgrade must go by the module it is given, not by "shapes".
    student.write("shapes2.py", student.read("shapes.py"))
    other = student.observe(
        f"""
import importlib, shapes, shapes2, upgrade
theirs, ours = shapes2.Circle(1), shapes.Circle(4)
rewrite("shapes2.py", {EDITED!r})
importlib.reload(shapes2)
count = upgrade.upgrade([theirs, ours], shapes2)
report(count=count, theirs=type(theirs) is shapes2.Circle, ours=type(ours) is shapes.Circle)
""",
        doing="upgrade.upgrade([...], shapes2) to work",
    )
    wrong = []
    if not other["theirs"]:
        wrong.append("the shapes2 circle kept its old class")
    if not other["ours"]:
        wrong.append("the shapes circle (from the other module) got another class")
    expect(
        not wrong and other["count"] == 1,
        expected="upgrade([shapes2 circle, shapes circle], shapes2), for a copy of shapes.py imported as shapes2 "
        "and reloaded, to upgrade only the shapes2 circle and return 1",
        saw=" and ".join(wrong) or f"it returned {other['count']!r}",
        hint="go by the module you are given: compare type(obj).__module__ with module.__name__ "
        "(not with 'shapes').",
    )


@pytest.mark.points(1)
def test_other_objects_are_left_alone(student):
    seen = student.observe(
        EDIT
        + """
from fractions import Fraction


class Circle:  # the same name as shapes.Circle, defined in another module (the check's)
    def __init__(self, radius):
        self.radius = radius


others = [7, "text", Fraction(1, 3), Circle(5)]
count = upgrade.upgrade(others + [circle], shapes)
report(count=count, types=[type(o).__name__ for o in others], fraction=others[2] == Fraction(1, 3),
       stranger_kept=type(others[3]) is Circle, stranger_module=type(others[3]).__module__)
""",
        doing="upgrade.upgrade to work on a mixed list",
    )
    expect(
        seen["stranger_kept"],
        expected="a Circle whose class was defined outside shapes (in the check) to be left alone",
        saw=f"its class was changed to the Circle of module {seen['stranger_module']!r}",
        hint="a class of the same name is not enough: compare type(obj).__module__ with module.__name__.",
    )
    expect(
        seen["count"] == 1 and seen["types"] == ["int", "str", "Fraction", "Circle"] and seen["fraction"],
        expected=(
            "only the shapes circle to be upgraded in [7, 'text', Fraction(1, 3), another module's Circle(5), circle], "
            "and upgrade to return 1"
        ),
        saw=f"it returned {seen['count']!r}",
        hint="skip objects whose type(obj).__module__ is not module.__name__.",
    )


@pytest.mark.points(1)
def test_upgrading_twice_changes_nothing_the_second_time(student):
    seen = student.observe(
        EDIT
        + """
first = upgrade.upgrade([circle], shapes)
report(first=first, upgraded=type(circle) is shapes.Circle, second=upgrade.upgrade([circle], shapes))
""",
        doing="upgrade.upgrade to work twice",
    )
    # Whether a second call changes nothing can only be judged once the first call upgraded.
    expect(
        seen["upgraded"],
        expected="the first upgrade to give the old circle the reloaded class, so that a second one has nothing to do",
        saw="after the first call, type(circle) was still not shapes.Circle",
        hint="set obj.__class__ to getattr(module, type(obj).__name__) (see the first check).",
    )
    expect(
        (seen["first"], seen["second"]) == (1, 0),
        expected="the second upgrade of the same objects to return 0",
        saw=f"the two calls returned {seen['first']!r} and {seen['second']!r}",
        hint="an object whose class `is` the module's current class needs no upgrade.",
    )
