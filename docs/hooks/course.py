"""MkDocs hook: the course's chapters and exercises are pages where they live.

`chapters/` and `exercises/` are added to the build under their own paths,
so a link written for GitHub (`../../exercises/8.2-module-caching/import-once/README.md`)
is the same link on the site. Nothing is copied into docs/. The navigation is
built from the folders: one section per chapter, in order, with its exercises
beneath in the course's order, which grader/course.py defines (the order the
chapter lists them), as grading, `--list` and watch mode use it. Solutions
are left out unless IMPORT_LAB_SOLUTIONS=1. `mkdocs serve`
watches these folders too, so editing a chapter or an exercise reloads its page.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader.course import in_course_order  # noqa: E402  (the one definition of the course order)
COURSE = ("chapters", "exercises")  # the folders outside docs/ that are pages
SECTION = re.compile(r"^(\d+)\.(\d+)-")
GUIDES = [
    {"Home": "index.md"},
    {"Student guide": "students.md"},
    {"Instructor guide": "instructors.md"},
    {"Grading reference": "grading.md"},
    {"Writing for Import Lab": "contributing.md"},
]


def with_solutions() -> bool:
    return os.environ.get("IMPORT_LAB_SOLUTIONS", "") not in ("", "0")


def _sections(folder: str) -> list[Path]:
    if not (REPO / folder).is_dir():
        return []
    found = [p for p in (REPO / folder).iterdir() if p.is_dir() and SECTION.match(p.name)]
    return sorted(found, key=lambda p: tuple(int(n) for n in SECTION.match(p.name).groups()))


def _title(readme: Path) -> str:
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return readme.parent.name


def exercises_in_order(section: Path) -> list[Path]:
    """The exercise folders (with a README) of one section of exercises/, in the course's order."""
    found = {p.name: p for p in section.iterdir() if (p / "README.md").is_file()}
    return [found[name] for name in in_course_order(section.name, list(found), REPO)]


def _course_files(folder: str) -> list[str]:
    if not (REPO / folder).is_dir():
        return []
    return sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def solution_page(exercise: Path) -> str:
    """A generated page that shows every file of one solution, included from the real files."""
    rel = exercise.relative_to(REPO / "exercises").as_posix()
    lines = [f"# Solution: {_title(exercise / 'README.md')}", "", f"[The exercise](../../../exercises/{rel}/README.md)", ""]
    for path in sorted((REPO / "solutions" / rel).rglob("*.py")):
        name = path.relative_to(REPO / "solutions" / rel).as_posix()
        lines += [f'```python title="{name}"', f'--8<-- "solutions/{rel}/{name}"', "```", ""]
    return "\n".join(lines)


def on_files(files: Files, config) -> Files:
    for folder in COURSE:
        for path in _course_files(folder):
            files.append(File(path, str(REPO), config["site_dir"], config["use_directory_urls"]))
    if with_solutions():
        for section in _sections("exercises"):
            for exercise in sorted(p for p in section.iterdir() if (p / "README.md").is_file()):
                uri = f"solutions/{section.name}/{exercise.name}/index.md"
                files.append(File.generated(config, uri, content=solution_page(exercise)))
    return files


def watched() -> list[Path]:
    """What `mkdocs serve` watches besides docs/ and mkdocs.yml: every folder the pages are made from."""
    folders = [*COURSE, "solutions"] if with_solutions() else COURSE
    return [REPO / folder for folder in folders if (REPO / folder).is_dir()]


def on_serve(server, config, builder):
    for folder in watched():
        server.watch(str(folder))
    return server


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The home page's table of chapters, made from the chapters that exist."""
    if page.file.src_uri != "index.md" or "<!-- chapters -->" not in markdown:
        return markdown
    rows = ["| Section | Chapter | Exercises |", "|---|---|---|"]
    for section in _sections("chapters"):
        readme = section / "README.md"
        if not readme.is_file():
            continue
        number, _, title = _title(readme).partition(" ")
        exercise_dir = REPO / "exercises" / section.name
        count = sum(1 for p in exercise_dir.iterdir() if (p / "README.md").is_file()) if exercise_dir.is_dir() else 0
        rows.append(f"| {number} | [{title}](chapters/{section.name}/README.md) | {count} |")
    return markdown.replace("<!-- chapters -->", "\n".join(rows))


def on_config(config):
    chapters = []
    for section in _sections("chapters"):
        readme = section / "README.md"
        if not readme.is_file():
            continue
        entries = [f"chapters/{section.name}/README.md"]
        exercise_dir = REPO / "exercises" / section.name
        if exercise_dir.is_dir():
            for exercise in exercises_in_order(exercise_dir):
                page = f"exercises/{section.name}/{exercise.name}/README.md"
                if with_solutions():
                    entries.append({_title(exercise / "README.md"): [page, {"Solution": f"solutions/{section.name}/{exercise.name}/index.md"}]})
                else:
                    entries.append({_title(exercise / "README.md"): page})
        chapters.append({_title(readme): entries})
    config["nav"] = [*GUIDES, {"Chapters": chapters}]
    return config
