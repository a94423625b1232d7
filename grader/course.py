"""The course's exercises, found on disk: nothing to register.

An exercise exists when three things exist with matching names:

* ``exercises/<section>/<id>/``  the statement (README.md) and the stub files;
* ``solutions/<section>/<id>/``  the same files, solved;
* ``grader/suites/<section>/test_<id with _ for ->.py``  its checks.

``<section>`` is a folder such as ``8.2-module-caching``; its number is the chapter.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

COURSE_ROOT = Path(__file__).resolve().parent.parent
SUITES = Path(__file__).resolve().parent / "suites"
SECTION_RE = re.compile(r"^(\d+\.\d+)-[a-z0-9-]+$")


class UsageError(Exception):
    """The command line asked for something that does not exist (exit code 2)."""


@dataclass(frozen=True)
class Exercise:
    id: str  # folder name, unique in the course: "run-once"
    chapter: str  # "8.2"
    section: str  # "8.2-module-caching"
    title: str  # first heading of the exercise README
    files: tuple[str, ...]  # what the student edits, relative to the exercise folder
    suite: Path  # the pytest file holding its checks

    @property
    def path(self) -> str:
        """The exercise folder relative to a workspace root."""
        return f"{self.section}/{self.id}"

    def folder(self, workspace: Path) -> Path:
        return workspace / self.section / self.id


def hidden_checks(root: Path = COURSE_ROOT) -> dict[str, dict]:
    """In a student template: {exercise id: {"checks": n, "points": p}} left out of its suites."""
    try:
        return json.loads((root / "grader" / "suites" / "hidden.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def suite_name(exercise_id: str) -> str:
    return "test_" + exercise_id.replace("-", "_") + ".py"


def _title(readme: Path, fallback: str) -> str:
    try:
        for line in readme.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    except OSError:
        pass
    return fallback


def _stub_files(folder: Path) -> tuple[str, ...]:
    return tuple(
        sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and p.name != "README.md" and "__pycache__" not in p.parts
        )
    )


def discover(course_root: Path = COURSE_ROOT) -> list[Exercise]:
    """Every exercise of the course, in section order, then in folder-name order."""
    found = []
    for section_dir in sorted((course_root / "exercises").iterdir(), key=_section_key):
        match = SECTION_RE.match(section_dir.name)
        if not section_dir.is_dir() or not match:
            continue
        for ex_dir in sorted(p for p in section_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            found.append(
                Exercise(
                    id=ex_dir.name,
                    chapter=match.group(1),
                    section=section_dir.name,
                    title=_title(ex_dir / "README.md", ex_dir.name),
                    files=_stub_files(ex_dir),
                    suite=course_root / "grader" / "suites" / section_dir.name / suite_name(ex_dir.name),
                )
            )
    return found


def _section_key(path: Path):
    match = SECTION_RE.match(path.name)
    if not match:
        return (999, 999, path.name)
    major, minor = match.group(1).split(".")
    return (int(major), int(minor), path.name)


def find(exercise_id: str, exercises: list[Exercise] | None = None) -> Exercise:
    """The one exercise with this id; UsageError, with a suggestion, if there is none."""
    exercises = discover() if exercises is None else exercises
    for e in exercises:
        if e.id == exercise_id:
            return e
    close = difflib.get_close_matches(exercise_id, [e.id for e in exercises], n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else " `nox -s grade -- --list` shows them all."
    raise UsageError(f"{exercise_id!r} is not an exercise id.{hint}")


def select(exercises: list[Exercise], selectors: list[str]) -> list[Exercise]:
    """Exercises matching any selector: a section number, a section folder, or an exercise id.

    Raises UsageError, with a suggestion, for a selector that matches nothing.
    """
    if not selectors:
        return list(exercises)
    chosen: list[Exercise] = []
    for raw in selectors:
        sel = raw.replace("\\", "/").strip("/")
        parts = [p for p in sel.split("/") if p not in ("", ".")]
        if parts and parts[0] in ("chapters", "exercises", "solutions"):
            parts = parts[1:]
        if not parts:
            raise UsageError(f"{raw!r} names no section or exercise")
        head = parts[0]
        if len(parts) == 1:
            matched = [e for e in exercises if head in (e.chapter, e.section, e.id)]
        else:
            matched = [e for e in exercises if e.section == head and e.id == parts[1]]
        if not matched:
            known = sorted({e.chapter for e in exercises} | {e.section for e in exercises} | {e.id for e in exercises})
            close = difflib.get_close_matches(parts[-1], known, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else " Run with --list to see them all."
            raise UsageError(f"no section or exercise is called {raw!r}.{hint}")
        chosen.extend(e for e in matched if e not in chosen)
    order = {e.id: i for i, e in enumerate(exercises)}
    return sorted(chosen, key=lambda e: order[e.id])
