"""Write the student template: the course without its solutions, and without hidden checks.

``python -m grader.release DEST`` (``nox -s release -- DEST``). The template
keeps the chapters, exercises, grader, noxfile, docs, the Classroom
workflow and the site's workflow (a public template publishes the course
site for free; see the instructor guide). Checks marked ``@pytest.mark.hidden`` are cut out of the suites;
``grader/suites/hidden.json`` records how many there were, and what they are
worth, so the local report can say what will also run on submission.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

from .course import COURSE_ROOT, discover

#: Paths (relative, POSIX) never shipped to students.
LEFT_OUT = (
    "solutions/",
    "tests/variants/",  # mistakes and other correct answers: whole solutions, some of them
    "tests/test_variants.py",
    ".github/workflows/ci.yml",  # the course's own CI
    ".ci/",
)
HIDDEN_SUMMARY = "grader/suites/hidden.json"


def course_files(root: Path) -> list[str]:
    """The course's files: what git tracks or would track, or every file outside build output."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        files = [f for f in listed.split("\0") if f and (root / f).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".nox", "site", "__pycache__", ".pytest_cache", ".import-lab"}
        files = [
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not skip.intersection(p.relative_to(root).parts)
        ]
    return sorted(files)


def _marker(decorator: ast.expr, name: str) -> bool:
    node = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(node, ast.Attribute) and node.attr == name


def _points(function: ast.FunctionDef) -> int:
    for decorator in function.decorator_list:
        if _marker(decorator, "points") and isinstance(decorator, ast.Call) and decorator.args:
            value = decorator.args[0]
            if isinstance(value, ast.Constant) and isinstance(value.value, int):
                return value.value
    return 1


def without_hidden(source: str) -> tuple[str, int, int]:
    """The suite's source without its hidden checks, and (how many, their points)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    cut, count, points = [], 0, 0
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(_marker(d, "hidden") for d in node.decorator_list):
            start = min(d.lineno for d in node.decorator_list)
            cut.append((start - 1, node.end_lineno))
            count += 1
            points += _points(node)
    for start, end in reversed(cut):
        del lines[start:end]
    return "".join(lines), count, points


def release(destination: Path, root: Path = COURSE_ROOT, keep_hidden: bool = False) -> dict:
    """Write the template into ``destination`` (which must not exist yet); returns the hidden-check summary."""
    if destination.exists() and any(destination.iterdir()):
        raise SystemExit(f"error: {destination} exists and is not empty")
    suites = {e.suite.relative_to(root).as_posix(): e.id for e in discover(root)}
    hidden: dict[str, dict] = {}
    for rel in course_files(root):
        if rel.startswith(LEFT_OUT) or rel == HIDDEN_SUMMARY:
            continue
        target = destination / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel in suites and not keep_hidden:
            text, count, points = without_hidden((root / rel).read_text(encoding="utf-8"))
            target.write_text(text, encoding="utf-8")
            if count:
                hidden[suites[rel]] = {"checks": count, "points": points}
        else:
            shutil.copy2(root / rel, target)
    summary = destination / HIDDEN_SUMMARY
    summary.parent.mkdir(parents=True, exist_ok=True)
    summary.write_text(json.dumps(hidden, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return hidden


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m grader.release", description=__doc__.splitlines()[0])
    p.add_argument("destination", type=Path, help="an empty or new folder for the student template")
    p.add_argument("--keep-hidden", action="store_true", help="ship hidden checks too")
    args = p.parse_args(argv)
    hidden = release(args.destination, keep_hidden=args.keep_hidden)
    count = sum(h["checks"] for h in hidden.values())
    print(f"Wrote the student template to {args.destination} ({count} hidden checks left out).")
    print("Next: commit it to a new repository and mark it as a template (see the instructor guide).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
