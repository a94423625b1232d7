"""Start one fresh interpreter (or any command) under limits, and always get it back.

Output goes to files, not pipes: a grandchild that keeps a pipe open cannot
make us hang, and the file-size limit bounds how much a runaway print loop
can write. Every run gets its own process group (POSIX) or job object
(Windows, :class:`Job`) so that the end of a run ends everything the student
started.
"""

from __future__ import annotations

import functools
import os
import signal
import secrets
import select
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

POSIX = os.name == "posix"
LINUX = sys.platform.startswith("linux")
WINDOWS = os.name == "nt"

#: On POSIX the student's process does not get the grader as its parent: a
#: small shell stands between them, so killing "the parent" kills the shell.
#: The shell also sets the resource limits (one `ulimit` each: dash takes one
#: at a time; one the platform refuses is skipped), passes standard input on
#: explicitly (a background job gets /dev/null otherwise), and exits with the
#: child's status. On SIGUSR1 it sends the child SIGABRT, which an interpreter
#: started with ``-X faulthandler`` answers by writing its stack to stderr,
#: and waits for it to finish doing so.
SHIM = (
    'exec 3<&0; "$@" <&3 3<&- & child=$!; trap "kill -ABRT $child 2>/dev/null" USR1; '
    "wait $child; status=$?; "
    "while kill -0 $child 2>/dev/null; do wait $child; status=$?; done; exit $status"
)


def shim(limits: "Limits") -> str:
    cpu = limits.cpu_seconds or int(limits.timeout) + 1
    settings = {"-c": 0, "-t": cpu, "-f": limits.file_bytes // 512, "-v": limits.memory_bytes // 1024}
    return "".join(f"ulimit {flag} {value} 2>/dev/null; " for flag, value in settings.items()) + SHIM

#: How long to wait for a killed process to be gone before giving up on it.
REAP_SECONDS = 5.0

#: After a time-out, how long the student's interpreter gets to write its stack.
STACK_SECONDS = 0.5

#: What the learner sees in place of output beyond the cap.
TRUNCATION_MARK = "\n[... output cut here: more than {cap} bytes ...]\n"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run. Applied where the platform has them."""

    timeout: float = 10.0  # wall-clock seconds
    output_bytes: int = 64 * 1024  # what is kept and shown, per stream
    file_bytes: int = 16 * 1024 * 1024  # largest file the child may write
    memory_bytes: int = 1024 * 1024 * 1024  # address space
    cpu_seconds: int | None = None  # defaults to the wall-clock limit + 1


@dataclass(frozen=True)
class Completed:
    """What one run did: everything a check may assert on."""

    argv: tuple[str, ...]
    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool = False
    truncated: bool = False
    duration: float = 0.0
    parent_killed: bool = False  # the student's code killed the process that started it
    uncaught: str | None = None  # the exception it ended with, in words (the sandbox reads it off stderr)
    limit: str | None = None  # Windows: the job limit that stopped it ("output" or "cpu"), see Job

    @property
    def last_line(self) -> str:
        """The last line printed (stdout or stderr), for messages: usually the error, if there was one."""
        lines = (self.stdout + self.stderr).strip().splitlines()
        return lines[-1] if lines else "(nothing)"

    @property
    def signal_name(self) -> str | None:
        """The signal that ended the process, if one did (POSIX); on Windows the limit or crash that did."""
        if WINDOWS:
            if self.limit:
                return f"{self.limit} limit"
            crash = CRASH_CODES.get(self.returncode or 0)
            return crash and crash[0]
        if self.returncode is None or self.returncode >= 0 or not POSIX:
            return None
        try:
            return signal.Signals(-self.returncode).name
        except ValueError:
            return f"signal {-self.returncode}"

    def describe_end(self) -> str:
        """How the process ended, in words a beginner understands."""
        if self.timed_out:
            return "it was stopped after running too long (an endless loop, or waiting for input?)"
        if self.parent_killed:
            return "it killed the process that started it (os.kill on its parent), so the run was stopped"
        sig = self.signal_name
        if sig == "SIGXFSZ" or self.limit == "output":
            return "it was stopped for writing too much output or too large a file"
        if sig == "SIGXCPU" or self.limit == "cpu":
            return "it was stopped for using too much processor time"
        if WINDOWS and sig:
            name, cause = CRASH_CODES[self.returncode]
            if cause is None:
                return f"it was stopped by {name} (Windows code 0x{self.returncode:08X})"
            return f"it crashed ({name}, Windows code 0x{self.returncode:08X}), most likely from {cause}"
        if sig in ("SIGSEGV", "SIGBUS", "SIGABRT"):
            return f"it crashed ({sig}), most likely from running out of memory or very deep recursion"
        if sig:
            return f"it was killed by {sig}"
        if self.uncaught:
            return f"it stopped with an uncaught {self.uncaught} (exit code {self.returncode})"
        return f"it exited with code {self.returncode}"


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the process and everything in its group; never raises."""
    if proc.pid <= 0:  # not a real process: never signal group 0, which is our own
        return
    if POSIX:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
    else:  # pragma: no cover - Windows
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(proc.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    try:
        proc.kill()
    except OSError:
        pass


#: Sweeps of /proc before giving up on daemons that keep forking.
STRAGGLER_SWEEPS = 50

#: /proc/PID/stat flag of kernel threads, which have no environment at all.
PF_KTHREAD = 0x00200000


def proc_stat(pid: int) -> tuple[str, int, int, int] | None:
    """(state, flags, start time in clock ticks, parent pid) of a process, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0].decode(), int(fields[6]), int(fields[19]), int(fields[1])


def read_or_empty(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def _read_numbers(path: str) -> list[int]:
    """The whole numbers in a small /proc file ("1/123" gives 1 and 123); none if it cannot be read."""
    return [int(n) for n in read_or_empty(path).replace(b"/", b" ").split() if n.isdigit()]


def _forks() -> int | None:
    """Processes (and threads) created since boot, from /proc/stat."""
    count = read_or_empty("/proc/stat").partition(b"\nprocesses ")[2].split()[:1]
    return int(count[0]) if count and count[0].isdigit() else None


#: Pids below this are never reused once the cycle wraps (the kernel's RESERVED_PIDS).
RESERVED_PIDS = 300


@dataclass(frozen=True)
class PidWindow:
    """Where Linux's pid allocation stood when a run began, to tell which processes are new.

    Linux hands out pids in a cycle: each new process gets the first free pid
    after the last one given, wrapping at pid_max. So every process started
    since the window opened has a pid between the last pid given then and the
    last pid given now, and a sweep need only look at those: reading every
    process's environment instead costs a few milliseconds per run with 60
    processes, and tens of milliseconds on a desktop with hundreds. Only a
    privileged process can choose its own pid (ns_last_pid, clone3's set_tid),
    and one with that privilege could stop the grader itself anyway.
    """

    last_pid: int
    forks: int

    @classmethod
    def open(cls) -> PidWindow | None:
        """None where the window cannot be trusted: then every process is looked at."""
        try:
            if os.readlink("/proc/self") != str(os.getpid()):  # /proc belongs to another pid namespace
                return None
        except OSError:
            return None
        loadavg, forks = _read_numbers("/proc/loadavg"), _forks()
        return None if not loadavg or forks is None else cls(loadavg[-1], forks)

    def new_since(self) -> Callable[[int], bool] | None:
        """A test for "started since the window opened", or None if the pids may have gone round a whole cycle."""
        loadavg, forks, pid_max = _read_numbers("/proc/loadavg"), _forks(), _read_numbers("/proc/sys/kernel/pid_max")
        if len(loadavg) < 2 or forks is None or not pid_max:
            return None
        tasks, last = loadavg[-2], loadavg[-1]  # "... running/tasks last_pid"
        # The cursor moves one step per new pid, and one per pid in use that it
        # skips: unless those add up to a whole cycle, it has not come round.
        if forks - self.forks + tasks >= pid_max[0] - RESERVED_PIDS:
            return None
        start = self.last_pid
        if last >= start:
            return lambda pid: start < pid <= last
        return lambda pid: pid > start or pid <= last


def sweep(ours, since: int | None = None, window: PidWindow | None = None) -> None:
    """Linux: SIGKILL every process that ``ours(pid, environ, killed)`` claims, sweep after sweep.

    ``environ`` is the process's raw /proc environment (b"" if unreadable) and
    ``killed`` the pids killed so far, so that ``ours`` can claim their
    children too. With a ``window`` only processes started since it opened are
    looked at. One sweep of /proc can miss a process, three ways: a process
    forks after the sweep has listed /proc and then dies, so its child was
    never listed (a double-forking daemon's middle child does exactly this); a
    process forks just as it is killed; and a process half-way through
    ``exec`` shows an empty environment. So a sweep that kills anything is
    followed by another, and with ``since`` (clock ticks: when the processes
    to look for began) so is one that meets a process started since then that
    it cannot read. A process sent SIGKILL cannot fork any more, and each dead
    process counts once, so this ends.
    """
    me = os.getpid()
    killed: set[int] = set()
    dead: set[int] = set()
    for _ in range(STRAGGLER_SWEEPS):
        again = wait = False
        pids = [int(entry.name) for entry in os.scandir("/proc") if entry.name.isdigit()]
        new = window.new_since() if window is not None else None  # after listing: the list is inside it
        for pid in pids:
            if pid == me or pid in killed or (new is not None and not new(pid)):
                continue
            environ = read_or_empty(f"/proc/{pid}/environ")
            if ours(pid, environ, killed):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
                killed.add(pid)
                again = True
                continue
            if since is None or environ:
                continue
            stat = proc_stat(pid)
            if stat is None or stat[0] in "ZX":  # gone or dying: it may have forked first
                if pid not in dead and (stat is None or stat[2] >= since):
                    dead.add(pid)
                    again = True
            elif not stat[1] & PF_KTHREAD and stat[2] >= since:
                again = wait = True  # most likely half-way through exec
        if wait:
            time.sleep(0.001)
        if not again:
            return


def _kill_stragglers(token: str, since: int, window: PidWindow | None) -> None:
    """Kill every process that still carries this run's token (Linux): daemons that left the group."""
    marker = f"IMPORT_LAB_RUN={token}".encode()
    sweep(lambda pid, environ, killed: marker in environ.split(b"\0"), since, window)


def _wait(proc: subprocess.Popen, timeout: float) -> None:
    """Wait for the process to end, or raise TimeoutExpired.

    On Linux a pidfd wakes us the moment it ends; Popen.wait(timeout) polls
    with growing sleeps, which costs several milliseconds per short run.
    """
    if hasattr(os, "pidfd_open") and proc.pid > 0:
        try:
            fd = os.pidfd_open(proc.pid)
        except OSError:
            fd = None
        if fd is not None:
            try:
                if not select.select([fd], [], [], timeout)[0]:
                    raise subprocess.TimeoutExpired(proc.args, timeout)
            finally:
                os.close(fd)
            proc.wait()
            return
    proc.wait(timeout=timeout)


def _ask_for_stack(proc: subprocess.Popen) -> None:
    """Have the shell pass SIGABRT on to the stuck child, and give it a moment to write its stack (POSIX)."""
    if not POSIX or proc.pid <= 0:
        return
    try:
        os.kill(proc.pid, signal.SIGUSR1)
        _wait(proc, STACK_SECONDS)
    except (OSError, subprocess.TimeoutExpired):
        pass


def _reap(proc: subprocess.Popen) -> int | None:
    """Collect the exit status of a killed process, without waiting on it for ever."""
    try:
        return proc.wait(timeout=REAP_SECONDS)
    except subprocess.TimeoutExpired:
        return None


def _read_capped(path: Path, cap: int) -> tuple[str, bool]:
    try:
        with open(path, "rb") as f:
            data = f.read(cap + 1)
    except FileNotFoundError:
        return "", False
    cut = len(data) > cap
    text = data[:cap].decode("utf-8", errors="replace")
    if cut:
        text += TRUNCATION_MARK.format(cap=cap)
    return text, cut


#: "uid:gid" of the unprivileged user that student code runs as (set by grader.classroom,
#: which runs the grader as root where it can); unset: as the grader's own user.
STUDENT_USER_VARIABLE = "IMPORT_LAB_STUDENT_USER"


def student_user() -> tuple[int, int] | None:
    """(uid, gid) that student processes run as, or None for the grader's own user."""
    value = os.environ.get(STUDENT_USER_VARIABLE, "")
    uid, _, gid = value.partition(":")
    if not (POSIX and uid.isdigit() and gid.isdigit()):
        return None
    return int(uid), int(gid)


def hand_over(folder: str | os.PathLike) -> None:
    """Give the student user everything below ``folder`` (a check's private folder), when there is one.

    Student code must be able to write its copy (bytecode, the files a check
    has it rewrite) and its probe's channel, and nothing else of the machine's.
    """
    user = student_user()
    if user is None:
        return
    uid, gid = user
    for top, dirs, files in os.walk(folder):
        for name in (top, *(os.path.join(top, n) for n in dirs + files)):
            try:
                info = os.lstat(name)
                if (info.st_uid, info.st_gid) != user:
                    os.chown(name, uid, gid, follow_symlinks=False)
            except OSError:
                pass


def kill_user_processes(uid: int) -> None:
    """Linux: SIGKILL every process of ``uid``, the student user: nothing it started outlives grading."""

    def owned(pid: int, environ: bytes, killed: set[int]) -> bool:
        try:
            return os.stat(f"/proc/{pid}").st_uid == uid
        except OSError:
            return False

    if LINUX:
        sweep(owned)


# -- Windows -------------------------------------------------------------------
#
# A job object does there what the process group, the shell and its ulimits
# do on POSIX. The student's interpreter is created suspended, put in a job
# of its own and only then let run, so nothing it starts can be outside the
# job (a child inherits its parent's job, and without the breakaway flag it
# cannot leave it). The job carries the memory and CPU-time limits; it kills
# everything in it when the run ends, or when its last handle closes, so even
# a grader that dies leaves nothing running. Windows has no file-size limit:
# the runner watches the two output files instead (see _wait_windows).

#: NTSTATUS codes a crashed interpreter exits with: what it means, and its most likely cause in a course on imports.
CRASH_CODES = {
    0xC0000005: ("an access violation", "very deep recursion or running out of memory"),
    0xC00000FD: ("a stack overflow", "very deep recursion"),
    0xC0000409: ("a stack buffer overrun", "very deep recursion or a C extension that stopped the program"),
    0xC0000374: ("a corrupted heap", "a C extension writing where it should not"),
    0xC0000017: ("no memory left", "running out of memory"),
    0xC000001D: ("an illegal instruction", "a C extension built for another processor"),
    0xC0000094: ("an integer division by zero in C code", "a C extension"),
    0xC0000135: ("a DLL that was not found", "an extension module whose DLL is missing"),
    0xC0000142: ("a DLL that failed to start", "an extension module whose DLL is broken"),
    0xC000013A: ("a Ctrl-C or Ctrl-Break sent to its console", None),  # not a crash: no cause to guess
}

# Job object limit flags (winnt.h) and information classes.
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x100
JOB_OBJECT_LIMIT_JOB_TIME = 0x4
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x400  # a crash ends the process: no error-report dialog waits
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
JOB_BASIC_ACCOUNTING, JOB_EXTENDED_LIMITS = 1, 9
CREATE_SUSPENDED = 0x4
#: The student's interpreter gets a console of its own, without a window: a
#: Ctrl-C or Ctrl-Break it sends to "every process on its console" cannot reach
#: the grader's, and a program it starts does not open a window either.
CREATE_NO_WINDOW = 0x08000000

#: What a grading process allows once it guards itself (see guard_self). No
#: one may end it, suspend it, start a thread in it, write its memory, take
#: its handles or change these settings (the first entry, which denies
#: everyone, administrators too); the user it runs as may wait for it, ask
#: what it is and read these settings ("OW", owner rights, which also takes
#: away the owner's implied right to change them back).
GUARD_DENIED = 0x1 | 0x2 | 0x8 | 0x20 | 0x40 | 0x100 | 0x200 | 0x800 | 0x40000 | 0x80000
GUARD_SDDL = f"D:(D;;{GUARD_DENIED:#x};;;WD)(A;;0x121400;;;OW)(A;;GA;;;SY)(A;;GA;;;BA)"


@functools.cache
def _win():
    """ctypes' view of kernel32, advapi32 and ntdll, with the job structures (Windows only; loaded once)."""
    import ctypes
    from ctypes import wintypes as w

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", w.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", w.DWORD),
            ("Affinity", ctypes.c_size_t), ("PriorityClass", w.DWORD), ("SchedulingClass", w.DWORD),
        ]  # fmt: skip

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("Basic", BasicLimits), ("IoInfo", ctypes.c_uint64 * 6), ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t), ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]  # fmt: skip

    class Accounting(ctypes.Structure):
        _fields_ = [
            ("TotalUserTime", ctypes.c_int64), ("TotalKernelTime", ctypes.c_int64),
            ("ThisPeriodTotalUserTime", ctypes.c_int64), ("ThisPeriodTotalKernelTime", ctypes.c_int64),
            ("TotalPageFaultCount", w.DWORD), ("TotalProcesses", w.DWORD), ("ActiveProcesses", w.DWORD),
            ("TotalTerminatedProcesses", w.DWORD),
        ]  # fmt: skip

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    ntdll = ctypes.WinDLL("ntdll")
    kernel32.CreateJobObjectW.restype = w.HANDLE
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, w.LPCWSTR]
    kernel32.SetInformationJobObject.argtypes = [w.HANDLE, ctypes.c_int, ctypes.c_void_p, w.DWORD]
    kernel32.QueryInformationJobObject.argtypes = [w.HANDLE, ctypes.c_int, ctypes.c_void_p, w.DWORD, ctypes.c_void_p]
    kernel32.AssignProcessToJobObject.argtypes = [w.HANDLE, w.HANDLE]
    kernel32.TerminateJobObject.argtypes = [w.HANDLE, w.UINT]
    kernel32.CloseHandle.argtypes = [w.HANDLE]
    kernel32.GetCurrentProcess.restype = w.HANDLE
    kernel32.CreateRemoteThread.restype = w.HANDLE
    kernel32.CreateRemoteThread.argtypes = [
        w.HANDLE, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p, w.DWORD, ctypes.c_void_p,
    ]  # fmt: skip
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
        w.LPCWSTR, w.DWORD, ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p,
    ]  # fmt: skip
    advapi32.GetSecurityDescriptorDacl.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(w.BOOL), ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(w.BOOL),
    ]  # fmt: skip
    advapi32.SetSecurityInfo.restype = w.DWORD
    advapi32.SetSecurityInfo.argtypes = [w.HANDLE, ctypes.c_int, w.DWORD, *[ctypes.c_void_p] * 4]
    ntdll.NtResumeProcess.restype = ctypes.c_long
    ntdll.NtResumeProcess.argtypes = [w.HANDLE]
    return types.SimpleNamespace(
        ctypes=ctypes, w=w, kernel32=kernel32, advapi32=advapi32, ntdll=ntdll,
        ExtendedLimits=ExtendedLimits, Accounting=Accounting,
    )  # fmt: skip


def _handle(proc: subprocess.Popen) -> int:
    """The process handle Popen holds (Windows): opened with every right, before any guard or job."""
    return int(proc._handle)  # a documented Handle object since Python 3.3, not public API


@functools.cache
def guard_self() -> bool:
    """Windows: take from everyone but SYSTEM and administrators the right to end this process. Once per process.

    A grading process (the grader, a worker, a standby) starts student code,
    and the student's interpreter knows its parent: ``os.kill(os.getppid(),
    ...)`` must not end grading. On POSIX a shell stands in between; here the
    process's own security settings refuse it, and the student's code gets a
    PermissionError. Whoever started this process keeps the handle it got
    then, with every right: nox, the grader stopping its workers, Ctrl-C.
    """
    if not WINDOWS:
        return False
    win = _win()
    descriptor = win.ctypes.c_void_p()
    if not win.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(GUARD_SDDL, 1, win.ctypes.byref(descriptor), None):
        return False
    try:
        present, dacl, defaulted = win.w.BOOL(), win.ctypes.c_void_p(), win.w.BOOL()
        if not win.advapi32.GetSecurityDescriptorDacl(descriptor, win.ctypes.byref(present), win.ctypes.byref(dacl), win.ctypes.byref(defaulted)):
            return False
        kernel_object, dacl_information = 6, 4
        return win.advapi32.SetSecurityInfo(win.kernel32.GetCurrentProcess(), kernel_object, dacl_information, None, None, dacl, None) == 0
    finally:
        win.kernel32.LocalFree(descriptor)


class Job:
    """A Windows job object for one run: kill-on-close, with the run's memory and CPU-time limits."""

    def __init__(self, limits: Limits) -> None:
        self.win = win = _win()
        self.handle = win.kernel32.CreateJobObjectW(None, None)
        if not self.handle:
            raise win.ctypes.WinError(win.ctypes.get_last_error())
        self.cpu_seconds = limits.cpu_seconds or int(limits.timeout) + 1
        info = win.ExtendedLimits()
        info.Basic.LimitFlags = (
            JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
            | JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_JOB_TIME
        )  # fmt: skip
        info.ProcessMemoryLimit = limits.memory_bytes  # committed memory, per process: as RLIMIT_AS, near enough
        info.Basic.PerJobUserTimeLimit = self.cpu_seconds * 10_000_000  # 100 ns units, all its processes together
        if not win.kernel32.SetInformationJobObject(self.handle, JOB_EXTENDED_LIMITS, win.ctypes.byref(info), win.ctypes.sizeof(info)):
            error = win.ctypes.WinError(win.ctypes.get_last_error())
            self.close()
            raise error

    def start(self, proc: subprocess.Popen) -> bool:
        """Put a process created suspended in the job, then let it run. False if it could not go in the job."""
        win = self.win
        inside = bool(win.kernel32.AssignProcessToJobObject(self.handle, _handle(proc)))
        win.ntdll.NtResumeProcess(_handle(proc))
        return inside

    def accounting(self):
        info = self.win.Accounting()
        ctypes = self.win.ctypes
        self.win.kernel32.QueryInformationJobObject(self.handle, JOB_BASIC_ACCOUNTING, ctypes.byref(info), ctypes.sizeof(info), None)
        return info

    def over_cpu(self) -> bool:
        """Whether its processes used up the CPU time it allows (the job then ended them)."""
        return self.accounting().TotalUserTime >= self.cpu_seconds * 10_000_000

    def end(self) -> None:
        """End every process in the job and wait (up to REAP_SECONDS) until they are gone, so their files can go."""
        if not self.handle:
            return
        self.win.kernel32.TerminateJobObject(self.handle, 1)
        deadline = time.monotonic() + REAP_SECONDS
        while self.accounting().ActiveProcesses and time.monotonic() < deadline:
            time.sleep(0.005)
        self.close()

    def close(self) -> None:
        if self.handle:
            self.win.kernel32.CloseHandle(self.handle)
            self.handle = None


#: On a time-out, a thread started in the stuck interpreter at this address
#: faults (nothing is ever mapped at the first page), and faulthandler, which
#: ``-X faulthandler`` installed for exactly such faults, writes every
#: thread's Python stack to stderr before the process ends: what SIGABRT does
#: on POSIX. A process without faulthandler just ends.
FAULT_ADDRESS = 0x10

#: The first line faulthandler writes then (sandbox.split_stack looks for it).
WINDOWS_STACK_START = "Windows fatal exception: access violation"


def _ask_for_stack_windows(proc: subprocess.Popen) -> None:
    win = _win()
    thread = win.kernel32.CreateRemoteThread(_handle(proc), None, 0, FAULT_ADDRESS, None, 0, None)
    if not thread:
        return
    win.kernel32.CloseHandle(thread)
    try:
        proc.wait(timeout=STACK_SECONDS)
    except subprocess.TimeoutExpired:
        pass


#: How often the runner looks at the size of the output files (Windows).
WATCH_SECONDS = 0.05


def _wait_windows(proc: subprocess.Popen, limits: Limits, outputs: tuple) -> str | None:
    """Wait for the end of the process, or raise TimeoutExpired; "output" if it wrote more than the limit allows.

    Windows has no file-size limit, so the two output files are looked at
    every WATCH_SECONDS: a print loop is stopped within a fraction of a second
    of passing ``limits.file_bytes``, as RLIMIT_FSIZE stops it on POSIX.
    """
    deadline = time.monotonic() + limits.timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise subprocess.TimeoutExpired(proc.args, limits.timeout)
        try:
            proc.wait(timeout=min(left, WATCH_SECONDS))
            return None
        except subprocess.TimeoutExpired:
            pass
        if any(os.fstat(f.fileno()).st_size > limits.file_bytes for f in outputs):
            return "output"


def run(
    argv: list[str] | tuple[str, ...],
    *,
    cwd: str | os.PathLike,
    env: dict[str, str],
    scratch: str | os.PathLike,
    limits: Limits = Limits(),
    stdin_text: str | None = None,
) -> Completed:
    """Run ``argv`` to the end or to its time limit, whichever comes first.

    ``scratch`` is a private directory (not the student's copy) that holds
    the output files, so the student's code cannot find or rewrite them by
    listing its own folder.
    """
    scratch = Path(scratch)
    out_path, err_path = scratch / "stdout", scratch / "stderr"
    token = secrets.token_hex(8)
    env = {**env, "IMPORT_LAB_RUN": token}
    kwargs: dict = {}
    job: Job | None = None
    if POSIX:
        argv = ["/bin/sh", "-c", shim(limits), "sh", *argv]
        kwargs["start_new_session"] = True
        user = student_user()
        if user is not None:
            kwargs.update(user=user[0], group=user[1], extra_groups=[])
    else:  # pragma: no cover - Windows
        guard_self()
        try:
            job = Job(limits)
        except OSError:  # no job objects here: the run goes on without its limits, as before they existed
            job = None
        kwargs["creationflags"] = CREATE_NO_WINDOW | (CREATE_SUSPENDED if job is not None else 0)

    stdin = subprocess.DEVNULL
    if stdin_text is not None:
        in_path = scratch / "stdin"
        in_path.write_text(stdin_text, encoding="utf-8")
        stdin = open(in_path, "rb")

    timed_out = False
    limit = None
    window = PidWindow.open() if LINUX else None
    start = time.perf_counter()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        try:
            proc = subprocess.Popen(
                list(argv), cwd=os.fspath(cwd), env=env, stdin=stdin, stdout=out, stderr=err, **kwargs
            )
        except BaseException:
            if job is not None:
                job.close()
            raise
        finally:
            if stdin is not subprocess.DEVNULL:
                stdin.close()
        if job is not None and not job.start(proc):  # pragma: no cover - a job the grader's own job refuses
            job.close()
            job = None  # then only the old way is left: taskkill on the tree, below
        # Read before the shell can exit: any process started later than it may be ours.
        started = proc_stat(proc.pid) if LINUX and proc.pid > 0 else None
        try:
            if WINDOWS:
                limit = _wait_windows(proc, limits, (out, err))
            else:
                _wait(proc, limits.timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            if WINDOWS:
                _ask_for_stack_windows(proc)
            else:
                _ask_for_stack(proc)
        finally:
            if job is not None:
                if not timed_out and limit is None and job.over_cpu():
                    limit = "cpu"
                job.end()  # everything the student started, gone before its files are removed
                try:
                    proc.kill()
                except OSError:
                    pass
            else:
                # Also reaps children left behind by a process that did finish.
                kill_group(proc)
            returncode = _reap(proc)
            if started is not None:
                _kill_stragglers(token, since=started[2], window=window)
    duration = time.perf_counter() - start
    count_file = os.environ.get("IMPORT_LAB_COUNT_RUNS")  # set by the benchmark
    if count_file:
        with open(count_file, "a") as f:
            f.write(f"{duration:.6f}\n")  # one line per interpreter, with how long it ran
    # The shell reports its child's death by signal N as 128 + N; a negative
    # status means the shell itself was killed, and only the student could have.
    parent_killed = POSIX and not timed_out and returncode is not None and returncode < 0
    if POSIX and returncode is not None and 128 < returncode <= 128 + 64:
        returncode = -(returncode - 128)

    stdout, cut_out = _read_capped(out_path, limits.output_bytes)
    stderr, cut_err = _read_capped(err_path, limits.output_bytes)
    return Completed(
        argv=tuple(argv[4:] if POSIX else argv),
        returncode=None if timed_out else returncode,
        stdout=stdout,
        stderr=stderr,
        timed_out=timed_out,
        truncated=cut_out or cut_err,
        duration=duration,
        parent_killed=parent_killed,
        limit=limit,
    )


def clean_env(home: str | os.PathLike, tmp: str | os.PathLike, extra: dict[str, str] | None = None) -> dict[str, str]:
    """An environment built on purpose: nothing of the caller's Python settings leaks in."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": os.fspath(home),
        "USERPROFILE": os.fspath(home),
        "TMPDIR": os.fspath(tmp),
        "TMP": os.fspath(tmp),
        "TEMP": os.fspath(tmp),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }
    if not POSIX:  # pragma: no cover - Windows needs these to start Python at all
        for key in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT"):
            if key in os.environ:
                env[key] = os.environ[key]
        # What LC_ALL does on POSIX: a Python the student's code starts writes UTF-8 to its
        # output (to the runner's files), not the ANSI code page, whose bytes would be mojibake.
        env["PYTHONUTF8"] = "1"
    if extra:
        env.update(extra)
    return env


