"""GitHub Classroom: the runner result the autograding reporter sums, and a log that cannot issue workflow commands.

The reporter (classroom-resources/autograding-grading-reporter) reads one
step output per runner, ``result``, holding base64-encoded JSON:
``{"version": 1, "status", "max_score", "tests": [...]}``; the points earned
are the sum of ``tests[].score``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import sys

#: Our statuses, as the reporter knows them.
STATUS = {"pass": "pass", "fail": "fail", "timeout": "fail", "skipped": "fail", "error": "error"}


def runner_result(report: dict) -> dict:
    tests = []
    for ex in report["exercises"]:
        for check in ex["checks"]:
            tests.append(
                {
                    "name": f"{ex['chapter']} {ex['id']}: {check['name'].replace('_', ' ')}",
                    "status": STATUS[check["status"]],
                    "score": check["score"],
                    "message": check["message"],
                    "test_code": f"python -m grader {ex['id']}",
                    "filename": f"exercises/{ex['path']}",
                    "line_no": 0,
                    "duration": 0,
                }
            )
    statuses = {t["status"] for t in tests}
    status = "error" if "error" in statuses else "fail" if "fail" in statuses else "pass"
    return {"version": 1, "status": status, "max_score": report["max_score"], "tests": tests}


def encode(result: dict) -> str:
    return base64.b64encode(json.dumps(result).encode("utf-8")).decode("ascii")


def write_step_output(report: dict, path: str | None = None) -> None:
    """Write ``result=<base64 JSON>`` as this step's only output.

    The file is rewritten, not appended to: it belongs to this step alone,
    and anything the student's code managed to add to it during grading is
    thrown away.
    """
    path = path or os.environ.get("GITHUB_OUTPUT")
    if not path:
        raise RuntimeError("--github-output needs the GITHUB_OUTPUT variable that GitHub Actions sets")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"result={encode(runner_result(report))}\n")


@contextlib.contextmanager
def commands_stopped(stream=sys.stdout):
    """Nothing printed inside this block is taken by GitHub Actions as a workflow command."""
    token = secrets.token_hex(16)
    stream.write(f"::stop-commands::{token}\n")
    stream.flush()
    try:
        yield
    finally:
        stream.flush()
        stream.write(f"::{token}::\n")
        stream.flush()
