"""Every Import Lab workflow is a nox session: `nox -l` lists them."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"  # grading works offline once the first run has installed pytest
nox.options.download_python = "never"
nox.options.sessions = ["grade"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
# Every minor the course is verified on (tests/transcripts.py VERIFIED); nox skips one that is not installed.
PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15"]


# Material for MkDocs prints a banner on every build: it reaches its end of maintenance in May 2027,
# and Zensical is its successor. That is for whoever maintains the site (the instructor guide has a
# section on the move), not for every student who previews it, so the builds here silence it.
SITE_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def install(session: nox.Session, group: str, *, optional: bool = False) -> bool:
    """Install a dependency group once; later runs skip pip entirely (fast, and offline).

    An ``optional`` group that cannot be installed is noted, not retried, and False is returned.
    """
    requirements = nox.project.dependency_groups(PYPROJECT, group)
    stamp = Path(session.virtualenv.location) / f".import-lab-{group}"
    wanted = hashlib.sha256("\n".join(requirements).encode()).hexdigest()
    done = stamp.read_text() if stamp.is_file() else ""
    if done in (wanted, f"unavailable {wanted}"):
        return done == wanted
    try:
        # uv leaves bytecode out unless asked (pip always compiles): without it, every
        # run under PYTHONDONTWRITEBYTECODE would compile pytest again, about half a second.
        session.install(*requirements, env={"UV_COMPILE_BYTECODE": "1"})
    except nox.command.CommandFailed:
        if not optional:
            raise
        stamp.write_text(f"unavailable {wanted}")
        return False
    stamp.write_text(wanted)
    return True


# The student sessions (grade, watch, solution, gradebook, bench) share ONE environment,
# .nox/setup, made by the `setup` session that each of them requires (nox runs it first).
# The first student session installs pytest there, which needs the network once; after
# that, every student session works offline. nox gives every session an environment of
# its own, so the student sessions are python=False sessions that run setup's Python.
STUDENT_ENV = "setup"
_student_env: dict[str, str] = {}  # filled in by `setup`


@nox.session(name=STUDENT_ENV, default=False)
def setup(session: nox.Session) -> None:
    """Install the grader once, into the one environment every student session uses."""
    watchfiles = install(session, "watch", optional=True)  # the grader, and watchfiles for `nox -s watch`
    if not watchfiles:
        install(session, "grader")  # watchfiles is optional: watch mode polls for changes without it
    python = shutil.which("python", path=session.bin)
    if python is None:
        session.error(f"no python in {session.bin}")
    compile_grader(session, python)
    _student_env.update(python=python, bin=session.bin, location=str(session.virtualenv.location))
    _student_env["watchfiles"] = "yes" if watchfiles else ""


def compile_grader(session: nox.Session, python: str) -> None:
    """Give the grader and its suites their bytecode, as installing gives pytest its own; again only after a change.

    Where PYTHONDONTWRITEBYTECODE is set, nothing else writes it, and every
    grading process and worker compiled them again: about 30 ms each.
    A course folder that cannot take it is graded from source, as before.
    """
    grader = ROOT / "grader"
    sources = sorted((str(p.relative_to(ROOT)), p.stat()) for p in grader.rglob("*.py"))
    wanted = hashlib.sha256(repr([(name, st.st_mtime_ns, st.st_size) for name, st in sources]).encode()).hexdigest()
    stamp = Path(session.virtualenv.location) / ".import-lab-bytecode"
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    try:
        session.run(python, "-m", "compileall", "-q", str(grader), silent=True)
    except nox.command.CommandFailed:
        session.log("The grader's bytecode could not be written: it is compiled on every run instead.")
    stamp.write_text(wanted)


def run_student(session: nox.Session, *args: str) -> None:
    """Run `python ARGS` in the students' shared environment (see `setup`)."""
    if not _student_env:
        session.error(f"the grader is not installed: run `nox -s {STUDENT_ENV}` first")
    env = {"PATH": os.pathsep.join([_student_env["bin"], os.environ.get("PATH", "")]), "VIRTUAL_ENV": _student_env["location"]}
    session.run(_student_env["python"], *args, env=env)


def student_session(func):
    """A session for students: runs in the shared environment (no environment of its own)."""
    return nox.session(python=False, requires=[STUDENT_ENV])(func)


@student_session
def grade(session: nox.Session) -> None:
    """Grade your exercises: nox -s grade [-- 8.2 | EXERCISE_ID | --full | --list] (arguments only after --)."""
    run_student(session, "-m", "grader", *session.posargs)


@student_session
def watch(session: nox.Session) -> None:
    """Re-grade the exercise you are working on every time you save it: nox -s watch [-- EXERCISE]."""
    if not _student_env.get("watchfiles"):
        session.log("watchfiles could not be installed: watch mode polls your files for changes instead.")
    run_student(session, "-m", "grader.watch", *session.posargs)


@nox.session(python=False)
def hint(session: nox.Session) -> None:
    """Show the next hint for an exercise, one at a time: nox -s hint -- EXERCISE."""
    session.run(sys.executable, "-m", "grader.hints", *session.posargs)  # nox's own Python: needs nothing installed


@student_session
def solution(session: nox.Session) -> None:
    """Compare your passing exercise with the reference solution: nox -s solution -- EXERCISE."""
    if not (ROOT / "solutions").is_dir():
        session.log("This copy of the course has no reference solutions (it is a student template).")
        session.log("Ask your instructor, or compare notes with the chapter's demos.")
        return
    run_student(session, "-m", "grader.compare", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Test the grader and the course (solutions, stubs, transcripts) on every Python from 3.10 to 3.15 installed."""
    install(session, "tests")
    # The site is built and browsed once, by site_tests, not once per Python.
    session.run("python", "-m", "pytest", "-n", "auto", "--ignore=tests/test_site.py", *session.posargs)
    # .ci/newer runs these tests again on newer Pythons, in a chroot without a browser: the site is tested once, here.
    if not os.environ.get("IMPORT_LAB_NO_SITE_TESTS"):
        session.notify("site_tests")


# 3.13, not the newest: the site's tools (Playwright's wheels) follow new Pythons late.
@nox.session(python="3.13")
def site_tests(session: nox.Session) -> None:
    """Build the site strictly, check every page and link, and walk it in headless Chromium."""
    install(session, "site-tests")
    # .ci/run sets IMPORT_LAB_REQUIRE_SITE=1: there a missing browser is a failure, not a skip.
    session.run("python", "-m", "pytest", "tests/test_site.py", *session.posargs, env=SITE_ENV)


@student_session
def gradebook(session: nox.Session) -> None:
    """Grade a class: nox -s gradebook -- SUBMISSION_DIR ... [--only 8.2] [--csv grades.csv] [--json grades.json]."""
    run_student(session, "-m", "grader.gradebook", *session.posargs)


@student_session
def bench(session: nox.Session) -> None:
    """Measure grading against the floor set by fresh interpreters (checks, starts, course time, latency, memory) [-- --gradebook]."""
    run_student(session, "tests/bench.py", *session.posargs)


@nox.session(python=False)
def release(session: nox.Session) -> None:
    """Write the student template (no solutions, no hidden checks): nox -s release -- DEST."""
    if not session.posargs:
        session.error("say where to write it: nox -s release -- ../import-lab-template")
    session.run(sys.executable, "-m", "grader.release", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the course site into site/, failing on any broken link or include (IMPORT_LAB_SOLUTIONS=1 adds solutions)."""
    install(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs, env=SITE_ENV)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview the course site at http://127.0.0.1:8000 with live reload."""
    install(session, "docs")
    session.run("mkdocs", "serve", *session.posargs, env=SITE_ENV)


@nox.session
def publish(session: nox.Session) -> None:
    """Build the site to publish into site/, at the address IMPORT_LAB_SITE_URL (.github/workflows/site.yml sets it)."""
    if not os.environ.get("IMPORT_LAB_SITE_URL"):
        # Without its address, a site under a project path (https://ORG.github.io/REPO/) has a
        # 404 page without styles, an empty sitemap and no canonical links.
        session.error("set IMPORT_LAB_SITE_URL to the address the site is published at (the workflow takes it from GitHub Pages)")
    install(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs, env=SITE_ENV)


# -- a common slip: grader arguments without `--` ---------------------------------------------------

#: The sessions whose arguments students type: `nox -s grade -- 8.1`, not `nox -s grade 8.1`.
TAKES_ARGUMENTS = ("grade", "watch", "hint", "solution", "gradebook", "release")


def misplaced_arguments(argv: list[str], sessions: set[str]) -> tuple[str, list[str]] | None:
    """(session, words) when ``argv`` names a session and then words that are no session, before any ``--``.

    nox reads every word after ``-s`` as a session name, and answers
    ``nox -s grade 8.1`` with "Sessions not found: 8.1" before any session
    runs: a noxfile cannot turn those words into arguments, but it can say
    what was meant. A name counts as a session as nox matches it
    (``tests``, ``tests-3.12``).
    """
    named, after = [], False
    for arg in argv:
        if arg == "--":
            break
        if arg in ("-s", "-e", "--session", "--sessions"):
            after = True
        elif arg.startswith(("--session=", "--sessions=")):
            named.append(arg.partition("=")[2])
            after = False
        elif arg.startswith("-"):
            after = False
        elif after:
            named.append(arg)
    known = [name for name in named if name.split("-")[0] in sessions or name in sessions]
    strays = [name for name in named if name not in known]
    student = next((name for name in known if name in TAKES_ARGUMENTS), None)
    return (student, strays) if student and strays else None


def _catch_misplaced_arguments() -> None:
    """Answer `nox -s grade 8.1` with the command that was meant, before nox says only "Sessions not found"."""
    program = Path(sys.argv[0])
    if not (program.stem == "nox" or program.parent.name == "nox"):  # loaded by nox only (not by the tests)
        return
    found = misplaced_arguments(sys.argv[1:], set(nox.registry.get()))
    if found:
        session, words = found
        meant = " ".join(["nox -s", session, "--", *words])
        sys.stderr.write(
            f"nox reads the words after `-s {session}` as more session names, and there is no session called"
            f" {', '.join(words)}. To give them to {session}, put `--` before them:\n\n    {meant}\n\n"
        )
        sys.exit(2)


_catch_misplaced_arguments()
