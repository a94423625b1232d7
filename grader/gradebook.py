"""Grade a whole class: ``python -m grader.gradebook SUBMISSION ...`` (``nox -s gradebook -- ...``).

Each submission is a student's checkout of the template. Only its
``exercises/`` folder is read, and it is graded with this course's grader
and suites, not with whatever the submission carries. Submissions are graded
side by side, one grader process each; a broken, empty or hostile one gets
its row with a note and never stops the run or touches another row:

* the course's ``grader/`` and ``exercises/`` are read into memory once,
  before any student code runs, and every submission is graded by a fresh
  private copy of them, removed afterwards: a submission that rewrites the
  grader it finds changes only its own grading;
* each grader runs in its own process group (and temporary folder); past the
  time limit the group is stopped, then killed, and on Linux every process
  still working for that submission is found and killed too;
* every row has the course's maximum, from the course's own suites (a run on
  grading of the course's own stubs), whatever happened to the submission.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import runner
from .course import COURSE_ROOT, Exercise, UsageError, discover, select
from .sandbox import private_parent

SCHEMA = "import-lab/gradebook/1"
POSIX = os.name == "posix"
LINUX = sys.platform.startswith("linux")

#: What a private copy of the course holds: the grader with its suites, and
#: the exercise stubs it discovers the exercises from.
COPIED = ("grader", "exercises")
#: Seconds a stopped grader gets to end its checks (and kill what they started) before it is killed.
GRACE_SECONDS = 5.0

#: Set when the gradebook itself is interrupted: every running grader is stopped.
STOPPING = threading.Event()


@dataclass
class Row:
    name: str
    path: str
    scores: dict[str, int] = field(default_factory=dict)
    score: int = 0
    max_score: int = 0
    note: str = ""
    report: dict | None = None


@dataclass
class Run:
    returncode: int | None  # None: stopped at the time limit
    report: dict | None  # the grader's JSON report, if it wrote one
    error: str  # the last line the grader printed on standard error


def snapshot(root: Path = COURSE_ROOT) -> dict[str, bytes]:
    """Every file of the course's grader (with its suites) and exercise stubs, by path relative to ``root``."""
    files = {}
    for top in COPIED:
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root)
            if "__pycache__" in rel.parts or path.suffix == ".pyc" or not path.is_file():
                continue
            files[rel.as_posix()] = path.read_bytes()
    return files


def materialise(files: dict[str, bytes], destination: Path) -> None:
    for rel, data in files.items():
        target = destination / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _new_group() -> dict:
    if POSIX:
        return {"start_new_session": True}
    return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # pragma: no cover - Windows


def _wait(proc: subprocess.Popen, seconds: float) -> bool:
    """Wait for the grader up to ``seconds``; False if it is still running (or the gradebook is stopping)."""
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if STOPPING.is_set() or left <= 0:
            return proc.poll() is not None
        try:
            proc.wait(timeout=min(left, 0.5))
            return True
        except subprocess.TimeoutExpired:
            pass


def _stop(proc: subprocess.Popen) -> None:
    """Stop the grader and its process group: politely first, so that it kills what its checks started."""
    if proc.poll() is not None:
        return
    if POSIX:
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=GRACE_SECONDS)
        except (OSError, subprocess.TimeoutExpired):
            pass
    runner.kill_group(proc)  # the same end as a student's run that went past its limit
    try:
        proc.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        pass


def _sweep(scratch: Path) -> None:
    """Linux: kill every process still working for this submission, wherever it is now.

    Checks start the student's code in sessions of their own, so killing the
    grader's group does not reach them. Every one of them was started in a
    folder below ``scratch``, with its home and temporary folder there:
    processes whose environment, command line or working folder mention
    ``scratch``, and the children of those, are killed (see runner.sweep).
    """
    if not LINUX:
        return
    mark = os.fsencode(str(scratch))
    inside = mark + b"/"

    def ours(pid: int, environ: bytes, killed: set[int]) -> bool:
        stat = runner.proc_stat(pid)
        if stat is None or stat[0] in "ZX":
            return False
        try:
            cwd = os.fsencode(os.readlink(f"/proc/{pid}/cwd"))
        except OSError:
            cwd = b""
        return (
            stat[3] in killed
            or cwd == mark
            or cwd.startswith(inside)
            or inside in environ
            or inside in runner.read_or_empty(f"/proc/{pid}/cmdline")
        )

    runner.sweep(ours)


def run_grader(
    files: dict[str, bytes], workspace: Path | None, selectors: list[str], timeout: float, limit: float
) -> Run:
    """``python -m grader`` from a private copy of the course, on ``workspace`` (None: the copy's own stubs)."""
    # Where the checks would put their private copies (in memory on Linux): the
    # grader then keeps them in this submission's scratch, as TMPDIR names it.
    scratch = Path(tempfile.mkdtemp(prefix="import-lab-gradebook-", dir=private_parent()))
    try:
        course, tmp = scratch / "course", scratch / "tmp"
        materialise(files, course)
        tmp.mkdir()
        if workspace is None:
            workspace = course / "exercises"
        out, log = scratch / "report.json", scratch / "grader.log"
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PWD", "OLDPWD")}
        env.update(PYTHONPATH=str(course), TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp))
        argv = [sys.executable, "-m", "grader", *selectors, "--workspace", str(workspace), "--json", str(out)]
        argv += ["--jobs", "1", "--timeout", str(timeout)]
        with open(log, "wb") as err:
            proc = subprocess.Popen(
                argv, cwd=course, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, **_new_group()
            )
        finished = False
        try:
            finished = _wait(proc, limit)
        finally:
            if not finished:  # also when the gradebook is interrupted
                _stop(proc)
            _sweep(scratch)
        if not finished:
            return Run(None, None, "")
        lines = runner.read_or_empty(str(log))[-4000:].decode("utf-8", "replace").strip().splitlines()
        try:
            report = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            report = None
        return Run(proc.returncode, report, lines[-1][:200] if lines else "")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def course_maxima(
    files: dict[str, bytes], exercises: list[Exercise], selectors: list[str], timeout: float, limit: float
) -> dict[str, int]:
    """{exercise id: points}, from the course's own suites: what grading the untouched stubs says is possible."""
    run = run_grader(files, None, selectors, timeout, limit)
    if run.report is None:
        raise RuntimeError(f"the course's own grader does not run (exit {run.returncode}): {run.error or 'no output'}")
    maxima = {e["id"]: int(e["max_score"]) for e in run.report["exercises"]}
    return {e.id: maxima.get(e.id, 0) for e in exercises}


def grade_one(
    submission: Path,
    exercises: list[Exercise],
    maxima: dict[str, int],
    files: dict[str, bytes],
    selectors: list[str],
    timeout: float,
    limit: float,
) -> Row:
    row = Row(name=submission.name or str(submission), path=str(submission), max_score=sum(maxima.values()))
    row.scores = dict.fromkeys(maxima, 0)
    if not submission.exists():
        row.note = "no such folder: the path does not exist"
        return row
    if not submission.is_dir():
        row.note = "not a folder: a submission is a student's checkout of the course"
        return row
    workspace = Path(os.path.abspath(submission)) / "exercises"
    if not workspace.is_dir():
        row.note = "no exercises/ folder: not a checkout of the course"
        return row
    missing = [e.id for e in exercises if not (workspace / e.path).is_dir()]
    if len(missing) == len(exercises):
        row.note = "none of the exercise folders are there"
        return row
    notes = [f"missing exercise folders: {', '.join(missing)}"] if missing else []
    run = run_grader(files, workspace, selectors, timeout, limit)
    if run.returncode is None:
        row.note = "; ".join([*notes, f"grading took longer than {limit:g} s and was stopped"])
        return row
    if run.report is None:
        row.note = "; ".join([*notes, f"the grader failed (exit {run.returncode}): {run.error or 'no output'}"])
        return row
    row.report = run.report
    graded = {e["id"]: int(e["score"]) for e in run.report["exercises"]}
    row.scores = {i: graded.get(i, 0) for i in maxima}
    row.score = sum(row.scores.values())
    if int(run.report["max_score"]) != row.max_score:
        notes.append(f"its grader reported a maximum of {run.report['max_score']}, not the course's {row.max_score}")
    if run.returncode == 3:
        notes.append("some checks could not run (grader error): see the JSON report")
    row.note = "; ".join(notes)
    return row


def write_csv(rows: list[Row], exercise_ids: list[str], path: str) -> None:
    handle = sys.stdout if path == "-" else open(path, "w", newline="", encoding="utf-8")
    try:
        writer = csv.writer(handle)
        writer.writerow(["student", *exercise_ids, "total", "max", "note"])
        for row in rows:
            writer.writerow([row.name, *(row.scores.get(i, 0) for i in exercise_ids), row.score, row.max_score, row.note])
    finally:
        if handle is not sys.stdout:
            handle.close()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m grader.gradebook", description=__doc__.splitlines()[0])
    p.add_argument("submissions", nargs="+", type=Path, help="students' checkouts (folders)")
    p.add_argument("--only", action="append", default=[], metavar="SELECTOR", help="grade only these sections or exercises")
    p.add_argument("--csv", default="gradebook.csv", metavar="PATH", help="one row per student (default gradebook.csv; - for stdout)")
    p.add_argument("--json", default="gradebook.json", metavar="PATH", help="every student's full report (default gradebook.json)")
    p.add_argument("--jobs", type=int, default=_cores(), metavar="N", help="submissions graded at once (default: cores)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="time limit per interpreter (default 10)")
    p.add_argument("--limit", type=float, default=900.0, metavar="SECONDS", help="time limit per submission (default 900)")
    args = p.parse_args(argv)
    try:
        exercises = select(discover(), args.only)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    exercise_ids = [e.id for e in exercises]
    files = snapshot()  # before any student code runs: later rows never see what earlier ones did to the course
    out_csv = args.csv if args.csv == "-" else os.path.abspath(args.csv)
    out_json = os.path.abspath(args.json)
    submissions = [Path(os.path.abspath(s)) for s in args.submissions]

    # No grader process, and so no student code, finds the course through the gradebook's folder.
    home, hideout = os.getcwd(), tempfile.mkdtemp(prefix="import-lab-gradebook-cwd-")
    os.chdir(hideout)
    start, rows = time.monotonic(), []
    try:
        try:
            maxima = course_maxima(files, exercises, args.only, args.timeout, args.limit)
        except (RuntimeError, ValueError, KeyError, TypeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 3
        jobs = max(1, args.jobs)
        print(
            f"Grading {len(submissions)} submissions, {jobs} at a time, out of {sum(maxima.values())} points",
            file=sys.stderr,
            flush=True,
        )
        pool = ThreadPoolExecutor(max_workers=jobs)
        try:
            futures = {
                pool.submit(grade_one, s, exercises, maxima, files, args.only, args.timeout, args.limit): (given, s)
                for given, s in zip(args.submissions, submissions)
            }
            for n, future in enumerate(as_completed(futures), 1):
                given, s = futures[future]
                try:
                    row = future.result()
                except Exception as exc:  # never let one submission stop the class
                    row = Row(
                        name=s.name or str(s),
                        path=str(s),
                        scores=dict.fromkeys(exercise_ids, 0),
                        max_score=sum(maxima.values()),
                        note=f"could not be graded: {type(exc).__name__}: {exc}",
                    )
                row.path = str(given)
                rows.append(row)
                status = f"{row.score}/{row.max_score}" + (f"  ({row.note})" if row.note else "")
                print(f"[{n}/{len(futures)}] {row.name}: {status}", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            STOPPING.set()  # running graders are stopped, waiting ones never start
            pool.shutdown(wait=True, cancel_futures=True)
            print("Interrupted: no gradebook written.", file=sys.stderr)
            return 130
        pool.shutdown(wait=True)
    finally:
        os.chdir(home)
        shutil.rmtree(hideout, ignore_errors=True)

    now = snapshot()
    changed = sorted(k for k in files.keys() | now.keys() if files.get(k) != now.get(k))
    if changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        print(
            f"warning: the course's grader/ or exercises/ changed during the run ({shown}): if nobody edited them,"
            " a submission tampered with them. Every row was graded with the files as they were at the start.",
            file=sys.stderr,
        )
    rows.sort(key=lambda r: (r.name, r.path))
    write_csv(rows, exercise_ids, out_csv)
    book = {
        "schema": SCHEMA,
        "exercises": exercise_ids,
        "max_scores": maxima,
        "max_score": sum(maxima.values()),
        "submissions": [
            {"name": r.name, "path": r.path, "scores": r.scores, "score": r.score, "max_score": r.max_score,
             "note": r.note, "report": r.report}
            for r in rows
        ],
    }
    Path(out_json).write_text(json.dumps(book, indent=2) + "\n", encoding="utf-8")
    print(f"Graded {len(rows)} submissions in {time.monotonic() - start:.1f} s: {args.csv}, {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
