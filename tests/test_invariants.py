"""The course's promises, exercise by exercise, on the Python running the tests.

Every solution scores full marks; every untouched stub scores zero; grading
leaves the graded files exactly as they were; and none of that depends on
the grader's own environment (PYTHONDONTWRITEBYTECODE, PYTHONPATH).
"""

from __future__ import annotations

import pytest

from .conftest import REPO, run_grader, tree_digest
from .course import EXERCISES, HAS_SOLUTIONS, ids

ENVIRONMENTS = {
    # Unset, not just left alone: CI machines (and this one) often export it.
    "bytecode-on": {"PYTHONDONTWRITEBYTECODE": None},
    "bytecode-off": {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO / "chapters")},
}


def graded(workspace: str, exercise, env: dict) -> dict:
    folder = REPO / workspace / exercise.path
    before = tree_digest(folder)
    run = run_grader(exercise.id, "--workspace", workspace, "--json", "-", env=env)
    assert run.returncode in (0, 1), f"grader exit {run.returncode}:\n{run.stderr[-3000:]}"
    assert tree_digest(folder) == before, "grading changed the files it graded"
    (entry,) = run.report["exercises"]
    return entry


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template has no solutions")
@pytest.mark.parametrize("env_name", ENVIRONMENTS)
@pytest.mark.parametrize("exercise", EXERCISES, ids=ids())
def test_solution_scores_full_marks(exercise, env_name):
    entry = graded("solutions", exercise, ENVIRONMENTS[env_name])
    failing = [f"{c['name']}: {c['status']}: {c['message']}" for c in entry["checks"] if c["status"] != "pass"]
    assert not failing, "\n".join(failing)
    assert entry["score"] == entry["max_score"] > 0


@pytest.mark.parametrize("env_name", ENVIRONMENTS)
@pytest.mark.parametrize("exercise", EXERCISES, ids=ids())
def test_untouched_stub_scores_zero(exercise, env_name):
    entry = graded("exercises", exercise, ENVIRONMENTS[env_name])
    passing = [c["name"] for c in entry["checks"] if c["status"] == "pass"]
    assert not passing, f"checks that pass on the stub give points for nothing: {passing}"
    assert entry["score"] == 0
    assert all(c["status"] in ("fail", "timeout") for c in entry["checks"]), entry["checks"]
    assert all(c["message"].startswith("Expected ") for c in entry["checks"])
