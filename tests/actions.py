"""A workflow job run on this machine as GitHub Actions runs it, for the Classroom tests.

Each ``run`` step runs in ``bash --noprofile --norc -eo pipefail`` (Actions'
default shell on Linux) with fresh command files (GITHUB_OUTPUT, GITHUB_ENV,
GITHUB_PATH, GITHUB_STEP_SUMMARY, GITHUB_STATE), applied after the step as
the runner applies them: outputs become ``steps.<id>.outputs``, variables
join the environment of later steps, folders go in front of their PATH. A
step that fails without ``continue-on-error`` ends the job; ``if`` and
``${{ }}`` expressions are evaluated for the forms the workflow uses.

``uses`` steps are played here: checkout (the course copy is in place
already; with ``repository``, a folder the test provides, or a failure when
no token is given), setup-python (a ``python`` on PATH), and Classroom's
reporter, whose total is computed as autograding-grading-reporter@v1
computes it: the sum of every runner's ``tests[].score`` over the sum of its
``max_score``, after ``JSON.parse`` of the base64-decoded variable; a value
that does not parse makes it fail, and then no score is recorded.
With IMPORT_LAB_CLASSROOM_REPORTER naming that action's ``dist/main.js`` (and
node on PATH), the real reporter runs too, and must agree.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

COMMAND_FILES = ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY", "GITHUB_STATE")


class ReporterFailed(Exception):
    """The reporter could not read a result: Classroom records no score at all."""


@dataclass
class Score:
    points: int
    max_points: int


@dataclass
class Job:
    """What running the job left: each step's outcome and outputs, its log, and the reporter's score."""

    outcomes: dict[str, str] = field(default_factory=dict)  # step id -> success / failure / skipped
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # what GITHUB_ENV added, as later steps see it
    path: list[str] = field(default_factory=list)  # what GITHUB_PATH added, first first
    command_files: dict[str, dict[str, str]] = field(default_factory=dict)  # step id -> name -> text left in it
    logs: dict[str, str] = field(default_factory=dict)  # step id -> stdout + stderr
    reporter_env: dict[str, str] = field(default_factory=dict)
    score: Score | None = None  # None: the reporter failed, or never ran
    reporter_error: str = ""


def _literal_or_context(token: str, ctx: dict) -> str:
    token = token.strip()
    if token.startswith("'") and token.endswith("'"):
        return token[1:-1].replace("''", "'")
    value: object = ctx
    for part in token.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value if isinstance(value, str) else ""


def evaluate(expression: str, ctx: dict) -> str:
    """An Actions expression of the forms ``a || b``, ``a == b``, ``a != b``, contexts and 'strings'.

    Like Actions, ``||`` gives the first operand that is not empty, and
    comparisons give "true" or "" (false).
    """
    expression = expression.strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2].strip()
    for operand in expression.split("||"):
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", operand.strip())
        if m:
            equal = _literal_or_context(m[1], ctx) == _literal_or_context(m[3], ctx)
            value = "true" if equal == (m[2] == "==") else ""
        else:
            value = _literal_or_context(operand, ctx)
        if value:
            return value
    return ""


def substitute(text: str, ctx: dict) -> str:
    return re.sub(r"\$\{\{(.+?)\}\}", lambda m: evaluate(m[1], ctx), text)


def parse_command_file(text: str) -> dict[str, str]:
    """``name=value`` lines and ``name<<DELIMITER`` blocks, as the runner reads GITHUB_OUTPUT and GITHUB_ENV."""
    values, lines, i = {}, text.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            values[name] = "\n".join(lines[i + 1 : end])
            i = end + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        i += 1
    return values


def reporter_score(env: dict[str, str], runners: str) -> Score:
    """The total as autograding-grading-reporter@v1 computes it; ReporterFailed where it fails."""
    points = max_points = 0
    for runner in runners.split(","):
        encoded = env.get(f"{runner.strip().upper()}_RESULTS", "")
        try:
            results = json.loads(base64.b64decode(encoded).decode("utf-8"))
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise ReporterFailed(f"{runner}: {exc}") from None
        if not results.get("max_score"):
            continue
        max_points += results["max_score"]
        points += sum(test["score"] for test in results["tests"])
    return Score(points, max_points)


def real_reporter_score(env: dict[str, str], runners: str, base_env: dict[str, str]) -> Score | None:
    """The real reporter's "Points X/Y" notice, if IMPORT_LAB_CLASSROOM_REPORTER names its bundle."""
    bundle, node = os.environ.get("IMPORT_LAB_CLASSROOM_REPORTER"), shutil.which("node")
    if not bundle or not node:
        return None
    done = subprocess.run(
        [node, bundle], env={**base_env, **env, "INPUT_RUNNERS": runners}, capture_output=True, text=True, timeout=60
    )
    m = re.search(r"::notice title=Autograding complete::Points (\d+)/(\d+)", done.stdout)
    return Score(int(m[1]), int(m[2])) if m else Score(-1, -1)


#: The ``python`` that setup-python puts on PATH: the test's interpreter, which has the
#: grader's requirements already (pip is not run: the tests work offline).
SETUP_PYTHON = """#!/bin/sh
if [ "$1 $2 $3" = "-m pip install" ]; then echo "(installed already)"; exit 0; fi
PYTHONPATH='{pythonpath}' exec '{python}' "$@"
"""


def run_job(
    workflow: dict,
    course: Path,
    scratch: Path,
    python: str,
    base_env: dict[str, str],
    python_path: str = "",
    variables: dict[str, str] | None = None,
    secrets: dict[str, str] | None = None,
    repositories: dict[str, Path] | None = None,
) -> Job:
    """Run the workflow's one job in ``course``; ``python`` is what setup-python provides (with ``python_path``)."""
    (job_def,) = workflow["jobs"].values()
    job = Job()
    ctx = {"vars": dict(variables or {}), "secrets": dict(secrets or {}), "steps": {}}
    bin_dir = scratch / "setup-python"
    failed = False
    for number, step in enumerate(job_def["steps"]):
        sid = step.get("id", f"step{number}")
        condition = step.get("if")
        if failed or (condition is not None and not evaluate(str(condition), ctx)):
            job.outcomes[sid] = "skipped"
            ctx["steps"][sid] = {"outcome": "skipped", "outputs": {}}
            continue
        outputs: dict[str, str] = {}
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout@"):
            ok = _checkout(step.get("with", {}), ctx, course, repositories or {})
        elif uses.startswith("actions/setup-python@"):
            bin_dir.mkdir(parents=True, exist_ok=True)
            (bin_dir / "python").write_text(SETUP_PYTHON.format(python=python, pythonpath=python_path))
            (bin_dir / "python").chmod(0o755)
            job.path.insert(0, str(bin_dir))
            ok = True
        elif uses.startswith("classroom-resources/autograding-grading-reporter@"):
            job.reporter_env = {k: substitute(str(v), ctx) for k, v in step.get("env", {}).items()}
            runners = step["with"]["runners"]
            try:
                job.score = reporter_score(job.reporter_env, runners)
                ok = True
            except ReporterFailed as exc:
                job.reporter_error, ok = str(exc), False
            real = real_reporter_score(job.reporter_env, runners, base_env)
            if real is not None:
                assert real == (job.score or Score(-1, -1)), f"the real reporter says {real}, the emulation {job.score}"
        elif "run" in step:
            ok, outputs = _run_step(step, sid, ctx, job, course, scratch / f"step{number}", base_env)
        else:
            raise AssertionError(f"the emulation does not know the step {step}")
        outcome = "success" if ok else "failure"
        job.outcomes[sid] = outcome
        job.outputs[sid] = outputs
        ctx["steps"][sid] = {"outcome": outcome, "outputs": outputs}
        if not ok and not step.get("continue-on-error"):
            failed = True
    return job


def _checkout(inputs: dict, ctx: dict, course: Path, repositories: dict[str, Path]) -> bool:
    assert inputs.get("persist-credentials") is False, "every checkout keeps the token out of .git/config"
    repository = substitute(str(inputs.get("repository", "")), ctx)
    if not repository:
        return True  # the student's repository: the course copy is it
    if not substitute(str(inputs.get("token", "")), ctx) or repository not in repositories:
        return False  # Actions cannot read a private repository without a token that may
    shutil.copytree(repositories[repository], course / substitute(str(inputs["path"]), ctx))
    return True


def _run_step(step, sid, ctx, job, course, folder: Path, base_env) -> tuple[bool, dict[str, str]]:
    folder.mkdir(parents=True)
    files = {name: folder / name.lower() for name in COMMAND_FILES}
    for path in files.values():
        path.write_text("")
    script = folder / "script.sh"
    script.write_text(substitute(step["run"], ctx))
    env = {**base_env, **job.env, **{name: str(path) for name, path in files.items()}}
    env["PATH"] = os.pathsep.join([*job.path, base_env.get("PATH", os.defpath)])
    timeout = 60 * float(step.get("timeout-minutes", 360))
    try:
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=course, env=env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        ok, log = done.returncode == 0, done.stdout + done.stderr
    except subprocess.TimeoutExpired as exc:
        ok, log = False, f"(timed out)\n{exc.stdout or ''}"
    job.logs[sid] = log
    left = {name: path.read_text(errors="replace") for name, path in files.items()}
    job.command_files[sid] = left
    job.env.update(parse_command_file(left["GITHUB_ENV"]))
    job.path[:0] = [line for line in reversed(left["GITHUB_PATH"].splitlines()) if line]
    return ok, parse_command_file(left["GITHUB_OUTPUT"])
