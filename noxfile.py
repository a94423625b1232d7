"""Every Import Lab workflow is a nox session: `nox -l` lists them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"  # grading works offline once the first run has installed pytest
nox.options.download_python = "never"
nox.options.sessions = ["grade"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


SITE_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # Material's banner about MkDocs 2 is not for our readers


def install(session: nox.Session, group: str) -> None:
    """Install a dependency group once; later runs skip pip entirely (fast, and offline)."""
    requirements = nox.project.dependency_groups(PYPROJECT, group)
    stamp = Path(session.virtualenv.location) / f".import-lab-{group}"
    wanted = hashlib.sha256("\n".join(requirements).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    session.install(*requirements)
    stamp.write_text(wanted)


@nox.session
def grade(session: nox.Session) -> None:
    """Grade your exercises: nox -s grade [-- 8.2 | EXERCISE_ID | --list | --json report.json]."""
    install(session, "grader")
    session.run("python", "-m", "grader", *session.posargs)


@nox.session
def watch(session: nox.Session) -> None:
    """Re-grade the exercise you are working on every time you save it: nox -s watch [-- EXERCISE]."""
    install(session, "watch")
    session.run("python", "-m", "grader.watch", *session.posargs)


@nox.session(python=False)
def hint(session: nox.Session) -> None:
    """Show the next hint for an exercise, one at a time: nox -s hint -- EXERCISE."""
    session.run("python", "-m", "grader.hints", *session.posargs)


@nox.session
def solution(session: nox.Session) -> None:
    """Compare your passing exercise with the reference solution: nox -s solution -- EXERCISE."""
    install(session, "grader")
    session.run("python", "-m", "grader.compare", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Test the grader and the course (solutions, stubs, transcripts) on Python 3.10-3.13."""
    install(session, "tests")
    # The site is built and browsed once, by site_tests, not once per Python.
    session.run("python", "-m", "pytest", "-n", "auto", "--ignore=tests/test_site.py", *session.posargs)
    session.notify("site_tests")


@nox.session(python=PYTHONS[-1])
def site_tests(session: nox.Session) -> None:
    """Build the site strictly, check every page and link, and walk it in headless Chromium."""
    install(session, "site-tests")
    # .ci/run sets IMPORT_LAB_REQUIRE_SITE=1: there a missing browser is a failure, not a skip.
    session.run("python", "-m", "pytest", "tests/test_site.py", *session.posargs, env=SITE_ENV)


@nox.session
def gradebook(session: nox.Session) -> None:
    """Grade a class: nox -s gradebook -- SUBMISSION_DIR ... [--only 8.2] [--csv grades.csv] [--json grades.json]."""
    install(session, "grader")
    session.run("python", "-m", "grader.gradebook", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Measure grading against the floor set by fresh interpreters (checks, starts, course time, latency, memory)."""
    install(session, "grader")
    session.run("python", "tests/bench.py")


@nox.session(python=False)
def release(session: nox.Session) -> None:
    """Write the student template (no solutions, no hidden checks): nox -s release -- DEST."""
    if not session.posargs:
        session.error("say where to write it: nox -s release -- ../import-lab-template")
    session.run("python", "-m", "grader.release", *session.posargs)


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
    """Build the site strictly and push it to the gh-pages branch (used by .github/workflows/site.yml)."""
    install(session, "docs")
    session.run("mkdocs", "gh-deploy", "--force", "--strict", *session.posargs, env=SITE_ENV)
