"""``python -m grader.compare EXERCISE`` (``nox -s solution -- EXERCISE``): your files beside the reference solution.

Only once the exercise passes (it is graded first), and only where the
course has its solutions: a student template does not. ``--force`` shows
them anyway, and then says where the exercise stands instead of "both pass".
The files compared are the ones the student edits (grader.course.roles); a
file the README says to leave alone is shown only if it was changed.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys

from .course import COURSE_ROOT, UsageError, find


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="nox -s solution --", description="Compare a passing exercise with the reference solution.")
    p.add_argument("exercise", help="the exercise id, e.g. import-once")
    p.add_argument("--force", action="store_true", help="show it even though the exercise does not pass yet")
    args = p.parse_args(argv)
    try:
        exercise = find(args.exercise)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    solution = COURSE_ROOT / "solutions" / exercise.path
    if not solution.is_dir():
        print("This copy of the course has no reference solutions (it is a student template).")
        print("Ask your instructor, or compare notes with the chapter's demos.")
        return 1
    ex = grade(exercise.id)
    passes = bool(ex) and ex["score"] == ex["max_score"]
    if not args.force and not passes:
        score = f"{ex['score']}/{ex['max_score']}" if ex else "not graded"
        print(f"{exercise.id} does not pass yet ({score}): finish it first, then compare.")
        print(f"Stuck? `nox -s hint -- {exercise.id}` shows the next hint.")
        return 1
    mine = COURSE_ROOT / "exercises" / exercise.path
    print(f"{exercise.id}: your files (---) beside the reference solution (+++)\n")
    for name in exercise.files:
        ours = (mine / name).read_text(encoding="utf-8").splitlines() if (mine / name).is_file() else []
        theirs = (solution / name).read_text(encoding="utf-8").splitlines()
        diff = list(difflib.unified_diff(ours, theirs, f"yours/{name}", f"solution/{name}", lineterm=""))
        if name not in exercise.edit and not diff:
            continue  # a file to leave alone, left alone
        print("\n".join(diff) if diff else f"{name}: the same as the solution")
        print()
    if passes:
        print("Different is fine: both pass. Read the solution for another way to think about it.")
    else:
        score = f"{ex['score']}/{ex['max_score']}" if ex else "could not be graded"
        print(f"Yours does not pass yet ({score}); the solution does. The differences above show one way to finish it.")
    return 0


def grade(exercise_id: str) -> dict | None:
    """The exercise's entry in the grader's JSON report (graded as `nox -s grade` would), or None if it failed."""
    graded = subprocess.run(
        [sys.executable, "-m", "grader", exercise_id, "--json", "-"],
        cwd=COURSE_ROOT,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    try:
        return json.loads(graded.stdout)["exercises"][0]
    except (ValueError, KeyError, IndexError):
        return None


if __name__ == "__main__":
    sys.exit(main())
