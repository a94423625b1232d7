"""GitHub Classroom: the workflow follows Classroom's format, and its runners give partial credit that cannot be forged."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, course_copy, run_grader
from .course import HAS_SOLUTIONS, SECTIONS
from .test_cli import fake_course  # noqa: F401  (fixture)

WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8"))
JOB = WORKFLOW["jobs"]["run-autograding-tests"]
RUNNERS = [s for s in JOB["steps"] if "--github-output" in s.get("run", "")]
REPORTER = JOB["steps"][-1]


def test_the_workflow_has_the_shape_classroom_generates():
    assert WORKFLOW["name"] == "Autograding Tests"
    assert list(WORKFLOW["jobs"]) == ["run-autograding-tests"]
    assert JOB["if"] == "github.actor != 'github-classroom[bot]'"
    assert WORKFLOW["permissions"] == {"checks": "write", "actions": "read", "contents": "read"}
    assert JOB["steps"][0]["uses"].startswith("actions/checkout@")
    assert REPORTER["uses"] == "classroom-resources/autograding-grading-reporter@v1"
    assert JOB["steps"].index(RUNNERS[-1]) < len(JOB["steps"]) - 1, "runner steps come before the reporter"


def test_the_workflow_is_current():
    """Adding a section means regenerating the workflow: python -m grader.classroom > .github/workflows/classroom.yml."""
    from grader.classroom import workflow

    assert (REPO / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8") == workflow()


def test_one_runner_per_section_and_the_reporter_reads_them_all():
    ids = [step["id"] for step in RUNNERS]
    assert all(i.isalnum() for i in ids), "the reporter accepts letters and digits only"
    assert [step["run"].split()[3] for step in RUNNERS] == list(SECTIONS)
    assert REPORTER["with"]["runners"].split(",") == ids
    assert REPORTER["env"] == {f"{i.upper()}_RESULTS": f"${{{{steps.{i}.outputs.result}}}}" for i in ids}


def run_step(step: dict, course: Path, output: Path) -> dict:
    """Run a runner step's command the way Actions does, and decode the result it leaves."""
    bin_dir = course / ".ci-bin"
    bin_dir.mkdir(exist_ok=True)
    if not (bin_dir / "python").exists():
        # A wrapper, not a symlink: a link to a virtualenv's python does not find the virtualenv.
        (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
        (bin_dir / "python").chmod(0o755)
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=course, env=env, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    lines = output.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("result=")
    return json.loads(base64.b64decode(lines[0][len("result=") :]))


def graded_max(section: str) -> int:
    return run_grader(section, "--workspace", "solutions", "--json", "-").report["max_score"]


@pytest.mark.skipif(sys.platform == "win32", reason="runs the step as bash does on ubuntu-latest")
@pytest.mark.parametrize("solved", [True, False], ids=["solutions", "stubs"])
@pytest.mark.parametrize("step", RUNNERS, ids=[s["id"] for s in RUNNERS])
def test_runner_steps_give_full_marks_for_solutions_and_zero_for_stubs(step, solved, tmp_path):
    if not HAS_SOLUTIONS:
        pytest.skip("a student template has no solutions")
    course = course_copy(tmp_path / "repo", solved=solved)
    result = run_step(step, course, tmp_path / "output")
    earned = sum(t["score"] for t in result["tests"])
    assert result["version"] == 1 and result["max_score"] == graded_max(step["run"].split()[3]) > 0
    if solved:
        assert earned == result["max_score"] and result["status"] == "pass"
    else:
        assert earned == 0 and result["status"] == "fail"
    for test in result["tests"]:
        assert set(test) == {"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"}


def test_student_code_cannot_forge_the_result_or_issue_workflow_commands(fake_course, tmp_path):  # noqa: F811
    forger = fake_course / "exercises" / "9.1-fake" / "healthy" / "mod.py"
    forger.write_text(
        textwrap.dedent(
            """
            import os, glob
            print("::set-output name=result::forged")
            for path in [os.environ.get("GITHUB_OUTPUT")] + glob.glob(os.path.expanduser("~/*")):
                if path:
                    open(path, "a").write("result=forged\\n")
            raise ValueError("\\n::error file=x::forged annotation\\n::add-mask::x")
            """
        )
    )
    output = tmp_path / "github_output"
    output.write_text("result=appended-before-grading\n")
    env = {"GITHUB_OUTPUT": str(output)}
    run = run_grader("healthy", "--github-output", cwd=fake_course, env=env)
    assert run.returncode == 1
    (line,) = output.read_text().splitlines()
    result = json.loads(base64.b64decode(line.split("=", 1)[1]))
    assert sum(t["score"] for t in result["tests"]) == 0
    lines = run.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[0].startswith("::stop-commands::") and len(token) >= 32
    assert lines[-1] == f"::{token}::"
    assert "::error" in run.stdout, "the forged text is shown, but only while commands are stopped"


def test_github_output_without_actions_is_a_usage_error():
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_OUTPUT"}
    done = subprocess.run(
        [sys.executable, "-m", "grader", "8.2", "--github-output"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and "GITHUB_OUTPUT" in done.stderr
