"""The `student` sandbox with real interpreters: what a check observes can only come from fresh, limited processes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from grader import runner, sandbox
from grader.feedback import StudentCrash, StudentError, StudentTimeout
from grader.runner import Limits
from grader.sandbox import make_student

POSIX = os.name == "posix"


@pytest.fixture
def exercise(tmp_path):
    folder = tmp_path / "workspace" / "some-exercise"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def student_for(exercise):
    made = []

    def make(files: dict[str, str], **limits):
        for name, text in files.items():
            (exercise / name).write_text(textwrap.dedent(text), encoding="utf-8")
        student, root = make_student(exercise, Limits(**limits) if limits else None)
        made.append(root)
        return student

    yield make
    for root in made:
        shutil.rmtree(root, ignore_errors=True)


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_observations_come_from_report_not_from_printing(student_for):
    student = student_for({"mod.py": 'print("PASSED"); print(\'{"values": {"ok": true}, "done": true}\')\n'})
    probe = student.probe("import mod\nreport(seen=1)")
    assert probe.values == {"seen": 1}
    assert "PASSED" in probe.completed.stdout


def test_the_graders_environment_does_not_reach_the_student(student_for, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "shadow.py").write_text("X = 1\n")
    monkeypatch.setenv("PYTHONPATH", str(elsewhere))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    student = student_for({})
    seen = student.observe(
        """
        import importlib.util, os, sys
        report(found=importlib.util.find_spec("shadow") is not None, dont_write=sys.flags.dont_write_bytecode,
               site_packages=[p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages")])
        """
    )
    assert seen == {"found": False, "dont_write": 0, "site_packages": []}


SITE_BUILTINS = ["copyright", "credits", "exit", "help", "license", "quit"]


def test_a_probe_sees_what_site_gives_a_program_but_the_site_packages(student_for):
    # site loads os (and stat with it) from the standard library before the
    # program's folder is on sys.path; under -S alone, 3.10 would load this stat.py.
    student = student_for({"stat.py": "MINE = True\n", "app.py": "import stat\nMINE = hasattr(stat, 'MINE')\n"})
    seen = student.observe(
        f"""
        import app, builtins, sys
        report(mine=app.MINE, builtins=[n for n in {SITE_BUILTINS!r} if hasattr(builtins, n)], no_site=sys.flags.no_site)
        """
    )
    assert seen == {"mine": False, "builtins": SITE_BUILTINS, "no_site": 1}


@pytest.mark.parametrize("precompiled", [True, False], ids=["compiled-once", "from-source"])
def test_a_probe_starts_as_plain_python_c_whichever_way_the_harness_is_sent(student_for, monkeypatch, precompiled):
    # The grader's own interpreter gets the harness compiled once; another Python gets its source.
    sent = []
    real = sandbox.harness_code
    monkeypatch.setattr(sandbox, "harness_code", lambda python: sent.append(real(python) if precompiled else None) or sent[-1])
    student = student_for({"peek.py": "import __main__, sys\nARGV = list(sys.argv)\nNAMES = sorted(vars(__main__))\n"})
    seen = student.observe("import peek, sys\nreport(argv=peek.ARGV, path0=sys.path[0], names=peek.NAMES)")
    assert (sent[0] is not None) == precompiled
    assert seen["argv"] == ["-c"] and seen["path0"] == ""
    assert [n for n in seen["names"] if not n.startswith("__")] == ["_as_if_site_had_run", "_probe_main"]
    assert sandbox.harness_code("/not/the/graders/python") is None  # marshal data is for one Python version only


def test_how_a_program_ended_names_the_exception_it_stopped_with(student_for):
    student = student_for({"prog.py": "import sys\n\nprnt('hello')\n", "quiet.py": "import sys\nsys.exit(2)\n"})
    crashed, exited = student.run_script("prog.py"), student.run_script("quiet.py")
    said = crashed.describe_end()
    assert "NameError in prog.py, line 3" in said and "prnt" in said and "exit code 1" in said
    assert str(student.path) not in said
    assert exited.describe_end() == "it exited with code 2"


def test_a_program_that_ends_with_exit_or_quit_runs_as_it_does_at_home(student_for, exercise):
    (exercise / "tool").mkdir()
    student = student_for({"prog.py": "print('bye')\nexit(3)\n", "tool/__init__.py": "", "tool/__main__.py": "quit(4)\n"})
    script, module = student.run_script("prog.py"), student.run_module("tool")
    assert (script.returncode, script.stdout, module.returncode) == (3, "bye\n", 4), script.stderr + module.stderr


def test_each_probe_is_a_fresh_interpreter(student_for):
    student = student_for({"counter.py": "import builtins\nbuiltins.RUNS = getattr(builtins, 'RUNS', 0) + 1\n"})
    first = student.observe("import counter, builtins\nreport(runs=builtins.RUNS)")
    second = student.observe("import counter, builtins\nreport(runs=builtins.RUNS)")
    assert first == second == {"runs": 1}


def test_the_student_works_on_a_private_copy(student_for, exercise):
    student = student_for({"mod.py": "open('mod.py', 'w').write('broken(')\nopen('new.txt', 'w').write('x')\n"})
    student.observe("import mod")
    assert (exercise / "mod.py").read_text().startswith("open(")
    assert not (exercise / "new.txt").exists()


def _roomy_tmpfs(folder: str) -> bool:
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return False
    mounted = any(line.split()[1:3] == [folder, "tmpfs"] for line in mounts)
    return mounted and shutil.disk_usage(folder).free >= sandbox.RAM_ROOM


@pytest.mark.parametrize("tmpdir", [None, "chosen"])
def test_private_copies_go_to_memory_unless_tmpdir_names_a_folder(exercise, tmp_path, monkeypatch, tmpdir):
    if tmpdir:
        (tmp_path / tmpdir).mkdir()
        monkeypatch.setenv("TMPDIR", str(tmp_path / tmpdir))
    else:
        monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(sandbox.tempfile, "tempdir", None)  # tempfile reads TMPDIR once, then remembers
    sandbox.private_parent.cache_clear()
    try:
        _, root = make_student(exercise)
    finally:
        sandbox.private_parent.cache_clear()
    shutil.rmtree(root)
    if tmpdir:
        assert root.parent == tmp_path / tmpdir, "the folder TMPDIR names is used"
    elif sys.platform.startswith("linux") and _roomy_tmpfs(sandbox.RAM_FOLDER):
        assert str(root.parent) == sandbox.RAM_FOLDER, "a roomy tmpfs is used"
    else:
        assert str(root.parent) != sandbox.RAM_FOLDER


def test_a_syntax_error_names_the_file_and_line(student_for):
    student = student_for({"good.py": "import bad\n", "bad.py": "x = 1\ny = (\n"})
    with pytest.raises(StudentError) as caught:
        student.observe("import good", doing="`import good` to work")
    error = caught.value.error
    assert (error.type, error.filename, error.lineno) == ("SyntaxError", "bad.py", 2)
    assert "bad.py, line 2" in caught.value.message and "typo" in caught.value.message


def test_an_import_error_names_the_missing_module(student_for):
    student = student_for({"app.py": "import colour_tools\n"})
    probe = student.probe("import app")
    assert probe.error.type == "ModuleNotFoundError" and probe.error.name == "colour_tools"
    assert probe.error.isinstance("ImportError")
    assert (probe.error.filename, probe.error.lineno) == ("app.py", 1)


def test_exit_at_import_time_is_an_error_not_a_pass(student_for):
    student = student_for({"quits.py": "import sys\nsys.exit(0)\n"})
    with pytest.raises(StudentError) as caught:
        student.observe("import quits\nreport(ok=True)")
    assert caught.value.error.type == "SystemExit"


@pytest.mark.skipif(not POSIX, reason="the shell between grader and student is POSIX only")
def test_code_that_kills_its_parent_earns_nothing_whatever_it_reports(student_for):
    # The interpreter goes on for a moment once the grader's shell is gone: what it
    # reports then could pass a check that looks for something absent.
    kill = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    student = student_for({"mod.py": kill, "prog.py": kill + "print('all good')\n"})
    with pytest.raises(StudentCrash):
        student.probe("import mod\nreport(nothing_printed=True)")
    with pytest.raises(StudentCrash):
        student.run_script("prog.py")


def test_hard_exit_before_reporting_is_a_crash(student_for):
    student = student_for({"dies.py": "import os\nos._exit(0)\n"})
    with pytest.raises(StudentCrash):
        student.observe("import dies\nreport(ok=True)")


def test_an_endless_loop_is_stopped_at_the_time_limit(student_for):
    student = student_for({"loops.py": "while True:\n    pass\n"}, timeout=1.0)
    start = time.monotonic()
    with pytest.raises(StudentTimeout) as caught:
        student.observe("import loops")
    assert time.monotonic() - start < 4
    assert caught.value.status == "timeout"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see processes")
def test_a_time_out_kills_the_processes_the_student_started(student_for):
    student = student_for(
        {
            "spawns.py": """
            import subprocess, sys
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
            open("child.pid", "w").write(str(child.pid))
            while True:
                pass
            """
        },
        timeout=1.5,
    )
    probe = student.probe("import spawns")
    assert probe.completed.timed_out
    pid = int(student.read("child.pid"))
    deadline = time.monotonic() + 3
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)


def test_a_child_holding_the_output_open_cannot_make_us_wait(student_for):
    student = student_for(
        {"detach.py": 'import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])\n'}
    )
    start = time.monotonic()
    seen = student.observe("import detach\nreport(ok=True)")
    assert seen == {"ok": True}
    assert time.monotonic() - start < 5


def test_output_floods_are_cut_and_marked(student_for):
    student = student_for({"chatty.py": "import sys\nfor _ in range(200):\n    sys.stdout.write('x' * 100_000)\n"})
    probe = student.probe("import chatty\nreport(done=True)", timeout=20)
    assert probe.completed.truncated
    assert "output cut here" in probe.completed.stdout
    assert len(probe.completed.stdout) < 100_000


@pytest.mark.skipif(not POSIX or sys.platform == "darwin", reason="address-space limits are enforced on Linux")
def test_allocating_gigabytes_fails_inside_the_student_process(student_for):
    student = student_for({"greedy.py": "block = bytearray(8 * 1024 ** 3)\n"})
    probe = student.probe("import greedy")
    assert probe.error is not None and probe.error.type == "MemoryError"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finding escaped processes uses /proc")
def test_a_daemon_that_leaves_the_process_group_is_killed_too(student_for):
    student = student_for(
        {
            "daemon.py": """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    open("daemon.pid", "w").write(str(os.getpid()))
                    time.sleep(60)
                os._exit(0)
            time.sleep(0.3)
            """
        }
    )
    student.observe("import daemon")
    pid = int(student.read("daemon.pid"))
    deadline = time.monotonic() + 3
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finding escaped processes uses /proc")
def test_a_daemon_forked_while_the_run_ends_is_killed_too(student_for, tmp_path):
    # No pause this time: the middle child forks while the grader is already
    # sweeping, which a single sweep of /proc can miss. Repeat to catch the race.
    marker = f"import-lab-race-{os.getpid()}-{tmp_path.name}"
    student = student_for(
        {
            "daemon.py": f"""
            import os, sys
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(60)  # {marker}"])
                os._exit(0)
            """
        }
    )
    for _ in range(100):
        student.observe("import daemon")
    time.sleep(0.3)
    survivors = [p for p in Path("/proc").glob("[0-9]*") if marker.encode() in _cmdline(p)]
    assert not survivors


@pytest.mark.skipif(not runner.LINUX, reason="pid allocation is read from /proc")
def test_the_pid_window_holds_the_processes_started_in_it_and_no_older_one():
    window = runner.PidWindow.open()
    assert window is not None
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        new = window.new_since()
        assert new is not None
        assert new(child.pid)
        assert not new(os.getpid()) and not new(os.getppid())
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(not runner.LINUX, reason="pid allocation is read from /proc")
def test_the_pid_window_follows_pids_round_the_cycle():
    now = runner.PidWindow.open()
    # A window opened "later in the cycle" than the last pid now: the pids wrapped since.
    wrapped = runner.PidWindow(last_pid=now.last_pid + 10, forks=now.forks).new_since()
    assert wrapped(now.last_pid) and wrapped(now.last_pid + 11)
    assert not wrapped(now.last_pid + 5)


@pytest.mark.skipif(not runner.LINUX, reason="pid allocation is read from /proc")
def test_a_window_with_a_whole_cycle_of_forks_in_it_is_not_trusted():
    now = runner.PidWindow.open()
    pid_max = int(Path("/proc/sys/kernel/pid_max").read_text())
    assert runner.PidWindow(last_pid=now.last_pid, forks=now.forks - pid_max).new_since() is None


def _cmdline(proc: Path) -> bytes:
    try:
        return (proc / "cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.skipif(not POSIX, reason="the shell between grader and student is POSIX only")
def test_killing_its_parent_does_not_kill_the_grader(student_for):
    student = student_for({"rude.py": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"})
    with pytest.raises(StudentCrash) as caught:
        student.observe("import rude\nreport(after=True)")
    assert "killed the process that started it" in caught.value.message


def test_a_check_whose_own_code_does_not_compile_is_a_grader_bug(student_for):
    from grader.sandbox import CheckBug

    student = student_for({"mod.py": "X = 1\n"})
    with pytest.raises(CheckBug):
        student.observe("import mod\nreport(x=mod.X")


CYCLE_A = {"a.py": "import b\ndef f():\n    return 1\n", "b.py": "import a\nX = a.f()\n"}
CYCLE_FROM = {"c.py": "from d import g\ndef h():\n    return 2\n", "d.py": "from c import h\ndef g():\n    return 1\n"}
SHADOW = {"random.py": "X = 1\n", "dice.py": "import random\nROLL = random.randint(1, 6)\n"}


@pytest.mark.parametrize(
    ("files", "code", "trouble", "section"),
    [
        (CYCLE_A, "import a", "cycle", "8.4"),
        (CYCLE_FROM, "import c", "cycle", "8.4"),
        (SHADOW, "import dice", "shadow", "8.7"),
        ({"plain.py": "Y = 1\n"}, "from plain import nope", None, None),
    ],
    ids=["cycle-attribute", "cycle-from", "shadow", "missing-name"],
)
def test_circular_imports_and_shadowing_are_named_whatever_the_wording(student_for, files, code, trouble, section):
    # 3.13 words both with "consider renaming" (and later patch releases differ
    # again): the harness decides from the traceback, not from the message.
    student = student_for(files)
    with pytest.raises(StudentError) as caught:
        student.observe(code)
    assert caught.value.error.trouble == trouble
    if section:
        assert f"section {section}" in caught.value.hint
    else:
        assert "section" not in caught.value.hint


@pytest.mark.skipif(not POSIX, reason="symbolic links need privileges on Windows")
def test_a_link_in_the_exercise_is_refused_not_followed(exercise, tmp_path, monkeypatch):
    # Copying follows nothing: a link to /dev/zero would fill the disk from the grader's own process.
    from grader.sandbox import UnfitFolder

    (exercise / "labels.py").symlink_to("/dev/zero")
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    with pytest.raises(UnfitFolder) as caught:
        make_student(exercise)
    assert "labels.py is a link" in caught.value.message
    assert not list(temporary.iterdir()), "the temporary folder was left behind"


def test_an_exercise_folder_too_large_to_copy_is_refused(exercise, monkeypatch):
    from grader import sandbox

    monkeypatch.setattr(sandbox, "COPY_LIMIT", 1000)
    (exercise / "mod.py").write_text("X = 1\n")
    (exercise / "data.bin").write_bytes(b"x" * 2000)
    with pytest.raises(sandbox.UnfitFolder) as caught:
        make_student(exercise)
    assert "data.bin" in caught.value.message


def test_bytecode_and_folders_are_copied_as_the_student_left_them(exercise):
    (exercise / "pkg").mkdir()
    (exercise / "pkg" / "__init__.py").write_text("X = 1\n")
    (exercise / "__pycache__").mkdir()
    (exercise / "__pycache__" / "stale.cpython-311.pyc").write_bytes(b"junk")
    student, root = make_student(exercise)
    try:
        assert student.read("pkg/__init__.py") == "X = 1\n"
        assert not student.exists("__pycache__")
    finally:
        shutil.rmtree(root)


def test_a_script_stuck_in_an_import_times_out_naming_the_line(student_for, tmp_path):
    memo = tmp_path / "hang"
    student = student_for({"shop.py": "import helper\n", "helper.py": "n = 0\nwhile True:\n    n += 1\n"}, timeout=1.0)
    student.hang_memo = memo
    with pytest.raises(StudentTimeout) as caught:
        student.run_script("shop.py", doing="`python shop.py` to finish")
    assert caught.value.status == "timeout"
    if POSIX:  # the stack comes from faulthandler answering SIGABRT, caught on either line of the loop
        assert re.search(r"helper\.py, line [23]", caught.value.message)
        assert re.fullmatch(r"helper\.py:[23]", memo.read_text()), "later checks that import helper can be skipped"


def test_a_script_stuck_in_its_own_main_does_not_stop_later_imports(student_for, tmp_path):
    memo = tmp_path / "hang"
    student = student_for({"tool.py": "def main():\n    while True:\n        pass\n\nif __name__ == '__main__':\n    main()\n"}, timeout=1.0)
    student.hang_memo = memo
    with pytest.raises(StudentTimeout) as caught:
        student.run_script("tool.py")
    if POSIX:  # 3.10 may name either line of the two-line loop
        assert re.search(r"tool\.py, line [23], in main\(\)", caught.value.message)
    assert not memo.exists()
    assert student.observe("import tool\nreport(ok=True)") == {"ok": True}


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"tool.py": "def f(:\n    pass\n"}, "SyntaxError in tool.py, line 1"),
        ({"tool.py": "import helper\n", "helper.py": "X = 1\nY = X.nope\n"}, "AttributeError in helper.py, line 2"),
        ({"tool.py": "import nothere\n"}, "ModuleNotFoundError in tool.py, line 1"),
        # The last frames are the import system's own (<frozen importlib._bootstrap...>): not the student's files.
        ({"tool.py": "import runpy\nrunpy.run_path('missing_folder')\n"}, "in tool.py, line 2"),
    ],
    ids=["syntax", "attribute", "missing-module", "error-inside-frozen-code"],
)
def test_a_script_that_raises_is_reported_with_file_and_line(student_for, files, words):
    student = student_for(files)
    with pytest.raises(StudentError) as caught:
        student.run_script("tool.py", doing="`python tool.py` to run")
    assert words in caught.value.message
    assert "import-lab-" not in caught.value.message, "the private copy's path is not the student's business"


def test_without_doing_a_failing_script_is_returned_for_the_check_to_judge(student_for):
    student = student_for({"tool.py": "raise SystemExit('usage: tool NAME')\n"})
    done = student.run_script("tool.py")
    assert done.returncode == 1 and "usage" in done.stderr


def test_messages_name_files_without_the_private_copys_path(student_for):
    student = student_for({"a.py": "from b import g\ndef f():\n    pass\n", "b.py": "from a import f\ndef g():\n    pass\n"})
    with pytest.raises(StudentError) as caught:
        student.observe("import a")
    assert "import-lab-" not in caught.value.message


def test_a_file_the_check_rewrites_is_never_run_from_stale_bytecode(student_for):
    # Same size, same second: only the time that write() moves on tells the .pyc it is out of date.
    student = student_for({"tool.py": "VALUE = 1\n"})
    assert student.observe("import tool\nreport(v=tool.VALUE)") == {"v": 1}
    student.write("tool.py", "VALUE = 2\n")
    assert student.observe("import tool\nreport(v=tool.VALUE)") == {"v": 2}


def test_a_private_copy_still_in_use_is_removed_once_it_is_free(tmp_path, monkeypatch):
    """Windows refuses to remove a file that a late process or an antivirus holds open: try again, briefly."""
    root = tmp_path / "import-lab-copy"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "held.py").write_text("x = 1\n")
    real_rmtree, refusals, pauses = shutil.rmtree, [2], []

    def busy_rmtree(path, ignore_errors=False):
        if refusals[0]:
            refusals[0] -= 1
            return  # as Windows does with ignore_errors: the folder stays
        real_rmtree(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(sandbox.shutil, "rmtree", busy_rmtree)
    monkeypatch.setattr(sandbox.time, "sleep", pauses.append)
    assert sandbox.remove_private_copy(root) and not root.exists()
    assert pauses == list(sandbox.REMOVE_RETRIES[:2])
    kept = tmp_path / "kept"
    kept.mkdir()
    refusals[0] = 100
    assert not sandbox.remove_private_copy(kept) and kept.exists(), "gives up after its retries, never raises"
    assert len(pauses) == 2 + len(sandbox.REMOVE_RETRIES)
