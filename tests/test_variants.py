"""Each check tells right from wrong: mistakes fail the checks they should, with messages about them, and
other correct answers pass. The variants live in tests/variants/, one module per section."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import shutil
import sys

import pytest

from . import variants
from .conftest import REPO, run_grader
from .course import EXERCISES, HAS_SOLUTIONS

BY_ID = {e.id: e for e in EXERCISES}
VARIANTS = [
    v
    for info in pkgutil.iter_modules(variants.__path__)
    for v in importlib.import_module(f"{variants.__name__}.{info.name}").VARIANTS
]

pytestmark = pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template has no solutions")


def apply(variant: variants.Variant, folder, stub) -> None:
    for name, edit in variant.edits.items():
        path = folder / name
        if edit == variants.STUB:
            shutil.copyfile(stub / name, path)
            continue
        if isinstance(edit, tuple) and edit[0] is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit[1], encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        for old, new in [edit] if isinstance(edit, tuple) else edit:
            assert text.count(old) == 1, f"{name} no longer holds {old!r} exactly once: update the variant"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("variant", VARIANTS, ids=[f"{v.exercise}:{v.what}" for v in VARIANTS])
def test_variant(variant, tmp_path):
    if variant.pythons and not variant.pythons[0] <= sys.version_info[:2] <= variant.pythons[1]:
        pytest.skip(f"meant for Python {'.'.join(map(str, variant.pythons[0]))} to "
                    f"{'.'.join(map(str, variant.pythons[1]))}")
    exercise = BY_ID[variant.exercise]
    folder = tmp_path / exercise.path
    shutil.copytree(REPO / "solutions" / exercise.path, folder)
    apply(variant, folder, REPO / "exercises" / exercise.path)
    run = run_grader(exercise.id, "--workspace", str(tmp_path), "--json", "-")
    assert run.returncode in (0, 1), run.stderr[-3000:]
    (entry,) = run.report["exercises"]
    checks = {c["name"]: c for c in entry["checks"]}
    assert set(variant.fails) <= set(checks), f"no such checks: {set(variant.fails) - set(checks)}"
    if not variant.fails:
        failing = [f"{c['name']}: {c['message']}" for c in checks.values() if c["status"] != "pass"]
        assert not failing, "a correct answer the statement allows was marked wrong:\n" + "\n".join(failing)
        return
    for name in variant.fails:
        check = checks[name]
        assert check["status"] == "fail", f"{name} let the mistake through ({check['status']})"
        message = check["message"].lower()
        missing = [w for w in variant.says if w.lower() not in message]
        wrong = [w for w in variant.not_says if w.lower() in message]
        assert not missing and not wrong, f"{name}'s message {check['message']!r} lacks {missing} or holds {wrong}"


# -- requirement maps ------------------------------------------------------------------------------------------------
#
# Each suite's docstring maps the exercise's README to its checks, in a block of bullets after a line that starts
# with "Requirements":
#
#     - Step 1: load(name) returns the module plugins.<name>.
#       -> a_plugin_is_loaded_by_its_name, only_the_requested_plugin_is_imported
#
# These tests hold the map to the suite and to the variants: every check it names exists, every check serves a
# requirement, and every requirement has a wrong variant that one of its checks must catch.

MIN_MISTAKES, MIN_ALTERNATIVES = 5, 2


def requirement_map(suite) -> list[tuple[str, tuple[str, ...]]]:
    """[(requirement, (check, ...)), ...] from the suite's docstring; [] if it has no map."""
    doc = ast.get_docstring(ast.parse(suite.read_text(encoding="utf-8"))) or ""
    lines = doc.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("Requirements")), None)
    if start is None:
        return []
    bullets: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith("- "):
            bullets.append(line[2:].strip())
        elif line.startswith(" ") and line.strip() and bullets:
            bullets[-1] += " " + line.strip()
        elif line.strip():
            break
    found = []
    for bullet in bullets:
        text, arrow, checks = bullet.rpartition("->")
        names = tuple(c.strip() for c in checks.split(",") if c.strip()) if arrow else ()
        found.append((text.strip() if arrow else bullet, names))
    return found


def checks_of(suite) -> set[str]:
    tree = ast.parse(suite.read_text(encoding="utf-8"))
    return {n.name[len("test_") :] for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_the_requirement_map_matches_the_suite(exercise):
    mapped = requirement_map(exercise.suite)
    assert mapped, f"{exercise.suite.name} has no requirement map in its docstring (see tests/test_variants.py)"
    checks = checks_of(exercise.suite)
    for requirement, names in mapped:
        assert names, f"the requirement {requirement!r} names no check (end it with '-> check_name')"
        unknown = set(names) - checks
        assert not unknown, f"the requirement {requirement!r} names checks the suite lacks: {sorted(unknown)}"
    unmapped = checks - {name for _, names in mapped for name in names}
    assert not unmapped, f"checks that serve no requirement of the README: {sorted(unmapped)}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_every_requirement_has_a_mistake_that_its_checks_catch(exercise):
    mine = [v for v in VARIANTS if v.exercise == exercise.id]
    mistakes = [v for v in mine if v.fails]
    alternatives = [v for v in mine if not v.fails]
    assert len(mistakes) >= MIN_MISTAKES, f"{len(mistakes)} wrong variants; each exercise needs {MIN_MISTAKES}"
    assert len(alternatives) >= MIN_ALTERNATIVES, f"{len(alternatives)} right variants; it needs {MIN_ALTERNATIVES}"
    caught = {name for v in mistakes for name in v.fails}
    untested = [r for r, names in requirement_map(exercise.suite) if not caught & set(names)]
    assert not untested, f"requirements no wrong variant breaks: {untested}"
