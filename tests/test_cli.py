"""The grader's command line, exactly as DESIGN.md states it: selectors, exit codes, JSON and JUnit."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import REPO, run_grader
from .course import EXERCISES, HAS_SOLUTIONS

needs_solutions = pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template has no solutions")

EXERCISE = next(e for e in EXERCISES if e.id == "import-once")
CHECK_KEYS = {"name", "status", "score", "max_score", "message"}
ENTRY_KEYS = {"id", "chapter", "title", "path", "files", "read"}


def test_list_names_every_exercise():
    run = run_grader("--list")
    assert run.returncode == 0
    for e in EXERCISES:
        assert e.id in run.stdout


def test_list_as_json_has_the_report_shape_without_scores():
    listing = run_grader("--list", "--json", "-").report
    assert set(listing) == {"schema", "python", "exercises"}
    assert [e["id"] for e in listing["exercises"]] == [e.id for e in EXERCISES]
    for entry in listing["exercises"]:
        assert set(entry) == ENTRY_KEYS
        assert (REPO / "exercises" / entry["path"]).is_dir()
        assert all((REPO / "exercises" / entry["path"] / f).is_file() for f in entry["files"] + entry["read"])
        assert entry["files"], "there is something to edit"


@needs_solutions
def test_leaving_without_tearing_the_interpreter_down_loses_no_output():
    # Block-buffered streams (no PYTHONUNBUFFERED): os._exit would drop what
    # was not flushed, the whole of the report on a pipe included.
    unbuffered = {"PYTHONUNBUFFERED": None}
    run = run_grader("8.2", "--workspace", "solutions", "--json", "-", env=unbuffered)
    assert run.returncode == 0, run.stderr
    assert [e["chapter"] for e in run.report["exercises"]] == ["8.2"] * 4
    assert run.stderr.rstrip().splitlines()[-1].startswith("Total:"), run.stderr[-300:]
    listing = run_grader("--list", env=unbuffered)
    assert listing.returncode == 0 and all(e.id in listing.stdout for e in EXERCISES), listing.stdout[-300:]


@needs_solutions
def test_grading_never_imports_the_pytest_plugins_it_blocks():
    # Blocked from pytest.ini's addopts, they would be imported all the same.
    code = textwrap.dedent(
        """
        import os, sys
        import pytest
        from grader import cli
        before = set(sys.modules)
        code = cli.main(["import-once", "--workspace", "solutions", "--json", os.devnull])
        print(code, " ".join(sorted(set(sys.modules) - before)))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    status, _, loaded = done.stdout.strip().splitlines()[-1].partition(" ")
    assert status == "0", done.stderr
    from grader.cli import UNUSED_PLUGINS

    assert not {f"_pytest.{name}" for name in UNUSED_PLUGINS} & set(loaded.split())


@needs_solutions
def test_a_solved_exercise_exits_0_with_a_full_report():
    run = run_grader(EXERCISE.id, "--workspace", "solutions", "--json", "-")
    assert run.returncode == 0, run.stderr
    report = run.report
    assert set(report) == {"schema", "python", "score", "max_score", "exercises"}
    (entry,) = report["exercises"]
    assert set(entry) == ENTRY_KEYS | {"score", "max_score", "checks"}
    assert entry["chapter"] == "8.2" and entry["path"] == "8.2-module-caching/import-once"
    assert report["score"] == report["max_score"] == entry["score"] == sum(c["max_score"] for c in entry["checks"])
    for check in entry["checks"]:
        assert set(check) == CHECK_KEYS and check["status"] == "pass"
    assert "Total:" in run.stderr, "with --json - the human report goes to stderr"


def test_an_unsolved_exercise_exits_1_with_learner_messages():
    run = run_grader(EXERCISE.id)
    assert run.returncode == 1
    assert "✗" in run.stdout or "x " in run.stdout
    assert "Expected " in run.stdout and "Traceback" not in run.stdout
    # An untouched stub: where to start, rather than hints (tests/test_report.py).
    assert f"Not started: read exercises/{EXERCISE.path}/README.md" in " ".join(run.stdout.split())


@pytest.mark.parametrize(
    "selector", ["8.2", "8.2-module-caching", "chapters/8.2-module-caching", "exercises/8.2-module-caching/"]
)
def test_a_section_can_be_named_several_ways(selector):
    listing = run_grader("--list", "--json", "-", selector).report
    assert {e["chapter"] for e in listing["exercises"]} == {"8.2"}
    assert len(listing["exercises"]) == sum(e.chapter == "8.2" for e in EXERCISES)


def test_an_exercise_can_be_named_by_id_or_path():
    for selector in (EXERCISE.id, f"exercises/{EXERCISE.path}"):
        listing = run_grader("--list", "--json", "-", selector).report
        assert [e["id"] for e in listing["exercises"]] == [EXERCISE.id]


@pytest.mark.parametrize(
    "args,words",
    [
        (["8.99"], "no section or exercise"),
        (["import-onse"], "Did you mean import-once"),
        (["--no-such-option"], "unrecognized arguments"),
        (["--workspace", "no/such/folder"], "not a folder"),
        (["--json", "-", "--junit", "-"], "standard output"),
    ],
)
def test_usage_errors_exit_2_and_say_why(args, words):
    run = run_grader(*args)
    assert run.returncode == 2
    assert words in run.stderr


def test_junit_carries_points_per_test_case(tmp_path):
    out = tmp_path / "report.xml"
    run = run_grader(EXERCISE.id, "--junit", str(out))
    assert run.returncode == 1
    root = ET.parse(out).getroot()
    cases = root.findall(".//testcase")
    assert cases and len(cases) == int(root.get("tests"))
    for case in cases:
        props = {p.get("name"): int(p.get("value")) for p in case.findall("properties/property")}
        assert props["score"] == 0 and props["max_score"] >= 1
        assert case.find("failure") is not None


@needs_solutions
def test_json_to_a_file_and_text_to_stdout(tmp_path):
    out = tmp_path / "report.json"
    run = run_grader(EXERCISE.id, "--workspace", "solutions", "--json", str(out))
    assert run.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["score"] > 0
    assert "Total:" in run.stdout


# -- a small fake course, for what the real one must never do ----------------------------------


@pytest.fixture
def fake_course(tmp_path):
    """A course with one healthy exercise and one whose suite has a bug."""
    root = tmp_path / "course"
    shutil.copytree(REPO / "grader", root / "grader", ignore=shutil.ignore_patterns("suites", "__pycache__"))
    (root / "grader" / "suites").mkdir()
    shutil.copy(REPO / "grader" / "suites" / "pytest.ini", root / "grader" / "suites")

    def exercise(section, ex_id, stub, suite):
        (root / "exercises" / section / ex_id).mkdir(parents=True)
        (root / "exercises" / section / ex_id / "README.md").write_text(f"# {ex_id}\n")
        (root / "exercises" / section / ex_id / "mod.py").write_text(stub)
        (root / "grader" / "suites" / section).mkdir(exist_ok=True)
        name = "test_" + ex_id.replace("-", "_") + ".py"
        (root / "grader" / "suites" / section / name).write_text(textwrap.dedent(suite))

    exercise(
        "9.1-fake",
        "healthy",
        "VALUE = 1\n",
        """
        import pytest
        from grader import expect

        @pytest.mark.points(2)
        def test_value(student):
            seen = student.observe("import mod; report(v=mod.VALUE)")
            expect(seen["v"] == 1, expected="VALUE to be 1", saw=f"it was {seen['v']}")
        """,
    )
    exercise(
        "9.1-fake",
        "buggy-suite",
        "VALUE = 1\n",
        """
        import pytest

        @pytest.mark.points(1)
        def test_grader_bug(student):
            {}["no such key"]
        """,
    )
    return root


def test_a_bug_in_the_grader_is_an_error_and_exit_3(fake_course):
    run = run_grader("--json", "-", cwd=fake_course)
    assert run.returncode == 3
    report = run.report
    by_id = {e["id"]: e for e in report["exercises"]}
    assert by_id["healthy"]["score"] == 2, "other exercises are graded as before"
    (check,) = by_id["buggy-suite"]["checks"]
    assert check["status"] == "error" and check["score"] == 0
    assert "not in your code" in check["message"]
    assert "KeyError" in check["message"], "the instructor learns what went wrong"
    assert "test_buggy_suite.py, line 6" in check["message"], "and where"
    assert "Traceback" not in run.stderr


def test_a_failed_check_costs_no_traceback_formatting(fake_course, tmp_path):
    # The verdict and message come from the check itself. A long traceback
    # (pytest's default) reads and parses the suite's source for every failed
    # check and shows the test's arguments: this spy's repr would be called.
    formatted = tmp_path / "formatted"
    (fake_course / "grader" / "suites" / "9.1-fake" / "test_healthy.py").write_text(
        textwrap.dedent(
            f"""
            import pytest
            from grader import expect

            class Spy:
                def __repr__(self):
                    open({str(formatted)!r}, "w").close()
                    return "Spy()"

            @pytest.fixture
            def spy():
                return Spy()

            @pytest.mark.points(2)
            def test_value(student, spy):
                expect(False, expected="VALUE to be 2", saw="it was 1")
            """
        )
    )
    for jobs in ("1", "2"):
        run = run_grader("healthy", "--jobs", jobs, "--json", "-", cwd=fake_course)
        (check,) = run.report["exercises"][0]["checks"]
        assert check["status"] == "fail" and "VALUE to be 2" in check["message"]
        assert not formatted.exists(), f"pytest formatted a traceback for a failed check (--jobs {jobs})"


def test_a_suite_that_cannot_load_is_an_error_and_exit_3(fake_course):
    (fake_course / "grader" / "suites" / "9.1-fake" / "test_buggy_suite.py").write_text("import nowhere_to_be_found\n")
    run = run_grader("--json", "-", cwd=fake_course)
    assert run.returncode == 3
    by_id = {e["id"]: e for e in run.report["exercises"]}
    assert by_id["buggy-suite"]["checks"][0]["status"] == "error"
    assert by_id["healthy"]["score"] == 2


def test_a_hanging_import_costs_one_time_limit_not_one_per_check(fake_course):
    import time

    hanging = fake_course / "exercises" / "9.1-fake" / "hangs"
    hanging.mkdir()
    (hanging / "README.md").write_text("# hangs\n")
    (hanging / "mod.py").write_text("while True:\n    pass\n")
    checks = "\n".join(
        f"@pytest.mark.points(1)\ndef test_check_{n}(student):\n    student.observe('import mod')\n" for n in range(4)
    )
    (fake_course / "grader" / "suites" / "9.1-fake" / "test_hangs.py").write_text("import pytest\n\n" + checks)
    start = time.monotonic()
    run = run_grader("hangs", "--timeout", "2", "--jobs", "1", "--json", "-", cwd=fake_course)
    elapsed = time.monotonic() - start
    assert run.returncode == 1
    statuses = [c["status"] for c in run.report["exercises"][0]["checks"]]
    assert statuses == ["timeout", "skipped", "skipped", "skipped"]
    # `while True: pass` is caught on its first line (3.11+) or on the `pass` (3.10).
    assert re.search(r"mod\.py, line [12]\b", run.report["exercises"][0]["checks"][0]["message"])
    assert elapsed < 2 + 4, f"took {elapsed:.1f}s"


# -- selectors that are paths, and workspaces they imply ---------------------------------------


@needs_solutions
def test_a_path_into_another_workspace_grades_that_workspace():
    run = run_grader(f"solutions/{EXERCISE.path}", "--json", "-")
    assert run.returncode == 0, run.stderr
    (entry,) = run.report["exercises"]
    assert entry["id"] == EXERCISE.id and entry["score"] == entry["max_score"] > 0
    assert "Workspace: solutions" in run.stderr


def test_section_slash_exercise_names_one_exercise():
    listing = run_grader("--list", "--json", "-", f"{EXERCISE.chapter}/{EXERCISE.id}").report
    assert [e["id"] for e in listing["exercises"]] == [EXERCISE.id]


@pytest.mark.parametrize(
    "args,words",
    [
        (["--workspace", "exercises", f"solutions/{EXERCISE.path}"], "grade one workspace at a time"),
        (["--workspace", f"exercises/{EXERCISE.path.split('/')[0]}"], "not a section or exercise folder"),
        (["--json", "no/such/folder/report.json"], "does not exist"),
        (["--junit", "exercises"], "it is a folder"),
        (["--list", "--junit", "-"], "no JUnit form"),
        (["--timeout", "0"], "above 0"),
        (["--jobs", "-1"], "give 0"),
        ([""], "empty selector"),
        (["chapters/8.2-module-caching/README.md"], "inside a chapter"),
    ],
)
def test_more_usage_errors_exit_2_before_anything_is_graded(args, words, tmp_path):
    run = run_grader(*args)
    assert run.returncode == 2, run.stderr
    assert words in run.stderr
    assert "Total:" not in run.stdout + run.stderr, "nothing was graded"


def test_a_missing_exercise_folder_fails_its_points_and_grades_the_rest(tmp_path):
    workspace = tmp_path / "work"
    section = [e for e in EXERCISES if e.chapter == EXERCISE.chapter]
    for e in section:
        shutil.copytree(REPO / "exercises" / e.path, workspace / e.path)
    shutil.rmtree(workspace / EXERCISE.path)
    run = run_grader(EXERCISE.chapter, "--workspace", str(workspace), "--json", "-")
    assert run.returncode == 1
    by_id = {e["id"]: e for e in run.report["exercises"]}
    assert set(by_id) == {e.id for e in section}, "every selected exercise has its entry"
    (check,) = by_id[EXERCISE.id]["checks"]
    assert check["status"] == "fail" and check["name"] == "folder"
    assert "folder is missing" in check["message"] and EXERCISE.path in check["message"]
    stub_max = {e["id"]: e["max_score"] for e in run_grader(EXERCISE.chapter, "--json", "-").report["exercises"]}
    assert by_id[EXERCISE.id]["max_score"] == stub_max[EXERCISE.id], "a missing folder keeps the exercise's points"
    assert all(len(by_id[e.id]["checks"]) > 1 for e in section if e.id != EXERCISE.id)


def test_junit_test_cases_carry_their_time(tmp_path):
    out = tmp_path / "report.xml"
    run_grader(EXERCISE.id, "--junit", str(out))
    root = ET.parse(out).getroot()
    times = [float(case.get("time")) for case in root.iter("testcase")]
    assert times and all(t >= 0 for t in times) and sum(times) > 0
    assert float(root.get("time")) == pytest.approx(sum(times), abs=0.01)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT, as Ctrl-C does in a terminal")
@pytest.mark.parametrize("jobs", ["1", "2"])  # in the grader's process, and in workers it must tell
def test_ctrl_c_ends_with_exit_130_and_a_complete_report(fake_course, tmp_path, jobs):
    hanging = fake_course / "exercises" / "9.1-fake" / "slow"
    hanging.mkdir()
    (hanging / "README.md").write_text("# slow\n")
    started = tmp_path / "started"
    (hanging / "mod.py").write_text(f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(60)\n")
    (fake_course / "grader" / "suites" / "9.1-fake" / "test_slow.py").write_text(
        "import pytest\n\n@pytest.mark.points(3)\ndef test_slow(student):\n    student.observe('import mod')\n"
    )
    out = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["IMPORT_LAB_STATE"] = "off"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env.update(TMPDIR=str(scratch), TMP=str(scratch), TEMP=str(scratch))
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", "--timeout", "60", "--jobs", jobs, "--json", str(out)],
        cwd=fake_course, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not started.exists():
        time.sleep(0.05)
    assert started.exists(), "the slow check started"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr[-2000:]
    assert "interrupted" in stderr.lower()
    report = json.loads(out.read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in report["exercises"]}
    assert set(by_id) == {"healthy", "buggy-suite", "slow"}, "every exercise has its entry"
    (check,) = by_id["slow"]["checks"]
    assert check["status"] == "error" and "interrupted" in check["message"] and check["max_score"] == 3
    if Path("/proc").is_dir():
        left = [p for p in os.listdir("/proc") if p.isdigit() and _works_below(int(p), scratch)]
        assert not left, "the interrupted check's interpreter was killed"
    assert list(scratch.iterdir()) == [], "no private copy is left behind"


def _works_below(pid: int, folder: Path) -> bool:
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd")).is_relative_to(folder)
    except OSError:
        return False


def _exercises_that_log_their_worker(course: Path, log: Path, count: int, seconds: float) -> None:
    """``count`` exercises of two checks, each appending "exercise check pid-of-its-worker" to ``log``."""
    for n in range(count):
        folder = course / "exercises" / "9.1-fake" / f"logged-{n}"
        folder.mkdir(parents=True)
        (folder / "README.md").write_text(f"# logged {n}\n")
        (folder / "mod.py").write_text("VALUE = 1\n")
        checks = "".join(
            f"""
@pytest.mark.points(1)
def test_{name}(student):
    with open({str(log)!r}, "a") as f:
        f.write("logged-{n} {name} %d\\n" % os.getpid())
    time.sleep({seconds})
"""
            for name in ("first", "second")
        )
        suite = course / "grader" / "suites" / "9.1-fake" / f"test_logged_{n}.py"
        suite.write_text("import os\nimport time\n\nimport pytest\n" + checks)


def test_workers_share_out_the_exercises_and_grade_each_once(fake_course, tmp_path):
    log = tmp_path / "log"
    _exercises_that_log_their_worker(fake_course, log, count=6, seconds=0.3)
    run = run_grader("logged-0", "logged-1", "logged-2", "logged-3", "logged-4", "logged-5", "--jobs", "2",
                     "--json", "-", cwd=fake_course)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.report["score"] == run.report["max_score"] == 12
    lines = [line.split() for line in log.read_text().splitlines()]
    ran = sorted((exercise, check) for exercise, check, _ in lines)
    assert ran == sorted((f"logged-{n}", c) for n in range(6) for c in ("first", "second")), "every check ran once"
    workers = {exercise: {pid for e, _, pid in lines if e == exercise} for exercise, _, _ in lines}
    assert all(len(pids) == 1 for pids in workers.values()), "one worker grades the whole of an exercise"
    assert len(set().union(*workers.values())) == 2, "both workers had a share"


def test_a_worker_that_dies_loses_only_the_check_it_was_running(fake_course, tmp_path):
    log = tmp_path / "log"
    _exercises_that_log_their_worker(fake_course, log, count=4, seconds=0.2)
    (fake_course / "grader" / "suites" / "9.1-fake" / "test_logged_3.py").write_text(
        "import os\n\nimport pytest\n\n@pytest.mark.points(4)\n"
        "def test_first(student):\n    os._exit(1)  # the worker dies as if it had crashed\n"
    )
    run = run_grader("9.1", "--jobs", "2", "--json", "-", cwd=fake_course)
    assert run.returncode == 3, run.stderr[-2000:]
    by_id = {e["id"]: e for e in run.report["exercises"]}
    (lost,) = by_id["logged-3"]["checks"]
    assert lost["status"] == "error" and lost["max_score"] == 4 and "not your fault" in lost["message"]
    assert "worker stopped" in run.stderr
    for n in range(3):
        assert by_id[f"logged-{n}"]["score"] == 2, "verdicts a worker had sent before it died still count"
    assert by_id["healthy"]["score"] == 2
