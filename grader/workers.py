"""Grading on every core: ``python -m grader`` starts workers, and each claims exercises as it goes.

Every worker is a plain pytest run of all the selected suites, and they all
start at once. Before it runs an exercise's first check, a worker claims the
exercise by creating a file named after its suite in a folder they share
(``grader.plugin``): the one that creates it grades the whole exercise, the
others pass over it. So the cores share out the course while it runs, and
nothing hands out the work: the grader never imports pytest itself; it waits
for the workers and merges what they found.

pytest-xdist did this job before, and cost 13 % of the whole course's time
on two cores: its controller imported pytest before it started any worker,
started them one after the other, and relayed every report.

A worker is ``python -m grader.workers RESULTS PYTEST_ARGS...``. It writes
each check to RESULTS as a line of JSON as soon as it knows it (collected,
then each verdict), and a last line saying how its run ended; so a worker
that dies loses no verdict it had, and the grader can tell that it died.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from .report import Check, Collector, suite_file

#: How long, after a Ctrl-C, the workers get to stop their checks and write what they found.
STOP_SECONDS = 15.0


@dataclass(eq=False)
class StreamingCollector(Collector):
    """A worker's Collector: every change to a check goes out at once, as a line of JSON."""

    out: IO[str] | None = None

    def send(self, **line) -> None:
        self.out.write(json.dumps(line) + "\n")
        self.out.flush()

    def pytest_collectreport(self, report) -> None:
        super().pytest_collectreport(report)
        if report.failed:
            self.send(broken=report.nodeid, why=str(report.longrepr)[-2000:])

    def pytest_collection_finish(self, session) -> None:
        super().pytest_collection_finish(session)
        for nodeid, check in self.checks.items():
            self.send(nodeid=nodeid, check=asdict(check))

    def pytest_runtest_logreport(self, report) -> None:
        super().pytest_runtest_logreport(report)
        self.send(nodeid=report.nodeid, check=asdict(self.checks[report.nodeid]))


def _stop_once(signum, frame):
    """The first Ctrl-C stops the worker's checks; a second must not cut its results short.

    Ctrl-C in a terminal reaches the grader and its workers at once, and the
    grader passes it on as well (for a signal sent to the grader alone), so a
    worker may be told twice.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def run_pytest(pytest_args: list[str], collector: Collector) -> tuple[bool, str]:
    """Run pytest with ``collector``: (whether it was interrupted, what went wrong, empty if nothing did).

    A check that failed is no failure of the run: only an exit code beyond
    "tests failed" or "no tests" means the grader itself went wrong.
    """
    import pytest  # here: the grader that starts workers never imports it

    code = pytest.main(pytest_args, plugins=[collector])
    if code == pytest.ExitCode.INTERRUPTED:
        return True, ""
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED):
        return False, f"pytest stopped with exit code {int(code)}"
    return False, ""


def exit_now(code: int) -> None:
    """End a grading process (the grader, a worker, a standby) with ``code``, its streams flushed, at once.

    Every report is written and closed by then; what would be left is the
    interpreter freeing pytest's objects one by one, about a tenth of a second
    that a student waits for after every run.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing left to say there
            pass
    os._exit(code)


def work(results: Path, pytest_args: list[str]) -> None:
    """The worker's side: run pytest, sending every check to ``results`` as it goes."""
    signal.signal(signal.SIGINT, _stop_once)
    with open(results, "w", encoding="utf-8") as out:
        collector = StreamingCollector(out=out)
        interrupted, failure = False, ""
        try:
            interrupted, failure = run_pytest(pytest_args, collector)
        except KeyboardInterrupt:
            interrupted = True
        except Exception as exc:  # a bug of the grader's own: say so rather than die without a word
            failure = f"{type(exc).__name__}: {exc}"
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        collector.send(end=True, interrupted=interrupted, failure=failure)


def run(
    pytest_args: list[str], count: int, folder: Path, env: dict[str, str], cwd: Path
) -> tuple[Collector, str, bool]:
    """The grader's side: ``count`` workers over the same suites; their checks merged into one Collector.

    Returns the Collector, what went wrong in the workers (empty if nothing
    did) and whether grading was interrupted. A check no worker finished
    stays unfinished, for the report to show as an error that says why.
    Workers start in ``cwd``, the course's folder, so that ``-m`` finds this
    course's grader whatever folder the grader was started from.
    """
    # Every pipe between the grader's processes in UTF-8, whatever the console's code page (Windows).
    env = {**env, "PYTHONIOENCODING": "utf-8"}
    if os.name == "nt":  # the grader too is out of reach of the code its workers grade (see runner.guard_self)
        from .runner import guard_self

        guard_self()
    collector, failures, interrupted, lost = _round(pytest_args, count, folder, env, cwd, "")
    again = 0
    while lost and not interrupted:
        # A worker that died without its last line may have been ended by the
        # code it was grading, or by something passing (the machine short of
        # memory). What it left unfinished is graded again by one worker, so
        # that a worker lost again names the one exercise it was on.
        redo = _unfinished(collector)
        if not redo:
            break
        again += 1
        _say(f"A grading worker stopped while grading {', '.join(sorted(redo))}; grading it again.")
        prefix = f"again-{again}-"
        args = [a for a in pytest_args if not _is_suite(a) or Path(a).name in redo]
        regraded, more, interrupted, lost = _round(args, 1, folder, env, cwd, prefix)
        for nodeid, check in regraded.checks.items():
            if check.finished or nodeid not in collector.checks:
                collector.checks[nodeid] = check
        collector.broken_suites.update(regraded.broken_suites)
        failures += more
        if not lost or interrupted:
            break
        culprits = set(os.listdir(folder / f"{prefix}claims")) & _unfinished(collector)
        if not (culprits and all(code in KILLED for code, _ in lost)):
            # It died of itself (an exit, a crash): the grader's own failure, said as such.
            failures += [why for _, why in lost]
            break
        _score_lost(collector, culprits)  # killed twice while running this exercise's code
    return collector, "\n".join(failures), interrupted


#: Exit statuses of a worker that something killed (POSIX): the student's code can send these.
KILLED = (-signal.SIGKILL, -signal.SIGTERM) if os.name == "posix" else ()


def _unfinished(collector: Collector) -> set[str]:
    """Suite file names with a check that has no verdict."""
    return {suite_file(nodeid) for nodeid, check in collector.checks.items() if not check.finished}


def _round(
    pytest_args: list[str], count: int, folder: Path, env: dict[str, str], cwd: Path, prefix: str
) -> tuple[Collector, list[str], bool, list[tuple[int | None, str]]]:
    """One round of ``count`` workers: their checks, their failures, whether interrupted, and the workers lost.

    A lost worker (one that died without its last line, grading not
    interrupted) is given as its exit status and what it wrote, for run() to decide.
    """
    claims = folder / f"{prefix}claims"
    claims.mkdir()
    args = [*pytest_args, "--claims", str(claims)]
    procs: list[subprocess.Popen] = []
    interrupted = False
    try:
        for i in range(count):
            with open(folder / f"{prefix}worker-{i}.log", "wb") as log:
                command = [sys.executable, "-m", "grader.workers", str(folder / f"{prefix}worker-{i}.jsonl"), *args]
                procs.append(subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log))
        for proc in procs:
            proc.wait()
    except KeyboardInterrupt:
        interrupted = True
        _stop(procs)
    collector, failures, lost = Collector(), [], []
    for i, proc in enumerate(procs):
        end = _merge(collector, folder / f"{prefix}worker-{i}.jsonl")
        if end is None or end["failure"]:
            why = end["failure"] if end else f"a grading worker stopped (exit code {proc.returncode}) before it finished"
            log = (folder / f"{prefix}worker-{i}.log").read_text(encoding="utf-8", errors="replace")
            why = f"{why}\n{log[-3000:]}".rstrip()
            if end is None and not interrupted:
                lost.append((proc.returncode, why))
            else:
                failures.append(why)
        interrupted = interrupted or bool(end and end["interrupted"])
    return collector, failures, interrupted, lost


#: What a check says when the worker grading it was lost twice while it ran the student's code.
LOST_EXPECTED = "the checks of this exercise to run to their end"
LOST_SAW = (
    "the grader's process that ran them was ended while it ran your code, twice (the second time on its own),"
    " so they score 0"
)
LOST_HINT = (
    "Your code must only end processes it started itself: look for os.kill (on os.getppid() or any pid),"
    " signal, taskkill or killing python by name, and remove it."
)


def _score_lost(collector: Collector, suites: set[str]) -> None:
    """The checks of ``suites`` still without a verdict failed: their exercise ended the worker grading it, twice."""
    for nodeid, check in collector.checks.items():
        if not check.finished and suite_file(nodeid) in suites:
            check.status, check.finished = "fail", True
            check.expected, check.saw, check.hint = LOST_EXPECTED, LOST_SAW, LOST_HINT
            check.message = f"Expected {LOST_EXPECTED}, but {LOST_SAW}. Hint: {LOST_HINT}"


def _is_suite(arg: str) -> bool:
    return arg.endswith(".py") and os.path.isfile(arg)


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _merge(collector: Collector, results: Path) -> dict | None:
    """Add one worker's checks to ``collector``; return its last line, or None if it never wrote one."""
    end = None
    try:
        lines = results.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for text in lines:
        try:
            line = json.loads(text)
        except ValueError:  # cut short by the worker's death
            break
        if "end" in line:
            end = line
        elif "broken" in line:
            collector.broken_suites[suite_file(line["broken"])] = line["why"]
        else:
            check = Check(**line["check"])
            known = collector.checks.get(line["nodeid"])
            if known is None or check.finished or not known.finished:  # only the worker that ran it knows the verdict
                collector.checks[line["nodeid"]] = check
    return end


def _stop(procs: list[subprocess.Popen]) -> None:
    """Pass a Ctrl-C on to the workers, and give them time to write what they found; then stop them."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not lose the report
    try:
        for proc in procs:
            if proc.poll() is None and os.name == "posix":  # on Windows the console has told them already
                proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + STOP_SECONDS
        for proc in procs:
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    work(Path(sys.argv[1]), sys.argv[2:])
    exit_now(0)
