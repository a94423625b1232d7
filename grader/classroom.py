"""GitHub Classroom: a score that is always recorded, from the course's own maxima, and that student code cannot forge.

Classroom's reporter (classroom-resources/autograding-grading-reporter@v1)
reads, for each id in its ``runners`` input, the variable ``<ID>_RESULTS``:
base64 of ``{"version": 1, "status", "max_score", "tests": [...]}``. It
records the sum of every ``tests[].score`` over the sum of every
``max_score``, and one empty or malformed value makes it fail: then no score
at all is recorded. So the workflow (``python -m grader.classroom workflow``)
has two steps of ours, one output per section in each:

1. ``python -m grader.classroom zero``, before any student code runs: every
   section with all its points lost, out of the maximum its suites declare;
2. ``python -m grader.classroom grade``: the whole course graded once, its
   results written in one atomic replacement of the step's output file, or
   not at all (a grader that crashes or is killed writes nothing);

and the reporter reads ``steps.grade.outputs.<id> || steps.zero.outputs.<id>``.
What exists and what it is worth comes from the suites (``grader/``, which the
assignment protects), never from the student's folders: a deleted exercise
scores 0 out of its points, a folder without a suite is ignored.

On Linux, when the grader is root or can become root with ``sudo -n`` (as on
GitHub's hosted runners), student code runs as an unprivileged user of its
own: it cannot read the runner's environment nor write the runner's command
files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH...). Elsewhere it runs as the
runner's user; the log says so, and the command files that the grading step
does not use are emptied when grading ends.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys

from . import course, runner

#: Our statuses, as the reporter knows them.
STATUS = {"pass": "pass", "fail": "fail", "timeout": "fail", "skipped": "fail", "error": "error"}

#: The ids of our two steps in the workflow.
ZERO_STEP, GRADE_STEP = "zero", "grade"
GRADE_STEP_NAME = "Grade the course"

#: A check's message in the result is cut here; the step's log has all of it.
MESSAGE_CHARS = 300
CUT_MESSAGE = f' [...] (cut: the whole message is in the log of the step "{GRADE_STEP_NAME}")'
#: The most one section's result may take, base64 and all. The kernel refuses to
#: start a program with one environment variable over 128 KiB, and the reporter
#: gets each result as one: a result over it would lose the whole score.
RESULT_BYTES = 32 * 1024
#: Shorter and shorter messages, until a result fits in RESULT_BYTES.
MESSAGE_STEPS = (MESSAGE_CHARS, 80, 0)

#: What the zero step's checks say, in case the grading step never replaces them.
NOT_GRADED = (
    f'Not graded: the step "{GRADE_STEP_NAME}" did not finish (its log says why). '
    "This is not about your code: push again, and tell your instructor if it happens again."
)

#: The command files Actions reads after a step. Grading writes only GITHUB_OUTPUT.
COMMAND_FILES = ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY", "GITHUB_STATE")

#: The unprivileged user student code runs as, made when missing.
STUDENT_ACCOUNT = "import-lab-student"
#: Set (to anything) to run student code as the runner's own user: for the course's tests.
RUN_AS_RUNNER = "IMPORT_LAB_RUN_AS_RUNNER"
#: Set by the grader when it starts itself again with sudo, so that it does so once.
UNDER_SUDO = "IMPORT_LAB_UNDER_SUDO"


def runner_id(chapter: str) -> str:
    """Letters and digits only, as the reporter requires: 8.2 -> chapter82."""
    return "chapter" + chapter.replace(".", "")


# -- results ------------------------------------------------------------------------------------


def _cut(message: str, chars: int) -> str:
    if len(message) <= chars:
        return message
    return message[:chars].rstrip() + CUT_MESSAGE if chars else CUT_MESSAGE.strip()


def runner_result(exercises: list[dict], max_score: int) -> dict:
    """One section's result, as the reporter reads it; each message cut so that the whole stays in RESULT_BYTES."""
    for chars in MESSAGE_STEPS:
        tests = []
        for ex in exercises:
            for check in ex["checks"]:
                tests.append(
                    {
                        "name": f"{ex['chapter']} {ex['id']}: {check['name'].replace('_', ' ')}",
                        "status": STATUS[check["status"]],
                        "score": check["score"],
                        "message": _cut(check["message"], chars),
                        "test_code": f"nox -s grade -- {ex['id']}",
                        "filename": f"exercises/{ex['path']}",
                        "line_no": 0,
                        "duration": 0,
                    }
                )
        statuses = {t["status"] for t in tests}
        status = "error" if "error" in statuses else "fail" if "fail" in statuses or not tests else "pass"
        result = {"version": 1, "status": status, "max_score": max_score, "tests": tests}
        if len(encode(result)) <= RESULT_BYTES:
            break
    return result


def encode(result: dict) -> str:
    return base64.b64encode(json.dumps(result).encode("utf-8")).decode("ascii")


def section_results(report: dict) -> dict[str, dict]:
    """{runner id: result} for every section of a grader report, in course order."""
    chapters: dict[str, list[dict]] = {}
    for ex in report["exercises"]:
        chapters.setdefault(ex["chapter"], []).append(ex)
    return {
        runner_id(chapter): runner_result(exercises, sum(ex["max_score"] for ex in exercises))
        for chapter, exercises in chapters.items()
    }


def zero_report(exercises: list[course.Exercise]) -> dict:
    """A report in which every exercise lost all its points, out of what its suite declares."""
    return {
        "exercises": [
            {
                "id": e.id,
                "chapter": e.chapter,
                "path": e.path,
                "max_score": course.suite_points(e.suite),
                "checks": [{"name": "graded", "status": "fail", "score": 0, "message": NOT_GRADED}],
            }
            for e in exercises
        ]
    }


def write_outputs(results: dict[str, dict], path: str) -> None:
    """Write ``<runner id>=<base64 result>`` lines as the step's outputs, in one atomic replacement.

    The file is replaced, not appended to: it belongs to this step alone, and
    a grader killed half-way leaves it as it was (empty), never half-written.
    """
    text = "".join(f"{rid}={encode(result)}\n" for rid, result in results.items())
    partial = f"{path}.import-lab-{secrets.token_hex(4)}"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)


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


def _github_output() -> str:
    path = os.environ.get("GITHUB_OUTPUT")
    if not path:
        raise course.UsageError("this command writes step outputs: it needs the GITHUB_OUTPUT variable that Actions sets")
    return path


# -- isolation ----------------------------------------------------------------------------------


def _sudo_works() -> bool:
    sudo = shutil.which("sudo")
    if not sudo:
        return False
    try:
        return subprocess.run([sudo, "-n", "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def sudo_argv(argv: list[str]) -> list[str]:
    """The command line that starts this grading step again as root, keeping what it needs of the environment."""
    keep = {k: v for k, v in os.environ.items() if k in COMMAND_FILES or k in ("PATH", "LANG") or k.startswith("IMPORT_LAB_")}
    keep.update({UNDER_SUDO: "1", "PYTHONPATH": str(course.COURSE_ROOT)})
    env = shutil.which("env") or "/usr/bin/env"
    return [shutil.which("sudo") or "sudo", "-n", "--", env, *(f"{k}={v}" for k, v in keep.items()),
            sys.executable, "-m", "grader.classroom", *argv]  # fmt: skip


def should_use_sudo() -> bool:
    return (
        runner.LINUX
        and os.geteuid() != 0
        and not os.environ.get(UNDER_SUDO)
        and not os.environ.get(RUN_AS_RUNNER)
        and _sudo_works()
    )


def student_account() -> tuple[int, int] | None:
    """(uid, gid) of STUDENT_ACCOUNT, made first if missing (as root); None if there is none."""
    import pwd

    try:
        entry = pwd.getpwnam(STUDENT_ACCOUNT)
    except KeyError:
        useradd = shutil.which("useradd", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
        if useradd is None:
            return None
        subprocess.run(
            [useradd, "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
             "--shell", "/usr/sbin/nologin", STUDENT_ACCOUNT],
            capture_output=True,
        )  # fmt: skip
        try:
            entry = pwd.getpwnam(STUDENT_ACCOUNT)
        except KeyError:
            return None
    return entry.pw_uid, entry.pw_gid


def _starts_python(user: tuple[int, int]) -> bool:
    """Whether ``user`` can run this grader's interpreter (it may lie in a folder only the runner can enter)."""
    try:
        done = subprocess.run(
            [sys.executable, "-E", "-s", "-S", "-c", "pass"],
            cwd="/", capture_output=True, timeout=30, user=user[0], group=user[1], extra_groups=[],
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def isolation() -> tuple[tuple[int, int] | None, str]:
    """((uid, gid) that student code will run as, "") or (None, why it runs as the runner's user)."""
    if os.environ.get(RUN_AS_RUNNER):
        return None, f"{RUN_AS_RUNNER} is set"
    if not runner.LINUX:
        return None, f"student code runs as another user on Linux only, and this runner is {sys.platform}"
    if os.geteuid() != 0:
        return None, "the grader is not root and cannot use sudo without a password"
    user = student_account()
    if user is None:
        return None, f"the user {STUDENT_ACCOUNT} does not exist and could not be made"
    if not _starts_python(user):
        return None, f"the user {STUDENT_ACCOUNT} cannot start {sys.executable}"
    return user, ""


# -- the two steps ------------------------------------------------------------------------------


def zero(out=sys.stdout) -> int:
    """Write every section's result with all points lost: what counts if grading never finishes."""
    path = _github_output()
    results = section_results(zero_report(course.discover()))
    write_outputs(results, path)
    total = sum(r["max_score"] for r in results.values())
    out.write(f"Every section starts at 0 of its points ({total} in all); the next step replaces this with the grades.\n")
    return 0


def grade(out=sys.stdout) -> int:
    """Grade the whole course, student code as an unprivileged user where possible; write every section's result."""
    from . import cli, console, report

    path = _github_output()
    user, why_not = isolation()
    if user is not None:
        os.environ[runner.STUDENT_USER_VARIABLE] = f"{user[0]}:{user[1]}"
    else:
        os.environ.pop(runner.STUDENT_USER_VARIABLE, None)
    exercises = course.discover()
    workspace = course.COURSE_ROOT / "exercises"
    try:
        results, failure, interrupted = cli.grade(exercises, workspace)
    finally:
        if user is not None:
            runner.kill_user_processes(user[0])
    full = report.build(exercises, results)
    write_outputs(section_results(full), path)
    if user is None:
        # Student code ran as this user and could have appended to them: nothing of ours is in them.
        for name in COMMAND_FILES[1:]:
            if os.environ.get(name):
                with contextlib.suppress(OSError):
                    open(os.environ[name], "w").close()
        out.write(f"::warning title=Student code ran as the runner's user::{why_not}. See the instructor guide.\n")
    strays = course.strays(workspace, exercises)
    text = console.render(full, out, course.hidden_checks(), None, None, interrupted)
    with commands_stopped(out):
        out.write(text)
        for stray in strays:
            out.write(f"Not graded: exercises/{stray} is not an exercise of this course (no checks exist for it).\n")
        if user is not None:
            out.write(f"Student code ran as the unprivileged user {STUDENT_ACCOUNT}.\n")
    out.flush()
    if failure:
        print(f"The grader failed; the results mark what it could not grade:\n{failure}", file=sys.stderr)
    statuses = {c["status"] for e in full["exercises"] for c in e["checks"]}
    if failure or "error" in statuses or interrupted:
        return cli.EXIT_GRADER
    return cli.EXIT_OK if statuses <= {"pass"} else cli.EXIT_FAILED


# -- the workflow ---------------------------------------------------------------------------------

#: What the Classroom runner installs: exact versions, each file's hash checked.
REQUIREMENTS = ".github/classroom-requirements.txt"
CLASSROOM_PYTHON = "3.13"

WORKFLOW_HEAD = f"""\
# GitHub Classroom autograding: partial credit per section, summed by Classroom's
# reporter. Every section first gets a result of 0 out of its points (step "zero",
# before any student code runs); the grading step then replaces them all at once.
# Protect .github/ and grader/ in the assignment's settings (see the instructor guide).
# Generated by `python -m grader.classroom workflow > .github/workflows/classroom.yml`.
name: Autograding Tests
'on':
  - push
  - repository_dispatch
permissions:
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    timeout-minutes: 20
    steps:
      - name: Checkout code
        uses: actions/checkout@v7
        with:
          persist-credentials: false
      - name: Set up Python
        uses: actions/setup-python@v7
        with:
          python-version: "{CLASSROOM_PYTHON}"
      - name: Install the grader
        run: |
          python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary=:all: -r {REQUIREMENTS}
      # Optional: the instructor's copy of the suites, with hidden checks (organisation
      # variable IMPORT_LAB_SUITES_REPO, secret IMPORT_LAB_SUITES_TOKEN). Without them,
      # the template's own checks grade, and a warning says so.
      - name: Fetch hidden checks
        id: hidden
        if: ${{{{ vars.IMPORT_LAB_SUITES_REPO != '' }}}}
        continue-on-error: true
        uses: actions/checkout@v7
        with:
          repository: ${{{{ vars.IMPORT_LAB_SUITES_REPO }}}}
          token: ${{{{ secrets.IMPORT_LAB_SUITES_TOKEN }}}}
          path: .import-lab-suites
          persist-credentials: false
      - name: Use hidden checks
        if: ${{{{ steps.hidden.outcome == 'success' }}}}
        run: |
          rm -rf grader/suites
          cp -R .import-lab-suites/grader/suites grader/suites
          rm -rf .import-lab-suites
      - name: Warn that hidden checks are missing
        if: ${{{{ steps.hidden.outcome == 'failure' }}}}
        run: |
          echo "::warning title=Hidden checks not fetched::IMPORT_LAB_SUITES_REPO is set, but it could not be checked out (is the secret IMPORT_LAB_SUITES_TOKEN visible to this repository?). The template's own checks graded this push."
      - name: Start every section at zero
        id: {ZERO_STEP}
        run: python -m grader.classroom zero
      - name: {GRADE_STEP_NAME}
        id: {GRADE_STEP}
        continue-on-error: true
        timeout-minutes: 10
        run: python -m grader.classroom grade
"""


def workflow() -> str:
    """.github/workflows/classroom.yml for the course's sections, as its suites define them."""
    chapters = list(dict.fromkeys(e.chapter for e in course.discover()))
    ids = [runner_id(chapter) for chapter in chapters]
    lines = [WORKFLOW_HEAD.rstrip("\n")]
    lines += ["      - name: Autograding Reporter", "        uses: classroom-resources/autograding-grading-reporter@v1", "        env:"]
    lines += [
        f'          {i.upper()}_RESULTS: "${{{{ steps.{GRADE_STEP}.outputs.{i} || steps.{ZERO_STEP}.outputs.{i} }}}}"'
        for i in ids
    ]
    lines += ["        with:", f"          runners: {','.join(ids)}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.classroom", description=__doc__.splitlines()[0])
    parser.add_argument(
        "command",
        nargs="?",
        default="workflow",
        choices=("workflow", "zero", "grade"),
        help="workflow: print .github/workflows/classroom.yml (the default); zero: write every section's "
        "result at 0 points; grade: grade the course and write every section's result",
    )
    args = parser.parse_args(argv)
    if args.command == "workflow":
        sys.stdout.write(workflow())
        return 0
    try:
        if args.command == "zero":
            return zero()
        _github_output()
        if should_use_sudo():
            command = sudo_argv(["grade"])
            os.execv(command[0], command)
        return grade()
    except course.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the zero step's results stand; the log says why
        print(f"The grader failed ({type(exc).__name__}: {exc}): every section keeps its zero result.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
