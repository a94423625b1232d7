"""8.3 public-api: __all__ decides exactly what `from textkit import *` exports."""

import pytest

from grader import expect

STAR = """
namespace = {}
exec("from textkit import *", namespace)
report(names=sorted(n for n in namespace if n != "__builtins__"))
"""


@pytest.mark.points(2)
def test_star_gives_exactly_the_public_api(student):
    seen = student.observe(STAR, doing="`from textkit import *` to work")
    expect(
        seen["names"] == ["_normalize", "shout", "slugify"],
        expected="`from textkit import *` to give exactly _normalize, shout and slugify",
        saw=f"it gave {seen['names']}",
        hint='define __all__ = ["slugify", "shout", "_normalize"] in textkit.py.',
    )


@pytest.mark.points(1)
def test_no_imported_module_leaks_out(student):
    seen = student.observe(STAR, doing="`from textkit import *` to work")
    leaked = [n for n in seen["names"] if n in ("re", "unicodedata", "REPLACEMENTS", "_cleanup")]
    expect(
        not leaked,
        expected="`from textkit import *` to leave textkit's own machinery behind",
        saw=f"it also gave {leaked}",
        hint="names not listed in __all__ are not exported by *.",
    )


@pytest.mark.points(1)
def test_all_names_only_what_textkit_defines_and_nothing_broke(student):
    seen = student.observe(
        """
        import textkit
        from textkit import REPLACEMENTS
        names = getattr(textkit, "__all__", None)
        strings = isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names)
        report(kind=type(names).__name__, strings=strings,
               missing=[n for n in names if not hasattr(textkit, n)] if strings else [],
               slug=textkit.slugify("Fish & Chips"), table=REPLACEMENTS["&"])
        """,
        doing="`import textkit` and textkit.slugify to work",
    )
    expect(
        seen["strings"],
        expected="textkit.__all__ to be a list (or tuple) of names",
        saw="textkit has no __all__" if seen["kind"] == "NoneType" else f"it is a {seen['kind']}",
        hint="__all__ = [...] with one string per name.",
    )
    expect(
        not seen["missing"],
        expected="every name in textkit.__all__ to be defined in textkit",
        saw=f"textkit has no {', '.join(seen['missing'])}, so `from textkit import *` raises AttributeError",
        hint="step 2: take out of __all__ any name the module does not define, or correct its spelling.",
    )
    expect(
        seen["slug"] == "fish-and-chips" and seen["table"] == "and",
        expected='slugify("Fish & Chips") to still be "fish-and-chips"',
        saw=f"it was {seen['slug']!r}",
        hint="only change __all__; leave the functions as they were.",
    )
