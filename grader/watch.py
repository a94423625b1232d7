"""``python -m grader.watch [EXERCISE]`` (``nox -s watch``): re-grade on every save, and move on when it passes.

Watches every exercise folder; the exercise whose file was saved last is the
one being worked on. Uses the `watchfiles` library when it is installed and
polls file times otherwise (a few dozen files: nothing to notice), or when
IMPORT_LAB_WATCH=poll. Ctrl-C stops it.

What the student sees:

* a "grading…" line as soon as a save is seen, then the verdict; in a
  terminal the screen is cleared before each verdict, so the latest one is
  all there is to read (the watch banner is shown again above it);
* every line fitted to the terminal's width, read again for every verdict
  (a window can be resized while watching);
* ``h`` and Enter show the next hint for the exercise being watched, exactly
  as ``python -m grader.hints ID`` would (its code does it, and it
  remembers which hints were shown).

The files an editor or the system writes beside the student's own are not
saves (see :func:`ignored`): vim's swap files and its ``4913`` probe, backups
ending in ``~``, emacs's ``#autosave#`` and ``.#lock`` files, JetBrains'
``___jb_tmp___`` and ``___jb_old___`` files, macOS's ``.DS_Store``, bytecode
and ``__pycache__``, and every hidden file and folder (``.idea``). They
neither set off a verdict nor switch to another exercise, with watchfiles or
polling.

Each verdict comes from a grader started ahead of time (:class:`Standby`);
its pipes are UTF-8 whatever the console's code page, and a verdict that
cannot be read is reported as such while watching goes on.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from . import progress
from .console import Style
from .course import COURSE_ROOT, Exercise, UsageError, discover, select

EXERCISES = COURSE_ROOT / "exercises"

#: How long the waiting grader gets to exit when watching stops.
STOP_SECONDS = 5.0

#: How often watching stops to look for a typed key when no file changes (seconds).
TICK = 0.25

#: Moves the cursor home and clears the screen (the scrollback is kept, to scroll up to earlier verdicts).
CLEAR = "\033[H\033[2J"

#: The key (then Enter) that shows the next hint.
HINT_KEY = "h"

#: Names of the files editors and the system write beside the ones being edited (hidden names aside).
EDITOR_FILES = re.compile(
    r"""
      .*\.sw[a-z]              # vim's swap files: .name.swp, .swo, ... and the .swx it tries first
    | \d+                      # vim's probe that the folder is writable: 4913 (then 5036, ...)
    | .*~                      # backups: vim, emacs, gedit, nano
    | \#.*\#                   # emacs's auto-save file
    | .*___jb_(?:tmp|old)___   # JetBrains' safe write
    | .*\.py[co]               # bytecode
    | .*\.kate-swp             # Kate's swap file
    | __pycache__
    """,
    re.VERBOSE,
)


def ignored(path: Path, root: Path | None = None) -> bool:
    """Whether a change to ``path`` is an editor's or the system's, not a save of the student's work.

    Hidden names (a leading dot) are never the student's work either: vim's
    ``.name.swp``, emacs's ``.#name`` lock, ``.DS_Store``, gedit's
    ``.goutputstream-*``, and tools' folders such as ``.idea`` or ``.vscode``
    and everything in them. Only the part of ``path`` below ``root`` (the
    exercises folder) counts: a course cloned into a hidden folder is watched.
    """
    root = root or EXERCISES
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        parts = Path(path).parts[-1:]
    return any(part.startswith(".") or EDITOR_FILES.fullmatch(part) for part in parts)


class CtrlC:
    """The first Ctrl-C asks the watcher to stop; a second one interrupts at once.

    Python raises KeyboardInterrupt wherever the main thread happens to be. Raised
    inside an import (watchfiles imports modules when it starts watching), it can
    land in a callback that only reports it, and the watcher goes on as if Ctrl-C
    had not been pressed. Asking instead means the watcher stops at its next look
    at the files, a fraction of a second away (or once the verdict being made is
    done). ``is_set`` makes this a stop event for ``watchfiles.watch``.
    """

    def __init__(self) -> None:
        self.pressed = False

    def __enter__(self) -> CtrlC:
        self.previous = signal.signal(signal.SIGINT, self._press)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self.previous)

    def _press(self, signum: int, frame: object) -> None:
        self.pressed = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def is_set(self) -> bool:
        return self.pressed


def snapshot() -> dict[Path, tuple[float, int]]:
    found = {}
    for path in EXERCISES.rglob("*"):
        if ignored(path):
            continue
        try:
            if path.is_file():
                st = path.stat()
                found[path] = (st.st_mtime, st.st_size)
        except OSError:
            pass
    return found


def differences(before: dict, now: dict) -> set[Path]:
    return {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}


def polled_changes(interval: float, before: dict, stop: CtrlC) -> Iterator[set[Path]]:
    while True:
        time.sleep(interval)
        if stop.is_set():
            return
        now = snapshot()
        changed = differences(before, now)
        if changed:
            time.sleep(min(interval, 0.2))  # let an editor finish writing
            now = snapshot()
        yield changed  # empty when nothing changed: the caller looks for a typed key
        before = now


def changes(interval: float, baseline: dict, stop: CtrlC) -> Iterator[set[Path]]:
    """Sets of changed files, from ``baseline`` on (taken before the first verdict, so no save is missed).

    An empty set, at least every ``interval`` (polling) or :data:`TICK` seconds
    (watchfiles), when nothing changed: a moment to look for a typed key.
    Files that :func:`ignored` names are never in a set.
    """
    try:
        if os.environ.get("IMPORT_LAB_WATCH") == "poll":
            raise ImportError("polling asked for")
        import watchfiles
    except ImportError:
        yield from polled_changes(interval, baseline, stop)
        return
    batches = watchfiles.watch(
        EXERCISES,
        watch_filter=lambda change, path: not ignored(Path(path)),
        debounce=200,
        step=50,
        stop_event=stop,
        rust_timeout=int(TICK * 1000),
        yield_on_timeout=True,
    )
    missed: set[Path] | None = None
    for batch in batches:
        changed = {Path(p) for _, p in batch}
        if missed is None:  # watching has begun: what was saved before (during the first verdict) is not lost
            missed = differences(baseline, snapshot())
            changed |= missed
        yield changed


def owner(path: Path, exercises: list[Exercise]) -> Exercise | None:
    for e in exercises:
        if (EXERCISES / e.path) in path.parents:
            return e
    return None


def utf8_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a grader this one starts: UTF-8 on its pipes, whatever the console's code page."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if k != "PYTHONPATH"}
    env.update(PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
    return env


class Standby:
    """The grader for the next verdict, started ahead of time (grader.standby).

    A verdict takes a grader that is already running, and starts the one for
    the next verdict: it imports pytest while the student edits, so a save
    waits only for the checks. Each grader still grades once, in a process of
    its own.

    Its pipes are UTF-8 both ways (``-X utf8`` and PYTHONIOENCODING; on Windows
    a child's pipes would otherwise use the ANSI code page), and whatever
    comes back is read with undecodable bytes replaced: a report that cannot
    be read is a verdict that failed (:attr:`problem` says why), never a crash.
    """

    command = [sys.executable, "-X", "utf8", "-m", "grader.standby"]

    def __init__(self, command: list[str] | None = None) -> None:
        self.ready: subprocess.Popen | None = None
        self.problem = ""
        if command is not None:
            self.command = command

    def start(self) -> None:
        self.ready = subprocess.Popen(
            self.command,
            cwd=COURSE_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=utf8_env(),
        )

    def grade(self, exercise: Exercise) -> dict | None:
        """The exercise's part of the JSON report, or None if there is none (then :attr:`problem` says why)."""
        self.problem = ""
        try:
            if self.ready is None or self.ready.poll() is not None:
                self.start()
            grader, self.ready = self.ready, None
            output, errors = grader.communicate(json.dumps([exercise.id, "--json", "-"]) + "\n")
        except (OSError, ValueError, subprocess.SubprocessError) as exc:
            self.problem = f"the grader could not be run ({type(exc).__name__}: {exc})"
            return None
        finally:
            with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
                if self.ready is None:
                    self.start()
        try:
            result = json.loads(output)["exercises"][0]
            checks = result["checks"]
            if not (isinstance(result["score"], int) and isinstance(result["max_score"], int)):
                raise TypeError("a score that is not a number")
            for c in checks:
                c["name"], c["status"], c["message"]  # each must be there
            return result
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            said = [line for line in (errors or "").splitlines() if line.strip()]
            if grader.returncode not in (0, 1) and said:
                self.problem = said[-1].strip()
            else:
                self.problem = f"its report could not be read (it exited with code {grader.returncode})"
            return None

    def close(self) -> None:
        """End the waiting grader: without a line to read, it exits at once."""
        if self.ready is None:
            return
        try:
            self.ready.communicate("", timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.ready.kill()
            self.ready.communicate()
        except (OSError, ValueError):
            self.ready.kill()
        self.ready = None


class Keys:
    """Lines typed while watching, read by a thread of their own so that watching never waits for them.

    Reads the file descriptor itself (``os.read``), not ``sys.stdin``: a thread
    blocked inside ``sys.stdin`` holds its lock, and Python cannot shut down
    cleanly while it does. The end of input (or no input at all) ends the thread.
    """

    def __init__(self, stream=None) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        stream = sys.stdin if stream is None else stream
        try:
            self.fd = stream.fileno()
        except (AttributeError, ValueError, OSError):
            return
        threading.Thread(target=self._read, name="watch-keys", daemon=True).start()

    def _read(self) -> None:
        pending = b""
        while True:
            try:
                chunk = os.read(self.fd, 1024)
            except OSError:
                return
            if not chunk:
                return
            pending += chunk
            *complete, pending = re.split(rb"\r\n|\r|\n", pending)
            for line in complete:
                self.lines.put(line.decode("utf-8", "replace").strip())

    def typed(self) -> list[str]:
        found = []
        with contextlib.suppress(queue.Empty):
            while True:
                found.append(self.lines.get_nowait())
        return found


def can_clear(stream) -> bool:
    """Whether ``stream`` is a terminal that understands the escape sequence that clears it."""
    if not (hasattr(stream, "isatty") and stream.isatty()) or os.environ.get("TERM") == "dumb":
        return False
    if os.name != "nt":
        return True
    try:  # Windows 10 and later: ask the console to understand escape sequences (Windows Terminal always does)
        import ctypes
        import msvcrt

        kernel32 = ctypes.windll.kernel32
        handle = msvcrt.get_osfhandle(stream.fileno())
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        virtual_terminal = 0x0004
        return bool(mode.value & virtual_terminal or kernel32.SetConsoleMode(handle, mode.value | virtual_terminal))
    except Exception:
        return False


def encodable(text: str, stream) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def columns() -> int:
    """The width to fit lines to: one less than the terminal's (a full line makes some consoles add an empty one)."""
    return max(20, min(100, shutil.get_terminal_size((80, 24)).columns)) - 1


#: Stands for a space that must not become a line break (in a command to type); a space again once wrapped.
KEEP = "\u00a0"


def command(text: str) -> str:
    """A command to type, kept on one line when its text is wrapped."""
    return text.replace(" ", KEEP)


class _Wrapper(textwrap.TextWrapper):
    """Breaks lines at spaces, and inside a path only after a ``/``: never at a hyphen (ids, folder names)."""

    wordsep_re = re.compile(
        r"([\t\n\x0b\x0c\r ]+|[^\t\n\x0b\x0c\r /]*/+|[^\t\n\x0b\x0c\r /]+)"
    )  # not \s: KEEP is no break

    def __init__(self, width: int, first: str, rest: str) -> None:
        super().__init__(width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=True)


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return [line.replace(KEEP, " ") for line in _Wrapper(width, first, rest).wrap(text)]


def fit(text: str, width: int, indent: str = "", hang: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters, each of its own lines wrapped by itself.

    ``indent`` starts each line, ``hang`` (``indent`` plus two spaces unless
    given) the lines that continue one; a line's own leading spaces are kept.
    A word longer than a line is split after a ``/`` (a path), or anywhere
    as a last resort.
    """
    hang = indent + "  " if hang is None else hang
    out: list[str] = []
    for line in text.splitlines() or [""]:
        own = line[: len(line) - len(line.lstrip())]
        out.extend(wrap(line.strip(), width, indent + own, hang + own) or [""])
    return out


LIST_ITEM = re.compile(r"(?:[-*+]|\d+[.)])\s+")


def reflow(text: str, width: int) -> list[str]:
    """Markdown-like text (a hint) in lines of at most ``width``: its paragraphs and list items wrapped again.

    A paragraph is a run of lines with the same indentation (a list item's
    continues under its text); code in a ``` fence is left as it is.
    """
    out: list[str] = []
    paragraph: tuple[str, str, list[str]] | None = None  # (first line's indentation, the next lines', words)
    fenced = False

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            lead, hang, words = paragraph
            out.extend(wrap(" ".join(words), width, lead, hang))
        paragraph = None

    for line in text.splitlines():
        stripped = line.strip()
        own = line[: len(line) - len(line.lstrip())]
        if stripped.startswith("```") or fenced:
            flush()
            fenced = fenced != stripped.startswith("```")
            out.append(line.rstrip())
        elif not stripped:
            flush()
            out.append("")
        else:
            item = LIST_ITEM.match(stripped)
            if paragraph and not item and own == paragraph[1]:
                paragraph[2].append(stripped)
                continue
            flush()
            paragraph = (own, own + " " * (item.end() if item else 0), [stripped])
    flush()
    return out


class Watcher:
    def __init__(
        self,
        exercises: list[Exercise],
        current: Exercise,
        style: Style,
        stop: CtrlC,
        grader: Standby,
        keys: Keys | None = None,
        stream=None,
    ):
        self.exercises, self.current, self.style, self.stop, self.grader = exercises, current, style, stop, grader
        self.keys = keys
        self.stream = sys.stdout if stream is None else stream
        self.clears = can_clear(self.stream)
        self.dots = "…" if encodable("…", self.stream) else "..."

    def say(self, text: str = "", indent: str = "", hang: str | None = None, paint: str | None = None) -> None:
        """Print ``text`` fitted to the terminal (``paint``: an ANSI style for all of it)."""
        for line in fit(text, columns(), indent, hang):
            print(self.style.paint(line, paint) if paint and line else line, file=self.stream, flush=True)

    def say_status(self, status: str, text: str) -> None:
        """A verdict line: a time, the status's mark (in its colour), then ``text``."""
        head = f"[{time.strftime('%H:%M:%S')}] "
        plain = self.style.marks[status]
        lines = fit(f"{head}{plain} {text}", columns(), hang=" " * len(head))
        lines[0] = head + self.style.status(status) + lines[0][len(head) + len(plain) :]
        for line in lines:
            print(line, file=self.stream, flush=True)

    def announce(self) -> None:
        e = self.current
        # The files its README gives the student to edit: never the ones it says to leave alone.
        files = ", ".join(f for f in (e.edit or e.files) if not ignored(Path(f), root=Path())) or "its files"
        self.say(f"Watching {e.id}: {e.title}", paint="1")
        self.say(f"edit exercises/{e.path}/ ({files}): every save grades it again.", indent="  ")
        self.say(f"Type {HINT_KEY} and Enter for a hint; Ctrl-C stops watching.", indent="  ")

    def verdict(self) -> bool:
        e = self.current
        self.say(f"grading {e.id}{self.dots}")
        result = self.grader.grade(e)
        if self.stop.is_set():  # Ctrl-C reached the grader too: its verdict says nothing about the code
            return False
        if self.clears:
            print(CLEAR, end="", file=self.stream, flush=True)
            self.announce()
            self.say()
        if result is None:
            self.say_status("error", f"{e.id}: no verdict this time: the grader failed, not your code.")
            self.say(self.grader.problem or "It gave no report.", indent="    ", hang="    ")
            self.say(
                f"Save again to retry, or run {command(f'`nox -s grade -- {e.id}`')} to see more.",
                indent="    ",
                hang="    ",
            )
            return False
        score = f"{result['score']}/{result['max_score']}"
        failing = next((c for c in result["checks"] if c["status"] != "pass"), None)
        if result["score"] == result["max_score"] and result["max_score"] > 0:
            self.say_status("pass", f"{e.id}: {score}, every check passes!")
            return True
        passed = sum(c["status"] == "pass" for c in result["checks"])
        status = failing["status"] if failing and failing["status"] in self.style.marks else "fail"
        self.say_status(status, f"{e.id}: {score} ({passed} of {len(result['checks'])} checks pass)")
        if failing is not None:
            self.say(f"first to fix: {failing['name'].replace('_', ' ')}", indent="  ", hang="    ")
            self.say(failing["message"] or "", indent="    ", hang="    ")
        return False

    def hint(self) -> None:
        """The next hint for the exercise being watched, as ``python -m grader.hints ID`` shows it."""
        from . import hints

        e = self.current
        shown = io.StringIO()
        try:
            with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
                hints.main([e.id])
        except SystemExit:
            pass
        except Exception as exc:  # a hint is a help: never a reason to stop watching
            shown.write(f"The hints for {e.id} could not be read ({type(exc).__name__}: {exc}).\n")
        text = shown.getvalue().replace(f"run `nox -s hint -- {e.id}` again", f"type {HINT_KEY} and Enter again")
        text = re.sub(r"`nox -s [^`]*`", lambda m: command(m[0]), text)
        self.say()
        for line in reflow(text.rstrip("\n"), columns()):
            print(line, file=self.stream, flush=True)

    def answer(self, typed: str) -> None:
        if typed.lower() in (HINT_KEY, "hint"):
            self.hint()
        elif typed:
            self.say(f"Type {HINT_KEY} and Enter for a hint, or save a file to grade it again. Ctrl-C stops watching.")

    def move_on(self) -> None:
        state = progress.load()
        rows = progress.summary(self.exercises, state)
        section = next(r for r in rows if r[0] == self.current.section)
        course_row = rows[-1]
        self.say(
            f"progress: {section[1]}/{section[2]} exercises in {section[0]}, "
            f"{course_row[1]}/{course_row[2]} in the course",
            indent="  ",
        )
        following = progress.next_exercise(self.exercises, state, after=self.current.id)
        if following is None:
            self.say("Every exercise passes: you have finished Import Lab!", paint="1")
            return
        self.say(f"compare with the reference: {command(f'nox -s solution -- {self.current.id}')}", indent="  ")
        self.say(f"Next: {following.id}: {following.title} (exercises/{following.path}/README.md)")
        self.current = following
        self.say()
        self.announce()

    def run(self, interval: float) -> None:
        baseline = snapshot()
        self.announce()
        if self.verdict():
            self.move_on()
        for changed in changes(interval, baseline, self.stop):
            if self.stop.is_set():
                return
            for typed in self.keys.typed() if self.keys else ():
                self.answer(typed)
            touched = [e for e in (owner(p, self.exercises) for p in changed if not ignored(p)) if e]
            if not touched:
                continue
            if self.current not in touched:
                self.current = touched[-1]
                self.say()
                self.announce()
            if self.verdict():
                self.move_on()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="nox -s watch --", description="Re-grade an exercise every time you save it.")
    p.add_argument("exercise", nargs="?", help="the exercise to start with (default: the first one not done)")
    p.add_argument("--interval", type=float, default=0.5, help="seconds between looks at the files when polling")
    args = p.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a character shows an escape, never crashes
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")
    exercises = discover()
    try:
        current = select(exercises, [args.exercise])[0] if args.exercise else None
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    current = current or progress.next_exercise(exercises, progress.load()) or exercises[0]
    grader = Standby()
    try:
        with CtrlC() as stop:
            Watcher(exercises, current, Style(), stop, grader, keys=Keys()).run(args.interval)
    except KeyboardInterrupt:  # the second Ctrl-C
        pass
    finally:
        grader.close()
    print("\nStopped watching. Your progress is saved.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
