"""Grading a class: a generated class of 32 submissions of mixed quality, some broken or hostile."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import time

import pytest

from .conftest import REPO, run_grader
from .course import EXERCISES, HAS_SOLUTIONS

pytestmark = [
    pytest.mark.skipif(not HAS_SOLUTIONS, reason="the class is generated from the solutions"),
    pytest.mark.skipif(sys.platform == "win32", reason="some submissions use POSIX signals"),
]
SECTION = "8.2"
MINE = [e for e in EXERCISES if e.chapter == SECTION]


def make_class(root):
    """{name: expected total or None when the row must carry a note} for a class written under root."""
    full = {e["id"]: e["max_score"] for e in run_grader(SECTION, "--workspace", "solutions", "--json", "-").report["exercises"]}
    expected = {}
    for n in range(26):  # every mix of solved and unsolved exercises, in turn
        name = f"student{n:02d}"
        total = 0
        for k, e in enumerate(MINE):
            solved = (n >> k) & 1 if n < 2 ** len(MINE) else (n + k) % 2
            source = REPO / ("solutions" if solved else "exercises") / e.path
            shutil.copytree(source, root / name / "exercises" / e.path)
            total += full[e.id] if solved else 0
        expected[name] = total
    (root / "empty").mkdir()
    expected["empty"] = None
    (root / "no-exercises").mkdir()
    (root / "no-exercises" / "README.md").write_text("I cloned the wrong thing\n")
    expected["no-exercises"] = None
    (root / "exercises-is-a-file").mkdir()
    (root / "exercises-is-a-file" / "exercises").write_text("oops\n")
    expected["exercises-is-a-file"] = None
    (root / "nothing-there" / "exercises").mkdir(parents=True)
    expected["nothing-there"] = None
    for name, body in {
        "syntax-errors": "def broken(:\n",
        "endless-loops": "while True:\n    pass\n",
        "kills-its-parent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
        "floods-output": "import sys\nwhile True:\n    sys.stdout.write('PASSED ' * 1000)\n",
    }.items():
        for e in MINE:
            folder = root / name / "exercises" / e.path
            shutil.copytree(REPO / "exercises" / e.path, folder)
            for f in e.files:
                (folder / f).write_text(body)
        expected[name] = 0  # graded, and worth nothing: the grader itself survives all of them
    return expected


def test_a_class_of_mixed_quality_gets_one_row_each(tmp_path):
    submissions = tmp_path / "class"
    expected = make_class(submissions)
    assert len(expected) >= 30
    out_csv, out_json = tmp_path / "grades.csv", tmp_path / "grades.json"
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "grader.gradebook", *map(str, sorted(submissions.iterdir())), "--only", SECTION,
         "--timeout", "2", "--csv", str(out_csv), "--json", str(out_json)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("] ") >= len(expected), "a progress line per submission"
    rows = {r["student"]: r for r in csv.DictReader(out_csv.open(encoding="utf-8"))}
    assert set(rows) == set(expected)
    for name, total in expected.items():
        row = rows[name]
        if total is None:
            assert row["note"], f"{name} should carry a note"
            assert int(row["total"]) == 0
        else:
            assert int(row["total"]) == total, (name, row)
    for e in MINE:
        assert e.id in rows["student00"]
    book = json.loads(out_json.read_text(encoding="utf-8"))
    assert book["schema"] == "import-lab/gradebook/1" and len(book["submissions"]) == len(expected)
    assert time.monotonic() - start < 300
