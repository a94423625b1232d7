"""Grading a class: a generated class of mixed quality, some broken or hostile; time-outs; tampering with the grader."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .conftest import REPO, run_grader, tree_digest
from .course import EXERCISES, HAS_SOLUTIONS

pytestmark = [
    pytest.mark.skipif(not HAS_SOLUTIONS, reason="the class is generated from the solutions"),
    pytest.mark.skipif(sys.platform == "win32", reason="some submissions use POSIX signals"),
]
LINUX = sys.platform.startswith("linux")
SECTION = "8.2"
MINE = [e for e in EXERCISES if e.chapter == SECTION]
#: The exercise the small classes below are graded on: the one with the fewest files to write.
SMALL = min(MINE, key=lambda e: len(e.files))


def full_marks(selector: str = SECTION) -> dict[str, int]:
    return {e["id"]: e["max_score"] for e in run_grader(selector, "--workspace", "solutions", "--json", "-").report["exercises"]}


def submit(root: Path, name: str, exercise, body: str | None = None, solved: bool = False) -> None:
    """A checkout under root/name holding one exercise: the stub, the solution, or every file replaced by ``body``."""
    folder = root / name / "exercises" / exercise.path
    shutil.copytree(REPO / ("solutions" if solved else "exercises") / exercise.path, folder)
    if body is not None:
        for f in exercise.files:
            (folder / f).write_text(body)


def gradebook(*args, cwd: Path = REPO, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grader.gradebook", *map(str, args)],
        cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout,
    )


def sources(folder: Path) -> dict[str, str]:
    """The files below folder with their digests, bytecode caches left out."""
    return {k: v for k, v in tree_digest(folder).items() if "__pycache__" not in k}


def read_csv(path: Path) -> dict[str, dict]:
    return {r["student"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}


def make_class(root):
    """({name: expected total, or None when the row must carry a note}, course maxima) for a class written under root."""
    full = full_marks()
    expected = {}
    for n in range(26):  # every mix of solved and unsolved exercises, in turn
        name = f"student{n:02d}"
        total = 0
        for k, e in enumerate(MINE):
            solved = (n >> k) & 1 if n < 2 ** len(MINE) else (n + k) % 2
            submit(root, name, e, solved=solved)
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
            submit(root, name, e, body=body)
        expected[name] = 0  # graded, and worth nothing: the grader itself survives all of them
    # Half done: the first exercise solved, the second untouched, the others not there at all.
    submit(root, "half-done", MINE[0], solved=True)
    submit(root, "half-done", MINE[1])
    expected["half-done"] = full[MINE[0].id]
    return expected, full


def test_a_class_of_mixed_quality_gets_one_row_each(tmp_path):
    submissions = tmp_path / "class"
    expected, full = make_class(submissions)
    assert len(expected) >= 30
    (tmp_path / "a-file.txt").write_text("not a checkout\n")
    not_folders = {"a-file.txt": tmp_path / "a-file.txt", "not-there": tmp_path / "not-there"}
    out_csv, out_json = tmp_path / "grades.csv", tmp_path / "grades.json"
    start = time.monotonic()
    done = gradebook(*sorted(submissions.iterdir()), *not_folders.values(), "--only", SECTION,
                     "--timeout", "2", "--csv", out_csv, "--json", out_json)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("] ") >= len(expected) + len(not_folders), "a progress line per submission"
    rows = read_csv(out_csv)
    assert set(rows) == set(expected) | set(not_folders), "every path given gets its row"
    course_max = sum(full.values())
    for name, row in rows.items():
        assert int(row["max"]) == course_max, f"{name}: every row is out of the course's maximum"
    for name, total in expected.items():
        row = rows[name]
        if total is None:
            assert row["note"], f"{name} should carry a note"
            assert int(row["total"]) == 0
        else:
            assert int(row["total"]) == total, (name, row)
    assert "not a folder" in rows["a-file.txt"]["note"]
    assert "does not exist" in rows["not-there"]["note"]
    missing = [e.id for e in MINE[2:]]
    assert all(i in rows["half-done"]["note"] for i in missing), rows["half-done"]
    assert MINE[0].id not in rows["half-done"]["note"] and MINE[1].id not in rows["half-done"]["note"]
    assert int(rows["half-done"][MINE[0].id]) == full[MINE[0].id]
    for e in MINE:
        assert e.id in rows["student00"]
    book = json.loads(out_json.read_text(encoding="utf-8"))
    assert book["schema"] == "import-lab/gradebook/1"
    assert len(book["submissions"]) == len(expected) + len(not_folders)
    assert book["max_score"] == course_max and book["max_scores"] == full
    assert time.monotonic() - start < 300


def processes_with(marker: str, under: Path) -> list[int]:
    """Linux: processes whose command line holds ``marker`` or whose working folder is below ``under``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X"):
                    continue
            with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                cmdline = f.read()
        except (OSError, IndexError):
            continue
        try:
            cwd = os.readlink(f"/proc/{entry.name}/cwd")
        except OSError:
            cwd = ""
        if marker.encode() in cmdline or cwd == str(under) or cwd.startswith(str(under) + os.sep):
            found.append(int(entry.name))
    return found


def test_a_submission_past_the_limit_leaves_no_process_and_no_temporary_folder(tmp_path):
    marker = f"import-lab-orphan-{uuid.uuid4().hex}"
    hangs = (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {marker!r}], start_new_session=True,\n"
        "                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "time.sleep(120)\n"
    )
    submit(tmp_path / "class", "hangs", SMALL, body=hangs)
    submit(tmp_path / "class", "solved", SMALL, solved=True)
    temp = tmp_path / "tmp"
    temp.mkdir()
    out_csv = tmp_path / "grades.csv"
    try:
        # Checks may run for a minute, the submission for 3 s: only the gradebook can stop it.
        done = gradebook(*sorted((tmp_path / "class").iterdir()), "--only", SMALL.id, "--timeout", "60", "--limit", "3",
                         "--csv", out_csv, "--json", tmp_path / "grades.json", env={"TMPDIR": str(temp)}, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        rows = read_csv(out_csv)
        course_max = full_marks(SMALL.id)[SMALL.id]
        assert "stopped" in rows["hangs"]["note"] and int(rows["hangs"]["total"]) == 0
        assert int(rows["hangs"]["max"]) == course_max, "a timed-out row is still out of the course's maximum"
        assert int(rows["solved"]["total"]) == course_max == int(rows["solved"]["max"])
        assert list(temp.iterdir()) == [], "no temporary folder is left behind"
        if LINUX:
            assert processes_with(marker, temp) == [], "no process of the submission is left"
    finally:
        if LINUX:
            for pid in processes_with(marker, temp):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass


#: Appends to every grader it finds where its ancestor processes work, so that grading gives full marks.
#: (It only touches folders below ALLOWED, the test's own temporary folder.)
FINDS_THE_GRADER = """\
import os
from pathlib import Path
ALLOWED, LOG = Path({allowed!r}), Path({log!r})
pid = os.getppid()
while pid > 1:
    try:
        cwd = Path(os.readlink(f"/proc/{{pid}}/cwd"))
        with open(f"/proc/{{pid}}/stat", "rb") as f:
            pid = int(f.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        break
    target = cwd / "grader" / "report.py"
    if (cwd == ALLOWED or ALLOWED in cwd.parents) and target.is_file() and "TAMPERED" not in target.read_text():
        with open(target, "a") as f:
            f.write("\\nCheck.score = property(lambda self: self.max_score)  # TAMPERED\\n")
        with open(LOG, "a") as f:
            f.write(f"{{target}}\\n")
"""

#: Knows where the course lives (any student could guess it, e.g. from sys.executable in a .nox folder).
KNOWS_THE_COURSE = """\
from pathlib import Path
target, LOG = Path({target!r}), Path({log!r})
if "TAMPERED" not in target.read_text():
    with open(target, "a") as f:
        f.write("\\nCheck.score = property(lambda self: self.max_score)  # TAMPERED\\n")
    with open(LOG, "a") as f:
        f.write(f"{{target}}\\n")
"""


@pytest.mark.parametrize("how", ["finds-the-grader", "knows-the-course"])
def test_tampering_with_the_grader_changes_no_other_row(tmp_path, how):
    if how == "finds-the-grader" and not LINUX:
        pytest.skip("finds its ancestors through /proc")
    course = tmp_path / "course"  # the course the instructor grades with
    for part in ("grader", "exercises"):
        shutil.copytree(REPO / part, course / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    before = sources(course / "grader")
    log = tmp_path / "tampered.log"
    if how == "finds-the-grader":
        body = FINDS_THE_GRADER.format(allowed=str(tmp_path), log=str(log))
    else:
        body = KNOWS_THE_COURSE.format(target=str(course / "grader" / "report.py"), log=str(log))
    submissions = tmp_path / "class"
    submit(submissions, "a-tamperer", SMALL, body=body)
    for name in ("b-untouched", "c-untouched"):
        submit(submissions, name, SMALL)
    submit(submissions, "d-solved", SMALL, solved=True)
    temp = tmp_path / "tmp"
    temp.mkdir()
    out_csv = tmp_path / "grades.csv"
    # One at a time, the tamperer first: every other row is graded after it.
    done = gradebook(*sorted(submissions.iterdir()), "--only", SMALL.id, "--jobs", "1", "--timeout", "10",
                     "--csv", out_csv, "--json", tmp_path / "grades.json", cwd=course, env={"TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert log.is_file(), "the hostile submission found a grader to tamper with"
    rows = read_csv(out_csv)
    full = full_marks(SMALL.id)[SMALL.id]
    assert int(rows["b-untouched"]["total"]) == 0 and int(rows["c-untouched"]["total"]) == 0, rows
    assert int(rows["d-solved"]["total"]) == full, rows
    if how == "finds-the-grader":
        assert str(course) not in log.read_text(), "the course's grader is not where student code can find it"
        assert sources(course / "grader") == before, "the course's grader is unchanged"
    else:
        assert "warning: the course's grader/" in done.stderr
    assert list(temp.iterdir()) == [], "every private copy is removed"
