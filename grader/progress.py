"""A student's progress: the latest result of each exercise, and which hints were shown.

Kept in ``.import-lab/state.json`` at the course root (ignored by git), or
where IMPORT_LAB_STATE points (``off`` keeps no state at all). It is only
ever read to show progress and to remember hints: grading never depends on
it, and a missing, broken or read-only state file changes nothing.

Only real verdicts are recorded: the grader (grader.cli) records a grading
only once it has finished (not interrupted), and :func:`record` leaves out
every exercise that the grader could not grade in full (a check with status
``error``: a grader failure, a suite that could not load, pytest missing),
so what a student has done is never lowered by something that is not their
code. "Next" is the first exercise not done in the course order
(grader.course), never one after the current one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .course import COURSE_ROOT, Exercise


def state_path() -> Path | None:
    configured = os.environ.get("IMPORT_LAB_STATE")
    if configured == "off":
        return None
    return Path(configured) if configured else COURSE_ROOT / ".import-lab" / "state.json"


def load() -> dict:
    path = state_path()
    try:
        state = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        state = {}
    if not isinstance(state, dict):
        state = {}
    state.setdefault("results", {})
    state.setdefault("hints", {})
    return state


def save(state: dict) -> None:
    path = state_path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # progress is a convenience: never a reason to fail


def graded_in_full(entry: dict) -> bool:
    """Whether an exercise's result is a verdict on the student's work: every check gave one (no grader error)."""
    return bool(entry.get("checks")) and all(c["status"] != "error" for c in entry["checks"])


def record(report: dict) -> dict:
    """Remember the scores of the exercises this report graded in full; returns the updated state.

    An exercise with a grader error keeps the result it had: a failure of
    the grader says nothing about the student's code.
    """
    state = load()
    changed = False
    for ex in report["exercises"]:
        if graded_in_full(ex):
            state["results"][ex["id"]] = {"score": ex["score"], "max_score": ex["max_score"]}
            changed = True
    if changed:
        save(state)
    return state


def done(result: dict | None) -> bool:
    return bool(result) and result["max_score"] > 0 and result["score"] == result["max_score"]


def summary(exercises: list[Exercise], state: dict) -> list[tuple[str, int, int, int, int]]:
    """(section, exercises done, exercises, points, points known) per section, then the course as "all"."""
    rows, totals = [], [0, 0, 0, 0]
    for section in dict.fromkeys(e.section for e in exercises):
        mine = [e for e in exercises if e.section == section]
        results = [state["results"].get(e.id) for e in mine]
        row = (
            section,
            sum(done(r) for r in results),
            len(mine),
            sum(r["score"] for r in results if r),
            sum(r["max_score"] for r in results if r),
        )
        rows.append(row)
        totals = [t + v for t, v in zip(totals, row[1:])]
    rows.append(("all", *totals))
    return rows


def next_exercise(exercises: list[Exercise], state: dict, after: str | None = None) -> Exercise | None:
    """The first exercise not done, in the order of ``exercises`` (the course order), other than ``after``.

    Never "the one after the current": an exercise left unfinished earlier in
    the course comes first. ``after``, the exercise just worked on, is passed
    over unless nothing else is left to do.
    """
    pending = [e for e in exercises if not done(state["results"].get(e.id))]
    return next((e for e in pending if e.id != after), pending[0] if pending else None)
