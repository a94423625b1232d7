"""The course's shape: what DESIGN.md and docs/contributing.md promise about its files."""

from __future__ import annotations

import ast
import re

import pytest

from .course import EXERCISES, HAS_SOLUTIONS, REPO, SECTIONS, ids

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
PLACEHOLDER = re.compile(r"\b(TODO|TBD|lorem ipsum|coming soon)\b", re.I)


def prose(markdown: str) -> str:
    """The text outside fenced code blocks."""
    return re.sub(r"^(\s*)(```+|~~~+).*?^\1\2\s*$", "", markdown, flags=re.M | re.S)


def suite_checks(path):
    """(name, points) for every check function in a suite file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            points = None
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and deco.func.attr == "points"
                    and deco.args
                    and isinstance(deco.args[0], ast.Constant)
                ):
                    points = deco.args[0].value
            found.append((node.name, points))
    return found


@pytest.mark.parametrize("number,folder", SECTIONS.items())
def test_every_section_has_a_chapter_of_substance(number, folder):
    readme = REPO / "chapters" / folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith(f"# {number} "), "the first heading carries the section number"
    words = len(WORD.findall(prose(text)))
    assert words >= 1200, f"{readme} has {words} words of prose; the bar is 1,200"
    assert not PLACEHOLDER.search(text), "placeholder text left in the chapter"
    demos = [p for p in readme.parent.iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert demos, "every chapter has at least one runnable demo folder"


@pytest.mark.parametrize("number,folder", SECTIONS.items())
def test_every_section_has_at_least_three_exercises(number, folder):
    mine = [e for e in EXERCISES if e.chapter == number]
    assert len(mine) >= 3, f"section {number} has {len(mine)} exercises"
    chapter = (REPO / "chapters" / folder / "README.md").read_text(encoding="utf-8")
    for e in mine:
        assert f"exercises/{folder}/{e.id}/README.md" in chapter, f"the chapter does not link to {e.id}"


def test_sections_are_the_syllabus_in_order():
    """A chapter folder must be one of the syllabus's sections, with its exercises beside it."""
    from .course import SYLLABUS

    for folder in ("chapters", "exercises", "solutions"):
        if not (REPO / folder).is_dir():
            continue  # a student template has no solutions/
        present = sorted(p.name for p in (REPO / folder).iterdir() if p.is_dir())
        assert set(present) <= set(SYLLABUS.values()), f"{folder}/ has folders outside the syllabus: {present}"
    assert SECTIONS == SYLLABUS, f"sections missing from the course: {sorted(set(SYLLABUS) - set(SECTIONS))}"


def test_the_readme_links_every_chapter():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for folder in SECTIONS.values():
        assert f"(chapters/{folder}/README.md)" in readme, f"README.md does not link chapters/{folder}"


def test_exercise_ids_are_unique_and_well_formed():
    seen = ids()
    assert len(seen) == len(set(seen)), "two exercises share an id"
    for exercise_id in seen:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", exercise_id), exercise_id


@pytest.mark.parametrize("exercise", EXERCISES, ids=ids())
def test_exercise_has_statement_stubs_solution_and_suite(exercise):
    stub = REPO / "exercises" / exercise.path
    solution = REPO / "solutions" / exercise.path
    readme = (stub / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# "), "the README starts with the exercise's title"
    assert "## Your task" in readme and re.search(r"^1\. ", readme, re.M), "the task is given in numbered steps"
    assert f"nox -s grade -- {exercise.id}" in readme, "the README says how to grade it"
    assert "## Hints" in readme and '<details class="hint" markdown="1">' in readme, "the README has folded hints"
    assert '??? hint "' not in readme, "hints fold on GitHub too: <details>, not ??? (tests/test_readmes.py)"
    assert exercise.files, "there is something to edit"
    if HAS_SOLUTIONS:
        solved = {p.relative_to(solution).as_posix() for p in solution.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert solved == set(exercise.files), "solutions/ mirrors the stub files exactly"
    checks = suite_checks(exercise.suite)
    assert len(checks) >= 3, f"{exercise.suite.name} has {len(checks)} checks"
    unpointed = [name for name, points in checks if not isinstance(points, int) or points < 1]
    assert not unpointed, f"checks without @pytest.mark.points(N): {unpointed}"


def test_no_exercise_or_solution_folder_without_a_suite():
    # The suites decide what exists (grader/course.py): a folder without one would never be graded.
    from grader.course import strays

    for folder in ("exercises", "solutions"):  # (a student template has no solutions/)
        assert not strays(REPO / folder, EXERCISES), f"{folder}/ has folders that no suite grades"


def test_declared_points_are_those_of_the_checks_pytest_collects(tmp_path):
    from grader.course import declared_points

    suite = tmp_path / "test_some_exercise.py"
    suite.write_text(
        "import pytest\n"
        "@pytest.mark.points(2)\n"
        "def test_top_level(student):\n"
        "    def test_nested(): pass\n"
        "class TestGroup:\n"
        "    @pytest.mark.points(3)\n"
        "    def test_method(self, student): pass\n"
        "class Helper:\n"
        "    def test_not_collected(self): pass\n"
        "def test_one_point(student): pass\n",
        encoding="utf-8",
    )
    assert declared_points(suite) == {"test_top_level": (2, 1), "test_method": (3, 5), "test_one_point": (1, 9)}


def test_suites_decide_with_expect_not_a_bare_assert():
    # Suites are collected with --assert=plain: a bare assert would fail with no message for the learner.
    found = []
    for suite in sorted((REPO / "grader" / "suites").glob("*/test_*.py")):
        tree = ast.parse(suite.read_text(encoding="utf-8"))
        found += [f"{suite.name}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert not found
