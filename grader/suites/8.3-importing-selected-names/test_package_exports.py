"""8.3 package-exports: `from package import name` for attributes and submodules, and __all__ in a package.

Every check first writes the course's colors/convert.py and its own colors/palette.py (colours that no
README shows): the task is to leave the submodules alone, so a fix that needs changed submodules, or
that imitates the palette, fails. The star check adds a submodule of its own and a second public
function to convert.py, so an __all__ worked out from the folder, the package's globals or convert's
names shows. An audit hook counts every run of colors/palette.py's body (the "exec" event that the
import system raises for each module body), so a palette loaded and then dropped from sys.modules, or
loaded by hand once per access, shows. Besides the README's three lines, the palette is asked for as an
attribute of the package, first thing after `import colors`: a lazy module __getattr__ answers that one
itself, where `from` and `*` would find the attribute that importing the submodule set.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `from colors import hex_to_rgb` works and gives a working function.
  -> a_function_can_be_imported_from_the_package
- Step 1: hex_to_rgb is imported from colors.convert, not copied: it is the very function that
  colors.convert defines, so that line loads colors.convert too.
  -> the_function_comes_from_the_convert_submodule
- Step 2: `from colors import *` gives exactly hex_to_rgb and palette: nothing more (not another
  submodule of the package, nor another public name of convert), nothing less.
  -> star_gives_the_function_and_the_submodule
- Step 2: the palette it gives is the submodule colors.palette itself, imported once.
  -> star_gives_the_function_and_the_submodule
- Step 2: whatever gives the name palette gives that submodule: `from colors import palette`, and the
  attribute colors.palette whenever the package has one (a lazy __getattr__ must return the submodule).
  -> import_colors_is_light_and_its_palette_is_the_submodule
- Step 3: `import colors` by itself must not import colors.palette (its body never runs).
  -> import_colors_is_light_and_its_palette_is_the_submodule
- Leave the submodules alone: the checks use the course's convert.py and their own palette.py.
  -> the_function_comes_from_the_convert_submodule, star_gives_the_function_and_the_submodule,
  import_colors_is_light_and_its_palette_is_the_submodule
"""

import pytest

from grader import FIX_THE_NAMED_LINE, CheckFailed, StudentError, expect

#: colors/convert.py as the course gives it.
CONVERT = '''"""Conversions between colour notations."""


def hex_to_rgb(code):
    """"#ff8000" -> (255, 128, 0)."""
    code = code.lstrip("#")
    return tuple(int(code[i : i + 2], 16) for i in (0, 2, 4))
'''

#: colors/palette.py as the course gives it (the checks use their own, below).
COURSE_PALETTE = '''"""Named palettes. Big in real life: load it only when someone asks for it."""

WARM = ["#ff8000", "#ffd000", "#e03000"]
COOL = ["#0080ff", "#00d0ff", "#3000e0"]
'''

AUTUMN = ["#a0522d", "#cd853f", "#8b4513"]

#: The checks' palette: other names and colours than the course's.
PALETTE = f'''"""Named palettes (the check's own)."""

AUTUMN = {AUTUMN!r}
'''

#: The star check's convert.py: the course's, with one more public function, which `*` must not give.
CONVERT_WITH_MORE = (
    CONVERT
    + '''

def rgb_to_hex(rgb):
    """(255, 128, 0) -> "#ff8000"."""
    return "#" + "".join(f"{part:02x}" for part in rgb)
'''
)

#: A submodule of the check's own that `*` must not give.
SWATCHES = '''"""Swatch cards (the check's own submodule, which nothing exports)."""

CARDS = 3
'''

#: Counts how many times colors/palette.py's body runs, however it is loaded.
COUNT_PALETTE_RUNS = """
import os, sys

runs = []


def count(event, args):
    if event == "exec" and args and hasattr(args[0], "co_filename"):
        runs.append(args[0].co_filename.replace(os.sep, "/"))


sys.addaudithook(count)


def palette_runs():
    return sum(1 for f in runs if f.endswith("colors/palette.py"))
"""


def use_the_course_submodules(student) -> bool:
    """Write the checks' convert.py and palette.py; True if the student's differed from the course's."""
    changed = any(
        not student.exists(path) or student.read(path) != text
        for path, text in (("colors/convert.py", CONVERT), ("colors/palette.py", COURSE_PALETTE))
    )
    student.write("colors/convert.py", CONVERT)
    student.write("colors/palette.py", PALETTE)
    return changed


def submodules_hint(changed: bool, hint: str) -> str:
    if changed:
        return (
            "your colors/convert.py or colors/palette.py differs from the course's, and the checks use their own "
            "copies (the task says to leave the submodules alone): the fix belongs in colors/__init__.py. "
            + hint[0].upper()
            + hint[1:]
        )
    return hint


def observe(student, code: str, doing: str, changed: bool) -> dict:
    """student.observe, whose verdict on an exception also says that the submodules were put back, if changed."""
    try:
        return student.observe(code, doing=doing)
    except StudentError as failure:
        if not changed:
            raise
        raise CheckFailed(failure.expected, failure.saw, submodules_hint(True, failure.hint)) from None


@pytest.mark.points(2)
def test_a_function_can_be_imported_from_the_package(student):
    changed = use_the_course_submodules(student)
    probe = student.probe("from colors import hex_to_rgb\nreport(rgb=[hex_to_rgb(c) for c in ('#ff8000', '#1a2b3c')])")
    seen, error = probe.values, probe.error
    # Another exception in one of the package's files (an unquoted name in __all__) is not about step 1.
    other = error is not None and error.filename not in (None, "<check>") and not error.isinstance("ImportError")
    expect(
        seen.get("rgb") == [[255, 128, 0], [26, 43, 60]],
        expected="`from colors import hex_to_rgb` to work, and hex_to_rgb('#ff8000') to be (255, 128, 0)",
        saw=f"it raised {error.summary}" if error else f"it gave {seen.get('rgb')!r}",
        hint=submodules_hint(changed, f"{error.explain()} Then {FIX_THE_NAMED_LINE}")
        if other
        else submodules_hint(
            changed,
            "step 1: `from colors import name` finds an attribute of the package, or else a submodule of that "
            "name; hex_to_rgb is neither until colors/__init__.py binds it, taken from the submodule convert.",
        ),
    )


@pytest.mark.points(1)
def test_the_function_comes_from_the_convert_submodule(student):
    changed = use_the_course_submodules(student)
    seen = observe(
        student,
        """
        import os, sys
        from colors import hex_to_rgb
        convert = sys.modules.get("colors.convert")
        filename = getattr(getattr(hex_to_rgb, "__code__", None), "co_filename", None)
        report(
            loaded=convert is not None,
            same=convert is not None and hex_to_rgb is getattr(convert, "hex_to_rgb", None),
            defined_in=os.path.relpath(filename).replace(os.sep, "/") if filename else None,
        )
        """,
        doing="`from colors import hex_to_rgb` to work",
        changed=changed,
    )
    where = f" (the one it gave was defined in {seen['defined_in']})" if seen["defined_in"] else ""
    expect(
        seen["loaded"] and seen["same"],
        expected="`from colors import hex_to_rgb` to give the very function that colors.convert defines, "
        "and so to load colors.convert",
        saw=f"colors.convert was never imported{where}"
        if not seen["loaded"]
        else f"hex_to_rgb was another function than colors.convert.hex_to_rgb{where}",
        hint=submodules_hint(
            changed,
            "step 1: a copy of the function (or another function of that name) is not the one users of "
            "colors.convert get, and changes made there would not reach it: import it from the submodule.",
        ),
    )


@pytest.mark.points(2)
def test_star_gives_the_function_and_the_submodule(student):
    changed = use_the_course_submodules(student)
    # Another submodule, and another public function in convert, which `*` must leave alone: the two names are
    # the API, not "every submodule" or "whatever convert makes public".
    student.write("colors/swatches.py", SWATCHES)
    student.write("colors/convert.py", CONVERT_WITH_MORE)
    seen = observe(
        student,
        COUNT_PALETTE_RUNS
        + f"""
namespace = {{}}
exec("from colors import *", namespace)
palette = namespace.get("palette")
report(
    names=sorted(n for n in namespace if n != "__builtins__"),
    listed=hasattr(sys.modules["colors"], "__all__"),
    kind="class" if isinstance(palette, type) else type(palette).__name__,
    submodule=palette is not None and palette is sys.modules.get("colors.palette"),
    autumn=getattr(palette, "AUTUMN", None) == {AUTUMN!r},
    runs=palette_runs(),
)
""",
        doing="`from colors import *` to work",
        changed=changed,
    )
    names = seen["names"]
    if seen["listed"] and "rgb_to_hex" in names:
        hint = (
            "with __all__, `*` takes exactly the names the list holds: a list worked out from what the submodules "
            "hold grows with them, where the package's API is two names, whatever else its submodules define."
        )
    elif seen["listed"]:
        hint = "with __all__, `*` takes exactly the names the list holds, no more and no fewer."
    elif "palette" not in names:
        hint = "without __all__, `*` takes only what the package already has: it never imports a submodule."
    else:
        hint = "without __all__, `*` takes every public attribute of the package, submodules it imported included."
    whence = {
        "rgb_to_hex": "rgb_to_hex is a second function of the check's own colors/convert.py",
        "swatches": "swatches is a submodule of the check's own, colors/swatches.py",
    }
    others = [whence[n] for n in whence if n in names]
    expect(
        names == ["hex_to_rgb", "palette"],
        expected="`from colors import *` to give exactly hex_to_rgb and palette",
        saw=f"it gave {names}" + (f" ({'; '.join(others)})" if others else ""),
        hint=hint,
    )
    runs = f"colors/palette.py ran {seen['runs']} times"
    if seen["kind"] != "module":
        saw = f"the palette it gave was a {seen['kind']}, not a module, and {runs}"
    elif not seen["submodule"]:
        saw = f"the palette it gave was a module, but not sys.modules['colors.palette'], and {runs}"
    elif seen["runs"] != 1:
        saw = runs
    else:
        saw = "the palette it gave did not hold what colors/palette.py defines"
    expect(
        seen["submodule"] and seen["autumn"] and seen["runs"] == 1,
        expected="the palette that `*` gives to be the submodule colors.palette, loaded once from colors/palette.py",
        saw=saw,
        hint=submodules_hint(
            changed,
            "a name in __all__ that the package lacks makes `*` import the submodule of that name through the "
            "import system, once, the same module `import colors.palette` gives; a stand-in in __init__.py, or "
            "a module loaded from its file by hand, is not that submodule.",
        ),
    )


def what_it_was(kind: str) -> str:
    return {
        "package": "the package colors itself",
        "other module": "a module, but not sys.modules['colors.palette']",
    }.get(kind, f"a {kind}, not a module")


@pytest.mark.points(1)
def test_import_colors_is_light_and_its_palette_is_the_submodule(student):
    changed = use_the_course_submodules(student)
    seen = observe(
        student,
        COUNT_PALETTE_RUNS
        + """
import colors

function = callable(getattr(colors, "hex_to_rgb", None))
report(function=function, loaded="colors.palette" in sys.modules, runs=palette_runs())


def kind(value):
    if value is not None and value is sys.modules.get("colors.palette"):
        return "submodule"
    if value is colors:
        return "package"
    if isinstance(value, type(sys)):
        return "other module"
    return "class" if isinstance(value, type) else type(value).__name__


# The palette asked for as an attribute first (a module __getattr__ answers that itself), then by `from`.
try:
    first = kind(colors.palette)
except AttributeError:
    first = None  # no such attribute yet: `from colors import palette` imports the submodule
from colors import palette
report(first=first, by_from=kind(palette), then=kind(getattr(colors, "palette", None)), all_runs=palette_runs())
""",
        doing="`import colors` and `from colors import palette` to work",
        changed=changed,
    )
    light = not seen["loaded"] and seen["runs"] == 0
    if seen["loaded"]:
        saw = "colors.palette was imported too"
    elif not light:
        saw = "colors/palette.py ran, though it left sys.modules"
    else:
        saw = "colors has no hex_to_rgb"
    expect(
        seen["function"] and light,
        expected="`import colors` to provide colors.hex_to_rgb without importing colors.palette",
        saw=saw,
        hint="step 3: whatever colors/__init__.py imports, every `import colors` loads; a submodule that only `*` "
        "needs can be left for `*` to import."
        if not light
        else "step 1: the package needs an attribute hex_to_rgb, taken from its submodule convert.",
    )
    if seen["first"] not in (None, "submodule"):
        saw = f"colors.palette, asked for right after `import colors`, was {what_it_was(seen['first'])}"
    elif seen["by_from"] != "submodule":
        saw = f"`from colors import palette` gave {what_it_was(seen['by_from'])}"
    elif seen["then"] != "submodule":
        saw = f"colors.palette, after `from colors import palette`, was {what_it_was(seen['then'])}"
    elif seen["all_runs"] != 1:
        saw = f"colors/palette.py ran {seen['all_runs']} times"
    else:
        saw = ""
    expect(
        not saw,
        expected="the attribute colors.palette (whenever the package has one) and `from colors import palette` "
        "to give the submodule colors.palette, loaded once",
        saw=saw,
        hint=submodules_hint(
            changed,
            "step 2: whatever gives the name palette must give the module that `import colors.palette` gives. "
            "A module __getattr__ answers `colors.palette` itself, with what it returns: `__import__('a.b')` "
            "returns the top-level package a, not a.b, and anything built by hand is not the submodule either.",
        ),
    )
