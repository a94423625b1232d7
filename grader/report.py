"""Results: collected from pytest reports, worded for a beginner, then written as text, JSON or JUnit XML.

A check's message is decided where it ran (grader.plugin); two things are
only known once an exercise's checks are all in, and :func:`for_beginners`
words them then, in the message itself, so that every reporter (the
terminal, JSON, JUnit, watch mode, GitHub Classroom) says the same:

* an exercise that has not been started (no check passes, and its files
  are the stubs as the course gives them, as far as can be told: see
  grader.stubs.as_given) gets a pointer to its README and the step to
  start with, instead of the hints that the checks give about the exercise
  itself, which close in on the answer. Hints about Python in general (a
  SyntaxError, a circular import) stay, and so do all hints once the
  student has changed its files or a check passes.
* a check that failed on exactly what an earlier check of the exercise
  reports (the same expectation, the same observation) has not got as far
  as its own subject yet: its message says so, names it, and names the
  check to fix first.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .course import Exercise
from .feedback import CheckFailed

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

SCHEMA = "import-lab/report/1"

#: The message of a check that never reported a result.
INTERRUPTED = "not finished: grading was interrupted"
STOPPED = "not finished: the grader stopped before this check did (this is not your fault)"


@dataclass
class Check:
    name: str
    max_score: int
    status: str = "error"
    message: str = ""
    duration: float = 0.0
    line: int = 0
    finished: bool = False  # its verdict is in: a setup that did not pass, or the call
    # The parts of a learner's message (grader.feedback.CheckFailed), for for_beginners():
    expected: str = ""
    saw: str = ""
    hint: str = ""
    general: bool = False  # the hint explains an error in general, not a step of the exercise
    printed: str = ""  # what the student's code printed during the check, cut short

    @property
    def score(self) -> int:
        return self.max_score if self.status == "pass" else 0

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "status": self.status,
            "score": self.score,
            "max_score": self.max_score,
            "message": self.message,
        }


def check_name(nodeid: str) -> str:
    name = nodeid.split("::")[-1]
    return name[len("test_") :] if name.startswith("test_") else name


def suite_file(nodeid: str) -> str:
    """``8.2-module-caching/test_import_once.py::test_x`` -> ``test_import_once.py``."""
    return nodeid.split("::")[0].replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(eq=False)  # pytest keeps plugins in sets
class Collector:
    """A pytest plugin object: one Check per collected test, its verdict gathered across setup, call and teardown.

    Every collected test gets a Check before it runs, so one that never
    reports (grading interrupted, a worker lost) is still in the report, as
    an error; and only a call phase that passed makes a pass. A worker's
    Collector travels to the grader as JSON (grader.workers).
    """

    checks: dict[str, Check] = field(default_factory=dict)  # nodeid -> Check
    broken_suites: dict[str, str] = field(default_factory=dict)  # suite file name -> reason

    def expect(self, nodeid: str, points: int, line: int) -> None:
        if nodeid not in self.checks:
            self.checks[nodeid] = Check(name=check_name(nodeid), max_score=points, line=line)

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.broken_suites[suite_file(report.nodeid)] = str(report.longrepr)[-2000:]

    def pytest_collection_finish(self, session) -> None:
        for item in session.items:
            points = dict(item.user_properties).get("points", 1)
            self.expect(item.nodeid, int(points), item.location[1] or 0)

    def pytest_runtest_logreport(self, report) -> None:
        props = dict(report.user_properties)
        check = self.checks.get(report.nodeid)
        if check is None:
            check = Check(name=check_name(report.nodeid), max_score=int(props.get("points", 1)), line=report.location[1] or 0)
            self.checks[report.nodeid] = check
        if "points" in props:
            check.max_score = int(props["points"])
        check.duration += report.duration or 0.0
        status = props.get("status") or ("pass" if report.passed else "error")
        if report.when == "call":
            # The verdict: unless setup already gave one (it did not pass).
            if not check.finished:
                _give(check, status, props)
        elif report.when == "teardown":
            # A teardown can only spoil a pass.
            if check.finished and check.status == "pass" and status != "pass":
                _give(check, status, props)
        elif status != "pass":
            # A setup that did not pass is the verdict (the call never runs).
            _give(check, status, props)
        # A setup that passed decides nothing: only the call can make a pass.

    def finish(self, interrupted: bool) -> None:
        """Mark the checks that never gave a verdict as errors that say why."""
        for check in self.checks.values():
            if not check.finished:
                check.status, check.message = "error", INTERRUPTED if interrupted else STOPPED

    def for_suite(self, suite: Path) -> list[Check]:
        found = [c for nodeid, c in self.checks.items() if suite_file(nodeid) == suite.name]
        return sorted(found, key=lambda c: c.line)


def _give(check: Check, status: str, props: dict) -> None:
    """A phase's verdict becomes the check's: its status, its message and the message's parts."""
    check.status, check.message, check.finished = status, props.get("message", ""), True
    check.expected, check.saw = props.get("expected", ""), props.get("saw", "")
    check.hint, check.general = props.get("hint", ""), bool(props.get("general"))
    check.printed = props.get("printed", "")


# -- words for a beginner -------------------------------------------------------------------------

#: The label of the student's own output in a check's message.
PRINTED_LABEL = "Your code printed:"


def with_printed(message: str, printed: str) -> str:
    """A check's message, then what the student's code printed, each line marked as theirs with "| "."""
    if not printed:
        return message
    return message + f"\n{PRINTED_LABEL}\n" + "\n".join(f"| {line}" for line in printed.splitlines())


def start_here(path: str, workspace: str = "exercises") -> str:
    """The hint of an exercise not started yet: where its README is, and the step to begin with."""
    return (
        f"this exercise is as you got it, and no check passes: read {workspace}/{path}/README.md "
        'and begin with step 1 of "Your task".'
    )


def _worded(check: Check, text: str) -> None:
    check.message = with_printed(text + (f" Hint: {check.hint}" if check.hint else ""), check.printed)


def for_beginners(
    checks: list[Check], path: str, workspace: str = "exercises", as_given: bool | None = None
) -> list[Check]:
    """An exercise's checks, their messages worded for where the student is (see the module's docstring).

    ``as_given`` says whether the exercise's files are still the course's
    stubs (grader.stubs.as_given; None when that cannot be told): work of
    the student's own that no check passes yet keeps its hints, which say
    what is wrong with it.
    """
    worded = [c for c in checks if c.expected and c.status in ("fail", "timeout")]
    if worded and as_given is not False and not any(c.status == "pass" for c in checks):
        for check in worded:
            if check.hint and not check.general:
                check.hint = start_here(path, workspace)
                _worded(check, CheckFailed(check.expected, check.saw).message)
    owners: dict[tuple[str, str], Check] = {}
    for check in worded:
        owner = owners.setdefault((check.expected, check.saw), check)
        if owner is not check:
            subject = check.name.replace("_", " ")
            _worded(
                check,
                f"Expected {check.expected} first, to tell whether {subject}, but {check.saw}"
                f' (as the check "{owner.name.replace("_", " ")}" says: fix that first).',
            )
    return checks


def exercise_entry(exercise: Exercise, checks: list[Check] | None) -> dict:
    entry = {
        "id": exercise.id,
        "chapter": exercise.chapter,
        "title": exercise.title,
        "path": exercise.path,
        "files": list(exercise.edit),
        "read": list(exercise.read),
    }
    if checks is not None:
        entry["score"] = sum(c.score for c in checks)
        entry["max_score"] = sum(c.max_score for c in checks)
        entry["checks"] = [c.as_dict() for c in checks]
    return entry


def build(exercises: list[Exercise], results: dict[str, list[Check]] | None) -> dict:
    """The JSON report (``results`` None: the ``--list`` shape, without scores)."""
    entries = [exercise_entry(e, None if results is None else results[e.id]) for e in exercises]
    report = {"schema": SCHEMA, "python": platform.python_version()}
    if results is not None:
        report["score"] = sum(e["score"] for e in entries)
        report["max_score"] = sum(e["max_score"] for e in entries)
    report["exercises"] = entries
    return report


def _encodable(text: str, stream) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def _write_file(destination: str, data: bytes) -> None:
    """Write the whole file or nothing: a reader never finds half a report."""
    path = Path(destination)
    if path.is_symlink() or (path.exists() and not path.is_file()):  # /dev/stdout, a fifo, a link: write through
        with open(path, "wb") as f:
            f.write(data)
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_json(report: dict, destination: str) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if destination == "-":
        if not _encodable(text, sys.stdout):  # e.g. a cp1252 console: \uXXXX escapes are still the same JSON
            text = json.dumps(report, indent=2, ensure_ascii=True) + "\n"
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write_file(destination, text.encode("utf-8"))


def _counts(checks: list[dict]) -> dict[str, str]:
    return {
        "tests": str(len(checks)),
        "failures": str(sum(c["status"] in ("fail", "timeout") for c in checks)),
        "errors": str(sum(c["status"] == "error" for c in checks)),
        "skipped": str(sum(c["status"] == "skipped" for c in checks)),
    }


def _points(parent: ET.Element, score: int, max_score: int) -> None:
    import xml.etree.ElementTree as ET

    props = ET.SubElement(parent, "properties")
    ET.SubElement(props, "property", name="score", value=str(score))
    ET.SubElement(props, "property", name="max_score", value=str(max_score))


def write_junit(report: dict, destination: str, results: dict[str, list[Check]] | None = None) -> None:
    """JUnit XML: one testsuite per exercise, one testcase per check, points as properties.

    ``results`` (the Checks the report was built from) gives each test case its ``time``.
    """
    import xml.etree.ElementTree as ET  # here, not at the top: only a JUnit report needs it

    everything = [c for e in report["exercises"] for c in e["checks"]]
    durations = {
        (ex_id, i): check.duration for ex_id, checks in (results or {}).items() for i, check in enumerate(checks)
    }
    times = {
        ex["id"]: [durations.get((ex["id"], i), 0.0) for i in range(len(ex["checks"]))] for ex in report["exercises"]
    }
    root = ET.Element(
        "testsuites",
        name="import-lab",
        **_counts(everything),
        time=f"{sum(sum(t) for t in times.values()):.3f}",
    )
    _points(root, report["score"], report["max_score"])
    for ex in report["exercises"]:
        checks = ex["checks"]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"{ex['chapter']} {ex['id']}",
            **_counts(checks),
            time=f"{sum(times[ex['id']]):.3f}",
        )
        _points(suite, ex["score"], ex["max_score"])
        for c, seconds in zip(checks, times[ex["id"]]):
            case = ET.SubElement(
                suite, "testcase", classname=f"{ex['chapter']}.{ex['id']}", name=c["name"], time=f"{seconds:.3f}"
            )
            _points(case, c["score"], c["max_score"])
            if c["status"] in ("fail", "timeout"):
                ET.SubElement(case, "failure", message=c["message"], type=c["status"]).text = c["message"]
            elif c["status"] == "error":
                ET.SubElement(case, "error", message=c["message"]).text = c["message"]
            elif c["status"] == "skipped":
                ET.SubElement(case, "skipped", message=c["message"])
    ET.indent(root)
    if destination == "-":
        text = ET.tostring(root, encoding="unicode")
        if not _encodable(text, sys.stdout):  # character references instead
            text = ET.tostring(root, encoding="us-ascii", xml_declaration=False).decode("ascii")
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    else:
        _write_file(destination, ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
