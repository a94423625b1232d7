"""The nox sessions: what they run, and in which environment.

The noxfile is loaded with nox's own API (nox is in the `tests` dependency
group) and its sessions are called with a stand-in for nox's Session that
records what they would install and run: no network, no environment made.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO
from .course import EXERCISES

nox = pytest.importorskip("nox")

FIRST = EXERCISES[0]
#: What students run; every one of them must work offline once `nox -s grade` has run once.
STUDENT_SESSIONS = ["grade", "watch", "solution", "gradebook", "bench"]


@pytest.fixture(scope="module")
def noxfile():
    """The noxfile as a module (nox registers its sessions on import, once)."""
    spec = importlib.util.spec_from_file_location("import_lab_noxfile", REPO / "noxfile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sessions(noxfile):
    return dict(nox.registry.get())


class Recorder:
    """What a session asks nox for, instead of nox doing it."""

    def __init__(self, location: Path, posargs=(FIRST.id,), unavailable=()):
        self.posargs, self.unavailable = list(posargs), unavailable
        self.runs, self.installs, self.logs, self.install_envs = [], [], [], []
        location.mkdir(parents=True, exist_ok=True)
        self.virtualenv = type("Env", (), {"location": str(location)})()
        self.bin = str(location / ("Scripts" if os.name == "nt" else "bin"))
        self.env = {}

    def run(self, *args, **kwargs):
        self.runs.append(args)

    def install(self, *args, **kwargs):
        if any(name in arg for arg in args for name in self.unavailable):
            raise nox.command.CommandFailed("offline")
        self.installs.append(args)
        self.install_envs.append(kwargs.get("env") or {})

    def log(self, *args, **kwargs):
        self.logs.append(" ".join(map(str, args)))

    warn = log

    def error(self, *args):
        raise AssertionError(f"session.error: {args}")

    def notify(self, *args, **kwargs):
        pass


def environment(root: Path) -> Path:
    """A folder that looks like a made environment: a `python` in its bin directory."""
    bin_dir = root / ("Scripts" if os.name == "nt" else "bin")
    if not bin_dir.is_dir():
        bin_dir.mkdir(parents=True)
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        python.write_text("")
        python.chmod(python.stat().st_mode | stat.S_IXUSR)
    return root


def call(sessions, name: str, tmp_path: Path, posargs=(FIRST.id,), unavailable=()) -> tuple[Recorder, list[Recorder]]:
    """Run a session as nox does: first the sessions it requires, each in its environment (kept in tmp_path)."""
    required = []
    for other in sessions[name].requires:
        required.append(Recorder(environment(tmp_path / "envs" / other), unavailable=unavailable))
        sessions[other](required[-1])
    session = Recorder(tmp_path / "envs" / name, posargs=posargs, unavailable=unavailable)
    sessions[name](session)
    return session, required


def test_sessions_without_an_environment_never_run_a_bare_python(sessions, tmp_path):
    """`python` may not be on PATH (only `python3`): they run nox's own Python, or the students' environment's."""
    for name, func in sessions.items():
        if func.python is False:
            session, _ = call(sessions, name, tmp_path, posargs=[FIRST.id, str(tmp_path / "dest")])
            for program, *_ in session.runs:
                assert program not in ("python", "python3", "py"), f"{name} runs {program} from PATH"
    assert sessions["hint"].python is False and sessions["release"].python is False


def test_the_student_sessions_share_one_environment_installed_once(sessions, tmp_path):
    installs, pythons = [], set()
    for name in STUDENT_SESSIONS:
        session, required = call(sessions, name, tmp_path)
        assert not session.installs, f"{name} installs into an environment of its own"
        assert len(session.runs) == 1, name
        pythons.add(session.runs[0][0])
        installs += [args for r in required for args in r.installs]
        assert any(Path(session.runs[0][0]).parent == Path(r.bin) for r in required), f"{name} runs in no shared environment"
    assert len(pythons) == 1, f"one environment for every student session, not {pythons}"
    assert len(installs) == 1, "installed once; later sessions skip pip (fast, and offline)"
    assert any("pytest" in r for r in installs[0]) and any("watchfiles" in r for r in installs[0])


def test_setup_compiles_the_grader_once_and_again_after_a_change(sessions, noxfile, tmp_path, monkeypatch):
    """Under PYTHONDONTWRITEBYTECODE nothing else would, and every grading process compiled the grader again."""
    course = tmp_path / "course"
    shutil.copytree(REPO / "grader", course / "grader", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(noxfile, "ROOT", course)

    def compilations():
        _, (setup,) = call(sessions, "grade", tmp_path)
        runs = [run for run in setup.runs if "compileall" in run]
        # By the environment's own Python: bytecode is named after the version that reads it.
        assert all(Path(run[0]).parent == Path(setup.bin) for run in runs)
        return runs

    first = compilations()
    assert len(first) == 1 and str(course / "grader") in first[0]
    assert compilations() == [], "compiled again with nothing changed"
    suite = next((course / "grader" / "suites").rglob("test_*.py"))
    suite.write_text(suite.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len(compilations()) == 1, "a changed suite was not compiled again"


def test_uv_is_asked_for_bytecode_as_pip_gives_it(sessions, tmp_path):
    """Without it, under PYTHONDONTWRITEBYTECODE every grading run would compile pytest again."""
    _, (setup,) = call(sessions, "grade", tmp_path)
    docs, _ = call(sessions, "docs", tmp_path)
    envs = setup.install_envs + docs.install_envs
    assert envs and all(env.get("UV_COMPILE_BYTECODE") == "1" for env in envs)


def test_watch_mode_polls_when_watchfiles_cannot_be_installed(sessions, tmp_path):
    watch, (setup,) = call(sessions, "watch", tmp_path, unavailable=("watchfiles",))
    assert len(setup.installs) == 1 and not any("watchfiles" in r for r in setup.installs[0])
    assert watch.runs and watch.runs[0][1:3] == ("-m", "grader.watch")
    assert any("poll" in line for line in watch.logs)
    again, (setup,) = call(sessions, "grade", tmp_path, unavailable=("watchfiles",))
    assert not setup.installs and again.runs, "a failed optional install is not retried on every run"


def test_solution_in_a_template_ends_well_and_says_why(noxfile, sessions, tmp_path, monkeypatch):
    monkeypatch.setattr(noxfile, "ROOT", tmp_path)  # a template: no solutions/ folder
    session, _ = call(sessions, "solution", tmp_path)  # it returns, so nox reports success
    assert not session.runs
    assert any("no reference solutions" in line for line in session.logs)


@pytest.mark.parametrize("name", ["hint", "release"])
def test_sessions_run_where_there_is_no_python_command(name, tmp_path):
    """Through nox itself, with a PATH that has no `python` on it."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NOXSESSION")}
    env.update(PATH=str(empty), IMPORT_LAB_STATE=str(tmp_path / "state.json"), NO_COLOR="1")
    args = [FIRST.id] if name == "hint" else [str(tmp_path / "template")]
    done = subprocess.run(
        [sys.executable, "-m", "nox", "--noxfile", str(REPO / "noxfile.py"), "--envdir", str(tmp_path / "nox"),
         "-s", name, "--", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]


# -- the first hour: setting nox up, and the slip of leaving out `--` -------------------------------


def test_grader_arguments_without_dashes_get_the_command_that_was_meant(tmp_path):
    """`nox -s grade 8.1`: nox would answer only "Sessions not found: 8.1"; the noxfile says what was meant."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NOXSESSION")}
    env.update(IMPORT_LAB_STATE=str(tmp_path / "state.json"), NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-m", "nox", "--noxfile", str(REPO / "noxfile.py"), "--envdir", str(tmp_path / "nox"),
         "-s", "grade", "8.1", FIRST.id],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"nox -s grade -- 8.1 {FIRST.id}\n" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "nox").exists(), "no session ran, nothing was installed"


def test_misplaced_arguments_are_told_from_session_names(noxfile, sessions):
    found = noxfile.misplaced_arguments
    names = set(sessions)
    assert found(["-s", "grade", "8.1"], names) == ("grade", ["8.1"])
    assert found(["--session", "hint", "import-once", "-v"], names) == ("hint", ["import-once"])
    assert found(["-s", "grade", "--", "8.1"], names) is None
    assert found(["-s", "grade", "tests-3.12", "site_tests"], names) is None, "several real sessions"
    assert found(["-s", "tests", "not-a-session"], names) is None, "nox's own answer is right for other sessions"
    assert found(["-l"], names) is None and found([], names) is None


def test_nox_l_says_the_grader_arguments_come_after_dashes(sessions):
    assert "only after --" in sessions["grade"].__doc__ and "--full" in sessions["grade"].__doc__


def test_the_set_up_works_where_pip_refuses():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    students = readme[readme.index("## For students") : readme.index("## For instructors")]
    first_command = students.split("```sh\n", 1)[1].splitlines()[0]
    assert first_command.startswith(("pipx install nox", "uv tool install nox")), first_command
    assert "uv tool install nox" in first_command or "uv tool install nox" in students
    guide = (REPO / "docs" / "students.md").read_text(encoding="utf-8")
    for text in (students, guide):
        assert "externally-managed-environment" in text
        assert all(where in text for where in ("Debian 12", "Ubuntu 23.04", "Homebrew"))
        assert "Sessions not found" in text and "nox -s grade -- 8." in text
    assert "pipx install nox" in guide and "uv tool install nox" in guide
    assert "--full" in students and "`--full`" in (REPO / "docs" / "grading.md").read_text(encoding="utf-8")
