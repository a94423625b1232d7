"""The course as the tests see it: exercises, sections and their files."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from grader.course import discover  # noqa: E402

EXERCISES = discover(REPO)
#: The syllabus: every section the course is to have, with its folder name.
SYLLABUS = {
    "8.1": "8.1-modules-and-imports",
    "8.2": "8.2-module-caching",
    "8.3": "8.3-importing-selected-names",
    "8.4": "8.4-circular-imports",
    "8.5": "8.5-reloading-and-unloading",
    "8.6": "8.6-module-compilation",
    "8.7": "8.7-the-search-path",
    "8.8": "8.8-running-as-main",
}
#: The sections written so far: each is held to the full bar by the tests.
SECTIONS = {number: folder for number, folder in SYLLABUS.items() if (REPO / "chapters" / folder).is_dir()}


def ids(exercises=EXERCISES):
    return [e.id for e in exercises]

#: A student template (see grader/release.py) has no solutions: tests that need them skip there.
HAS_SOLUTIONS = (REPO / "solutions").is_dir()
