"""Checks that rewrite source files between steps must never be flaky.

The .pyc check compares whole-second times and sizes, so a careless rewrite
can make a reload run stale code some of the time. Every suite that rewrites
files is graded many times against its solution: it must pass every time.
"""

from __future__ import annotations

import pytest

from .conftest import run_grader
from .course import EXERCISES, HAS_SOLUTIONS

REWRITING = [e for e in EXERCISES if "rewrite(" in e.suite.read_text(encoding="utf-8")]
RUNS = 10


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="needs the solutions")
@pytest.mark.parametrize("exercise", REWRITING, ids=[e.id for e in REWRITING])
def test_a_rewriting_suite_passes_every_time(exercise):
    scores = []
    for _ in range(RUNS):
        entry = run_grader(exercise.id, "--workspace", "solutions", "--json", "-").report["exercises"][0]
        scores.append(entry["score"] == entry["max_score"])
    assert all(scores), f"{exercise.id}: full marks in {sum(scores)} of {RUNS} runs"


def test_the_rewriting_suites_are_found():
    assert REWRITING, "no suite uses rewrite(): this test would check nothing"
