"""The runner under pytest-subprocess: time-outs, crashes, signals and floods, without real processes."""

from __future__ import annotations

import signal
import subprocess

import pytest

from grader import runner

CMD = ["python", "-c", "student code"]


def started(fp):
    """What the runner really starts: on POSIX, the student's command under a small shell (any limits)."""
    return ["/bin/sh", "-c", fp.any(min=1, max=1), "sh", *CMD] if runner.POSIX else CMD


@pytest.fixture(autouse=True)
def no_real_processes(monkeypatch):
    """Fake processes get small pids (1, 2, ...) that belong to real processes: never wait on or signal them."""
    sent = []
    monkeypatch.delattr(runner.os, "pidfd_open", raising=False)
    monkeypatch.setattr(runner.os, "killpg", lambda pgid, sig: sent.append(("killpg", pgid)))
    monkeypatch.setattr(runner.os, "kill", lambda pid, sig: sent.append(("kill", pid)))
    monkeypatch.setattr(runner, "LINUX", False)  # no /proc scan for stragglers
    return sent


@pytest.fixture
def scratch(tmp_path):
    return tmp_path


@pytest.fixture
def killed(monkeypatch):
    """Record process-group kills instead of sending signals."""
    calls = []
    monkeypatch.setattr(runner, "kill_group", lambda proc: calls.append(proc.pid))
    return calls


def run(scratch, **limits):
    return runner.run(CMD, cwd=scratch, env={}, scratch=scratch, limits=runner.Limits(**limits))


def test_output_of_a_clean_run_is_returned(fp, scratch, killed):
    fp.register(started(fp), stdout="hello\n", stderr="careful\n", returncode=0)
    done = run(scratch)
    assert (done.returncode, done.stdout, done.stderr, done.timed_out) == (0, "hello\n", "careful\n", False)
    assert killed, "the process group is killed even after a clean exit, to reap stray children"


def test_a_run_past_its_time_limit_is_killed_and_marked(fp, scratch, killed):
    fp.register(started(fp), wait=30)
    done = run(scratch, timeout=0.5)
    assert done.timed_out and done.returncode is None
    assert killed
    assert "running too long" in done.describe_end()


def test_a_time_out_raised_by_the_process_is_also_handled(fp, scratch, killed):
    def hang(process):
        raise subprocess.TimeoutExpired(CMD, 1)

    fp.register(started(fp), callback=hang)
    done = run(scratch, timeout=1)
    assert done.timed_out


@pytest.mark.parametrize(
    "sig,words",
    [
        (signal.SIGXFSZ, "too much output"),
        (signal.SIGXCPU, "processor time"),
        (signal.SIGSEGV, "crashed"),
        (signal.SIGKILL, "SIGKILL"),
    ],
)
def test_death_by_signal_is_explained(fp, scratch, killed, sig, words):
    # The shell between us and the student reports its child's death by signal N as 128 + N.
    fp.register(started(fp), returncode=128 + sig if runner.POSIX else -sig)
    done = run(scratch)
    assert done.signal_name == sig.name
    assert words in done.describe_end()


@pytest.mark.skipif(not runner.POSIX, reason="the shell shim is POSIX only")
def test_a_signal_reported_by_the_shell_is_a_signal(fp, scratch, killed):
    fp.register(started(fp), returncode=128 + signal.SIGKILL)
    done = run(scratch)
    assert done.returncode == -signal.SIGKILL and done.signal_name == "SIGKILL"
    assert done.argv == tuple(CMD), "reports name the student's command, not the shell"


@pytest.mark.skipif(not runner.POSIX, reason="the shell shim is POSIX only")
def test_a_killed_shell_means_the_student_killed_its_parent(fp, scratch, killed):
    fp.register(started(fp), returncode=-signal.SIGKILL)
    done = run(scratch)
    assert done.parent_killed and "killed the process that started it" in done.describe_end()


def test_huge_output_is_cut_at_the_cap_and_marked(fp, scratch, killed):
    fp.register(started(fp), stdout="x" * 5_000_000, stderr="y" * 10)
    done = run(scratch, output_bytes=1000)
    assert done.truncated
    assert done.stdout.startswith("x" * 1000) and "output cut here" in done.stdout
    assert len(done.stdout) < 1200
    assert done.stderr == "y" * 10


def test_undecodable_output_does_not_break_the_report(fp, scratch, killed):
    fp.register(started(fp), stdout=b"\xff\xfe ok")
    done = run(scratch)
    assert "ok" in done.stdout


@pytest.mark.skipif(not runner.POSIX, reason="POSIX resource limits")
def test_limits_are_set_for_the_student_process():
    script = runner.shim(runner.Limits(timeout=5, file_bytes=1024 * 1024, memory_bytes=512 * 1024 * 1024))
    assert "ulimit -t 6 " in script and "ulimit -f 2048 " in script and "ulimit -v 524288 " in script
    assert "ulimit -c 0 " in script


def test_the_environment_is_built_not_inherited(monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHONPATH", "/somewhere/else")
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = runner.clean_env(tmp_path / "home", tmp_path / "tmp")
    assert not [k for k in env if k.startswith("PYTHON")]
    assert env["HOME"] == str(tmp_path / "home") and env["TMPDIR"] == str(tmp_path / "tmp")


def test_a_time_out_signals_the_whole_process_group(fp, scratch, no_real_processes):
    fp.register(started(fp), wait=30)
    run(scratch, timeout=0.2)
    if runner.POSIX:
        assert ("killpg", 1) in no_real_processes or any(kind == "killpg" for kind, _ in no_real_processes)
