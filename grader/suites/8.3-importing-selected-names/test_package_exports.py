"""8.3 package-exports: `from package import name` for attributes and submodules, and __all__ in a package."""

import pytest

from grader import FIX_THE_NAMED_LINE, expect


@pytest.mark.points(2)
def test_a_function_can_be_imported_from_the_package(student):
    probe = student.probe("from colors import hex_to_rgb\nreport(rgb=hex_to_rgb('#ff8000'))")
    seen, error = probe.values, probe.error
    # Another exception in one of the package's files (an unquoted name in __all__) is not about step 1.
    other = error is not None and error.filename not in (None, "<check>") and not error.isinstance("ImportError")
    expect(
        seen.get("rgb") == [255, 128, 0],
        expected="`from colors import hex_to_rgb` to work, and hex_to_rgb('#ff8000') to be (255, 128, 0)",
        saw=f"it raised {error.summary}" if error else f"it gave {seen.get('rgb')!r}",
        hint=f"{error.explain()} Then {FIX_THE_NAMED_LINE}"
        if other
        else "in colors/__init__.py, `from .convert import hex_to_rgb`.",
    )


@pytest.mark.points(2)
def test_star_gives_the_function_and_the_submodule(student):
    seen = student.observe(
        """
        namespace = {}
        exec("from colors import *", namespace)
        names = sorted(n for n in namespace if n != "__builtins__")
        palette = namespace.get("palette")
        report(names=names, warm=getattr(palette, "WARM", [None])[0])
        """,
        doing="`from colors import *` to work",
    )
    expect(
        seen["names"] == ["hex_to_rgb", "palette"] and seen["warm"] == "#ff8000",
        expected="`from colors import *` to give exactly hex_to_rgb and the submodule palette",
        saw=f"it gave {seen['names']}",
        hint='__all__ = ["hex_to_rgb", "palette"] in colors/__init__.py.',
    )


@pytest.mark.points(1)
def test_importing_the_package_does_not_load_the_palette(student):
    seen = student.observe(
        """
        import sys, colors
        report(loaded="colors.palette" in sys.modules, function=callable(getattr(colors, "hex_to_rgb", None)))
        """,
        doing="`import colors` to work",
    )
    expect(
        seen["function"] and not seen["loaded"],
        expected="`import colors` to provide colors.hex_to_rgb without importing colors.palette",
        saw="colors.palette was imported too" if seen["loaded"] else "colors has no hex_to_rgb",
        hint="step 3: import only convert in __init__.py; name palette in __all__ instead of importing it."
        if seen["loaded"]
        else "step 1: `from .convert import hex_to_rgb` in colors/__init__.py.",
    )


@pytest.mark.points(1)
def test_the_function_comes_from_the_convert_submodule(student):
    seen = student.observe(
        """
        import sys
        namespace = {}
        exec("from colors import hex_to_rgb", namespace)
        convert = sys.modules.get("colors.convert")
        report(
            bound=sorted(n for n in namespace if n != "__builtins__"),
            loaded=sorted(n for n in ("colors", "colors.convert") if n in sys.modules),
            same=convert is not None and namespace["hex_to_rgb"] is getattr(convert, "hex_to_rgb", None),
        )
        """,
        doing="`from colors import hex_to_rgb` to work",
    )
    expect(
        seen["loaded"] == ["colors", "colors.convert"] and seen["same"],
        expected="`from colors import hex_to_rgb` to load colors and colors.convert, and give the function "
        "defined in colors.convert",
        saw=f"sys.modules had only {seen['loaded']}"
        if seen["loaded"] != ["colors", "colors.convert"]
        else "hex_to_rgb was not the function that colors.convert defines",
        hint="step 1: import hex_to_rgb from .convert in colors/__init__.py; do not copy the function.",
    )
    expect(
        seen["bound"] == ["hex_to_rgb"],
        expected="`from colors import hex_to_rgb` to bind only hex_to_rgb in the importer",
        saw=f"it bound {seen['bound']}",
        hint="leave the package's other names to `import colors` or `from colors import *`.",
    )
