"""Helpers shared by the course's tests: run the grader as students and CI do, in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@dataclass
class GraderRun:
    returncode: int
    stdout: str
    stderr: str

    @property
    def report(self) -> dict:
        return json.loads(self.stdout)


def run_grader(*args: str, cwd: Path = REPO, env: dict | None = None, timeout: float = 300) -> GraderRun:
    """``python -m grader ARGS`` from ``cwd``, with this interpreter; an ``env`` value of None unsets it."""
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    full_env["IMPORT_LAB_STATE"] = "off"  # tests never touch a student's progress
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    proc = subprocess.run(
        [sys.executable, "-m", "grader", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
    return GraderRun(proc.returncode, proc.stdout, proc.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` with a digest of its content."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "<dir>"
    return found


COPY_IGNORE = shutil.ignore_patterns(".git", ".nox", ".nox-*", "site", "__pycache__", "*.pyc", ".pytest_cache", ".import-lab")


def course_copy(destination: Path, solved: bool = False) -> Path:
    """A copy of the course's working tree; with ``solved``, the solutions copied over the stubs."""
    shutil.copytree(REPO, destination, ignore=COPY_IGNORE)
    if solved:
        shutil.copytree(REPO / "solutions", destination / "exercises", dirs_exist_ok=True)
    return destination


@pytest.fixture
def grader():
    return run_grader
