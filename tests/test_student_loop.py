"""The student's loop: watch mode, hints one at a time, progress, and comparing with the solution."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from .conftest import REPO, course_copy, run_grader
from .course import EXERCISES, HAS_SOLUTIONS

FIRST = EXERCISES[0]


def loop_env(state, **extra):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(IMPORT_LAB_STATE=str(state), NO_COLOR="1", **extra)
    return env


def run_module(module, *args, cwd=REPO, state):
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, env=loop_env(state), capture_output=True, text=True, timeout=120
    )


class Lines:
    """The output of a running process (its stdout, or ``stream``), line by line, with waiting."""

    def __init__(self, proc, stream=None):
        self.proc, self.seen, self.queue = proc, [], queue.Queue()
        self.stream = stream or proc.stdout
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.stream:
            self.queue.put(line.rstrip("\n"))

    def wait_for(self, *words, any_of=(), ending=None, timeout=30.0):
        """The next line holding all ``words`` (and one of ``any_of``, and ending with ``ending``, if given)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if (
                all(w in line for w in words)
                and (not any_of or any(w in line for w in any_of))
                and (ending is None or line.endswith(ending))
            ):
                return line
        raise AssertionError(f"no line with {words} in:\n" + "\n".join(self.seen))

    def rest(self):
        """Every line not yet waited for, once the stream has ended."""
        self.reader.join(timeout=30)
        lines = []
        while not self.queue.empty():
            lines.append(self.queue.get())
        return lines


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="the test solves the exercise with its solution")
@pytest.mark.skipif(os.name != "posix", reason="stops the watcher with SIGINT, as Ctrl-C does")
@pytest.mark.parametrize("how", ["watchfiles", "poll"])
def test_watch_regrades_on_save_and_moves_on(tmp_path, how):
    if how == "watchfiles":
        pytest.importorskip("watchfiles")
    course = course_copy(tmp_path / "course")
    env = loop_env(tmp_path / "state.json", IMPORT_LAB_WATCH=how)
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader.watch", FIRST.id, "--interval", "0.2"],
        cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    out = Lines(proc)
    try:
        out.wait_for("Watching", FIRST.id)
        out.wait_for(FIRST.id, f"0/")
        out.wait_for("first to fix")
        for name in FIRST.files:  # the student saves a solved file, one after another
            shutil.copy(REPO / "solutions" / FIRST.path / name, course / "exercises" / FIRST.path / name)
            time.sleep(0.05)
        out.wait_for(FIRST.id, "every check passes")
        out.wait_for(any_of=("Next:", "finished Import Lab"))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        out.wait_for("Stopped watching")
    finally:
        proc.kill()
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["results"][FIRST.id]["score"] == state["results"][FIRST.id]["max_score"]


CTRL_C_TWICE = """
import signal
from grader.watch import CtrlC
with CtrlC() as stop:
    signal.raise_signal(signal.SIGINT)  # raises KeyboardInterrupt here, in the middle of anything, unless it only asks
    print("asked" if stop.is_set() else "not asked")
    try:
        signal.raise_signal(signal.SIGINT)
        print("not interrupted")
    except KeyboardInterrupt:
        print("interrupted")
print("restored" if signal.getsignal(signal.SIGINT) is signal.default_int_handler else "not restored")
"""


def test_the_first_ctrl_c_asks_the_watcher_to_stop_and_a_second_interrupts():
    done = subprocess.run([sys.executable, "-c", CTRL_C_TWICE], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["asked", "interrupted", "restored"], done.stderr


class StandbyProcess:
    """``python -m grader.standby`` with Python's import timings on, to see what it imports before it has work."""

    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "grader.standby"], cwd=REPO, env=loop_env("off", PYTHONPROFILEIMPORTTIME="1"),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip
        self.stderr = Lines(self.proc, self.proc.stderr)

    def wait_until_ready(self):
        """Until pytest is imported: Python's line for that import ends with " pytest" (after its nesting)."""
        self.stderr.wait_for(ending=" pytest", timeout=60)

    def give(self, line):
        self.proc.stdin.write(line)
        self.proc.stdin.close()
        output = self.proc.stdout.read()
        self.proc.wait(timeout=120)
        return output


def test_a_standby_imports_ahead_then_grades_one_command_line_as_the_grader_does():
    standby = StandbyProcess()
    try:
        standby.wait_until_ready()  # before it has been given anything to do
        output = standby.give(json.dumps([FIRST.id, "--json", "-"]) + "\n")
    finally:
        standby.proc.kill()
    graded = run_grader(FIRST.id, "--json", "-")
    assert standby.proc.returncode == graded.returncode
    seen, expected = json.loads(output)["exercises"], graded.report["exercises"]
    assert [(c["name"], c["status"], c["score"]) for e in seen for c in e["checks"]] == [
        (c["name"], c["status"], c["score"]) for e in expected for c in e["checks"]
    ]


def test_a_standby_without_work_ends_quietly():
    standby = StandbyProcess()
    try:
        assert standby.give("") == "" and standby.proc.returncode == 0
    finally:
        standby.proc.kill()
    assert not any("Traceback" in line for line in standby.stderr.rest())


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT, as Ctrl-C does")
def test_ctrl_c_ends_a_waiting_standby_quietly():
    standby = StandbyProcess()
    try:
        standby.wait_until_ready()
        standby.proc.send_signal(signal.SIGINT)
        assert standby.proc.wait(timeout=30) == 130
    finally:
        standby.proc.kill()
    assert not any("Traceback" in line or "KeyboardInterrupt" in line for line in standby.stderr.rest())


def test_watch_grades_with_the_grader_it_started_ahead_and_then_starts_the_next(monkeypatch):
    from grader.watch import Standby

    monkeypatch.setenv("IMPORT_LAB_STATE", "off")
    expected = run_grader(FIRST.id, "--json", "-").report["exercises"][0]
    graders = Standby()
    try:
        first = graders.grade(FIRST)
        waiting = graders.ready
        assert waiting is not None and waiting.poll() is None, "no grader waits for the next save"
        second = graders.grade(FIRST)
        assert waiting.poll() is not None and graders.ready is not waiting, "the next save was not graded by it"
        last = graders.ready
    finally:
        graders.close()
    assert graders.ready is None and last.returncode == 0, "the waiting grader is not ended when watching stops"
    for result in (first, second):
        assert (result["id"], result["score"], result["max_score"]) == (expected["id"], expected["score"], expected["max_score"])


def test_hints_come_one_at_a_time_and_are_remembered(tmp_path):
    state = tmp_path / "state.json"
    first = run_module("grader.hints", FIRST.id, state=state)
    assert first.returncode == 0 and "Hint 1 of" in first.stdout and "Hint 2" not in first.stdout
    second = run_module("grader.hints", FIRST.id, state=state)
    assert "Hint 2 of" in second.stdout and "Hint 1 of" not in second.stdout
    assert json.loads(state.read_text())["hints"][FIRST.id] == 2
    again = run_module("grader.hints", FIRST.id, "--again", state=state)
    assert "Hint 1 of" in again.stdout
    everything = run_module("grader.hints", FIRST.id, "--all", state=state)
    assert everything.stdout.count("Hint ") >= 2
    assert run_module("grader.hints", "no-such-exercise", state=state).returncode == 2


def test_hints_are_all_exhausted_politely(tmp_path):
    state = tmp_path / "state.json"
    for _ in range(10):
        last = run_module("grader.hints", FIRST.id, state=state)
    assert "You have seen all" in last.stdout


def test_a_hint_is_its_readme_details_block_shown_as_text(tmp_path):
    """`nox -s hint` prints each <details class="hint"> block's title and Markdown, not its HTML."""
    exercise = next(e for e in EXERCISES if e.id == "folder-app")
    readme = (REPO / "exercises" / exercise.path / "README.md").read_text(encoding="utf-8")
    assert "<summary>Hint 2: a guard in <code>__main__.py</code>?</summary>" in readme
    shown = run_module("grader.hints", exercise.id, "--all", state=tmp_path / "state.json")
    assert shown.returncode == 0, shown.stderr
    assert "Hint 1 of 2 for folder-app: where is messages.py?\n" in shown.stdout
    assert "Hint 2 of 2 for folder-app: a guard in `__main__.py`?\n" in shown.stdout
    assert "\n    At the top of the folder (or archive), which is the first entry of\n    `sys.path`:" in shown.stdout
    assert "\n    `if __name__ == \"__main__\":` keeps the program from running.\n" in shown.stdout
    assert not any(tag in shown.stdout for tag in ("<details", "<summary", "</details>", "<code>", "??? hint"))


def test_hints_are_read_from_details_blocks_only():
    """Other <details> are not hints; a hint's text may hold a code block, even one showing </details>."""
    from grader.hints import parse_hints

    readme = (
        "# An exercise\n\n## Hints\n\n"
        "<details>\n<summary>Not a hint: the output</summary>\n\nsome output\n\n</details>\n\n"
        '<details class="hint" markdown="1">\n<summary>Hint 1: a &lt;tag&gt; &amp; <code>x &lt; 1</code></summary>\n\n'
        "First line,\n*second* line.\n\n```html\n</details>\n```\n\n</details>\n\n"
        "<details class='note hint'><summary>Hint 2: same line</summary>\n\n    indented code\n\n</details>\n"
    )
    assert parse_hints(readme) == [
        ("a <tag> & `x < 1`", "First line,\n*second* line.\n\n```html\n</details>\n```"),
        ("same line", "indented code"),
    ]


def test_grading_records_progress_but_never_depends_on_it(tmp_path):
    state = tmp_path / "state.json"
    env = {"IMPORT_LAB_STATE": str(state)}
    clean = run_grader(FIRST.id, "--json", "-", env=env).report
    recorded = json.loads(state.read_text())["results"][FIRST.id]
    assert recorded == {"score": clean["score"], "max_score": clean["max_score"]}

    state.write_text(json.dumps({"results": {e.id: {"score": 99, "max_score": 99} for e in EXERCISES}, "hints": {}}))
    flattered = run_grader(FIRST.id, "--json", "-", env=env).report
    state.write_text("{ not json")
    broken = run_grader(FIRST.id, "--json", "-", env=env).report
    readonly = run_grader(FIRST.id, "--json", "-", env={"IMPORT_LAB_STATE": str(tmp_path / "missing" / "x" / "s.json")}).report
    for other in (flattered, broken, readonly):
        assert [e["checks"] for e in other["exercises"]] == [e["checks"] for e in clean["exercises"]]


def test_other_workspaces_leave_progress_alone(tmp_path):
    state = tmp_path / "state.json"
    run_grader(FIRST.id, "--workspace", "exercises/../exercises", env={"IMPORT_LAB_STATE": str(state)})
    assert state.exists(), "the student's own exercises, however spelled, are recorded"
    state.unlink()
    if HAS_SOLUTIONS:
        run_grader(FIRST.id, "--workspace", "solutions", env={"IMPORT_LAB_STATE": str(state)})
        assert not state.exists()


def test_next_is_the_first_unfinished_exercise_in_the_course_order():
    from grader.progress import next_exercise

    first, second, third = EXERCISES[:3]
    full = {"score": 1, "max_score": 1}
    state = {"results": {second.id: full}, "hints": {}}
    assert next_exercise(EXERCISES, state, after=second.id) == first, "not the one after the exercise just done"
    state["results"][first.id] = full
    assert next_exercise(EXERCISES, state, after=second.id) == third
    state["results"] = {e.id: full for e in EXERCISES if e != third}
    assert next_exercise(EXERCISES, state, after=third.id) == third, "the only one left"
    state["results"][third.id] = full
    assert next_exercise(EXERCISES, state) is None


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="the test solves an exercise with its solution")
def test_a_grading_that_passes_names_the_first_unfinished_exercise_next(tmp_path):
    course = course_copy(tmp_path / "course")
    first, second, third = EXERCISES[:3]
    shutil.copytree(course / "solutions" / third.path, course / "exercises" / third.path, dirs_exist_ok=True)
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"results": {second.id: {"score": 1, "max_score": 1}}, "hints": {}}))
    done = subprocess.run(
        [sys.executable, "-m", "grader", third.id],
        cwd=course, env=loop_env(state), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Next: {first.id}, {first.title} (exercises/{first.path}/README.md)" in done.stdout


def test_a_grader_failure_never_lowers_progress(tmp_path, monkeypatch):
    from grader import progress

    state = tmp_path / "state.json"
    monkeypatch.setenv("IMPORT_LAB_STATE", str(state))
    passed = {"score": 5, "max_score": 5}
    state.write_text(json.dumps({"results": {FIRST.id: passed}, "hints": {}}))
    check = {"name": "x", "status": "pass", "score": 3, "max_score": 3, "message": ""}
    broken = {**check, "name": "y", "status": "error", "score": 0, "max_score": 2, "message": "The grader failed"}
    report = {"exercises": [{"id": FIRST.id, "score": 3, "max_score": 5, "checks": [check, broken]}]}
    progress.record(report)
    assert json.loads(state.read_text())["results"][FIRST.id] == passed
    report["exercises"][0]["checks"] = [check, {**broken, "status": "fail", "message": "Expected ..."}]
    progress.record(report)  # a real verdict, even a worse one, is recorded
    assert json.loads(state.read_text())["results"][FIRST.id] == {"score": 3, "max_score": 5}


def test_without_pytest_the_grader_says_to_run_nox_and_records_nothing(tmp_path):
    """`python -m grader` outside nox, in a Python without pytest (a fresh virtual environment)."""
    bare = tmp_path / "bare"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(bare)], check=True, capture_output=True, timeout=120)
    python = bare / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    state = tmp_path / "state.json"
    section = [e for e in EXERCISES if e.chapter == FIRST.chapter]
    before = {"results": {e.id: {"score": 1, "max_score": 1} for e in section}, "hints": {}}
    state.write_text(json.dumps(before))
    report = tmp_path / "report.json"
    done = subprocess.run(
        [str(python), "-m", "grader", FIRST.chapter, "--json", str(report)],
        cwd=REPO, env=loop_env(state), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert f"nox -s grade -- {FIRST.chapter} --json {report}" in done.stderr and "instructor" not in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert json.loads(state.read_text()) == before, "progress is left as it was"
    graded = json.loads(report.read_text())  # the report asked for is still complete, every exercise an error
    assert {e["id"] for e in graded["exercises"]} == set(before["results"])
    for e in graded["exercises"]:
        assert all(c["status"] == "error" and "nox -s grade" in c["message"] for c in e["checks"])


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="needs the solutions")
def test_the_solution_is_shown_only_once_the_exercise_passes(tmp_path):
    course = course_copy(tmp_path / "course")
    state = tmp_path / "state.json"
    before = run_module("grader.compare", FIRST.id, cwd=course, state=state)
    assert before.returncode == 1 and "does not pass yet" in before.stdout
    shutil.copytree(course / "solutions" / FIRST.path, course / "exercises" / FIRST.path, dirs_exist_ok=True)
    after = run_module("grader.compare", FIRST.id, cwd=course, state=state)
    assert after.returncode == 0 and "the same as the solution" in after.stdout


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="needs the solutions")
def test_the_solution_forced_on_a_failing_exercise_never_says_both_pass(tmp_path):
    done = run_module("grader.compare", FIRST.id, "--force", state=tmp_path / "state.json")
    assert done.returncode == 0, done.stderr
    assert "both pass" not in done.stdout
    assert "Yours does not pass yet (0/" in done.stdout and "the solution does" in done.stdout
    for name in FIRST.read:  # files to leave alone, left alone: nothing to compare
        assert name not in done.stdout


def test_a_template_without_solutions_says_so(tmp_path):
    course = course_copy(tmp_path / "course")
    shutil.rmtree(course / "solutions", ignore_errors=True)
    done = run_module("grader.compare", FIRST.id, "--force", cwd=course, state=tmp_path / "s.json")
    assert done.returncode == 1 and "no reference solutions" in done.stdout
