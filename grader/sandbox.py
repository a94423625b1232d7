"""The ``student`` a check talks to: a private copy of one exercise, and fresh interpreters in it.

Every method starts a new interpreter. Nothing the student's code imports,
caches or writes can reach another check or the grader.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import functools
import itertools
import marshal
import os
import re
import shutil
import stat
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import runner
from .feedback import CheckFailed, ErrorInfo, StudentCrash, StudentError, StudentTimeout

HARNESS_SOURCE = (Path(__file__).with_name("harness.py")).read_text(encoding="utf-8")

#: What ``-c`` runs to start a probe: the harness compiled once by the grader.
#: Compiling its source in every probe cost 2-3 ms of a 15 ms start. It binds
#: no name, so the student's ``__main__`` holds what it would under plain ``-c``.
HARNESS_LOADER = "exec(__import__('marshal').loads(open(__import__('sys').argv.pop(1), 'rb').read()))"


@functools.cache
def _compiled_harness() -> bytes:
    return marshal.dumps(compile(HARNESS_SOURCE, "<string>", "exec"))


def harness_code(python: str) -> bytes | None:
    """The harness as marshal data for ``python``, or None when that is not the grader's own interpreter.

    marshal's format belongs to one Python version: another interpreter gets the source.
    """
    return _compiled_harness() if python == sys.executable else None

#: Interpreter flags for a clean run: ignore PYTHON* variables, no user
#: site-packages, no ``site`` at all unless a check asks for it.
CLEAN_FLAGS = ("-E", "-s", "-X", "utf8")

#: How much of what the student's code printed a failing check shows: a few lines, each cut short.
PRINTED_LINES = 5
PRINTED_WIDTH = 100

#: Never copied: bytecode the student's own runs left behind, and Finder litter.
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store")

#: The most a private copy may hold. An exercise is a few small files; this
#: only stops a submission from filling the disk through the grader itself.
COPY_LIMIT = 32 * 1024 * 1024


class UnfitFolder(CheckFailed):
    """The exercise folder holds something the grader will not copy (a link, a device, far too much)."""


def copy_exercise(source: Path, target: Path) -> None:
    """Copy ordinary files and folders only, up to COPY_LIMIT bytes in all.

    The copy runs in the grader's process, outside every limit a student's
    interpreter has, so it must not follow links (one to /dev/zero would
    never end) nor read devices or pipes.
    """
    total = 0

    def copy(folder: Path, into: Path) -> None:
        nonlocal total
        into.mkdir(parents=True)
        names = sorted(os.listdir(folder))
        skipped = _IGNORED(os.fspath(folder), names)
        for name in names:
            if name in skipped:
                continue
            entry, rel = folder / name, (folder / name).relative_to(source).as_posix()
            info = entry.lstat()
            if stat.S_ISDIR(info.st_mode):
                copy(entry, into / name)
            elif stat.S_ISREG(info.st_mode):
                total += info.st_size
                if total > COPY_LIMIT:
                    raise UnfitFolder(
                        f"the exercise folder to hold a few small files (at most {COPY_LIMIT // 2**20} MB in all)",
                        f"it holds more than that by the time it reaches {rel} ({info.st_size} bytes)",
                        "Delete large files you put there (data, downloads, output your code wrote).",
                    )
                shutil.copy2(entry, into / name, follow_symlinks=False)
            else:
                what = "a link" if stat.S_ISLNK(info.st_mode) else "not an ordinary file"
                raise UnfitFolder(
                    "the exercise folder to hold only ordinary files and folders",
                    f"{rel} is {what}",
                    f"Replace {rel} with an ordinary file holding what it should hold.",
                )

    copy(source, target)


@dataclass
class Probe:
    """What one probe observed: values sent with ``report()``, or the error that stopped it."""

    values: dict
    error: ErrorInfo | None
    completed: runner.Completed
    finished: bool = True
    stuck: tuple[str, int, str] | None = None  # (file, line, function) where a time-out caught it

    @property
    def output(self) -> str:
        return self.completed.stdout + self.completed.stderr


@dataclass
class Student:
    """A private copy of the student's exercise folder, and ways to run Python in it."""

    source: Path  # the exercise folder in the workspace (never written to)
    root: Path  # private temporary directory for this check
    limits: runner.Limits = field(default_factory=runner.Limits)
    python: str = sys.executable
    #: A file shared by all checks of this exercise in one grading run. A check
    #: that found the code stuck in a module body writes where; later checks
    #: then skip at once instead of waiting out the same time limit again.
    hang_memo: Path | None = None

    def __post_init__(self) -> None:
        self.path = self.root / "work" / self.source.name
        self.home = self.root / "home"
        self.tmp = self.root / "tmp"
        self._scratch = self.root / "scratch"
        for d in (self.home, self.tmp, self._scratch):
            d.mkdir(parents=True, exist_ok=True)
        if self.source.is_dir():
            copy_exercise(self.source, self.path)
        else:
            self.path.mkdir(parents=True)
        self._runs = itertools.count()
        #: (stdout, stderr) of every interpreter this check ran, in order: what the student's code
        #: printed, shown in the check's message if it fails (see printed()).
        self.outputs: list[tuple[str, str]] = []

    # -- files -------------------------------------------------------------

    def file(self, relative: str) -> Path:
        return self.path / relative

    def read(self, relative: str) -> str:
        return self.file(relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> Path:
        """Write a file into the private copy (never into the student's workspace).

        A file that was there already gets a modification time two seconds past
        its old one, as ``rewrite`` in a probe does: an earlier run may have
        cached its bytecode, and the ``.pyc`` check compares whole-second times
        and sizes, so a new text of the same size written in the same second
        would otherwise run the old code.
        """
        target = self.file(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        before = target.stat().st_mtime if target.exists() else None
        target.write_text(textwrap.dedent(text), encoding="utf-8")
        if before is not None:
            later = max(before, target.stat().st_mtime) + 2
            os.utime(target, (later, later))
        return target

    def exists(self, relative: str) -> bool:
        return self.file(relative).exists()

    def shown_paths(self, entries: list) -> str:
        """sys.path entries as a message shows them: the private copy's own path as <exercise folder>."""
        roots = sorted({str(self.path), os.path.realpath(self.path)}, key=len, reverse=True)
        shown = []
        for entry in entries:
            for root in roots:
                if entry == root or entry.startswith(root + os.sep):
                    entry = "<exercise folder>" + entry[len(root):]
                    break
            shown.append(entry)
        return repr(shown)

    def printed(self, lines: int = PRINTED_LINES) -> str:
        """What the student's code printed in this check (stdout and stderr of its runs), cut to ``lines`` lines.

        Blank lines are left out, long lines cut, and the private copy's path
        is shown as <exercise folder>. "" when nothing was printed.
        """
        roots = sorted({str(self.path), os.path.realpath(self.path)}, key=len, reverse=True)
        found = []
        for stdout, stderr in self.outputs:
            for line in (stdout + "\n" + stderr).splitlines():
                line = line.rstrip()
                for root in roots:
                    line = line.replace(root, "<exercise folder>")
                if line.strip():
                    found.append(line if len(line) <= PRINTED_WIDTH else line[: PRINTED_WIDTH - 1] + "…")
        if not found:
            return ""
        shown = found[:lines]
        if len(found) > lines:
            shown.append(f"… ({len(found) - lines} more line{'s' if len(found) - lines > 1 else ''})")
        return "\n".join(shown)

    # -- running -----------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        return runner.clean_env(self.home, self.tmp, extra)

    def python_run(
        self,
        *args: str,
        site: bool = False,
        flags: tuple[str, ...] | None = None,
        cwd: str | os.PathLike | None = None,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
        timeout: float | None = None,
        doing: str | None = None,
    ) -> runner.Completed:
        """Run ``python <flags> <args>`` in a fresh interpreter and return what happened.

        ``flags`` replaces the clean defaults (``-E -s -X utf8``, plus ``-S``
        unless ``site``); pass it to test ``-I``, ``-P`` or ``PYTHONPATH``.
        ``env`` adds variables to the clean environment.

        A run that hits its time limit fails the check with a time-out verdict
        that names the file and line it was stuck at. With ``doing`` (what the
        check expected, for the message), a run that ends in an uncaught
        exception or a crash fails the check too; leave it out when the check
        expects the run to fail and looks at the result itself.
        """
        # -X faulthandler: on a time-out the interpreter writes its stack (see runner.SHIM).
        completed = self._run([*self._flags(flags, site), "-X", "faulthandler", *args], cwd, env, stdin, timeout)
        if completed.timed_out:
            stderr, stuck = split_stack(completed.stderr, self.path)
            completed = dataclasses.replace(completed, stderr=stderr)
        self.outputs.append((completed.stdout, without_traceback(completed.stderr)))
        if completed.timed_out:
            if stuck and stuck.imported and self.hang_memo is not None:
                self.hang_memo.write_text(f"{stuck.file}:{stuck.line}", encoding="utf-8")
            expect_completed(completed, doing, stuck and (stuck.file, stuck.line, stuck.function))
        error = None
        if completed.returncode:  # a run that printed a traceback says which exception ended it
            error = traceback_error(completed.stderr, self.path if cwd is None else self.path / cwd, self.path)
        if error is not None:
            completed = dataclasses.replace(completed, uncaught=error.summary)
        if completed.parent_killed:  # see probe(): what such a run showed cannot count for anything
            raise StudentCrash(doing or "your program to run to the end", completed.describe_end())
        if doing is not None:
            if error is not None:
                raise StudentError(error, doing)
            if completed.signal_name:
                raise StudentCrash(doing, completed.describe_end(), completed.stdout + completed.stderr)
        return completed

    def _flags(self, flags: tuple[str, ...] | None, site: bool) -> tuple[str, ...]:
        return CLEAN_FLAGS + (() if site else ("-S",)) if flags is None else tuple(flags)

    def _run(self, argv, cwd, env, stdin, timeout) -> runner.Completed:
        if self.hang_memo is not None and self.hang_memo.is_file():
            raise NotRun(self.hang_memo.read_text(encoding="utf-8"))
        scratch = self._scratch / str(next(self._runs))
        scratch.mkdir()
        limits = self.limits
        if timeout is not None:
            limits = runner.Limits(**{**limits.__dict__, "timeout": timeout})
        runner.hand_over(self.root)  # GitHub Classroom: to the unprivileged user student code runs as
        return runner.run(
            [self.python, *argv],
            cwd=self.path if cwd is None else self.path / cwd,
            env=self.env(**(env or {})),
            scratch=scratch,
            limits=limits,
            stdin_text=stdin,
        )

    # A program is run as its author runs it: with site, so that a program that
    # ends with exit() or quit() (site adds both) does what it does at home.

    def run_script(self, script: str, *args: str, **kw) -> runner.Completed:
        """``python script.py args``: the script runs as ``__main__``, with ``site``."""
        return self.python_run(script, *args, **{"site": True, **kw})

    def run_module(self, module: str, *args: str, **kw) -> runner.Completed:
        """``python -m module args``, with ``site``."""
        return self.python_run("-m", module, *args, **{"site": True, **kw})

    def probe(self, code: str, **kw) -> Probe:
        """Run ``code`` in a fresh interpreter whose working directory is the student's folder.

        The code may import the student's modules and calls ``report(name=value)``
        to send observations back; it also has ``rewrite(path, text)``. Code
        that killed the process that started it fails the check: it may have
        gone on running, and reporting, after the grader's shell was gone,
        so its values could pass a check that looks for something absent.
        """
        result = self._probe(code, **kw)
        if result.completed.parent_killed:
            raise StudentCrash("your code to run to the end", result.completed.describe_end())
        return result

    def _probe(
        self,
        code: str,
        *,
        site: bool = False,
        flags: tuple[str, ...] | None = None,
        cwd: str | os.PathLike | None = None,
        env: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> Probe:
        """:meth:`probe`, without its verdict on code that killed its parent (``observe`` gives its own)."""
        scratch = self._scratch / f"probe{next(self._runs)}"
        scratch.mkdir()
        channel = scratch / "channel.txt"
        snippet = scratch / "snippet.py"
        snippet.write_text(textwrap.dedent(code).strip() + "\n", encoding="utf-8")
        dump = scratch / "stack.txt"
        limit = timeout or self.limits.timeout
        dump_after = max(0.1, limit - min(0.5, limit / 5))
        harness = ["-c", HARNESS_SOURCE]
        code = harness_code(self.python)
        if code is not None:
            loader = scratch / "harness.bin"
            loader.write_bytes(code)
            harness = ["-c", HARNESS_LOADER, str(loader)]
        argv = [*self._flags(flags, site), *harness, str(channel), str(snippet), str(dump), str(dump_after)]
        completed = self._run(argv, cwd, env, None, timeout)
        self.outputs.append((completed.stdout, completed.stderr))  # the harness prints nothing of its own
        try:
            state = ast.literal_eval(channel.read_text(encoding="utf-8"))
            if not isinstance(state, dict):
                raise ValueError
        except (OSError, ValueError, SyntaxError, MemoryError, RecursionError):
            state = {"values": {}, "error": None, "done": False}
        error = ErrorInfo.from_dict(state["error"]) if state.get("error") else None
        stuck = None
        if completed.timed_out:
            try:
                stuck = innermost_frame(dump.read_text(encoding="utf-8", errors="replace"), self.path)
            except OSError:
                pass
        if stuck and stuck.function == "<module>" and self.hang_memo is not None:
            self.hang_memo.write_text(f"{stuck.file}:{stuck.line}", encoding="utf-8")
        return Probe(
            values=state.get("values", {}),
            error=error,
            completed=completed,
            finished=bool(state.get("done")),
            stuck=stuck and (stuck.file, stuck.line, stuck.function),
        )

    def observe(self, code: str, doing: str | None = None, **kw) -> dict:
        """Like :meth:`probe`, but any error, time-out or crash fails the check with a learner's message.

        ``doing`` says, for that message, what the check expected to do
        (e.g. "importing shapes to work").
        """
        result = self._probe(code, **kw)
        expect_completed(result.completed, doing, result.stuck)
        if result.completed.parent_killed:
            raise StudentCrash(doing or "your code to run to the end", result.completed.describe_end())
        if result.error is not None:
            if result.error.filename == "<check>" and result.error.isinstance("SyntaxError"):
                raise CheckBug(f"the check's own code does not compile: {result.error.message}")
            raise StudentError(result.error, doing)
        if not result.finished:
            raise StudentCrash(doing or "your code to run to the end", result.completed.describe_end(), result.output)
        return result.values


def expect_completed(
    completed: runner.Completed, doing: str | None = None, stuck: tuple[str, int, str] | None = None
) -> None:
    """Fail with a time-out verdict if the run hit its time limit."""
    if completed.timed_out:
        saw = f"it was still running after {completed.duration:.1f} seconds and was stopped"
        hint = "Look for an endless loop, or an input() call, in code that runs at import time."
        if stuck:
            file, line, function = stuck
            where = "in the module's body, so importing it never finishes" if function == "<module>" else f"in {function}()"
            saw += f"; it was at {file}, line {line}, {where}"
            hint = f"Look at {file} line {line}: a loop there never ends, or it waits for input."
        raise StudentTimeout(doing or "your code to finish", saw, hint)


FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:,)? in (?P<function>\S+)')
TRACEBACK_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:, in (?P<function>.+))?$')
EXCEPTION_LINE = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?:: (?P<message>.*))?$")

#: The line faulthandler starts its report with after SIGABRT (see runner.SHIM), or,
#: on Windows, after the fault the runner causes in a stuck interpreter (runner.FAULT_ADDRESS).
STACK_START = runner.WINDOWS_STACK_START if runner.WINDOWS else "Fatal Python error: Aborted"


def without_traceback(stderr: str) -> str:
    """stderr without the traceback a run ended with: the check's message names that exception already."""
    lines = stderr.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last):"):
            return "".join(lines[:i])
    # A SyntaxError in the program itself has no "Traceback" line: its report starts at the File line.
    if lines and EXCEPTION_LINE.match(lines[-1].strip()) and "Error" in lines[-1]:
        for i, line in enumerate(lines):
            if TRACEBACK_FRAME.match(line.rstrip("\n")):
                return "".join(lines[:i])
    return stderr


@dataclass(frozen=True)
class Frame:
    file: str  # relative to the exercise folder, with /
    line: int
    function: str
    imported: bool = False  # a module body below the outermost one: importing it is what never ends


def _own(path: str, base: str, folder: Path) -> str | None:
    """``path`` relative to the exercise folder, or None when it is not one of the student's files."""
    if path.startswith("<"):  # "<frozen importlib._bootstrap>", "<string>": no file at all
        return None
    full = os.path.realpath(os.path.join(base, path))
    top = os.path.realpath(folder) + os.sep
    return os.path.relpath(full, top).replace(os.sep, "/") if full.startswith(top) else None


def innermost_frame(stack: str, folder: Path, base: str | None = None) -> Frame | None:
    """The innermost frame in the student's files of a faulthandler stack (most recent call first)."""
    own = []
    for line in stack.splitlines():
        m = FRAME.match(line)
        if m:
            rel = _own(m["file"], base or os.fspath(folder), folder)
            if rel:
                own.append(Frame(rel, int(m["line"]), m["function"]))
    if not own:
        return None
    first = own[0]
    imported = first.function == "<module>" and len(own) > 1
    return dataclasses.replace(first, imported=imported)


def split_stack(stderr: str, folder: Path) -> tuple[str, Frame | None]:
    """Cut the stack faulthandler wrote at a time-out off stderr, and find where it was stuck."""
    before, found, stack = stderr.partition(STACK_START)
    if not found:
        return stderr, None
    return before, innermost_frame(stack, folder)


def traceback_error(stderr: str, cwd: Path, folder: Path) -> ErrorInfo | None:
    """The uncaught exception a run printed on stderr, as an ErrorInfo naming the student's file and line."""
    lines = stderr.rstrip().splitlines()
    if not lines:
        return None
    m = EXCEPTION_LINE.match(lines[-1])
    if not m:
        return None
    kind = getattr(builtins, m["type"], None)
    if isinstance(kind, type) and issubclass(kind, BaseException):
        classes = tuple(c.__name__ for c in kind.__mro__)
    elif m["type"].endswith(("Error", "Exception", "Exit", "Interrupt")):
        classes = (m["type"],)
    else:
        return None
    frames, code_line = [], None
    for i, line in enumerate(lines[:-1]):
        f = TRACEBACK_FRAME.match(line)
        if f:
            rel = _own(f["file"], os.fspath(cwd), folder)
            if rel:
                frames.append((rel, int(f["line"]), f["function"] or "<module>"))
                code_line = lines[i + 1].strip() if i + 1 < len(lines) - 1 else None
    if not frames and "Traceback (most recent call last):" not in stderr and "SyntaxError" not in classes:
        return None
    message = m["message"] or ""
    for prefix in {os.fspath(folder), os.path.realpath(folder)}:
        message = message.replace(prefix + os.sep, "")
    named = MODULE_IN_MESSAGE.search(message)
    module = named and next(g for g in named.groups() if g)
    file, line, _ = frames[-1] if frames else (None, None, None)
    return ErrorInfo(
        type=m["type"].rpartition(".")[2],
        classes=classes,
        message=message,
        name=module if "ImportError" in classes else None,
        filename=file,
        lineno=line,
        line=code_line if frames else None,
        frames=tuple(frames),
        trouble=module and import_trouble(module, frames, folder),
    )


#: The module an import error or a module's AttributeError is about, in every version's wording.
MODULE_IN_MESSAGE = re.compile(r"No module named '([\w.]+)'|from (?:partially initialized module )?'([\w.]+)'|module '([\w.]+)' has no attribute")


def import_trouble(module: str, frames: list[tuple[str, int, str]], folder: Path) -> str | None:
    """"shadow" or "cycle", decided as the probe harness does, for a run that printed its traceback."""
    base = module.replace(".", "/")
    files = (base + ".py", base + "/__init__.py")
    if module.partition(".")[0] in sys.stdlib_module_names and any((folder / f).is_file() for f in files):
        return "shadow"
    if any(file in files and function == "<module>" for file, _, function in frames):
        return "cycle"
    return None


class CheckBug(RuntimeError):
    """A mistake in a suite, not in the student's code: reported as a grader error."""


class NotRun(CheckFailed):
    """Skipped because an earlier check of the same exercise found its import never finishing."""

    status = "skipped"

    def __init__(self, where: str):
        file, _, line = where.partition(":")
        super().__init__(
            "this check to run",
            f"it was not run: an earlier check found that importing {file} never finishes (line {line})",
            f"Fix the endless loop at {file} line {line} first; then every check can run.",
        )


#: Linux's folder in memory. A check makes its private copy, the student's
#: interpreters write their bytecode there, and the check removes it all: on a
#: disk each folder or file made costs 0.1 to 0.5 ms, in memory a twentieth.
RAM_FOLDER = "/dev/shm"

#: The room it must have free to be used (a private copy holds a few small files).
RAM_ROOM = 1 << 30


@functools.cache
def private_parent() -> str | None:
    """Where checks make their private folders; None means Python's usual temporary folder.

    That is RAM_FOLDER where it is a tmpfs with RAM_ROOM free, unless TMPDIR
    names a folder: then the user chose, and that choice is kept.
    """
    if os.environ.get("TMPDIR") or not runner.LINUX:
        return None
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as mounts:
            in_memory = any(line.split()[1:3] == [RAM_FOLDER, "tmpfs"] for line in mounts)
        room = os.statvfs(RAM_FOLDER)
    except OSError:
        return None
    if not in_memory or room.f_bavail * room.f_frsize < RAM_ROOM or not os.access(RAM_FOLDER, os.W_OK | os.X_OK):
        return None
    return RAM_FOLDER


#: Pauses between attempts to remove a private copy that is still in use (seconds, about 2 in all).
REMOVE_RETRIES = (0.05, 0.1, 0.2, 0.4, 0.6, 0.8)


def remove_private_copy(root: Path) -> bool:
    """Remove a check's private copy; whether it is gone.

    On Windows a file that is still open cannot be removed: a process of the
    student's that is ending, or an antivirus scanning what it wrote. The
    runner waits for the student's job to be empty, so this is rare and
    brief: try again a few times, then leave the folder (a report is never
    lost for it). On POSIX the first attempt always does it.
    """
    for pause in (*REMOVE_RETRIES, None):
        shutil.rmtree(root, ignore_errors=True)
        if not os.path.lexists(root):
            return True
        if pause is None:
            return False
        time.sleep(pause)
    return False


def make_student(
    source: Path, limits: runner.Limits | None = None, hang_memo: Path | None = None
) -> tuple[Student, Path]:
    """A Student on a fresh private directory; the caller removes the directory."""
    root = Path(tempfile.mkdtemp(prefix="import-lab-", dir=private_parent()))
    try:
        return Student(source=source, root=root, limits=limits or runner.Limits(), hang_memo=hang_memo), root
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
