"""GitHub Classroom: the workflow's steps, run as Actions runs them, always leave a score that is true.

Every case runs the whole job (tests/actions.py): the command files applied
between steps, and the total taken as Classroom's reporter takes it. What is
missing or broken scores 0 out of its full points; the rest is counted; no
student code can forge a result or reach the runner's command files.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from grader import classroom

from . import actions
from .conftest import REPO, course_copy, run_grader
from .course import EXERCISES, HAS_SOLUTIONS, SECTIONS

WORKFLOW_PATH = REPO / ".github" / "workflows" / "classroom.yml"
WORKFLOW = yaml.safe_load(WORKFLOW_PATH.read_text(encoding="utf-8"))
JOB = WORKFLOW["jobs"]["run-autograding-tests"]
STEPS = {step.get("id", step["name"]): step for step in JOB["steps"]}
REPORTER = JOB["steps"][-1]
RUNNERS = [classroom.runner_id(number) for number in SECTIONS]

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="runs the steps as bash does on ubuntu-latest")


# -- the workflow's shape --------------------------------------------------------------------------


def test_the_workflow_has_the_shape_classroom_expects():
    assert WORKFLOW["name"] == "Autograding Tests"
    assert JOB["if"] == "github.actor != 'github-classroom[bot]'"
    assert REPORTER["uses"] == "classroom-resources/autograding-grading-reporter@v1"
    assert REPORTER["with"]["runners"].split(",") == RUNNERS
    assert all(r.isalnum() for r in RUNNERS), "the reporter accepts letters and digits only"


def test_the_workflow_is_current():
    """Adding a section means regenerating it: python -m grader.classroom workflow > .github/workflows/classroom.yml."""
    assert WORKFLOW_PATH.read_text(encoding="utf-8") == classroom.workflow()


def test_each_section_falls_back_to_its_zero_result():
    assert list(STEPS)[-3:-1] == [classroom.ZERO_STEP, classroom.GRADE_STEP], "zero, then grade, then the reporter"
    assert "continue-on-error" not in STEPS[classroom.ZERO_STEP], "no student code has run before it"
    assert STEPS[classroom.GRADE_STEP]["continue-on-error"] is True
    assert REPORTER["env"] == {
        f"{r.upper()}_RESULTS": f"${{{{ steps.grade.outputs.{r} || steps.zero.outputs.{r} }}}}" for r in RUNNERS
    }


def test_least_privilege():
    assert WORKFLOW["permissions"] == {"contents": "read"}, "the v1 reporter makes no API call: reading the code is all"
    checkouts = [s for s in JOB["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 2 and all(s["with"]["persist-credentials"] is False for s in checkouts)
    hidden = STEPS["hidden"]
    assert hidden["continue-on-error"] is True, "a missing secret must not stop the job"
    assert all(s["uses"].endswith("@v7") for s in checkouts) and STEPS["Set up Python"]["uses"].endswith("@v7")


def test_the_grader_s_dependencies_are_pinned_with_hashes():
    install = STEPS["Install the grader"]["run"]
    assert "--require-hashes" in install and classroom.REQUIREMENTS in install
    lines = [line for line in (REPO / classroom.REQUIREMENTS).read_text().splitlines() if line and line[0] != "#"]
    pins = {}
    for line in lines:
        spec, _, digest = line.partition(" --hash=sha256:")
        requirement = Requirement(spec)
        (pin,) = requirement.specifier
        assert pin.operator == "==" and len(digest) == 64, line
        pins[requirement.name] = pin.version
    try:
        import tomllib
    except ImportError:  # 3.10: pytest brings tomli there
        import tomli as tomllib
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (wanted,) = [Requirement(r) for r in pyproject["dependency-groups"]["grader"]]
    assert wanted.name in pins and wanted.specifier.contains(pins[wanted.name]), "the pin is inside the course's range"


# -- results --------------------------------------------------------------------------------------


def biggest_section() -> list[dict]:
    """The section with the most checks, as a report has it, every check failing with a 1 MB message."""
    report = run_grader("--json", "-").report
    by_chapter: dict[str, list[dict]] = {}
    for ex in report["exercises"]:
        by_chapter.setdefault(ex["chapter"], []).append(ex)
    exercises = max(by_chapter.values(), key=lambda exs: sum(len(e["checks"]) for e in exs))
    for ex in exercises:
        for check in ex["checks"]:
            check.update(status="fail", score=0, message="\U0001f600é\n" * 350_000)
    return exercises


def test_a_result_stays_far_below_the_limit_of_one_variable():
    exercises = biggest_section()
    result = classroom.runner_result(exercises, 10)
    size = len(classroom.encode(result))
    assert size <= classroom.RESULT_BYTES <= 128 * 1024 // 4, size
    assert all(len(t["message"]) <= classroom.MESSAGE_CHARS + len(classroom.CUT_MESSAGE) for t in result["tests"])
    assert len(result["tests"]) == sum(len(e["checks"]) for e in exercises), "every check keeps its line"


def test_a_short_message_is_kept_whole_and_a_long_one_points_to_the_log():
    checks = [{"name": "a", "status": "fail", "score": 0, "max_score": 1, "message": "Expected x, but y."},
              {"name": "b", "status": "timeout", "score": 0, "max_score": 1, "message": "z" * 5000}]  # fmt: skip
    result = classroom.runner_result([{"id": "e", "chapter": "8.1", "path": "8.1-x/e", "checks": checks}], 2)
    short, long = result["tests"]
    assert short["message"] == "Expected x, but y." and short["status"] == "fail"
    assert long["message"].endswith(classroom.CUT_MESSAGE) and long["status"] == "fail"


def test_the_zero_results_have_the_graded_maxima():
    zero = classroom.section_results(classroom.zero_report(EXERCISES))
    graded = classroom.section_results(run_grader("--json", "-").report)
    assert {r: z["max_score"] for r, z in zero.items()} == {r: g["max_score"] for r, g in graded.items()}
    assert list(zero) == RUNNERS
    assert all(t["score"] == 0 and t["status"] == "fail" for z in zero.values() for t in z["tests"])


def test_grading_outside_actions_is_a_usage_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_OUTPUT", "PYTHONPATH")}
    for command in ("zero", "grade"):
        done = __import__("subprocess").run(
            [sys.executable, "-m", "grader.classroom", command], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert done.returncode == 2 and "GITHUB_OUTPUT" in done.stderr, done.stderr


# -- the job, as Actions runs it -----------------------------------------------------------------------


def total_points() -> int:
    return sum(classroom.section_results(classroom.zero_report(EXERCISES))[r]["max_score"] for r in RUNNERS)


def points_of(exercise_ids) -> int:
    return sum(classroom.course.suite_points(e.suite) for e in EXERCISES if e.id in exercise_ids)


def student_python() -> tuple[str, str] | None:
    """(an interpreter the student user can start, the PYTHONPATH that gives it pytest), or None.

    Under /root (pyenv, for one) no other user may start an interpreter; the
    system's own interpreter of the same version can, with this environment's packages.
    """
    purelib = sysconfig.get_paths()["purelib"]
    for candidate in (os.path.realpath(sys.executable), f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"):
        path = Path(candidate)
        if path.is_file() and all(p.stat().st_mode & 0o001 for p in [path, *path.parents]):
            return str(path), purelib
    return None


def run_workflow(course: Path, tmp_path: Path, as_student: bool = False, **kw) -> actions.Job:
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "IMPORT_LAB_", "PYTHON"))}
    python, python_path = sys.executable, ""
    if as_student:
        if sys.platform != "linux" or os.geteuid() != 0:
            pytest.skip("student code runs as another user only when the grader is root (or has sudo) on Linux")
        found = student_python()
        if found is None:
            pytest.skip("no Python here that an unprivileged user may start")
        python, python_path = found
    else:
        base_env[classroom.RUN_AS_RUNNER] = "1"
    return actions.run_job(WORKFLOW, course, tmp_path / "actions", python, base_env, python_path, **kw)


def solved(tmp_path: Path) -> Path:
    if not HAS_SOLUTIONS:
        pytest.skip("a student template has no solutions")
    return course_copy(tmp_path / "repo", solved=True)


def expect_score(job: actions.Job, points: int, max_points: int) -> None:
    assert job.score is not None, f"the reporter recorded no score: {job.reporter_error}\n{job.logs}"
    assert (job.score.points, job.score.max_points) == (points, max_points), job.logs.get(classroom.GRADE_STEP, "")[-3000:]
    for value in job.reporter_env.values():
        assert len(value) <= classroom.RESULT_BYTES


@POSIX_ONLY
def test_solutions_get_every_point(tmp_path):
    job = run_workflow(solved(tmp_path), tmp_path)
    expect_score(job, total_points(), total_points())
    assert job.outcomes[classroom.GRADE_STEP] == "success"
    # Whatever the checks print, GitHub takes none of it as a workflow command.
    lines = job.logs[classroom.GRADE_STEP].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].removeprefix("::stop-commands::")
    assert len(token) >= 32 and f"::{token}::" in lines[start + 1 :]


@POSIX_ONLY
def test_untouched_stubs_get_none(tmp_path):
    job = run_workflow(course_copy(tmp_path / "repo"), tmp_path)
    expect_score(job, 0, total_points())


@POSIX_ONLY
def test_a_deleted_exercise_scores_zero_of_its_points(tmp_path):
    course = solved(tmp_path)
    gone = EXERCISES[3]
    shutil.rmtree(course / "exercises" / gone.path)
    job = run_workflow(course, tmp_path)
    expect_score(job, total_points() - points_of({gone.id}), total_points())


@POSIX_ONLY
def test_a_deleted_section_scores_zero_of_its_points(tmp_path):
    course = solved(tmp_path)
    number, folder = list(SECTIONS.items())[2]
    shutil.rmtree(course / "exercises" / folder)
    job = run_workflow(course, tmp_path)
    expect_score(job, total_points() - points_of({e.id for e in EXERCISES if e.chapter == number}), total_points())


@POSIX_ONLY
def test_an_added_folder_changes_nothing_and_the_log_says_so(tmp_path):
    course = solved(tmp_path)
    extra = course / "exercises" / list(SECTIONS.values())[1] / "my-own-exercise"
    extra.mkdir()
    (extra / "notes.py").write_text("X = 1\n")
    job = run_workflow(course, tmp_path)
    expect_score(job, total_points(), total_points())
    assert "my-own-exercise is not an exercise of this course" in job.logs[classroom.GRADE_STEP]


#: Faults put into the course copy's grader, as (file, text found once, what goes before it).
CRASH = ("grader/cli.py", "    from .report import Check, Collector\n", "    raise RuntimeError('a bug in the grader')\n")
KILLED_WHILE_WRITING = (  # the grading step's results are half-written: the zero step's are not touched
    "grader/classroom.py", "    os.replace(partial, path)\n", "    if 'grade' in sys.argv:\n        os.kill(os.getpid(), 9)\n"
)


@POSIX_ONLY
@pytest.mark.parametrize("fault", [CRASH, KILLED_WHILE_WRITING], ids=["crashes", "is-killed-while-writing"])
def test_a_grader_that_fails_leaves_every_section_at_zero(tmp_path, fault):
    course = solved(tmp_path)
    name, anchor, inserted = fault
    source = (course / name).read_text(encoding="utf-8")
    assert source.count(anchor) == 1
    (course / name).write_text(source.replace(anchor, inserted + anchor), encoding="utf-8")
    job = run_workflow(course, tmp_path)
    assert job.outcomes[classroom.GRADE_STEP] == "failure"
    assert not job.outputs[classroom.GRADE_STEP], "nothing half-written"
    expect_score(job, 0, total_points())


@POSIX_ONLY
def test_a_one_megabyte_message_keeps_the_score(tmp_path):
    course = solved(tmp_path)
    victim = EXERCISES[0]
    (course / "exercises" / victim.path / victim.files[0]).write_text('raise ValueError("é" * 1_000_000)\n')
    job = run_workflow(course, tmp_path)
    expect_score(job, total_points() - points_of({victim.id}), total_points())


#: A stub that looks for the runner's command files in its ancestors' environments and writes to each.
FORGER = textwrap.dedent(
    '''
    import base64, json, os
    FORGED = base64.b64encode(json.dumps(
        {"version": 1, "status": "pass", "max_score": 1, "tests": [{"score": 1000, "status": "pass"}]}).encode()).decode()
    WRITES = {
        "GITHUB_OUTPUT": "".join(f"chapter8{n}={FORGED}\\n" for n in range(1, 10)),
        "GITHUB_ENV": "NODE_OPTIONS=--require=/nonexistent/forge.js\\n",
        "GITHUB_PATH": "/tmp/import-lab-forged-bin\\n",
        "GITHUB_STEP_SUMMARY": "Points 1000/1000\\n",
    }
    written, pid = set(), os.getppid()
    while pid > 1:
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                env = dict(e.decode(errors="replace").split("=", 1) for e in f.read().split(b"\\0") if b"=" in e)
        except OSError:
            env = {}
        for name, text in WRITES.items():
            if env.get(name):
                try:
                    with open(env[name], "a") as out:
                        out.write(text)
                    written.add(name)
                except OSError:
                    pass
        try:
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    raise RuntimeError(f"forger-wrote-to-{len(written)}-command-files")
    '''
)


@pytest.mark.skipif(sys.platform != "linux", reason="reads other processes' environments through /proc")
@pytest.mark.parametrize("as_student", [False, True], ids=["as-the-runner", "as-the-student-user"])
def test_student_code_cannot_change_the_runner_s_command_files(tmp_path, as_student):
    course = course_copy(tmp_path / "repo")
    victim = EXERCISES[0]
    (course / "exercises" / victim.path / victim.files[0]).write_text(FORGER)
    job = run_workflow(course, tmp_path, as_student=as_student)
    log = job.logs[classroom.GRADE_STEP]
    if as_student:
        assert "forger-wrote-to-0-command-files" in log, "as another user, it cannot even find them"
        assert "Student code ran as the unprivileged user" in log
    else:
        assert "forger-wrote-to-4-command-files" in log, "the test's forger must really reach the files"
        assert "::warning title=Student code ran as the runner's user::" in log
    left = job.command_files[classroom.GRADE_STEP]
    assert not left["GITHUB_ENV"] and not left["GITHUB_PATH"] and not left["GITHUB_STEP_SUMMARY"]
    assert set(job.outputs[classroom.GRADE_STEP]) == set(RUNNERS)
    assert not job.env and "/tmp/import-lab-forged-bin" not in job.path
    expect_score(job, 0, total_points())


# -- hidden checks ------------------------------------------------------------------------------------


def instructor_suites(tmp_path: Path) -> Path:
    """The instructor's private repository: the course's suites and one hidden check more."""
    repo = tmp_path / "private"
    shutil.copytree(REPO / "grader" / "suites", repo / "grader" / "suites", ignore=shutil.ignore_patterns("__pycache__"))
    suite = repo / "grader" / "suites" / EXERCISES[0].suite.relative_to(REPO / "grader" / "suites")
    suite.write_text(
        suite.read_text(encoding="utf-8")
        + "\n\n@pytest.mark.hidden\n@pytest.mark.points(5)\ndef test_an_extra_hidden_check(student):\n    pass\n",
        encoding="utf-8",
    )
    return repo


@POSIX_ONLY
def test_hidden_checks_are_fetched_and_count(tmp_path):
    job = run_workflow(
        solved(tmp_path), tmp_path,
        variables={"IMPORT_LAB_SUITES_REPO": "teacher/private"}, secrets={"IMPORT_LAB_SUITES_TOKEN": "t"},
        repositories={"teacher/private": instructor_suites(tmp_path)},
    )  # fmt: skip
    expect_score(job, total_points() + 5, total_points() + 5)


@POSIX_ONLY
def test_a_missing_secret_does_not_stop_the_job(tmp_path):
    job = run_workflow(
        solved(tmp_path), tmp_path,
        variables={"IMPORT_LAB_SUITES_REPO": "teacher/private"},
        repositories={"teacher/private": instructor_suites(tmp_path)},
    )  # fmt: skip
    assert job.outcomes["hidden"] == "failure"
    assert any("::warning title=Hidden checks not fetched::" in log for log in job.logs.values())
    expect_score(job, total_points(), total_points())


# -- running again as root ---------------------------------------------------------------------------


def test_without_root_the_grading_step_starts_itself_again_with_sudo(monkeypatch):
    monkeypatch.setattr(classroom.runner, "LINUX", True)
    monkeypatch.setattr(os, "geteuid", lambda: 1001, raising=False)
    monkeypatch.setattr(classroom, "_sudo_works", lambda: True)
    for name in (classroom.UNDER_SUDO, classroom.RUN_AS_RUNNER):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GITHUB_OUTPUT", "/runner/out")
    monkeypatch.setenv("GITHUB_ENV", "/runner/env")
    monkeypatch.setenv("SECRET_TOKEN", "not for root")
    started = []
    monkeypatch.setattr(os, "execv", lambda path, argv: started.append(argv) or (_ for _ in ()).throw(SystemExit(0)))
    with pytest.raises(SystemExit):
        classroom.main(["grade"])
    (argv,) = started
    assert argv[1:3] == ["-n", "--"] and argv[-4:] == [sys.executable, "-m", "grader.classroom", "grade"]
    assert "GITHUB_OUTPUT=/runner/out" in argv and "GITHUB_ENV=/runner/env" in argv
    assert f"{classroom.UNDER_SUDO}=1" in argv, "it asks for sudo once, not again and again"
    assert not any(a.startswith("SECRET_TOKEN=") for a in argv), "only what grading needs goes along"
    monkeypatch.setenv(classroom.UNDER_SUDO, "1")
    assert not classroom.should_use_sudo()


def test_the_result_decodes_as_the_reporter_decodes_it():
    result = classroom.runner_result([{"id": "e", "chapter": "8.1", "path": "8.1-x/e", "checks": []}], 3)
    assert json.loads(base64.b64decode(classroom.encode(result)).decode("utf-8")) == result
    assert result["status"] == "fail", "a section with no checks is not passed"


@POSIX_ONLY
@pytest.mark.parametrize("solved_too", [True, False], ids=["solved", "untouched"])
def test_the_student_template_grades_the_same(tmp_path, solved_too):
    """What students get: the template that `nox -s release` writes, with its own copy of the workflow."""
    if not HAS_SOLUTIONS:
        pytest.skip("this is already a student template")
    template = tmp_path / "template"
    done = __import__("subprocess").run(
        [sys.executable, "-m", "grader.release", str(template)], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (template / ".github" / "workflows" / "classroom.yml").read_text() == WORKFLOW_PATH.read_text()
    assert (template / classroom.REQUIREMENTS).is_file(), "the template installs what its workflow names"
    hidden = json.loads((template / "grader" / "suites" / "hidden.json").read_text())
    most = total_points() - sum(h["points"] for h in hidden.values())
    if solved_too:
        shutil.copytree(REPO / "solutions", template / "exercises", dirs_exist_ok=True)
    job = run_workflow(template, tmp_path)
    expect_score(job, most if solved_too else 0, most)
