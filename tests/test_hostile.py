"""Broken and hostile submissions: every case ends in bounded time with zero points for what it breaks.

Each file in tests/hostile/ is a student's module (``mod.py``) that
misbehaves in one way, and says in its docstring what the two checks must
report: ``value`` imports it and reads ``VALUE``; ``call`` calls ``work()``.
They are graded together, with a healthy exercise beside them that must keep
its full marks; then nothing they started may still run, the graded files
must be unchanged, and every report must be complete.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from grader.classroom import RESULT_BYTES, encode, section_results

from .conftest import REPO, run_grader, tree_digest

CORPUS = sorted((Path(__file__).parent / "hostile").glob("*.py"))
SECTION = "9.9-hostile"
TIMEOUT = 2.0
SUITE = '''
import pytest
from grader import expect


@pytest.mark.points(1)
def test_value(student):
    seen = student.observe("import mod\\nreport(value=mod.VALUE)", doing="`import mod` to work")
    expect(seen["value"] == 1, expected="VALUE to be 1", saw=f"it was {seen['value']!r}")


@pytest.mark.points(2)
def test_call(student):
    seen = student.observe("import mod\\nreport(result=mod.work())", doing="`mod.work()` to return")
    expect(seen["result"] == 42, expected="work() to return 42", saw=f"it returned {seen['result']!r}")
'''
HEALTHY = "VALUE = 1\n\n\ndef work():\n    return 42\n"


def expectations(case: Path) -> tuple[dict, str]:
    text = case.read_bytes().decode("latin-1")
    statuses = dict(pair.split("=") for pair in re.search(r"^expect: (.*)$", text, re.M).group(1).split())
    return statuses, re.search(r"^message:(.*)$", text, re.M).group(1).strip()


def exercise_id(case: Path) -> str:
    return case.stem.replace("_", "-")


def stray_processes() -> list[str]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if b"import-lab-hostile-marker" in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "course"
    shutil.copytree(REPO / "grader", root / "grader", ignore=shutil.ignore_patterns("suites", "__pycache__"))
    (root / "grader" / "suites" / SECTION).mkdir(parents=True)
    shutil.copy(REPO / "grader" / "suites" / "pytest.ini", root / "grader" / "suites")
    sources = {exercise_id(case): case.read_bytes() for case in CORPUS}
    sources["healthy-control"] = HEALTHY.encode()
    for ex_id, source in sources.items():
        folder = root / "exercises" / SECTION / ex_id
        folder.mkdir(parents=True)
        (folder / "README.md").write_text(f"# {ex_id}\n")
        (folder / "mod.py").write_bytes(source)
        (root / "grader" / "suites" / SECTION / f"test_{ex_id.replace('-', '_')}.py").write_text(SUITE)
    before = tree_digest(root / "exercises")
    start = time.monotonic()
    run = run_grader(
        "--timeout", str(TIMEOUT), "--json", "-", "--junit", str(root.parent / "junit.xml"), cwd=root, timeout=300,
    )
    elapsed = time.monotonic() - start
    time.sleep(0.5)  # give the kernel a moment to finish off what was killed
    return {
        "run": run,
        "elapsed": elapsed,
        "changed": tree_digest(root / "exercises") != before,
        "stray": stray_processes(),
        "junit": root.parent / "junit.xml",
        "by_id": {e["id"]: e for e in run.report["exercises"]},
    }


@pytest.mark.skipif(os.name != "posix", reason="the corpus uses fork and POSIX signals")
@pytest.mark.parametrize("case", CORPUS, ids=[c.stem for c in CORPUS])
def test_each_case_gets_the_verdict_it_deserves(graded, case):
    statuses, words = expectations(case)
    checks = {c["name"]: c for c in graded["by_id"][exercise_id(case)]["checks"]}
    for name, status in statuses.items():
        check = checks[name]
        assert check["status"] in status.split("|"), f"{name}: {check['status']}: {check['message']}"
        if status != "pass":
            assert check["score"] == 0
            assert words and re.search(words, json.dumps([c["message"] for c in checks.values()])), check["message"]
            assert "Traceback" not in check["message"] and len(check["message"]) < 1200


@pytest.mark.skipif(os.name != "posix", reason="the corpus uses fork and POSIX signals")
def test_the_run_as_a_whole_stays_within_bounds(graded):
    run = graded["run"]
    assert run.returncode == 1, run.stderr[-3000:]
    assert graded["by_id"]["healthy-control"]["score"] == 3, "other exercises are graded exactly as before"
    assert len(graded["by_id"]) == len(CORPUS) + 1 and all(len(e["checks"]) == 2 for e in graded["by_id"].values())
    assert not graded["changed"], "grading changed the files it graded"
    assert not graded["stray"], f"processes left running: {graded['stray']}"
    timeouts = sum(c["status"] == "timeout" for e in graded["by_id"].values() for c in e["checks"])
    assert graded["elapsed"] < timeouts * (TIMEOUT + 1) + 30, f"{graded['elapsed']:.1f} s"
    cases = ET.parse(graded["junit"]).getroot().findall(".//testcase")
    assert len(cases) == 2 * (len(CORPUS) + 1)
    # GitHub Classroom's result for the same report: small, and worth what the report says.
    (result,) = section_results(run.report).values()
    assert len(encode(result)) <= RESULT_BYTES
    assert sum(t["score"] for t in result["tests"]) == run.report["score"]
    assert sys.executable  # the grader's own process is still here to assert this
