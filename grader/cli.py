"""``python -m grader [SELECTOR ...]``: grade exercises and report.

Exit codes: 0 every selected check passed, 1 some check did not,
2 usage error, 3 the grader itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

from . import course

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_GRADER = 0, 1, 2, 3


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grader",
        description="Grade the Import Lab exercises in fresh, isolated interpreters.",
        epilog="Exit codes: 0 all checks passed, 1 some failed, 2 usage error, 3 the grader failed.",
    )
    p.add_argument(
        "selectors",
        nargs="*",
        metavar="SELECTOR",
        help="a section (8.2), a section folder (chapters/8.2-module-caching) or an exercise id; none means all",
    )
    p.add_argument(
        "--workspace",
        type=Path,
        default=course.COURSE_ROOT / "exercises",
        metavar="DIR",
        help="grade the exercise files under DIR (same layout as exercises/), e.g. --workspace solutions",
    )
    p.add_argument("--list", action="store_true", help="list the exercises instead of grading them")
    p.add_argument("--json", metavar="PATH", help="write the JSON report to PATH ('-' for standard output)")
    p.add_argument("--junit", metavar="PATH", help="write a JUnit XML report to PATH ('-' for standard output)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="time limit for each interpreter a check starts (default 10)")
    p.add_argument(
        "--github-output",
        action="store_true",
        help="GitHub Classroom: write the runner result to $GITHUB_OUTPUT and keep the log free of workflow commands",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="checks to run at once (default 0: one per core when grading several exercises)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits 2 on a usage error
    if args.json == "-" and args.junit == "-":
        print("error: --json - and --junit - cannot both use standard output", file=sys.stderr)
        return EXIT_USAGE
    try:
        exercises = course.select(course.discover(), args.selectors)
    except course.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.github_output and not os.environ.get("GITHUB_OUTPUT"):
        print("error: --github-output needs the GITHUB_OUTPUT variable that GitHub Actions sets", file=sys.stderr)
        return EXIT_USAGE
    if not args.list and not args.workspace.is_dir():
        print(f"error: the workspace {args.workspace} is not a folder", file=sys.stderr)
        return EXIT_USAGE

    from . import console, report

    if args.list:
        listing = report.build(exercises, None)
        if args.json:
            report.write_json(listing, args.json)
        if args.json != "-":
            sys.stdout.write(console.render_listing(listing))
        return EXIT_OK

    results, failure = grade(exercises, args.workspace.resolve(), args.timeout, args.jobs)
    if failure:
        print(f"The grader failed; the report marks what it could not grade:\n{failure}", file=sys.stderr)
    full = report.build(exercises, results)
    progress_rows = None
    if args.workspace.resolve() == (course.COURSE_ROOT / "exercises").resolve():
        # The student's own exercises: remember where they are (never used for grading).
        from . import progress

        progress_rows = progress.summary(course.discover(), progress.record(full))
    if args.json:
        report.write_json(full, args.json)
    if args.junit:
        report.write_junit(full, args.junit)
    human = sys.stderr if "-" in (args.json, args.junit) else sys.stdout
    if args.github_output:
        from . import classroom

        classroom.write_step_output(full)
        with classroom.commands_stopped(human):
            human.write(console.render(full, human, course.hidden_checks(), progress_rows))
    else:
        human.write(console.render(full, human, course.hidden_checks(), progress_rows))
    statuses = {c["status"] for e in full["exercises"] for c in e["checks"]}
    if failure or "error" in statuses:
        return EXIT_GRADER
    return EXIT_OK if statuses <= {"pass"} else EXIT_FAILED


def workers_for(exercises: list[course.Exercise], jobs: int) -> int:
    """How many pytest-xdist workers: starting one costs about as much as a few checks."""
    try:
        import xdist  # noqa: F401
    except ImportError:
        if jobs > 1:
            print("note: pytest-xdist is not installed, so checks run one at a time", file=sys.stderr)
        return 1
    if jobs > 0:
        return jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, len(exercises) // 3))


def grade(exercises: list[course.Exercise], workspace: Path, timeout: float, jobs: int = 0):
    """Run the exercises' suites with pytest in this process; student code runs only in children.

    Returns the checks of every exercise, and what went wrong in the grader
    itself (empty if nothing did). An exercise that could not be graded gets
    one check with status "error": the report is always complete.
    """
    sys.dont_write_bytecode = True  # grading leaves no __pycache__ behind, in suites either
    # Only the plugins the grader names: whatever else is installed next to
    # pytest cannot change a verdict, and does not cost start-up time.
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    import pytest

    from .report import Check, Collector

    suites = [e.suite for e in exercises if e.suite.is_file()]
    collector = Collector()
    # Workers are new processes: they load the plugin by name, from this course.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(course.COURSE_ROOT), os.environ.get("PYTHONPATH")]))
    args = [
        *map(str, suites),
        "-p",
        "grader.plugin",
        "-c",
        str(course.SUITES / "pytest.ini"),
        "--rootdir",
        str(course.SUITES),
        "--workspace",
        str(workspace),
        "--check-timeout",
        str(timeout),
        "--continue-on-collection-errors",
    ]
    workers = workers_for(exercises, jobs)
    if workers > 1:
        # One exercise per worker at a time: its checks run in order, so a
        # time-out found by the first spares the others (see sandbox.NotRun).
        args += ["-p", "xdist.plugin", "-n", str(workers), "--dist", "loadfile"]
    captured = io.StringIO()
    code = 0
    if suites:
        with tempfile.TemporaryDirectory(prefix="import-lab-run-") as memo_dir, contextlib.redirect_stdout(captured):
            code = pytest.main([*args, "--memo-dir", memo_dir], plugins=[collector])
    failure = ""
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED):
        failure = captured.getvalue()[-4000:] or f"pytest stopped with exit code {int(code)}"
    if collector.broken_suites:
        failure += "".join(f"\nCould not load {path}:\n{why}" for path, why in collector.broken_suites.items())

    results = {}
    for e in exercises:
        checks = collector.for_suite(e.suite)
        if not e.suite.is_file():
            checks = [Check(name="suite", max_score=0, message=f"No checks exist for this exercise ({e.suite.name} is missing).")]
        elif str(e.suite) in collector.broken_suites or not checks:
            checks = [Check(name="suite", max_score=0, message="The checks for this exercise could not be loaded: this is a bug in the course.")]
        results[e.id] = checks
    return results, failure
