"""Changed solutions, and what grading each must show: the checks' own tests.

A variant is one plausible change to an exercise's reference solution. A
mistake names the checks it must fail and words their messages must hold,
so a check that would let the mistake through, or that would blame the
wrong thing, fails a test. An alternative (no ``fails``) is another correct
answer the exercise's statement allows: every check must pass it.

One module per section (``s8_1.py`` ... ``s8_8.py``), each with a list
``VARIANTS``; ``tests/test_variants.py`` grades them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field


#: An edit that puts a file back as the exercise's stub has it: ``{"players.py": STUB}``.
STUB = "as in the stub"


@dataclass(frozen=True)
class Variant:
    exercise: str  # the exercise id, e.g. "mutual-pair"
    what: str  # the change in a few words: the test's id
    #: file (relative to the exercise folder) -> (text found once in the solution, its replacement),
    #: or a list of such pairs, made in turn; (None, text) writes the text as the whole file (a new
    #: file, or a rewrite); STUB puts back the stub's file
    edits: dict[str, tuple[str | None, str] | list[tuple[str, str]] | str] = field(default_factory=dict)
    #: the checks (function names without ``test_``) that must fail; empty: every check must pass
    fails: tuple[str, ...] = ()
    #: words (case-insensitive) that each failing check's message must hold
    says: tuple[str, ...] = ()
    #: words that none of those messages may hold (a hint about the wrong step, a false statement)
    not_says: tuple[str, ...] = ()
    #: the Pythons the variant is meant for, as (major, minor) bounds, both included: a submission that uses
    #: syntax only 3.15 has (``lazy import``), or that is right on one version and wrong before it
    #: (``__lazy_modules__``); elsewhere its test is skipped. None: every version.
    pythons: tuple[tuple[int, int], tuple[int, int]] | None = None
