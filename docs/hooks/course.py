"""MkDocs hook: the course's chapters and exercises are pages where they live.

`chapters/` and `exercises/` are added to the build under their own paths,
so a link written for GitHub (`../../exercises/8.2-module-caching/import-once/README.md`)
is the same link on the site. Nothing is copied into docs/. The navigation is
the reading order: home, the student guide, then each chapter followed by its
exercises in the course's order, which grader/course.py defines (the order the
chapter lists them), as grading, `--list` and watch mode use it; the pages
for instructors come last, in a section of their own. Solutions are left out
unless IMPORT_LAB_SOLUTIONS=1. `mkdocs serve` watches these folders too, so
editing a chapter or an exercise reloads its page.

Besides the navigation, the hook adds what only the site needs, all of it
derived from the course's own files: plain-text titles (a README's heading
may hold `code`), a box at the top of each exercise page (its chapter, its
place in it, its folder and files, where to run its commands), edit links
that open the real file, and, for each transcript, the commands alone for
the copy button.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader.course import Exercise, discover, in_course_order  # noqa: E402  (the one definition of the course)

COURSE = ("chapters", "exercises")  # the folders outside docs/ that are pages
SECTION = re.compile(r"^(\d+)\.(\d+)-")
FOR_STUDENTS = [
    {"Home": "index.md"},
    {"Student guide": "students.md"},
]
FOR_INSTRUCTORS = [
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


def plain(title: str) -> str:
    """A heading as plain text, for places that show no Markdown (the navigation, the footer, the browser's tab)."""
    return title.replace("`", "")


def _title(readme: Path) -> str:
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return plain(line[2:].strip())
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
    docs_dir = Path(config["docs_dir"]).resolve()
    for folder in COURSE:
        for path in _course_files(folder):
            file = File(path, str(REPO), config["site_dir"], config["use_directory_urls"])
            # An edit link is edit_uri + this path, and edit_uri points into docs/: the way
            # from there to the real file makes the link open chapters/... or exercises/...
            file.edit_uri = Path(os.path.relpath(REPO / path, docs_dir)).as_posix()
            files.append(file)
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


# -- the exercise box ---------------------------------------------------------------------------

#: A transcript line that runs Python in the exercise's folder (`$ python shop.py`, `$ python3 -m calc`).
RUNS_PYTHON = re.compile(r"^\s*\$ python3?\s", re.MULTILINE)


def _code_list(names: tuple[str, ...]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def exercise_box(exercise: Exercise, number: int, count: int, readme: str) -> str:
    """The admonition shown above an exercise's statement: where it sits and where its files are.

    Every fact comes from grader.course (the course order, the files to edit
    and to read) and from the README itself, so the box cannot disagree with
    what the grader does.
    """
    chapter = REPO / "chapters" / exercise.section / "README.md"
    chapter_title = _title(chapter) if chapter.is_file() else exercise.chapter
    folder = f"exercises/{exercise.path}/"
    lines = [
        f'!!! info exercise "Exercise {number} of {count} in {exercise.chapter}"',
        "",
        f"    From the chapter [{chapter_title}](../../../chapters/{exercise.section}/README.md).",
        "",
        f"    - **Folder:** `{folder}`",
        f"    - **Files to edit:** {_code_list(exercise.edit)}",
    ]
    if exercise.read:
        lines.append(f"    - **Files to read but leave as they are:** {_code_list(exercise.read)}")
    where = (
        f"    - **Where to run commands:** `nox -s grade -- {exercise.id}` in the course's top folder"
        " (the one with `noxfile.py`)"
    )
    if RUNS_PYTHON.search(readme):
        where += f"; the `python` commands below in the exercise's folder (`cd {folder.rstrip('/')}`)"
    lines += [where + ".", "", ""]
    return "\n".join(lines)


def _with_box(markdown: str, box: str) -> str:
    """The README with the box after its first heading."""
    heading = re.search(r"^# .*\n", markdown, re.MULTILINE)
    if not heading:
        return box + markdown
    return markdown[: heading.end()] + "\n" + box + markdown[heading.end() :]


def _home_table() -> str:
    rows = ["| Section | Chapter | Exercises |", "|---|---|---|"]
    for section in _sections("chapters"):
        readme = section / "README.md"
        if not readme.is_file():
            continue
        number, _, title = _title(readme).partition(" ")
        exercise_dir = REPO / "exercises" / section.name
        count = sum(1 for p in exercise_dir.iterdir() if (p / "README.md").is_file()) if exercise_dir.is_dir() else 0
        rows.append(f"| {number} | [{title}](chapters/{section.name}/README.md) | {count} |")
    return "\n".join(rows)


_course: list[Exercise] = []  # discover()'s answer, once per build (on_config clears it)


# -- version tabs ------------------------------------------------------------------------------------

#: A README's version label as GitHub shows it: a line of its own in bold, ``**Python 3.10 to 3.14**``,
#: with the code block for those versions after it (tests/transcripts.py reads the same form); the
#: student guide labels its set-up steps the same way, by operating system.
VERSION_LABEL = re.compile(r"^\*\*(?P<label>Python [0-9][^*]*|Linux|macOS|Windows)\*\*[ \t]*$")
FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?-->")  # such as the transcript checker's <!-- transcript: cwd=... -->


def verified_on(labels: list[str]) -> list[str]:
    """For each tab of a group, the releases its transcripts were checked on, in words ("" if unknown).

    The transcript checker's own table and label rules say it
    (tests/transcripts.py: VERIFIED, parse_label); a copy of the course
    without them (a student template) shows no such line.
    """
    try:
        from tests.transcripts import VERIFIED, parse_label
    except ImportError:
        return ["" for _ in labels]
    parsed = [parse_label(label) for label in labels]
    out = []
    for i, versions in enumerate(parsed):
        excluded = frozenset(r for j, other in enumerate(parsed) if j != i for r in other.releases)
        found = [".".join(map(str, r)) for r in VERIFIED if not versions.error and versions.names(r, excluded)]
        out.append(", ".join(found[:-1]) + " and " + found[-1] if len(found) > 1 else "".join(found))
    return out


def version_tabs(markdown: str) -> str:
    """Labelled code blocks side by side (a label, its block, the next label...) become content tabs.

    On GitHub and in an editor, a reader sees each label in bold above its
    block; the site shows them as tabs, one per label, so that a reader sees
    their own Python's output (and, with ``content.tabs.link``, keeps that
    choice from page to page), each with the releases it was checked on.
    Anything but blank lines between a block and the next label ends the
    group; HTML comments between a label and its block go into the tab with it.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    group: list[tuple[str, list[str]]] = []  # (label, the tab's lines) of the group being read

    def flush() -> None:
        for (label, body), checked in zip(group, verified_on([label for label, _ in group])):
            out.append(f'=== "{label}"')
            out.append("")
            out.extend("    " + line if line.strip() else "" for line in body)
            if checked:
                out.extend(["", f'    <p class="verified-on">Checked on Python {checked}.</p>'])
            out.append("")
        group.clear()

    i = 0
    while i < len(lines):
        label = VERSION_LABEL.match(lines[i])
        j = i + 1
        while label and j < len(lines) and (not lines[j].strip() or COMMENT.fullmatch(lines[j].strip())):
            j += 1
        fence = FENCE.match(lines[j]) if label and j < len(lines) else None
        if not fence:
            if lines[i].strip() and group:
                flush()
            if not group:
                out.append(lines[i])
            i += 1
            continue
        end = j + 1
        while end < len(lines) and lines[end].rstrip() != fence["fence"]:
            end += 1
        body = [line for line in lines[i + 1 : end + 1]]
        while body and not body[0].strip():
            body.pop(0)
        group.append((label["label"].strip(), body))
        i = end + 1
    if group:
        flush()
    return "\n".join(out)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Version tabs, the home page's table of chapters, and the box on every exercise page."""
    markdown = version_tabs(markdown)
    src = page.file.src_uri
    if src == "index.md" and "<!-- chapters -->" in markdown:
        return markdown.replace("<!-- chapters -->", _home_table())
    parts = src.split("/")
    if len(parts) == 4 and parts[0] == "exercises" and parts[3] == "README.md":
        if not _course:
            _course.extend(discover(REPO))
        section = [e for e in _course if e.section == parts[1]]
        for number, exercise in enumerate(section, 1):
            if exercise.id == parts[2]:
                return _with_box(markdown, exercise_box(exercise, number, len(section), markdown))
    return markdown


# -- the copy button ----------------------------------------------------------------------------

CODE_BLOCK = re.compile(r"(<pre[^>]*>(?:<span></span>)?<code)(>)(.*?)(</code></pre>)", re.DOTALL)
#: One line of a highlighted transcript that starts with a prompt (`$ `, `>>> `, `... `), after its line anchor.
PROMPTED = re.compile(r'^(?:<a [^>]*></a>)?<span class="gp">[^<]*</span>(.*)$')


def commands_of(code_html: str) -> str | None:
    """What a transcript's copy button should copy: the lines after a prompt, without the prompt; None if no prompt.

    Pygments marks prompts (`$ `, `>>> `, `... `) as `gp` and output as `go`;
    a line without a prompt is output, a traceback or a blank line of output.
    A bare `...` stays as an empty line: it ends a block in the REPL.
    """
    if 'class="gp"' not in code_html:
        return None
    commands = []
    for line in code_html.split("\n"):
        found = PROMPTED.match(line)
        if found:
            commands.append(html.unescape(re.sub(r"<[^>]+>", "", found[1])).rstrip())
    return "\n".join(commands)


def _copy_commands_only(block: re.Match) -> str:
    commands = commands_of(block[3])
    if commands is None:
        return block[0]
    # Material's copy button copies the data-copy of the nearest element that has one.
    return f'{block[1]} data-copy="{html.escape(commands, quote=True)}"{block[2]}{block[3]}{block[4]}'


def on_page_content(content: str, page, config, files) -> str:
    return CODE_BLOCK.sub(_copy_commands_only, content)


# -- the navigation and the links ------------------------------------------------------------------


def on_config(config):
    _course.clear()
    if not config.get("repo_url"):
        config["edit_uri"] = None  # no repository to edit in (a local build)
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
    config["nav"] = [*FOR_STUDENTS, {"Chapters": chapters}, {"For instructors": FOR_INSTRUCTORS}]
    return config
