"""The student template: everything a student needs, no solutions, hidden checks cut out and announced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from grader.release import LEFT_OUT, course_files

from .conftest import REPO, course_copy, run_grader
from .course import EXERCISES, HAS_SOLUTIONS

pytestmark = pytest.mark.skipif(not HAS_SOLUTIONS, reason="this is already a student template")


def make_release(source: Path, destination: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grader.release", str(destination)], cwd=source, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    destination = tmp_path_factory.mktemp("template") / "import-lab"
    done = make_release(REPO, destination)
    assert done.returncode == 0, done.stderr
    return destination


def test_the_template_has_what_students_need_and_no_solutions(template):
    for needed in ("README.md", "noxfile.py", "pyproject.toml", "mkdocs.yml", "grader/__main__.py", "docs/students.md"):
        assert (template / needed).is_file(), needed
    for e in EXERCISES:
        assert (template / "exercises" / e.path / "README.md").is_file()
        assert (template / "grader" / "suites" / e.section / e.suite.name).is_file()
    assert not (template / "solutions").exists()
    assert not (template / "tests" / "variants").exists(), "variants hold other correct answers"
    workflows = sorted(p.name for p in (template / ".github" / "workflows").iterdir())
    assert workflows == ["classroom.yml", "site.yml"], "grading, and the site a public template publishes"


def test_no_solution_text_reaches_the_template(template):
    shipped = {p: p.read_bytes() for p in template.rglob("*") if p.is_file()}
    # Solution lines that the shipped course holds anyway (a chapter's demo, say) may stay.
    everything_else = b"\n".join((REPO / f).read_bytes() for f in course_files(REPO) if not f.startswith(LEFT_OUT))
    for e in EXERCISES:
        for name in e.files:
            solved = (REPO / "solutions" / e.path / name).read_bytes()
            stub = (REPO / "exercises" / e.path / name).read_bytes()
            if solved == stub:
                continue
            assert solved not in shipped.values(), f"solutions/{e.path}/{name} is in the template"
            for line in solved.splitlines():
                if len(line.strip()) > 24 and line not in everything_else:
                    assert not any(line in content for content in shipped.values()), line


def test_the_template_grades_its_stubs_to_zero(template):
    run = run_grader("--json", "-", cwd=template)
    assert run.returncode == 1, run.stderr[-2000:]
    assert run.report["score"] == 0 and run.report["max_score"] > 0


def test_the_templates_own_student_checks_still_run(template):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_layout.py", "tests/test_runner.py"],
        cwd=template,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout


def test_hidden_checks_are_cut_out_and_announced(tmp_path):
    course = course_copy(tmp_path / "course")
    suite = course / "grader" / "suites" / "8.2-module-caching" / "test_import_once.py"
    text = suite.read_text(encoding="utf-8")
    marked = "@pytest.mark.hidden\n@pytest.mark.points(1)\ndef test_the_main_script_is_never_imported_by_name"
    suite.write_text(text.replace("@pytest.mark.points(1)\ndef test_the_main_script_is_never_imported_by_name", marked))
    full = run_grader("import-once", "--json", "-", cwd=course).report

    done = make_release(course, tmp_path / "template")
    assert done.returncode == 0, done.stderr
    released = (tmp_path / "template" / suite.relative_to(course)).read_text(encoding="utf-8")
    assert "test_the_main_script_is_never_imported_by_name" not in released
    assert "test_labels_take_the_currency_from_money" in released

    run = run_grader("import-once", "--json", "-", cwd=tmp_path / "template")
    assert len(run.report["exercises"][0]["checks"]) == len(full["exercises"][0]["checks"]) - 1
    assert "1 hidden check(s), 1 point(s), run when you submit" in run.stderr
