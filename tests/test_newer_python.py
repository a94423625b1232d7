"""A Python newer than the course was checked on: grading works, and the report says once that text may differ."""

from __future__ import annotations

import io

from grader import console

from .transcripts import VERIFIED


def report(python: str) -> dict:
    check = {"name": "test_it_works", "status": "pass", "score": 1, "max_score": 1, "message": ""}
    exercise = {
        "id": "import-once", "chapter": "8.2", "title": "Import once", "path": "8.2-module-caching/import-once",
        "files": ["shop.py"], "score": 1, "max_score": 1, "checks": [check, dict(check, name="test_again")],
    }
    return {"schema": 1, "python": python, "score": 1, "max_score": 1, "exercises": [exercise]}


def test_the_grader_knows_the_newest_verified_python():
    assert console.NEWEST_VERIFIED == max(release[:2] for release in VERIFIED)


def test_a_newer_python_gets_one_short_notice():
    newest = console.NEWEST_VERIFIED
    newer = f"{newest[0]}.{newest[1] + 1}"
    text = console.render(report(newer + ".0"), stream=io.StringIO())
    lines = text.splitlines()
    # One line, right under the title: said once for the report, not per check or per exercise.
    assert lines[1].startswith("Note:") and sum("Note:" in line for line in lines) == 1
    assert newer in lines[1] and "{}.{}".format(*newest) in lines[1] and len(lines[1]) <= 80
    assert "may word messages differently" in lines[1]


def test_no_notice_on_a_verified_python_or_an_unreadable_version():
    for python in ["{}.{}.{}".format(*release) for release in VERIFIED] + ["3.15.99", "3.10.0rc1", "unknown", ""]:
        assert console.newer_than_verified(python) is None, python
    assert "Note:" not in console.render(report("3.15.2"), stream=io.StringIO())
    assert console.newer_than_verified("3.16.0a1") and console.newer_than_verified("4.0.0")
