"""Benchmark: how close grading comes to the cost of the fresh interpreters it needs.

Run with ``nox -s bench`` (or ``python tests/bench.py``). Prints, in one run:
checks, interpreters started, the bare start time of ``python -I -c pass``,
the floor (checks x bare start / cores), the whole course's time and its
ratio to the floor, the time the checks' interpreters themselves ran (what no
grader could save), the same number of checks in a copy of the course where
each only starts an interpreter that runs nothing (what the grader itself
costs), the whole course on a copy of exercises/ (the stubs, every check
failing, as a student starts), one exercise's latency on its solution and on
its stub (``python -m grader`` and, when a reused nox environment exists,
``nox -s grade``), the same in watch mode (by a grader started ahead of the
save), and the grader's peak memory. With ``--gradebook`` (``nox -s bench --
--gradebook``) it also grades a class of copies of the solutions, one
submission at a time and one per core; with ``--quick`` each figure is
measured once (tests/test_bench.py).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for grader.course's naming of suites; the bench grades in child processes only

from grader.course import suite_name  # noqa: E402


def timed(argv: list[str], repeat: int, **kw) -> float:
    """Median wall-clock seconds of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def standby_latency(args: list[str], repeat: int, ready_after: float, **kw) -> float:
    """Median seconds from handing a waiting ``python -m grader.standby`` its command line to its exit (watch mode)."""
    times = []
    for _ in range(repeat):
        proc = subprocess.Popen(
            [sys.executable, "-m", "grader.standby"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, **kw,
        )  # fmt: skip
        time.sleep(ready_after)  # it imports pytest meanwhile, as while a student edits
        start = time.perf_counter()
        proc.communicate(json.dumps(args) + "\n")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def idle_course(report: dict, root: Path) -> Path:
    """A copy of the course in ``root`` whose every check starts one probe that runs nothing.

    The same exercises and as many checks, graded by the same grader: its
    time is what the grader itself costs, whatever the checks do.
    """
    leave_out = shutil.ignore_patterns("__pycache__", "test_*.py", "hidden.json")
    shutil.copytree(REPO / "grader", root / "grader", ignore=leave_out)
    for folder in ("exercises", "solutions"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for exercise in report["exercises"]:
        suite = root / "grader" / "suites" / exercise["path"].partition("/")[0] / suite_name(exercise["id"])
        checks = (
            f"@pytest.mark.points(1)\ndef test_{i}(student):\n    student.probe('pass')\n"
            for i in range(len(exercise["checks"]))
        )
        suite.write_text("import pytest\n\n\n" + "\n\n".join(checks), encoding="utf-8")
    # As `nox -s setup` does for the course: every grading process would compile the copy's modules otherwise.
    compile_all = [sys.executable, "-m", "compileall", "-q", str(root / "grader")]
    subprocess.run(compile_all, check=True, stdout=subprocess.DEVNULL)
    return root


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def gradebook_scaling(env: dict[str, str]) -> str:
    """Grade 2 x cores copies of the solutions as a class, one at a time and then one per core."""
    with tempfile.TemporaryDirectory() as tmp:
        submissions = []
        for i in range(2 * cores()):
            submissions.append(str(Path(tmp) / f"student-{i}"))
            shutil.copytree(REPO / "solutions", Path(submissions[-1]) / "exercises")
        book = [sys.executable, "-m", "grader.gradebook", *submissions, "--csv", os.devnull, "--json", os.devnull]
        serial = timed([*book, "--jobs", "1"], 1, cwd=REPO, env=env)
        parallel = timed([*book, "--jobs", str(cores())], 1, cwd=REPO, env=env)
    return (
        f"gradebook of {len(submissions)} submissions: {serial:.1f} s one at a time, {parallel:.1f} s {cores()} at a time"
        f" ({serial / parallel:.2f} x faster on {cores()} cores)"
    )


def main() -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    grader = [sys.executable, "-m", "grader", "--workspace", "solutions"]
    quick = "--quick" in sys.argv[1:]  # each figure measured once: for the test that the bench still runs

    def repeat(times: int) -> int:
        return 1 if quick else times

    bare = timed([sys.executable, "-I", "-c", "pass"], repeat(30))

    with tempfile.TemporaryDirectory() as tmp:
        counter, report_path = Path(tmp) / "runs", Path(tmp) / "report.json"
        subprocess.run([*grader, "--json", str(report_path)], cwd=REPO, env=env, capture_output=True)  # warm up
        counter.write_text("")
        subprocess.run([*grader, "--json", str(report_path)], cwd=REPO, env={**env, "IMPORT_LAB_COUNT_RUNS": str(counter)}, capture_output=True)
        report = json.loads(report_path.read_text())
        durations = [float(line) for line in counter.read_text().split()]
    interpreters, busy = len(durations), sum(durations)
    checks = sum(len(e["checks"]) for e in report["exercises"])
    whole = timed([*grader, "--json", os.devnull], repeat(3), cwd=REPO, env=env)
    floor = checks * bare / cores()

    with tempfile.TemporaryDirectory() as tmp:
        idle = [sys.executable, "-m", "grader", "--workspace", "solutions", "--json", os.devnull]
        idle_root = idle_course(report, Path(tmp))
        warm_up = subprocess.run(idle, cwd=idle_root, env=env, capture_output=True, text=True)
        if warm_up.returncode != 0:  # a figure for a grading that failed would mean nothing
            sys.exit(f"grading the course of idle checks failed (exit code {warm_up.returncode}):\n{warm_up.stderr}")
        idle_whole = timed(idle, repeat(3), cwd=idle_root, env=env)

    first = report["exercises"][0]["id"]
    one = timed([*grader, first], repeat(7), cwd=REPO, env=env)
    # Given time to get ready (twice what a whole grading takes), as watch mode's next grader is.
    on_save = standby_latency([first, "--workspace", "solutions"], repeat(7), 2 * one, cwd=REPO, env=env)
    # What a student starts from: every check fails, with a message to write. A
    # copy, so that the bench neither grades nor records the student's own work.
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(REPO / "exercises", Path(tmp) / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
        stubs = [sys.executable, "-m", "grader", "--workspace", str(Path(tmp) / "exercises")]
        whole_stubs = timed([*stubs, "--json", os.devnull], repeat(3), cwd=REPO, env=env)
        one_stub = timed([*stubs, first], repeat(7), cwd=REPO, env=env)
    nox_line = "nox -s grade (reused env): not measured (run `nox -s grade` once first)"
    if shutil.which("nox") and (REPO / ".nox" / "setup").is_dir():  # the students' shared environment (noxfile.py)
        via_nox = timed(["nox", "-s", "grade", "--", first, "--workspace", "solutions"], repeat(5), cwd=REPO, env=env)
        nox_line = (
            f"nox -s grade -- {first}: {via_nox:.3f} s"
            f" (+{via_nox - one:.3f} s over the grader; target: at most +0.3 s)"
        )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mib = peak_kib / 1024 if sys.platform != "darwin" else peak_kib / 1024 / 1024

    print(f"Python {sys.version.split()[0]} on {cores()} cores")
    print(f"checks: {checks} in {len(report['exercises'])} exercises")
    print(f"interpreters started: {interpreters} ({interpreters / checks:.2f} per check)")
    print(f"bare start (python -I -c pass): {bare * 1000:.1f} ms")
    print(f"floor (checks x bare start / cores): {floor:.2f} s")
    print(f"whole course, warm: {whole:.2f} s = {whole / floor:.2f} x the floor (target: at most 1.5)")
    # The checks give their interpreters real work (imports, nested runs, zips):
    # that time, spread over the cores, is what no grader could save.
    print(f"the interpreters' own time / cores: {busy / cores():.2f} s ({busy / interpreters * 1000:.0f} ms each);"
          f" the course takes {whole / (busy / cores()):.2f} x that")
    # With checks that do nothing, what is left is the grader's own cost: no
    # check could make the course faster than this.
    print(f"the same {checks} checks, each one interpreter that runs nothing: {idle_whole:.2f} s"
          f" = {idle_whole / floor:.2f} x the floor")
    print(f"whole course on the stubs, warm: {whole_stubs:.2f} s")
    print(f"one exercise ({first}), warm: {one:.3f} s (target: under 0.5 s); on its stub: {one_stub:.3f} s")
    print(nox_line)
    print(f"one exercise in watch mode, after a save (by a grader started ahead: grader.standby): {on_save:.3f} s")
    print(f"peak memory of one process (grader or interpreter): {peak_mib:.0f} MiB")
    if "--gradebook" in sys.argv[1:]:  # about a minute more
        print(gradebook_scaling(env))
    return 0


if __name__ == "__main__":
    sys.exit(main())
