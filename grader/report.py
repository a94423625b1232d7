"""Results: collected from pytest reports, then written as text, JSON or JUnit XML."""

from __future__ import annotations

import json
import platform
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .course import Exercise

SCHEMA = "import-lab/report/1"
STATUSES = ("pass", "fail", "error", "timeout", "skipped")


@dataclass
class Check:
    name: str
    max_score: int
    status: str = "error"
    message: str = ""
    duration: float = 0.0
    line: int = 0

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


@dataclass(eq=False)  # pytest keeps plugins in sets
class Collector:
    """A pytest plugin object: gathers one Check per test, across setup, call and teardown."""

    checks: dict[str, Check] = field(default_factory=dict)  # nodeid -> Check
    broken_suites: dict[str, str] = field(default_factory=dict)  # suite path -> reason

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.broken_suites[str(report.fspath)] = str(report.longrepr)[-2000:]

    def pytest_runtest_logreport(self, report) -> None:
        props = dict(report.user_properties)
        check = self.checks.get(report.nodeid)
        if check is None:
            name = report.nodeid.split("::")[-1]
            name = name[len("test_") :] if name.startswith("test_") else name
            check = Check(name=name, max_score=int(props.get("points", 1)), line=report.location[1] or 0)
            self.checks[report.nodeid] = check
        check.duration += report.duration
        status = props.get("status") or ("pass" if report.passed else "error")
        message = props.get("message", "")
        # Setup comes first and always speaks; the call speaks if setup passed;
        # a teardown can only spoil a pass.
        if report.when == "setup" or check.status == "pass":
            if report.when != "teardown" or status != "pass":
                check.status, check.message = status, message

    def for_suite(self, suite: Path) -> list[Check]:
        prefix = suite.name + "::"
        found = [c for nodeid, c in self.checks.items() if nodeid.split("/")[-1].startswith(prefix)]
        return sorted(found, key=lambda c: c.line)


def exercise_entry(exercise: Exercise, checks: list[Check] | None) -> dict:
    entry = {
        "id": exercise.id,
        "chapter": exercise.chapter,
        "title": exercise.title,
        "path": exercise.path,
        "files": list(exercise.files),
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


def write_json(report: dict, destination: str) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if destination == "-":
        sys.stdout.write(text)
    else:
        Path(destination).write_text(text, encoding="utf-8")


def write_junit(report: dict, destination: str) -> None:
    """JUnit XML: one testsuite per exercise, one testcase per check, points as properties."""
    everything = [c for e in report["exercises"] for c in e["checks"]]
    root = ET.Element(
        "testsuites",
        name="import-lab",
        tests=str(len(everything)),
        failures=str(sum(c["status"] in ("fail", "timeout") for c in everything)),
        errors=str(sum(c["status"] == "error" for c in everything)),
        skipped=str(sum(c["status"] == "skipped" for c in everything)),
    )
    ET.SubElement(ET.SubElement(root, "properties"), "property", name="score", value=str(report["score"]))
    for ex in report["exercises"]:
        checks = ex["checks"]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"{ex['chapter']} {ex['id']}",
            tests=str(len(checks)),
            failures=str(sum(c["status"] in ("fail", "timeout") for c in checks)),
            errors=str(sum(c["status"] == "error" for c in checks)),
            skipped=str(sum(c["status"] == "skipped" for c in checks)),
        )
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="score", value=str(ex["score"]))
        ET.SubElement(props, "property", name="max_score", value=str(ex["max_score"]))
        for c in checks:
            case = ET.SubElement(suite, "testcase", classname=f"{ex['chapter']}.{ex['id']}", name=c["name"])
            cprops = ET.SubElement(case, "properties")
            ET.SubElement(cprops, "property", name="score", value=str(c["score"]))
            ET.SubElement(cprops, "property", name="max_score", value=str(c["max_score"]))
            if c["status"] in ("fail", "timeout"):
                ET.SubElement(case, "failure", message=c["message"], type=c["status"]).text = c["message"]
            elif c["status"] == "error":
                ET.SubElement(case, "error", message=c["message"]).text = c["message"]
            elif c["status"] == "skipped":
                ET.SubElement(case, "skipped", message=c["message"])
    tree = ET.ElementTree(root)
    ET.indent(tree)
    if destination == "-":
        sys.stdout.write(ET.tostring(root, encoding="unicode") + "\n")
    else:
        tree.write(destination, encoding="utf-8", xml_declaration=True)
