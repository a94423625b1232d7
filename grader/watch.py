"""``python -m grader.watch [EXERCISE]`` (``nox -s watch``): re-grade on every save, and move on when it passes.

Watches every exercise folder; the exercise whose file was saved last is the
one being worked on. Uses the `watchfiles` library when it is installed and
polls file times otherwise (a few dozen files: nothing to notice), or when
IMPORT_LAB_WATCH=poll. Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

from . import progress
from .console import Style
from .course import COURSE_ROOT, Exercise, UsageError, discover, select

EXERCISES = COURSE_ROOT / "exercises"

#: How long the waiting grader gets to exit when watching stops.
STOP_SECONDS = 5.0


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
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            try:
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
            yield changed
        before = now


def changes(interval: float, baseline: dict, stop: CtrlC) -> Iterator[set[Path]]:
    """Sets of changed files, from ``baseline`` on (taken before the first verdict, so no save is missed)."""
    try:
        if os.environ.get("IMPORT_LAB_WATCH") == "poll":
            raise ImportError("polling asked for")
        import watchfiles
    except ImportError:
        yield from polled_changes(interval, baseline, stop)
        return
    missed = differences(baseline, snapshot())  # saved while the first verdict was being made
    if missed:
        yield missed
    for batch in watchfiles.watch(EXERCISES, debounce=200, step=50, stop_event=stop):
        changed = {Path(p) for _, p in batch if "__pycache__" not in p and not p.endswith(".pyc")}
        if changed:
            yield changed


def owner(path: Path, exercises: list[Exercise]) -> Exercise | None:
    for e in exercises:
        if (EXERCISES / e.path) in path.parents:
            return e
    return None


class Standby:
    """The grader for the next verdict, started ahead of time (grader.standby).

    A verdict takes a grader that is already running, and starts the one for
    the next verdict: it imports pytest while the student edits, so a save
    waits only for the checks. Each grader still grades once, in a process of
    its own.
    """

    def __init__(self) -> None:
        self.ready: subprocess.Popen | None = None

    def start(self) -> None:
        self.ready = subprocess.Popen(
            [sys.executable, "-m", "grader.standby"],
            cwd=COURSE_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )

    def grade(self, exercise: Exercise) -> dict | None:
        """The exercise's part of the JSON report, or None if the grader failed."""
        if self.ready is None or self.ready.poll() is not None:
            self.start()
        grader, self.ready = self.ready, None
        output, _ = grader.communicate(json.dumps([exercise.id, "--json", "-"]) + "\n")
        self.start()
        try:
            return json.loads(output)["exercises"][0]
        except (ValueError, KeyError, IndexError):
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
        self.ready = None


class Watcher:
    def __init__(self, exercises: list[Exercise], current: Exercise, style: Style, stop: CtrlC, grader: Standby):
        self.exercises, self.current, self.style, self.stop, self.grader = exercises, current, style, stop, grader

    def say(self, text: str = "") -> None:
        print(text, flush=True)

    def announce(self) -> None:
        e = self.current
        self.say(self.style.paint(f"Watching {e.id}: {e.title}", "1"))
        self.say(f"  edit exercises/{e.path}/ ({', '.join(e.files)}); every save re-grades it. Ctrl-C stops.")

    def verdict(self) -> bool:
        e = self.current
        result = self.grader.grade(e)
        if self.stop.is_set():  # Ctrl-C reached the grader too: its verdict says nothing about the code
            return False
        stamp = time.strftime("%H:%M:%S")
        if result is None:
            self.say(f"[{stamp}] {self.style.status('error')} {e.id}: the grader failed; run `nox -s grade -- {e.id}` to see why")
            return False
        score = f"{result['score']}/{result['max_score']}"
        if result["score"] == result["max_score"] and result["max_score"] > 0:
            self.say(f"[{stamp}] {self.style.status('pass')} {e.id}: {score}, every check passes!")
            return True
        failing = next(c for c in result["checks"] if c["status"] != "pass")
        passed = sum(c["status"] == "pass" for c in result["checks"])
        self.say(f"[{stamp}] {self.style.status(failing['status'])} {e.id}: {score} ({passed} of {len(result['checks'])} checks pass)")
        self.say(f"  first to fix: {failing['name'].replace('_', ' ')}")
        for line in textwrap.wrap(failing["message"], width=self.style.width - 4):
            self.say("    " + line)
        return False

    def move_on(self) -> None:
        state = progress.load()
        rows = progress.summary(self.exercises, state)
        section = next(r for r in rows if r[0] == self.current.section)
        course_row = rows[-1]
        self.say(f"  progress: {section[1]}/{section[2]} exercises in {section[0]}, {course_row[1]}/{course_row[2]} in the course")
        following = progress.next_exercise(self.exercises, state, after=self.current.id)
        if following is None:
            self.say(self.style.paint("Every exercise passes: you have finished Import Lab!", "1"))
            return
        self.say(f"  compare with the reference: nox -s solution -- {self.current.id}")
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
            touched = [e for e in (owner(p, self.exercises) for p in changed) if e]
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
            Watcher(exercises, current, Style(), stop, grader).run(args.interval)
    except KeyboardInterrupt:  # the second Ctrl-C
        pass
    finally:
        grader.close()
    print("\nStopped watching. Your progress is saved.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
