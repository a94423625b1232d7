"""Watch mode as a student sees it: a grading line, a cleared screen, editor files ignored, hints, the terminal's width.

The last tests drive ``python -m grader.watch`` in a real terminal (a pty,
60 columns wide) and in a console whose code page is not UTF-8.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from grader import watch
from grader.console import Style
from grader.watch import CLEAR, CtrlC, Standby, Watcher

from .conftest import COPY_IGNORE, REPO
from .course import EXERCISES, HAS_SOLUTIONS

FIRST, OTHER = EXERCISES[0], EXERCISES[1]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

#: What editors and the system write beside a file being edited: none of it is a save.
EDITOR_FILES = [
    ".stock.py.swp",  # vim's swap file, and the next ones it tries
    ".stock.py.swo",
    ".stock.py.swx",
    "4913",  # vim's probe that it may write in the folder
    "5036",
    "stock.py~",  # a backup (vim, emacs, gedit)
    "#stock.py#",  # emacs's auto-save
    ".#stock.py",  # emacs's lock
    ".DS_Store",  # macOS
    "__pycache__/stock.cpython-312.pyc",
    "stock.pyc",
    "stock.py___jb_tmp___",  # JetBrains' safe write
    "stock.py___jb_old___",
    ".idea/workspace.xml",  # a tool's own folder
]
#: What a student saves: every one of these is work to grade.
STUDENT_FILES = ["stock.py", "pkg/__init__.py", "pkg/__main__.py", "data.txt", "notes.md", "v2.py", "swap.py", "a#b.py"]


def course_copy(destination: Path) -> Path:
    """What watch mode uses of the course: the grader and the exercises (the solutions are copied from REPO)."""
    for part in ("grader", "exercises"):
        shutil.copytree(REPO / part, destination / part, ignore=COPY_IGNORE)
    return destination


def visible(text: str) -> str:
    return ANSI.sub("", text)


# --- editor files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*EDITOR_FILES, ".idea", "__pycache__", ".goutputstream-XK2C1Z", ".stock.py.kate-swp"])
def test_an_editors_own_files_are_not_saves(name):
    assert watch.ignored(watch.EXERCISES / FIRST.path / name)


@pytest.mark.parametrize("name", STUDENT_FILES)
def test_a_students_files_are_saves(name):
    assert not watch.ignored(watch.EXERCISES / FIRST.path / name)


def test_a_course_inside_a_hidden_folder_is_still_watched():
    root = Path("/home/student/.courses/import-lab/exercises")
    assert not watch.ignored(root / FIRST.path / "stock.py", root=root)


def write_editor_files(folder: Path) -> None:
    """What vim, emacs and JetBrains write while a file is open and saved, as they write it."""
    for name in EDITOR_FILES:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == ".#stock.py" and os.name == "posix":
            os.symlink("student@laptop.4242:1700000000", path)  # emacs's lock is a link to nowhere
        else:
            path.write_text("editor state\n")
    probe = folder / "4913"
    probe.unlink()  # vim removes its probe at once


def remove_editor_files(folder: Path) -> None:
    """The editor closed: its files are gone (emacs's lock, a link, would make the grader refuse the folder)."""
    for name in EDITOR_FILES:
        path = folder / name
        if path.is_symlink() or path.exists():
            path.unlink()
    for tool_folder in ("__pycache__", ".idea"):
        shutil.rmtree(folder / tool_folder, ignore_errors=True)


def collect(batches, seconds: float) -> set[Path]:
    """Every change the watcher reports for about ``seconds`` (it reports an empty set when nothing changed)."""
    seen: set[Path] = set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen |= next(batches)
    return seen


def next_change(batches, timeout: float = 60.0) -> set[Path]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        changed = next(batches)
        if changed:
            return changed
    raise AssertionError("the save was not seen")


@pytest.mark.parametrize("how", ["watchfiles", "poll"])
def test_editor_files_set_off_no_verdict_and_a_save_does(tmp_path, monkeypatch, how):
    if how == "watchfiles":
        pytest.importorskip("watchfiles")
        monkeypatch.delenv("IMPORT_LAB_WATCH", raising=False)
    else:
        monkeypatch.setenv("IMPORT_LAB_WATCH", "poll")
    folder = tmp_path / "exercises" / FIRST.path
    folder.mkdir(parents=True)
    (folder / "stock.py").write_text("stock = 1\n")
    monkeypatch.setattr(watch, "EXERCISES", tmp_path / "exercises")
    batches = watch.changes(0.05, watch.snapshot(), CtrlC())
    try:
        assert collect(batches, 0.5) == set()  # watching has begun
        write_editor_files(folder)
        assert collect(batches, 1.5) == set(), "an editor's files were taken for a save"
        (folder / "stock.py").write_text("stock = 2\n")
        assert next_change(batches) == {folder / "stock.py"}
    finally:
        batches.close()


def test_a_save_during_the_first_verdict_is_not_missed_and_editor_files_are_not_counted(tmp_path, monkeypatch):
    pytest.importorskip("watchfiles")
    monkeypatch.delenv("IMPORT_LAB_WATCH", raising=False)
    folder = tmp_path / "exercises" / FIRST.path
    folder.mkdir(parents=True)
    (folder / "stock.py").write_text("stock = 1\n")
    monkeypatch.setattr(watch, "EXERCISES", tmp_path / "exercises")
    baseline = watch.snapshot()
    (folder / "stock.py").write_text("stock = 22\n")  # saved before watching began
    (folder / ".stock.py.swp").write_text("vim\n")
    batches = watch.changes(0.05, baseline, CtrlC())
    try:
        assert next_change(batches) == {folder / "stock.py"}
    finally:
        batches.close()


def test_the_banner_lists_the_students_files_only():
    e = dataclasses.replace(FIRST, files=(*FIRST.files, f".{FIRST.files[0]}.swp", "4913"), edit=())
    out = io.StringIO()
    Watcher(EXERCISES, e, Style(out), CtrlC(), Standby(), stream=out).announce()
    assert ".swp" not in out.getvalue() and "4913" not in out.getvalue()
    assert FIRST.files[0] in out.getvalue()


def test_the_banner_names_the_files_to_edit_not_those_to_leave_alone():
    e = next(e for e in EXERCISES if e.read)
    out = io.StringIO()
    Watcher(EXERCISES, e, Style(out), CtrlC(), Standby(), stream=out).announce()
    banner = " ".join(out.getvalue().split())
    assert all(name in banner for name in e.edit), banner
    assert not any(name in banner.split("(")[1] for name in e.read), banner


# --- a watcher with a grader that answers at once -------------------------------------------


class Terminal(io.StringIO):
    """What a watcher prints, as if it were a terminal."""

    def isatty(self):
        return True


class Canned:
    """A stand-in for Standby: each verdict is the next result given, and it notes when it was asked."""

    def __init__(self, *results, stream=None):
        self.results, self.stream, self.problem = list(results), stream, ""

    def grade(self, exercise):
        if self.stream is not None:
            self.stream.write("<grading>\n")
        result = self.results.pop(0)
        if result is None:
            self.problem = "The grader failed (TypeError: the JSON object must be str, not NoneType)."
        return result


def result(score, max_score, checks):
    return {"id": FIRST.id, "score": score, "max_score": max_score, "checks": checks}


LONG_MESSAGE = (
    "Expected `import stock` from exercises/8.3-importing-selected-names/package-exports/ to work, "
    "but your code raised NameError in warehouse/inventory/stock_levels.py, line 12: name 'quantity_on_hand' "
    "is not defined. Hint: check the spelling of every name on that line.\n"
    "Your code printed:\n    déjà vu, a line the student printed that is longer than any terminal is wide, and more"
)
FAILING = result(
    1,
    7,
    [
        {"name": "importing_prints_nothing", "status": "pass", "score": 1, "max_score": 1, "message": ""},
        {
            "name": "an_imported_module_is_not_blocked_even_after_it_was_blocked_and_unblocked_before",
            "status": "fail",
            "score": 0,
            "max_score": 6,
            "message": LONG_MESSAGE,
        },
    ],
)
PASSING = result(
    7, 7, [{"name": "importing_prints_nothing", "status": "pass", "score": 7, "max_score": 7, "message": ""}]
)


def test_a_grading_line_comes_before_every_verdict(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    out = io.StringIO()
    Watcher(EXERCISES, FIRST, Style(out), CtrlC(), Canned(FAILING, FAILING, stream=out), stream=out).verdict()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"grading {FIRST.id}") and lines[1] == "<grading>", lines


WINDOWS_CONSOLE = pytest.mark.skipif(os.name == "nt", reason="on Windows only a real console is cleared")


@pytest.mark.parametrize(
    "term, tty, cleared",
    [pytest.param("xterm-256color", True, True, marks=WINDOWS_CONSOLE), ("dumb", True, False), ("xterm", False, False)],
)
def test_the_screen_is_cleared_before_each_verdict_in_a_terminal_only(monkeypatch, term, tty, cleared):
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("NO_COLOR", "1")  # colours are the report's business: the only escape here is the clear
    out = Terminal() if tty else io.StringIO()
    watcher = Watcher(EXERCISES, FIRST, Style(out), CtrlC(), Canned(FAILING, FAILING, stream=out), stream=out)
    watcher.verdict()
    watcher.verdict()
    text = out.getvalue()
    assert (CLEAR in text) == cleared and "\x1b[" not in text.replace(CLEAR, "")
    if cleared:
        screens = text.split(CLEAR)
        assert len(screens) == 3, "not cleared once per verdict"
        for screen in screens[1:]:  # each starts with the banner, then the verdict
            assert screen.startswith(f"Watching {FIRST.id}") and f"{FIRST.id}: 1/7" in screen
        assert "<grading>" in screens[0] and "<grading>" in screens[1], "cleared before the verdict was in"


def test_verdicts_progress_and_next_fit_in_60_columns(monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("IMPORT_LAB_STATE", str(tmp_path / "state.json"))
    out = io.StringIO()
    watcher = Watcher(EXERCISES, FIRST, Style(out), CtrlC(), Canned(FAILING, PASSING), stream=out)
    watcher.announce()
    watcher.verdict()
    watcher.verdict()
    watcher.move_on()
    text = out.getvalue()
    too_wide = [line for line in text.splitlines() if len(line) > 60]
    assert not too_wide, "\n".join(too_wide)
    flat = " ".join(re.sub(r"/\n +", "/", text).split())  # a path may go on to the next line after a /, only there
    for whole in ("exercises/8.3-importing-selected-names/package-exports/", "warehouse/inventory/stock_levels.py"):
        assert whole in flat, f"{whole} was broken across lines"
    assert any(f"nox -s solution -- {FIRST.id}" in line for line in text.splitlines()), "a command was broken"
    assert "Your code printed:\n" in text, "the message's own lines were run together"


def test_h_shows_the_next_hint_as_grader_hints_does(tmp_path, monkeypatch):
    by_hand = subprocess.run(
        [sys.executable, "-m", "grader.hints", FIRST.id],
        cwd=REPO, env={**os.environ, "IMPORT_LAB_STATE": str(tmp_path / "by-hand.json")},
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert by_hand.returncode == 0, by_hand.stderr
    monkeypatch.setenv("IMPORT_LAB_STATE", str(tmp_path / "state.json"))
    monkeypatch.setenv("COLUMNS", "60")
    out = io.StringIO()
    watcher = Watcher(EXERCISES, FIRST, Style(out), CtrlC(), Canned(), stream=out)
    watcher.announce()
    assert "Type h and Enter for a hint" in " ".join(out.getvalue().split()), "the banner does not say how"
    watcher.stream = out = io.StringIO()
    watcher.answer("h")
    first = out.getvalue()
    words = " ".join(by_hand.stdout.split()).replace(f"run `nox -s hint -- {FIRST.id}` again", "type h and Enter again")
    assert " ".join(first.split()) == words
    assert all(len(line) <= 60 for line in first.splitlines()), first
    watcher.stream = out = io.StringIO()
    watcher.answer("h")
    assert "Hint 2 of" in out.getvalue() and "Hint 1 of" not in out.getvalue()
    watcher.stream = out = io.StringIO()
    watcher.answer("what?")
    assert "Type h and Enter" in out.getvalue()


def test_a_hint_keeps_its_paragraphs_lists_and_code():
    text = (
        "Hint 1 of 2 for x: a question\n\n"
        "    A paragraph that the README wrapped at seventy-six columns, which is\n"
        "    wider than this terminal.\n\n"
        "    1. a list item that is long enough to need a second line in a narrow window\n"
        "       and goes on here\n"
        "    2. short\n\n"
        "    ```python\n"
        "    sys.modules[name] = None  # a line of code longer than the window, left alone\n"
        "    ```\n"
    )
    lines = watch.reflow(text, 40)
    assert "    sys.modules[name] = None  # a line of code longer than the window, left alone" in lines
    assert all(len(line) <= 40 for line in lines if "sys.modules" not in line)
    assert "    2. short" in lines and any(line.startswith("       ") for line in lines), lines
    assert " ".join(" ".join(lines).split()).startswith(
        "Hint 1 of 2 for x: a question A paragraph that the README wrapped at seventy-six columns, which is wider"
    )


# --- a grader that fails ---------------------------------------------------------------------


def test_a_verdict_that_cannot_be_read_is_reported_and_watching_goes_on():
    out = io.StringIO()
    watcher = Watcher(EXERCISES, FIRST, Style(out), CtrlC(), Canned(None, FAILING), stream=out)
    assert watcher.verdict() is False
    said = " ".join(out.getvalue().split())
    assert "the grader failed, not your code" in said and "TypeError" in said
    watcher.verdict()
    assert f"{FIRST.id}: 1/7" in out.getvalue()


GARBLED = r"""
import sys
sys.stdin.readline()
sys.stdout.buffer.write(b'{"exercises": [{"id": "x", "score": 0, "max_score": 1, "checks": [{"name": "n", '
                        b'"status": "fail", "score": 0, "max_score": 1, "message": "d\xe9j\xe0 vu"}]}]}')
"""
NOT_JSON = "import sys; sys.stdin.readline(); print('d\\xe9j\\xe0 vu')"
CRASHED = (
    "import sys; sys.stdin.readline(); "
    "print('The grader failed (OSError: disk full). This is not about your code.', file=sys.stderr); sys.exit(3)"
)


@pytest.mark.parametrize(
    "code, score, problem",
    [
        (GARBLED, 0, None),  # latin-1 bytes on a UTF-8 pipe: still a verdict
        (NOT_JSON, None, "its report could not be read"),
        (CRASHED, None, "The grader failed (OSError: disk full)"),
        ("import os; os._exit(0)", None, "its report could not be read"),
        ("import sys; sys.stdin.readline(); print('{\"exercises\": null}')", None, "its report could not be read"),
        ("import sys; sys.stdin.readline(); print('[1]')", None, "its report could not be read"),
    ],
    ids=["latin-1 bytes", "not JSON", "crashed", "silent", "null exercises", "a list"],
)
def test_a_standby_that_answers_badly_gives_a_message_not_a_crash(code, score, problem):
    graders = Standby([sys.executable, "-c", code])
    try:
        first = graders.grade(FIRST)
        second = graders.grade(FIRST)  # and the next one is ready all the same
    finally:
        graders.close()
    for got in (first, second):
        if score is None:
            assert got is None and problem in graders.problem
        else:
            assert got["score"] == score and "vu" in got["checks"][0]["message"]


class ReadersDied:
    """A grader whose output never arrived: on Windows, reader threads killed by a decoding error leave None."""

    returncode = 0

    def poll(self):
        return None

    def communicate(self, line=None, timeout=None):
        return None, None

    def kill(self):
        pass


def test_a_report_that_never_arrived_gives_a_message_not_a_crash(monkeypatch):
    graders = Standby()
    monkeypatch.setattr(graders, "start", lambda: setattr(graders, "ready", ReadersDied()))
    assert graders.grade(FIRST) is None and "could not be read" in graders.problem
    out = io.StringIO()
    assert Watcher(EXERCISES, FIRST, Style(out), CtrlC(), graders, stream=out).verdict() is False
    assert "the grader failed" in out.getvalue()
    graders.close()


def test_a_standby_that_cannot_start_gives_a_message_not_a_crash(tmp_path):
    graders = Standby([str(tmp_path / "no-such-python")])
    assert graders.grade(FIRST) is None and "could not be run" in graders.problem
    graders.close()


def test_the_standby_grader_is_started_with_utf8_pipes():
    shown = (
        "import json, os, sys; sys.stdin.readline(); "
        "print(json.dumps([sys.flags.utf8_mode, os.environ.get('PYTHONIOENCODING')]))"
    )
    graders = Standby([*Standby.command[:-2], "-c", shown])
    try:
        graders.ready = None
        graders.start()
        out, _ = graders.ready.communicate("\n", timeout=60)
    finally:
        graders.ready = None
    assert out.split() == ["[1,", '"utf-8"]']
    assert Standby.command[1:3] == ["-X", "utf8"]


NON_ASCII_STUB = 'print("déjà vu")\nraise RuntimeError("déjà vu")\n'


def non_ascii_course(tmp_path: Path) -> Path:
    course = course_copy(tmp_path / "course")
    for name in FIRST.files:
        if name.endswith(".py"):
            stub = course / "exercises" / FIRST.path / name
            stub.write_text(NON_ASCII_STUB + stub.read_text(encoding="utf-8"), encoding="utf-8")
    return course


def ansi_console_env(tmp_path, **extra) -> dict[str, str]:
    """A console whose code page is not UTF-8 (as on Windows, where a child's pipes use the ANSI code page)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONUTF8")}
    env.update(IMPORT_LAB_STATE=str(tmp_path / "state.json"), NO_COLOR="1", PYTHONIOENCODING="latin-1", **extra)
    return env


def test_a_standby_writes_utf8_whatever_the_console(tmp_path):
    course = non_ascii_course(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "grader.standby"], cwd=course, env=ansi_console_env(tmp_path),
        input=f'["{FIRST.id}", "--json", "-"]\n'.encode(), capture_output=True, timeout=300,
    )  # fmt: skip
    assert "déjà vu" in done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")


def test_watch_survives_a_stub_that_prints_non_ascii(tmp_path):
    course = non_ascii_course(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader.watch", FIRST.id, "--interval", "0.2"], cwd=course,
        env=ansi_console_env(tmp_path, IMPORT_LAB_WATCH="poll"), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    screen = Screen(proc.stdout.fileno(), encoding="latin-1")
    try:
        screen.wait_for(rf"{re.escape(FIRST.id)}: 0/\d+")
        screen.wait_for("first to fix")
        screen.wait_for("déjà vu")  # the message, whole
        if os.name == "posix":  # Ctrl-C, and the watcher was still running to take it
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0
            screen.wait_for("Stopped watching")
        else:
            assert proc.poll() is None, "the watcher stopped by itself"
    finally:
        proc.kill()
        proc.wait()
    assert "Traceback" not in screen.text, screen.text


# --- in a real terminal ----------------------------------------------------------------------


class Screen:
    """Everything written to a file descriptor (a pty's master side, or a pipe), read by a thread, with waiting."""

    def __init__(self, fd: int, encoding: str = "utf-8"):
        self.fd, self.encoding, self.raw, self.lock = fd, encoding, b"", threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.seen = 0  # where the last wait_for matched

    def _read(self):
        while True:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:  # EIO: the terminal's last user has gone
                return
            if not chunk:
                return
            with self.lock:
                self.raw += chunk

    @property
    def text(self) -> str:
        with self.lock:
            return self.raw.decode(self.encoding, "replace").replace("\r\n", "\n")

    def wait_for(self, pattern: str, timeout: float = 120.0) -> re.Match:
        """The next match of ``pattern`` (a regex) in what was written, after the last one found."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.compile(pattern).search(visible(self.text), self.seen)
            if found:
                self.seen = found.end()
                return found
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in:\n{visible(self.text)}")


#: Makes the pty the child's controlling terminal (so that Ctrl-C typed there is a SIGINT), then becomes the command.
CONTROLLING_TERMINAL = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); os.execv(sys.executable, sys.argv[1:])"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal as Linux makes them")
@pytest.mark.parametrize("how", ["watchfiles", "poll"])
def test_watch_in_a_terminal_60_columns_wide(tmp_path, how):
    import fcntl
    import struct
    import termios

    if how == "watchfiles":
        pytest.importorskip("watchfiles")
    course = course_copy(tmp_path / "course")
    folder = course / "exercises" / FIRST.path
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR", "COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", IMPORT_LAB_STATE=str(tmp_path / "state.json"), IMPORT_LAB_WATCH=how)
    by_hand = subprocess.run(
        [sys.executable, "-m", "grader.hints", FIRST.id], cwd=course,
        env={**env, "IMPORT_LAB_STATE": "off"}, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    first_hint = by_hand.stdout.split()[:4]  # "Hint 1 of N"

    master, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    watcher = [sys.executable, "-m", "grader.watch", FIRST.id, "--interval", "0.2"]
    proc = subprocess.Popen(
        [sys.executable, "-c", CONTROLLING_TERMINAL, *watcher],
        cwd=course, env=env, stdin=terminal, stdout=terminal, stderr=terminal, start_new_session=True,
    )  # fmt: skip
    os.close(terminal)
    screen = Screen(master)
    verdict = rf"\[\d\d:\d\d:\d\d\] \S+ {re.escape(FIRST.id)}: \d+/\d+"
    try:
        screen.wait_for(f"Watching {re.escape(FIRST.id)}")
        screen.wait_for(f"grading {re.escape(FIRST.id)}…")
        screen.wait_for(verdict)
        screen.wait_for("first to fix")

        write_editor_files(folder)  # vim, emacs and JetBrains at work in this exercise and another one
        write_editor_files(course / "exercises" / OTHER.path)
        time.sleep(2.0)  # many looks at the files, with either way of watching
        os.write(master, b"h\r")  # h, then Enter
        screen.wait_for(r"\s+".join(map(re.escape, first_hint)))
        assert screen.text.count(f"grading {FIRST.id}") == 1, "an editor's file set off a verdict"
        assert f"Watching {OTHER.id}" not in screen.text, "an editor's file switched exercises"
        remove_editor_files(folder)
        remove_editor_files(course / "exercises" / OTHER.path)
        time.sleep(1.0)  # removing them is no save either

        saved = folder / FIRST.files[0]
        saved.write_text(saved.read_text(encoding="utf-8") + "\n# saved again\n", encoding="utf-8")
        screen.wait_for(f"grading {re.escape(FIRST.id)}…")
        screen.wait_for(verdict)
        if HAS_SOLUTIONS:
            for name in FIRST.files:
                (folder / name).write_bytes((REPO / "solutions" / FIRST.path / name).read_bytes())
            screen.wait_for("every check passes")
            screen.wait_for("Next:|finished Import Lab")
        os.write(master, b"\x03")  # Ctrl-C
        screen.wait_for("Stopped watching")
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()
        screen.reader.join(timeout=10)
        os.close(master)

    text = screen.text
    # Every verdict on a cleared screen: between each "grading" line and its verdict, the screen was cleared.
    verdicts = [m.start() for m in re.finditer(rf"\] \S+ {re.escape(FIRST.id)}: \d+/\d+", text)]
    assert len(verdicts) >= 2
    for end in verdicts:
        start = text.rindex(f"grading {FIRST.id}", 0, end)
        assert CLEAR in text[start:end], "the screen was not cleared between a grading line and its verdict"
    too_wide = [line for line in visible(text.replace(CLEAR, "")).split("\n") if len(line) > 60]
    assert not too_wide, "lines wider than the terminal:\n" + "\n".join(too_wide)
