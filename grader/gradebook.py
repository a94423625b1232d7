"""Grade a whole class: ``python -m grader.gradebook SUBMISSION ...`` (``nox -s gradebook -- ...``).

Each submission is a student's checkout of the template. Only its
``exercises/`` folder is read, and it is graded with this course's grader
and suites, not with whatever the submission carries. Submissions are graded
side by side, one grader process each; a broken, empty or hostile one gets
its row with a note and never stops the run or touches another row.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .course import COURSE_ROOT, UsageError, discover, select

SCHEMA = "import-lab/gradebook/1"


@dataclass
class Row:
    name: str
    path: str
    scores: dict[str, int] = field(default_factory=dict)
    score: int = 0
    max_score: int = 0
    note: str = ""
    report: dict | None = None


def grade_one(submission: Path, selectors: list[str], timeout: float, limit: float) -> Row:
    row = Row(name=submission.name, path=str(submission))
    workspace = submission / "exercises"
    if not workspace.is_dir():
        row.note = "no exercises/ folder: not a checkout of the course"
        return row
    with tempfile.TemporaryDirectory(prefix="import-lab-gradebook-") as tmp:
        out = Path(tmp) / "report.json"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        argv = [sys.executable, "-m", "grader", *selectors, "--workspace", str(workspace), "--json", str(out)]
        argv += ["--jobs", "1", "--timeout", str(timeout)]
        try:
            done = subprocess.run(
                argv, cwd=COURSE_ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=limit
            )
        except subprocess.TimeoutExpired:
            row.note = f"grading took longer than {limit:.0f} s and was stopped"
            return row
        try:
            report = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            row.note = f"the grader failed (exit {done.returncode}): {tail[0][:200]}"
            return row
    row.report = report
    row.scores = {e["id"]: e["score"] for e in report["exercises"]}
    row.score, row.max_score = report["score"], report["max_score"]
    if done.returncode == 3:
        row.note = "some checks could not run (grader error): see the JSON report"
    elif not any((workspace / e["path"]).is_dir() for e in report["exercises"]):
        row.note = "none of the exercise folders are there"
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m grader.gradebook", description=__doc__.splitlines()[0])
    p.add_argument("submissions", nargs="+", type=Path, help="students' checkouts (folders)")
    p.add_argument("--only", action="append", default=[], metavar="SELECTOR", help="grade only these sections or exercises")
    p.add_argument("--csv", default="gradebook.csv", metavar="PATH", help="one row per student (default gradebook.csv; - for stdout)")
    p.add_argument("--json", default="gradebook.json", metavar="PATH", help="every student's full report (default gradebook.json)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="submissions graded at once (default: cores)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="time limit per interpreter (default 10)")
    p.add_argument("--limit", type=float, default=900.0, metavar="SECONDS", help="time limit per submission (default 900)")
    args = p.parse_args(argv)
    try:
        exercise_ids = [e.id for e in select(discover(), args.only)]
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    folders = [s for s in args.submissions if s.is_dir()]
    for missing in sorted(set(args.submissions) - set(folders)):
        print(f"warning: {missing} is not a folder; skipped", file=sys.stderr)

    start, rows = time.monotonic(), []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(grade_one, s.resolve(), args.only, args.timeout, args.limit): s for s in folders}
        for n, future in enumerate(as_completed(futures), 1):
            try:
                row = future.result()
            except Exception as exc:  # never let one submission stop the class
                s = futures[future]
                row = Row(name=s.name, path=str(s), note=f"could not be graded: {type(exc).__name__}: {exc}")
            rows.append(row)
            status = f"{row.score}/{row.max_score}" + (f"  ({row.note})" if row.note else "")
            print(f"[{n}/{len(folders)}] {row.name}: {status}", file=sys.stderr, flush=True)
    rows.sort(key=lambda r: r.name)
    write_csv(rows, exercise_ids, args.csv)
    book = {
        "schema": SCHEMA,
        "exercises": exercise_ids,
        "submissions": [
            {"name": r.name, "path": r.path, "score": r.score, "max_score": r.max_score, "note": r.note, "report": r.report}
            for r in rows
        ],
    }
    Path(args.json).write_text(json.dumps(book, indent=2) + "\n", encoding="utf-8")
    print(f"Graded {len(rows)} submissions in {time.monotonic() - start:.1f} s: {args.csv}, {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
