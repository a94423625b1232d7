"""8.3 public-api: __all__ decides exactly what `from textkit import *` exports.

"Everything working as before" is tried on texts the README never shows (underscores, every ASCII
punctuation mark, accents, ligatures, full-width digits, other scripts), against the course's own
functions, so a rewrite that only keeps "Fish & Chips" right, or that dropped an import the functions
need, shows. Then the check changes REPLACEMENTS (an entry of its own added, one taken out), as a user
of `from textkit import REPLACEMENTS` may: in the course's textkit, slugify follows the table as it is
when called, so a table left as a copy, or pairs or a pattern taken from it once, shows.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `from textkit import *` works again and gives exactly slugify, shout and _normalize.
  -> star_gives_exactly_the_public_api
- Step 1: nothing else: in particular no re, unicodedata, REPLACEMENTS or _cleanup.
  -> no_imported_module_leaks_out, star_gives_exactly_the_public_api
- Step 2: every name in __all__ is one that textkit defines (a string naming one of its globals).
  -> all_names_only_what_textkit_defines
- Step 3: slugify, shout, _normalize and _cleanup give what they gave before, on any text, and
  REPLACEMENTS holds what it held.
  -> everything_else_works_as_before
- Step 3: ... and REPLACEMENTS is still the very table that _cleanup (so slugify) uses when it runs: a
  change made to it (an entry added, one taken out) changes what they give, as before.
  -> everything_else_works_as_before
- Step 3: explicit imports of every name textkit.py defines still work, `from textkit import REPLACEMENTS`
  and `from textkit import _cleanup` included (__all__ only governs *). Where re and unicodedata are
  imported is free.
  -> everything_else_works_as_before
"""

import re
import unicodedata

import pytest

from grader import FIX_THE_NAMED_LINE, expect

STAR = """
import sys
namespace = {}
exec("from textkit import *", namespace)
report(names=sorted(n for n in namespace if n != "__builtins__"), listed=hasattr(sys.modules["textkit"], "__all__"))
"""

PUBLIC = ["_normalize", "shout", "slugify"]
MACHINERY = ("re", "unicodedata", "REPLACEMENTS", "_cleanup")


def listed(names: list) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


@pytest.mark.points(2)
def test_star_gives_exactly_the_public_api(student):
    seen = student.observe(STAR, doing="`from textkit import *` to work")
    names = seen["names"]
    missing = [n for n in PUBLIC if n not in names]
    extra = [n for n in names if n not in PUBLIC]
    parts = [f"it gave {names}"]
    if missing:
        parts.append(f"without {listed(missing)}")
    if extra:
        parts.append(f"with {listed(extra)} too")
    if not seen["listed"]:
        hint = (
            "without __all__, `*` takes every name that does not start with an underscore (the modules textkit "
            "imported included) and none that does: only __all__ can say exactly what it gives."
        )
    elif any(n.startswith("_") for n in missing):
        hint = "with __all__, `*` takes a name that starts with an underscore too, but only if the list holds it."
    else:
        hint = "with __all__, `*` takes exactly the names the list holds, no more and no fewer."
    expect(
        not missing and not extra,
        expected="`from textkit import *` to give exactly _normalize, shout and slugify",
        saw=", ".join(parts),
        hint=hint,
    )


@pytest.mark.points(1)
def test_no_imported_module_leaks_out(student):
    seen = student.observe(STAR, doing="`from textkit import *` to work")
    leaked = [n for n in seen["names"] if n in MACHINERY]
    expect(
        not leaked,
        expected="`from textkit import *` to leave textkit's own machinery behind",
        saw=f"it also gave {leaked}",
        hint="`*` exports exactly what __all__ lists: keep textkit's machinery out of the list (explicit imports "
        "such as `from textkit import REPLACEMENTS` work without it).",
    )


def not_strings(items):
    """The items of __all__ that are not strings, in words: "its items slugify and shout are functions"."""
    kinds = {}
    for name, kind in items:
        kinds.setdefault(kind, []).append(name)
    parts = []
    for kind, names in kinds.items():
        one = len(names) == 1
        parts.append(f"its item {listed(names)} is a {kind}" if one else f"its items {listed(names)} are {kind}s")
    return "; ".join(parts)


@pytest.mark.points(1)
def test_all_names_only_what_textkit_defines(student):
    seen = student.observe(
        """
        import textkit
        names = getattr(textkit, "__all__", None)
        items = names if isinstance(names, (list, tuple)) else None
        # Items that are not strings, each by its own name (a function's __name__) and its type.
        others = [(getattr(n, "__name__", repr(n)), type(n).__name__) for n in items or () if not isinstance(n, str)]
        strings = items is not None and not others
        report(kind=type(names).__name__, others=others, strings=strings,
               missing=[n for n in names if n not in vars(textkit)] if strings else [])
        """,
        doing="`import textkit` to work",
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
        saw=f"textkit defines no {listed(seen['missing'])}, so `from textkit import *` fails",
        hint="step 2: a name in __all__ is a promise that the module has it: check each one against the "
        "definitions in textkit.py, spelling included.",
    )


# textkit's own functions, as the course gives them: on any text, the student's must still give what these give.
def course_normalize(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def course_cleanup(text, table=None):
    for old, new in (TABLE if table is None else table).items():
        text = text.replace(old, f" {new} ")
    return text


def course_slugify(text, table=None):
    return "-".join(re.findall(r"[a-z0-9]+", course_normalize(course_cleanup(text, table)).lower()))


def course_shout(text):
    return text.upper() + "!"


TABLE = {"&": "and", "@": "at"}
COURSE = {"slugify": course_slugify, "shout": course_shout, "_normalize": course_normalize, "_cleanup": course_cleanup}

#: Texts the README never shows: underscores, digits, every ASCII punctuation mark, tabs and new lines,
#: accents, ligatures, full-width and compatibility characters, other scripts, ß, empty and padded strings.
TEXTS = [
    "Fish & Chips",
    "Crème Brûlée @ Noon!",
    "  Ångström & Co. 2024 ",
    "snake_case & kebab-case",
    "C++/C# 2.0 (beta)?",
    "tabs\tand\nnew lines",
    "\ufb01nal \u00bd price: \uff12\uff10\uff05",
    "Straße über Ærø",
    "Ελληνικά & 日本語",
    "",
    "--- @ ---",
    "a&b@c",
    "!\"#$%'()*+,./:;<=>?[\\]^_`{|}~",
    "MixedCASE42isFine x²",
    "Ça va, Zoë? Déjà vu.",
]
#: The names textkit.py defines: each must still be there for an explicit import.
DEFINED = ("REPLACEMENTS", "slugify", "shout", "_normalize", "_cleanup")

#: REPLACEMENTS is the table the functions use, as it is when they run: the check changes it (an entry of its own
#: added, one taken out), as a user of `from textkit import REPLACEMENTS` may, and tries these texts again.
CHANGE = "REPLACEMENTS['+'] = 'plus'; del REPLACEMENTS['@']"
CHANGED_TABLE = {"&": "and", "+": "plus"}
CHANGED_TEXTS = ["C++ & Go @ 9", "a&b@c", "C++/C# 2.0 (beta)?"]  # the last two tried before the change too
USE_THE_TABLE = {"slugify": course_slugify, "_cleanup": course_cleanup}


@pytest.mark.points(1)
def test_everything_else_works_as_before(student):
    probe = student.probe(
        f"""
        got = {{}}
        exec("from textkit import *", got)
        report(star=True)
        missing = []
        for name in {DEFINED!r}:
            try:
                exec(f"from textkit import {{name}}", got)
            except ImportError:
                missing.append(name)
        table = got.get("REPLACEMENTS")
        report(missing=missing, table=dict(table) if isinstance(table, dict) else table)
        texts = {TEXTS!r}
        for name in {tuple(COURSE)!r}:
            if name in got:
                report(**{{name: [got[name](text) for text in texts]}})
        # The table changed as a user of `from textkit import REPLACEMENTS` may change it.
        try:
            table["+"] = "plus"
            del table["@"]
        except Exception as error:
            report(changed=f"{{type(error).__name__}}")
        else:
            changed = {{}}
            for name in {tuple(USE_THE_TABLE)!r}:
                try:
                    changed[name] = [got[name](text) for text in {CHANGED_TEXTS!r}]
                except Exception as error:
                    changed[name] = f"{{type(error).__name__}}"
            report(changed=changed)
        """
    )
    seen, error = probe.values, probe.error
    expect(
        "star" in seen,
        expected="`from textkit import *` to work, to use the functions it gives",
        saw=f"it raised {error.summary}" if error else "it did not finish",
        hint=(error.explain() if error else FIX_THE_NAMED_LINE)
        + " This check uses the functions that `*` gives: steps 1 and 2 first.",
    )
    missing = seen.get("missing", [])
    expect(
        "missing" in seen and not missing,
        expected=f"`from textkit import {missing[0] if missing else 'REPLACEMENTS'}` to still work",
        saw=f"textkit has no {listed(missing)} any more" if missing else f"it raised {error and error.summary}",
        hint="step 3: keep every name textkit.py defines, under its name, even the private ones; __all__ only "
        "governs `*`, explicit imports ignore it.",
    )
    wrong = []
    if seen.get("table") != TABLE:
        wrong.append(f"REPLACEMENTS was {seen.get('table')!r}, not {TABLE!r}")
    for name, function in COURSE.items():
        for text, got in zip(TEXTS, seen.get(name, [])):
            want = function(text)
            if got != want:
                wrong.append(f"{name}({text!r}) gave {got!r}, not {want!r}")
                break
    # Only when all the rest is right: the functions follow a change made to REPLACEMENTS.
    detached = []
    changed = seen.get("changed")
    if not wrong and error is None:
        if isinstance(changed, str):
            detached.append(f"`{CHANGE}` raised {changed}")
        for name, function in USE_THE_TABLE.items():
            results = changed.get(name) if isinstance(changed, dict) else None
            if isinstance(results, str):
                detached.append(f"after `{CHANGE}`, {name}({CHANGED_TEXTS[0]!r}) raised {results}")
                break
            for text, got in zip(CHANGED_TEXTS, results or []):
                want = function(text, CHANGED_TABLE)
                if got != want:
                    detached.append(f"after `{CHANGE}`, {name}({text!r}) gave {got!r}, not {want!r}")
                    break
            if detached:
                break
    expect(
        error is None and not wrong and not detached,
        expected="slugify, shout, _normalize, _cleanup and REPLACEMENTS to work as they did before, on any text, "
        "with REPLACEMENTS still the table that slugify and _cleanup use",
        saw=f"it raised {error.summary}" if error else "; ".join((wrong or detached)[:2]),
        hint=f"{error.explain()} Then {FIX_THE_NAMED_LINE}"
        if error
        else "step 3: REPLACEMENTS is the very table _cleanup reads each time it runs, so a change made to it "
        "changes what slugify gives: a copy of it, or something worked out from it once, is left behind by "
        "such a change."
        if detached
        else "step 3: only __all__ needed to change; the functions, and the imports they rely on, must do what "
        "they did, on every text, not only on the README's example.",
    )
