"""The benchmark still runs, and prints every figure the grading reference quotes; its numbers are not judged."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from .conftest import REPO
from .course import EXERCISES, HAS_SOLUTIONS

pytestmark = [
    pytest.mark.skipif(not HAS_SOLUTIONS, reason="the benchmark grades the solutions"),
    pytest.mark.skipif(os.name == "nt", reason="the benchmark reads peak memory with the resource module"),
]


def test_the_bench_prints_every_figure(tmp_path):
    state = tmp_path / "state.json"  # the student's progress: the bench must neither grade nor record their work
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"IMPORT_LAB_STATE": str(state)}
    done = subprocess.run(
        [sys.executable, "tests/bench.py", "--quick"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    checks, exercises = map(int, re.search(r"^checks: (\d+) in (\d+) exercises$", out, re.M).groups())
    assert exercises == len(EXERCISES) and checks >= exercises
    interpreters = int(re.search(r"^interpreters started: (\d+) ", out, re.M).group(1))
    assert interpreters >= checks, "every check starts at least one interpreter: the runs were not counted"
    for label in ("bare start", "floor", "whole course, warm", "whole course on the stubs", "the interpreters' own time",
                  "one exercise", "on its stub", "one exercise in watch mode", "peak memory"):
        assert re.search(rf"^{re.escape(label)}.*\d|{re.escape(label)}: \d", out, re.M), f"no {label!r} figure in:\n{out}"
    idle_line = r"^the same (\d+) checks, each one interpreter that runs nothing: [\d.]+ s = [\d.]+ x the floor$"
    idle = re.search(idle_line, out, re.M)
    assert idle and int(idle.group(1)) == checks, f"no figure for the course of idle checks in:\n{out}"
    assert not state.exists(), "the bench recorded a grading of the student's own exercises as their progress"
