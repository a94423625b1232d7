"""8.5 class-upgrade: instances of a reloaded class get the new class (and isinstance works again).

Each check edits a module inside one fresh interpreter, with rewrite() (which moves the file's time
on, so the reload cannot pick up stale bytecode), reloads it as the caller would, and only then
calls upgrade. Besides the README's shapes.py, the checks write modules of their own, whose names
and classes a submission cannot know in advance: kit/forms.py (a submodule, with several objects
of one class, a subclass, and two classes the edit does not change: a dataclass, whose objects
compare equal and cannot be hashed, and a class whose objects compare and hash by their data),
shapes_extra.py (a module whose name starts with "shapes", with
its own Circle), kit/shapes.py (a module whose name ends with "shapes", reloaded as well), and
shapes_copy (shapes.py run a second time under another name). Every module
the checks write counts how often its body ran (LOADS), so that an upgrade that reloads the
module once more is seen. One check reloads shapes a second time after upgrade ran, so that a
class remembered from an earlier call is seen.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: every object whose class was defined in the module gets the reloaded class of the same
  name (isinstance with the module's class works again), whatever the module and its classes are
  called, a subclass defined in the module too.
  -> old_instances_become_instances_of_the_new_classes
- Step 1: "every object" means each one: objects that compare equal are each upgraded, and objects that
  cannot be hashed (a dataclass's) are upgraded like any other.
  -> old_instances_become_instances_of_the_new_classes
- Step 1: an object of a class whose body the edit did not change is upgraded too (the reload made a new
  class all the same).
  -> old_instances_become_instances_of_the_new_classes
- Step 1: the class of the same name is the one the module has at the time of the call: after a second
  reload (with upgrade called in between), nothing found in an earlier call is used.
  -> upgrading_twice_changes_nothing_the_second_time
- Step 1: the object is kept (the caller's references see the new class), with its data, and has
  the new methods.
  -> old_instances_become_instances_of_the_new_classes
- upgrade is called after importlib.reload(module) and must not reload the module itself (its
  body does not run again).
  -> old_instances_become_instances_of_the_new_classes, upgrading_twice_changes_nothing_the_second_time
- Step 2: objects of classes from other modules are left alone: a class of the same name defined
  elsewhere, a module whose name only starts or ends like the module's name, a second module made
  from the same file, another module's subclass of the module's class, an out-of-date object of
  another module that was reloaded too, built-in types.
  -> other_objects_are_left_alone
- Step 2: old objects that upgrade was not given are left alone, also those reachable from the ones
  given (in a list or a dict in the list, in an attribute).
  -> other_objects_are_left_alone, old_instances_become_instances_of_the_new_classes
- Step 2: "leave everything else alone" holds for the list given: the same objects, in order.
  -> other_objects_are_left_alone
- Step 2: "leave everything else alone" holds for classes too: no class is changed (not the old
  classes, whose methods objects not given still run, nor another module's subclass's bases).
  -> other_objects_are_left_alone
- Step 2: objects whose class is already the current one are left alone (and not counted).
  -> other_objects_are_left_alone, upgrading_twice_changes_nothing_the_second_time
- Step 3: upgrade returns how many objects it upgraded (objects, not classes).
  -> old_instances_become_instances_of_the_new_classes, other_objects_are_left_alone
"""

import pytest

from grader import expect

#: One line every module the checks write starts with: how often its body has run.
COUNTED = 'LOADS = globals().get("LOADS", 0) + 1\n\n'

#: shapes.py as the checks edit it: the same classes, each with a describe() method.
EDITED = (
    COUNTED
    + """
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
)

#: Two classes of kit/forms.py that the edit below does not touch, so that "the class did not change" is
#: tried: Point, a dataclass (objects that compare equal and cannot be hashed), and Tag, whose objects
#: compare equal, and hash alike, when their text is the same.
FORMS_KEPT = """

@dataclass
class Point:
    x: int
    y: int

    def render(self):
        return f"({self.x}, {self.y})"


class Tag:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return getattr(other, "text", None) == self.text

    def __hash__(self):
        return hash(self.text)

    def render(self):
        return f"#{self.text}"
"""

#: kit/forms.py, the checks' own module: names no README mentions, a subclass, and classes the edit
#: leaves as they were.
FORMS = (
    COUNTED
    + "from dataclasses import dataclass\n"
    + """
class Label:
    def __init__(self, text):
        self.text = text


class Arrow:
    def __init__(self, length):
        self.length = length


class Banner(Label):
    pass
"""
    + FORMS_KEPT
)
FORMS_EDITED = (
    COUNTED
    + "from dataclasses import dataclass\n"
    + """
class Label:
    def __init__(self, text):
        self.text = text

    def render(self):
        return f"label {self.text}"


class Arrow:
    def __init__(self, length):
        self.length = length

    def render(self):
        return "-" * self.length + ">"


class Banner(Label):
    def render(self):
        return f"banner {self.text.upper()}"
"""
    + FORMS_KEPT
)

#: shapes.py as the checks edit it a second time: new classes again, each with one more method.
SECOND_EDIT = EDITED.replace(
    '        return f"circle of radius {self.radius}"\n',
    '        return f"circle of radius {self.radius}"\n\n    def area(self):\n        return 3 * self.radius ** 2\n',
).replace(
    '        return f"square of side {self.side}"\n',
    '        return f"square of side {self.side}"\n\n    def area(self):\n        return self.side ** 2\n',
)

EDIT = f"""
import importlib, shapes, upgrade
circle, square = shapes.Circle(2), shapes.Square(3)
rewrite("shapes.py", {EDITED!r})
importlib.reload(shapes)
loads = shapes.LOADS
"""


def ran_again(runs: object, module: str) -> str:
    """What the check saw when the module's body ran `runs` times during upgrade (LOADS after - before)."""
    times = f"{runs} more time(s)" if isinstance(runs, int) else "again"
    return f"the body of {module} ran {times} during upgrade: upgrade reloaded the module itself"


NOT_AGAIN = (
    "upgrade is called after importlib.reload(module): the module already has its new classes, "
    "so use them as they are, without reloading it once more."
)


@pytest.mark.points(2)
def test_old_instances_become_instances_of_the_new_classes(student):
    # The classes first, the new methods only on objects that got the new class:
    # calling describe() on an old object would only say it has no such method.
    student.write("kit/__init__.py", "")
    student.write("kit/forms.py", FORMS)
    seen = student.observe(
        EDIT
        + f"""
before = [type(circle), type(square)]
count = upgrade.upgrade([circle, square], shapes)
report(count=count, isinstance=[isinstance(circle, shapes.Circle), isinstance(square, shapes.Square)],
       kept=[type(circle) is before[0], type(square) is before[1]], runs=shapes.LOADS - loads,
       types=[f"{{type(o).__module__}}.{{type(o).__qualname__}}" for o in (circle, square)])
report(described=[shape.describe() if type(shape) is getattr(shapes, type(shape).__name__, None) else None
                  for shape in (circle, square)])

# The check's own module, under a dotted name, with classes the README never names.
import kit.forms as forms
made = {{"Label('a')": forms.Label("a"), "Label('b')": forms.Label("b"), "Arrow(3)": forms.Arrow(3),
        "Banner('c')": forms.Banner("c"), "Tag('x')": forms.Tag("x"),
        "a second Tag('x'), equal to the first": forms.Tag("x")}}
points = {{"Point(1, 2)": forms.Point(1, 2), "a second Point(1, 2), equal to the first": forms.Point(1, 2)}}
rewrite("kit/forms.py", {FORMS_EDITED!r})
importlib.reload(forms)
loads = forms.LOADS
# Two calls: a list of objects that can all be hashed, and one of two equal dataclass objects, which cannot.
counts, errors, old_point = [], [], type(points["Point(1, 2)"])
for group in (made, points):
    try:
        counts.append(upgrade.upgrade(list(group.values()), forms))
    except Exception as exc:
        counts.append(None)
        errors.append(type(exc).__name__)
    if group is made:
        points_touched = any(type(o) is not old_point for o in points.values())
made.update(points)
report(forms_runs=forms.LOADS - loads, forms_counts=counts, forms_errors=errors, points_touched=points_touched,
       forms_stale=[name for name, o in made.items() if type(o) is not getattr(forms, type(o).__name__, None)],
       forms_rendered=[o.render() if type(o) is getattr(forms, type(o).__name__, None) else None
                       for o in made.values()])
""",
        doing="upgrade.upgrade to work after a reload of shapes (and of the check's own module kit.forms)",
    )
    expect(
        seen["runs"] == 0,
        expected="upgrade([circle, square], shapes), called after the check reloaded shapes, "
        "not to reload shapes again",
        saw=ran_again(seen["runs"], "shapes.py"),
        hint=NOT_AGAIN,
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
        hint="an object's class is its attribute obj.__class__, and it can be assigned: give each old object "
        "the class that the reloaded module now has under the same name (a new object would not help: "
        "the program holds the old ones).",
    )
    expect(
        seen["described"] == ["circle of radius 2", "square of side 3"],
        expected='the upgraded objects to keep their data and have the new methods: describe() should give '
        '"circle of radius 2" and "square of side 3"',
        saw=f"they gave {seen['described']}",
        hint="change only the object's class, not its attributes.",
    )
    expect(
        seen["count"] == 2,
        expected="upgrade to return 2 (two objects upgraded)",
        saw=f"it returned {seen['count']!r}",
        hint="count the objects whose class you changed.",
    )
    # The check's own module: upgrade must go by the module and the classes it is given.
    expect(
        seen["forms_runs"] == 0,
        expected="upgrade(objects, forms), called after the check reloaded its module kit.forms, "
        "not to reload it again",
        saw=ran_again(seen["forms_runs"], "kit/forms.py"),
        hint=NOT_AGAIN,
    )
    expect(
        not seen["forms_errors"],
        expected="upgrade([Point(1, 2), Point(1, 2)], forms), for two equal objects of a dataclass of the check's "
        "module kit.forms (objects that compare equal, and cannot be hashed), to upgrade both",
        saw=f"upgrade raised {seen['forms_errors'][0]}" if seen["forms_errors"] else "",
        hint="objects need not be hashable, and two equal objects (==) are still two objects: go through the "
        "list you are given as it is, without putting its objects in a set or a dict.",
    )
    expect(
        not seen["points_touched"],
        expected="upgrade(objects, forms), given the Labels, the Arrow, the Banner and the Tags of kit.forms, to "
        "leave alone the two Points of kit.forms, which were not in that list",
        saw="it upgraded the Points too",
        hint="upgrade only the objects in the list it is given: the program may hold other old objects on "
        "purpose.",
    )
    stale = seen["forms_stale"]
    # One of two equal objects upgraded, the other not: they were taken for one (a set, `in`).
    equal_pair = any((first in stale) != (f"a second {first}, equal to the first" in stale)
                     for first in ("Tag('x')", "Point(1, 2)"))
    kept_classes = stale and all("Point" in name or "Tag" in name for name in stale)
    expect(
        not stale,
        expected="upgrade(objects, forms), for a module kit.forms that the check wrote (classes Label, Arrow, "
        "Banner, a subclass of Label, Point and Tag) and reloaded, to give every old object the reloaded class of "
        "its name",
        saw=f"these kept their old class: {', '.join(stale)}",
        hint="two objects that compare equal (==) are still two objects, and each needs the new class: a set, a "
        "dict or `in` go by ==, so go through the list itself and change every object that is out of date."
        if equal_pair
        else "the edit did not change the body of Point or Tag, but the reload made new classes of them all the "
        "same: an object whose class is not the module's class of that name is out of date, whatever the two "
        "classes hold."
        if kept_classes
        else "the README's shapes, Circle and Square are only an example: go by the module you are given "
        "(module.__name__) and by the name of each object's own class, and change the objects themselves.",
    )
    expect(
        seen["forms_rendered"] == ["label a", "label b", "--->", "banner C", "#x", "#x", "(1, 2)", "(1, 2)"],
        expected="the upgraded kit.forms objects to keep their data and have the new render() method",
        saw=f"render() gave {seen['forms_rendered']}",
        hint="change only the object's class, not its attributes.",
    )
    expect(
        seen["forms_counts"] == [6, 2],
        expected="upgrade to return 6 for two old Labels, an Arrow, a Banner and two equal Tags, and 2 for two "
        "equal Points (each object upgraded counts)",
        saw=f"it returned {seen['forms_counts'][0]!r} and {seen['forms_counts'][1]!r}",
        hint="count the objects whose class you changed, not their classes: two objects of one class count twice.",
    )


#: shapes_extra.py, the checks' own: a module whose name starts with "shapes", with its own Circle.
SHAPES_EXTRA = "class Circle:\n    def __init__(self, radius):\n        self.radius = radius\n"
#: kit/shapes.py, the checks' own: a module whose name ends like "shapes", with its own Circle, which the
#: check reloads too (its old objects are out of date, but not of the module upgrade is given).
KIT_SHAPES = SHAPES_EXTRA + "\n    def area(self):\n        return 3 * self.radius ** 2\n"


@pytest.mark.points(1)
def test_other_objects_are_left_alone(student):
    student.write("shapes_extra.py", SHAPES_EXTRA)
    student.write("kit/__init__.py", "")
    student.write("kit/shapes.py", SHAPES_EXTRA)
    seen = student.observe(
        f"""
import importlib, importlib.util, os, shapes, shapes_extra, sys, upgrade
import kit.shapes
from fractions import Fraction

# shapes.py run a second time, as another module (as a file reachable under two names is).
spec = importlib.util.spec_from_file_location("shapes_copy", os.path.abspath("shapes.py"))
shapes_copy = sys.modules["shapes_copy"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(shapes_copy)


class Circle:  # the same name as shapes.Circle, defined in another module (the check's)
    def __init__(self, radius):
        self.radius = radius


class BigCircle(shapes.Circle):  # another module's subclass of the (old) shapes.Circle
    pass


circle = shapes.Circle(2)
big = BigCircle(8)
outside = shapes.Square(4)  # never given to upgrade
# Never given either, but reachable from what is: in a list and a dict in the list, and in an attribute.
in_list, in_dict, held = shapes.Square(11), shapes.Square(12), shapes.Square(13)
circle.partner = held
kit_circle = kit.shapes.Circle(10)
rewrite("kit/shapes.py", {KIT_SHAPES!r})
importlib.reload(kit.shapes)  # another module reloaded too: kit_circle is out of date, in kit.shapes
classes = {{"the old shapes.Circle": type(circle), "the old shapes.Square": type(outside)}}
rewrite("shapes.py", {EDITED!r})
importlib.reload(shapes)
others = {{
    "7": 7,
    "'text'": "text",
    "Fraction(1, 3)": Fraction(1, 3),
    "a Circle(5) of the check's own module": Circle(5),
    "shapes_extra.Circle(6)": shapes_extra.Circle(6),
    "BigCircle(8), the check's subclass of the old shapes.Circle": big,
    "shapes_copy.Circle(7), of a second module made from shapes.py": shapes_copy.Circle(7),
    "shapes.Circle(9), made after the reload": shapes.Circle(9),
    "kit.shapes.Circle(10), of the old kit.shapes.Circle (kit.shapes was reloaded too)": kit_circle,
}}
given = list(others.values()) + [circle, [in_list], {{"square": in_dict}}]
others["the old shapes.Square(4), which was not in the list given"] = outside
others["the old shapes.Square(11), not in the list given but in a list inside it"] = in_list
others["the old shapes.Square(12), not in the list given but in a dict inside it"] = in_dict
others["the old shapes.Square(13), not in the list given but held by the old circle in it (circle.partner)"] = held
before = {{name: type(o) for name, o in others.items()}}
classes.update({{"BigCircle": BigCircle, "the check's Circle": Circle, "shapes_extra.Circle": shapes_extra.Circle,
                "shapes_copy.Circle": shapes_copy.Circle, "the old kit.shapes.Circle": type(kit_circle),
                "the new shapes.Circle": shapes.Circle, "the new shapes.Square": shapes.Square}})
contents = {{name: (cls.__bases__, dict(vars(cls))) for name, cls in classes.items()}}
listed = list(given)
count = upgrade.upgrade(given, shapes)


def how(name, cls):
    bases, attributes = contents[name]
    now = dict(vars(cls))
    gained = sorted(set(now) - set(attributes))
    lost_or_changed = sorted(key for key in attributes if key not in now or now[key] is not attributes[key])
    return ", ".join(
        (["its bases changed"] if cls.__bases__ != bases else [])
        + ([f"it gained {{', '.join(gained)}}"] if gained else [])
        + ([f"its {{', '.join(lost_or_changed)}} changed"] if lost_or_changed else [])
    )


report(count=count, changed=[name for name, o in others.items() if type(o) is not before[name]],
       became={{name: f"{{type(o).__module__}}.{{type(o).__qualname__}}" for name, o in others.items()
               if type(o) is not before[name]}},
       classes={{name: how(name, cls) for name, cls in classes.items() if how(name, cls)}},
       fraction=others["Fraction(1, 3)"] == Fraction(1, 3), upgraded=type(circle) is shapes.Circle,
       list_kept=len(given) == len(listed) and all(a is b for a, b in zip(given, listed)))
""",
        doing="upgrade.upgrade to work on a mixed list",
    )
    changed = seen["changed"]
    outside = [name for name in changed if "not in the list" in name]
    own_module = [name for name in changed if not seen["became"][name].startswith("shapes.")]
    expect(
        not changed,
        expected="upgrade(objects, shapes) to leave alone every object whose class was not defined in shapes "
        "(a Circle of another module, shapes_extra.Circle(6), shapes_copy.Circle(7) of a second module made "
        "from shapes.py, another module's subclass of shapes.Circle, kit.shapes.Circle(10) of a module "
        "kit.shapes that was reloaded too, the built-in types), and every object it was not given (also one that "
        "an object in the list holds, or a list or a dict in it)",
        saw="upgrade changed the class of "
        + ", ".join(f"{name} (to {seen['became'][name]})" for name in changed),
        hint="upgrade only the objects in the list it is given, not what they hold or contain: the program may "
        "hold other old objects on purpose."
        if outside
        else "upgrade only the classes of the module you are given: another module's objects stay as they "
        "are, even when that module was reloaded too."
        if own_module
        else "the name of the class is not enough, and neither is a module name that only starts or ends like "
        "module.__name__, the file the module came from, or a base class: what counts is the module that "
        "defined the object's own class (type(obj).__module__), compared in full.",
    )
    expect(
        seen["list_kept"],
        expected="upgrade to leave the list it is given as it was: the same objects, in the same order",
        saw="after upgrade the list held other objects, or fewer, or in another order",
        hint="change the objects themselves (their __class__), not the list: the program holds the objects "
        "in other places too.",
    )
    expect(
        not seen["classes"],
        expected="upgrade to change no class, only the class of each object it upgrades: not the old classes "
        "(which objects not given to upgrade still use), not another module's classes or subclasses",
        saw="upgrade changed classes: " + "; ".join(f"{name} ({how})" for name, how in seen["classes"].items()),
        hint="assign the object's __class__ and nothing more: changing a class (its methods, its __bases__) "
        "changes every object of it and of its subclasses, also those upgrade was not given.",
    )
    expect(
        seen["count"] == 1 and seen["upgraded"] and seen["fraction"],
        expected=(
            "only the old shapes circle to be upgraded in that list (which also held shapes.Circle(9), made "
            "after the reload, whose class is already the current one), and upgrade to return 1"
        ),
        saw=f"it returned {seen['count']!r}"
        + ("" if seen["upgraded"] else ", and the old shapes circle was not upgraded"),
        hint="count only the objects whose class you changed: an object whose class already is the module's "
        "current class needs nothing, and neither do objects of other modules' classes.",
    )


@pytest.mark.points(1)
def test_upgrading_twice_changes_nothing_the_second_time(student):
    # spare: a second circle as old as the first, which the first calls are not given.
    seen = student.observe(
        EDIT.replace("circle, square = shapes.Circle(2), shapes.Square(3)", "circle, square, spare = "
                     "shapes.Circle(2), shapes.Square(3), shapes.Circle(4)")
        + f"""
first = upgrade.upgrade([circle], shapes)
report(first=first, upgraded=type(circle) is shapes.Circle, second=upgrade.upgrade([circle], shapes),
       runs=shapes.LOADS - loads)

# A second edit and reload: nothing found in the calls before may be used again. spare is as old as
# circle was, square as well; circle has the class of the first reload.
rewrite("shapes.py", {SECOND_EDIT!r})
importlib.reload(shapes)
loads = shapes.LOADS
third = upgrade.upgrade([circle, square, spare], shapes)
report(third=third, runs_third=shapes.LOADS - loads,
       behind=[name for name, o in (("circle", circle), ("square", square), ("spare", spare))
               if type(o) is not getattr(shapes, type(o).__name__)])
""",
        doing="upgrade.upgrade to work twice, and again after a second reload",
    )
    expect(
        seen["runs"] == 0,
        expected="two calls of upgrade([circle], shapes), after the check reloaded shapes, not to reload shapes again",
        saw=ran_again(seen["runs"], "shapes.py"),
        hint=NOT_AGAIN,
    )
    # Whether a second call changes nothing can only be judged once the first call upgraded.
    expect(
        seen["upgraded"],
        expected="the first upgrade to give the old circle the reloaded class, so that a second one has nothing to do",
        saw="after the first call, type(circle) was still not shapes.Circle",
        hint="an object's class is obj.__class__, and it can be assigned (see the first check).",
    )
    expect(
        (seen["first"], seen["second"]) == (1, 0),
        expected="the second upgrade of the same objects to return 0",
        saw=f"the two calls returned {seen['first']!r} and {seen['second']!r}",
        hint="an object whose class `is` the module's current class needs no upgrade.",
    )
    expect(
        seen["runs_third"] == 0,
        expected="upgrade, called after the check reloaded shapes a second time, not to reload shapes again",
        saw=ran_again(seen["runs_third"], "shapes.py"),
        hint=NOT_AGAIN,
    )
    behind = {"circle": "the circle (upgraded once already)", "square": "the square", "spare": "a second circle"}
    expect(
        not seen["behind"] and seen["third"] == 3,
        expected="after a second reload of shapes (with upgrade called in between), upgrade([circle, square, spare], "
        "shapes) to give all three the classes shapes has now, and return 3",
        saw=(
            "these got or kept a class that was not the one shapes had now: "
            + ", ".join(behind[name] for name in seen["behind"])
            if seen["behind"]
            else f"it returned {seen['third']!r}"
        ),
        hint="look up the module's classes on every call: each reload makes new ones, so a class found in an "
        "earlier call (kept in a cache, or in a table between calls) is out of date after the second reload."
        if seen["behind"]
        else "count the objects whose class you changed.",
    )
