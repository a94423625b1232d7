"""Each check tells right from wrong: mistakes fail the checks they should, with messages about them, and
other correct answers pass. The variants live in tests/variants/, one module per section."""

from __future__ import annotations

import importlib
import pkgutil
import shutil

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
