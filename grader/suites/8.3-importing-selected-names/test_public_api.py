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


def not_strings(items):
    """The items of __all__ that are not strings, in words: "its items slugify and shout are functions"."""
    kinds = {}
    for name, kind in items:
        kinds.setdefault(kind, []).append(name)
    parts = []
    for kind, names in kinds.items():
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        one = len(names) == 1
        parts.append(f"its item {listed} is a {kind}" if one else f"its items {listed} are {kind}s")
    return "; ".join(parts)


@pytest.mark.points(1)
def test_all_names_only_what_textkit_defines_and_nothing_broke(student):
    seen = student.observe(
        """
        import textkit
        names = getattr(textkit, "__all__", None)
        items = names if isinstance(names, (list, tuple)) else None
        # Items that are not strings, each by its own name (a function's __name__) and its type.
        others = [(getattr(n, "__name__", repr(n)), type(n).__name__) for n in items or () if not isinstance(n, str)]
        strings = items is not None and not others
        try:
            from textkit import REPLACEMENTS
        except ImportError:  # textkit itself imported above: only the name can be missing
            REPLACEMENTS = None
        report(kind=type(names).__name__, others=others, strings=strings,
               missing=[n for n in names if not hasattr(textkit, n)] if strings else [],
               slug=textkit.slugify("Fish & Chips"), kept=REPLACEMENTS is not None,
               table=REPLACEMENTS["&"] if REPLACEMENTS is not None else None)
        """,
        doing="`import textkit` and textkit.slugify to work",
    )
    expect(
        seen["strings"],
        expected="textkit.__all__ to be a list (or tuple) of names, as strings",
        saw="textkit has no __all__"
        if seen["kind"] == "NoneType"
        else f"{not_strings(seen['others'])}, not strings"
        if seen["others"]
        else f"it is a {seen['kind']}",
        hint='quote each name: __all__ = ["slugify", ...] lists the names, not the functions themselves.'
        if seen["others"]
        else "__all__ = [...] with one string per name.",
    )
    expect(
        not seen["missing"],
        expected="every name in textkit.__all__ to be defined in textkit",
        saw=f"textkit has no {', '.join(seen['missing'])}, so `from textkit import *` raises AttributeError",
        hint="step 2: take out of __all__ any name the module does not define, or correct its spelling.",
    )
    expect(
        seen["kept"],
        expected="`from textkit import REPLACEMENTS` to still work",
        saw="textkit has no REPLACEMENTS any more",
        hint="step 3: keep REPLACEMENTS under its name; __all__ only governs `*`, explicit imports still work.",
    )
    expect(
        seen["slug"] == "fish-and-chips" and seen["table"] == "and",
        expected='slugify("Fish & Chips") to still be "fish-and-chips", and REPLACEMENTS["&"] "and"',
        saw=f"they were {seen['slug']!r} and {seen['table']!r}",
        hint="only change __all__; leave the functions as they were.",
    )
