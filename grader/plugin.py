"""The pytest plugin that turns suites into graded checks.

* ``@pytest.mark.points(N)`` gives a check its points;
* the ``student`` fixture hands each check a private copy of the exercise;
* every test report carries the check's points, status and learner's
  message in ``user_properties``, so the verdict is decided where the check
  ran (also in a worker, grader.workers) and only read by the grader;
* a check that does not pass shows, in its message, what the student's code
  printed while the check ran it ("Your code printed:", a few lines): a
  student who debugs with print() sees it. Its parts (expected, saw, hint,
  whether the hint is about the exercise or general, and that output) travel
  with it, so that the report can word it for a beginner (grader.report).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .course import COURSE_ROOT, exercise_id
from .feedback import CheckFailed, is_general
from .report import with_printed
from .runner import Limits
from .sandbox import make_student, remove_private_copy

def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("import-lab")
    group.addoption("--workspace", default=str(COURSE_ROOT / "exercises"), help="folder holding the exercises to grade")
    group.addoption("--check-timeout", type=float, default=Limits().timeout, help="seconds one interpreter may run")
    group.addoption("--memo-dir", default=None, help="folder shared by this run's checks (and workers) for time-out notes")
    group.addoption("--claims", default=None, help="folder where workers claim exercises: each runs only those it claimed")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "points(n): how many points the check is worth")
    config.addinivalue_line("markers", "hidden: left out of the student template; runs only on submission")


def points_of(item: pytest.Item) -> int:
    marker = item.get_closest_marker("points")
    return int(marker.args[0]) if marker and marker.args else 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.user_properties.append(("points", points_of(item)))


#: Per worker: suite file name -> whether this worker claimed that exercise.
CLAIMED = pytest.StashKey[dict]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """With ``--claims``, run a check only if this worker claimed its exercise (see grader.workers).

    A worker claims an exercise when it reaches its first check, by creating
    a file named after the suite: the one worker whose creation succeeds
    grades the whole exercise, in order (a time-out found by its first check
    spares the others), and the other workers pass over it without a report.
    """
    claims = item.config.getoption("--claims")
    if claims is None:
        return None
    mine = item.config.stash.setdefault(CLAIMED, {})
    suite = item.path.name
    if suite not in mine:
        try:
            os.close(os.open(os.path.join(claims, suite), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            mine[suite] = True
        except FileExistsError:
            mine[suite] = False
    if not mine[suite]:
        return True
    if nextitem is not None and nextitem.path != item.path:
        # The next check may belong to another worker: end this exercise as if
        # it were the last, so the next one this worker claims starts clean.
        item.ihook.pytest_runtest_protocol(item=item, nextitem=None)
        return True
    return None


def exercise_folder(suite: Path, workspace: Path) -> Path:
    """``grader/suites/8.2-module-caching/test_run_once.py`` -> ``<workspace>/8.2-module-caching/run-once``."""
    return workspace / suite.parent.name / exercise_id(suite)


@pytest.fixture
def student(request: pytest.FixtureRequest):
    """A private copy of the student's exercise folder, with fresh interpreters to run it."""
    config = request.config
    workspace = Path(config.getoption("--workspace")).resolve()
    limits = Limits(timeout=config.getoption("--check-timeout"))
    folder = exercise_folder(Path(request.path), workspace)
    memo_dir = config.getoption("--memo-dir")
    memo = Path(memo_dir) / f"{folder.parent.name}--{folder.name}.hang" if memo_dir else None
    sandbox, root = make_student(folder, limits, memo)
    try:
        yield sandbox
    finally:
        remove_private_copy(root)


def where(excinfo: pytest.ExceptionInfo) -> str:
    """", in FILE, line N": the innermost frame, for the instructor who fixes the bug (no source is read)."""
    tb = excinfo.tb
    while tb.tb_next is not None:
        tb = tb.tb_next
    return f", in {Path(tb.tb_frame.f_code.co_filename).name}, line {tb.tb_lineno}"


def verdict(excinfo: pytest.ExceptionInfo | None, outcome: str) -> tuple[str, str]:
    """(status, learner's message) for one phase of a check."""
    if excinfo is None:
        return ("pass", "") if outcome == "passed" else ("skipped", "")
    exc = excinfo.value
    if isinstance(exc, CheckFailed):
        return exc.status, exc.message
    if excinfo.errisinstance(pytest.skip.Exception):
        return "skipped", str(getattr(exc, "msg", "") or exc)
    if isinstance(exc, AssertionError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "a condition did not hold"
        return "fail", first
    return "error", (
        f"The grader itself failed in this check ({type(exc).__name__}: {exc}{where(excinfo)}). "
        "This is a bug in the course, not in your code: please tell your instructor."
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    status, message = verdict(call.excinfo, report.outcome)
    parts = []
    exc = call.excinfo.value if call.excinfo is not None else None
    if isinstance(exc, CheckFailed):
        parts = [("expected", exc.expected), ("saw", exc.saw), ("hint", exc.hint or "")]
        parts.append(("general", is_general(exc.hint)))
        student = getattr(item, "funcargs", {}).get("student")
        printed = student.printed() if call.when == "call" and student is not None else ""
        message = with_printed(message, printed)
        parts.append(("printed", printed))
    # A fresh list: the report shares item.user_properties with later phases.
    report.user_properties = [*report.user_properties, ("status", status), ("message", message), *parts]
