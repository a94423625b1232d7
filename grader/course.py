"""The course's exercises, found on disk: nothing to register.

An exercise is its suite, ``grader/suites/<section>/test_<id with _ for ->.py``:
the suites decide what exists and what it is worth, never the folders a
student has (in GitHub Classroom the assignment protects ``grader/``, while
the student's repository is theirs to change). Beside the suite, the course has

* ``exercises/<section>/<id>/``  the statement (README.md) and the stub files;
* ``solutions/<section>/<id>/``  the same files, solved.

A missing exercise folder is graded as such (zero, out of the suite's
points); a folder with no suite is not an exercise (see :func:`strays`).
``<section>`` is a folder such as ``8.2-module-caching``; its number is the chapter.

Two more facts are read here, and only here, from what the course already says:

* **the course order** (:func:`discover`, :func:`chapter_order`): sections by
  number, and within a section the order in which its chapter's README links
  its exercises (the links of its "Exercises" list, then any other link, in
  the order of the text); an exercise no chapter links comes last, in id
  order. Grading, ``--list``, progress and "next", watch mode and the site's
  navigation all take it from here.
* **whose files are whose** (:func:`roles`): the files the student edits
  and the ones they only read, from the "Your task" part of the exercise's
  README: the files its opening sentence names ("In `settings.py`: ...",
  "Change `greetapp/__main__.py` so that"), or every file when it names
  none; minus every file a sentence tells the student to leave alone
  ("leave `config.py` alone", "leave `bank/__init__.py` exactly as it is").
"""

from __future__ import annotations

import difflib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

COURSE_ROOT = Path(__file__).resolve().parent.parent
SUITES = Path(__file__).resolve().parent / "suites"
SECTION_RE = re.compile(r"^(\d+\.\d+)-[a-z0-9-]+$")


class UsageError(Exception):
    """The command line asked for something that does not exist (exit code 2)."""


@dataclass(frozen=True)
class Exercise:
    id: str  # folder name, unique in the course: "run-once"
    chapter: str  # "8.2"
    section: str  # "8.2-module-caching"
    title: str  # first heading of the exercise README
    files: tuple[str, ...]  # every file of the exercise folder but its README, relative to it
    suite: Path  # the pytest file holding its checks
    edit: tuple[str, ...] = ()  # the files the student edits (see roles())
    read: tuple[str, ...] = ()  # the files the README says to leave alone, and data the task never names

    @property
    def path(self) -> str:
        """The exercise folder relative to a workspace root."""
        return f"{self.section}/{self.id}"

    def folder(self, workspace: Path) -> Path:
        return workspace / self.section / self.id


def hidden_checks(root: Path = COURSE_ROOT) -> dict[str, dict]:
    """In a student template: {exercise id: {"checks": n, "points": p}} left out of its suites."""
    try:
        return json.loads((root / "grader" / "suites" / "hidden.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def suite_name(exercise_id: str) -> str:
    return "test_" + exercise_id.replace("-", "_") + ".py"


def _title(readme: str, fallback: str) -> str:
    """The first level-one heading of a README's text."""
    for line in readme.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def _stub_files(folder: Path) -> tuple[str, ...]:
    # os.walk, not Path.rglob: every grading run lists all the exercises, and rglob took four times as long.
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = Path(top).relative_to(folder)
        found += [(rel / name).as_posix() for name in files if name != "README.md"]
    return tuple(sorted(found))


def exercise_id(suite: Path) -> str:
    """``test_import_once.py`` -> ``import-once``."""
    return suite.stem[len("test_") :].replace("_", "-")


def _sections(folder: Path) -> list[tuple[str, Path]]:
    """(chapter, section folder) for the section folders in ``folder``, in section order."""
    try:
        found = [p for p in folder.iterdir() if p.is_dir() and SECTION_RE.match(p.name)]
    except OSError:
        return []
    return [(SECTION_RE.match(p.name).group(1), p) for p in sorted(found, key=_section_key)]


#: A link to one exercise of a section, as a chapter writes it (``../../exercises/<section>/<id>/README.md``).
EXERCISE_LINK = r"exercises/{section}/([A-Za-z0-9_.-]+)/README\.md"
#: The heading of a chapter's list of its exercises.
EXERCISES_HEADING = re.compile(r"^(#{2,6})\s+Exercises\s*$", re.IGNORECASE | re.MULTILINE)


def chapter_order(section: str, course_root: Path = COURSE_ROOT) -> list[str]:
    """The ids of the exercises ``chapters/<section>/README.md`` links, in the order it lists them.

    The links of its "Exercises" list come first, in that list's order (a
    chapter may mention an exercise earlier in its text, as an aside); then
    those linked only elsewhere, in the order of the text. A chapter that is
    missing links nothing.
    """
    try:
        text = (course_root / "chapters" / section / "README.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    link = re.compile(EXERCISE_LINK.format(section=re.escape(section)))
    listed = ""
    heading = EXERCISES_HEADING.search(text)
    if heading:
        level = len(heading[1])
        rest = text[heading.end() :]
        after = re.search(rf"^#{{1,{level}}}\s", rest, re.MULTILINE)
        listed = rest[: after.start()] if after else rest
    return list(dict.fromkeys([*link.findall(listed), *link.findall(text)]))


def in_course_order(section: str, ids: list[str], course_root: Path = COURSE_ROOT) -> list[str]:
    """``ids`` (exercises of one section) in the course's order: as the chapter lists them, the others last by id."""
    linked = {ex_id: i for i, ex_id in enumerate(chapter_order(section, course_root))}
    return sorted(ids, key=lambda ex_id: (linked.get(ex_id, len(linked)), ex_id))


#: "In `settings.py` ...", "Change `greetapp/__main__.py` so that", "Change the imports in `a.py` and `b.py`":
#: any file named in the words before the first step; a sentence telling the student to leave files alone.
LEAVE = re.compile(
    r"\b[Ll]eave\s+(?P<what>(?:`[^`]*`|[^`.:;()])*?)\s+"
    r"(?:alone|untouched|(?:exactly\s+)?as\s+(?:it|they)\s+(?:is|are))\b"
)
TASK = re.compile(r"^##\s+Your task\s*$(?P<task>.*?)(?=^##\s|\Z)", re.MULTILINE | re.DOTALL)
FIRST_STEP = re.compile(r"^\s*1\.\s", re.MULTILINE)


def roles(readme: str, files: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the files the student edits, the files they only read), decided from the exercise's README.

    The student edits the files that the opening words of "Your task" name
    (every file, when they name none), except those that a sentence of the
    task tells them to leave alone, which they read. A file the task never
    names, beside named ones (a data file, the example plugins), is read too.
    """
    found = TASK.search(readme)
    task = found["task"] if found else ""  # no task to read: every file is the student's
    step = FIRST_STEP.search(task)
    intro = task[: step.start()] if step else ""

    def named(text: str) -> set[str]:
        return {name.strip().removeprefix("./") for name in re.findall(r"`([^`\n]+)`", text)} & set(files)

    left = set().union(*(named(m["what"]) for m in LEAVE.finditer(task)))
    edit = [f for f in files if f in (named(intro) or set(files)) and f not in left]
    if not edit:  # a README that leaves everything alone would leave nothing to do: trust the folder
        edit = list(files)
    return tuple(edit), tuple(f for f in files if f not in edit)


def discover(course_root: Path = COURSE_ROOT) -> list[Exercise]:
    """Every exercise of the course (one per suite), in the course order (see :func:`chapter_order`)."""
    found = []
    for chapter, suites in _sections(course_root / "grader" / "suites"):
        by_id = {exercise_id(suite): suite for suite in suites.glob("test_*.py")}
        for ex_id in in_course_order(suites.name, list(by_id), course_root):
            ex_dir = course_root / "exercises" / suites.name / ex_id
            readme = ex_dir / "README.md"
            try:
                text = readme.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            files = _stub_files(ex_dir) if ex_dir.is_dir() else ()
            edit, read = roles(text, files)
            found.append(
                Exercise(
                    id=ex_id,
                    chapter=chapter,
                    section=suites.name,
                    title=_title(text, ex_id),
                    files=files,
                    suite=by_id[ex_id],
                    edit=edit,
                    read=read,
                )
            )
    return found


def strays(workspace: Path, exercises: list[Exercise]) -> list[str]:
    """Folders in ``workspace`` laid out like exercises that no suite grades ("8.2-module-caching/extra")."""
    known = {e.path for e in exercises}
    found = []
    for _, section in _sections(workspace):
        for folder in sorted(p for p in section.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            if f"{section.name}/{folder.name}" not in known:
                found.append(f"{section.name}/{folder.name}")
    return found


def _section_key(path: Path):
    match = SECTION_RE.match(path.name)
    if not match:
        return (999, 999, path.name)
    major, minor = match.group(1).split(".")
    return (int(major), int(minor), path.name)


def find(exercise_id: str, exercises: list[Exercise] | None = None) -> Exercise:
    """The one exercise with this id; UsageError, with a suggestion, if there is none."""
    exercises = discover() if exercises is None else exercises
    for e in exercises:
        if e.id == exercise_id:
            return e
    close = difflib.get_close_matches(exercise_id, [e.id for e in exercises], n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else " `nox -s grade -- --list` shows them all."
    raise UsageError(f"{exercise_id!r} is not an exercise id.{hint}")


def declared_points(suite: Path) -> dict[str, tuple[int, int]]:
    """{test function: (points, 0-based line)} read from a suite's source, without importing it.

    Each ``test_*`` function counts ``@pytest.mark.points(N)`` (1 without
    it), as the plugin does. Only the functions pytest collects are looked
    at: those of the module, and the methods of its ``Test*`` classes. A
    suite that does not parse gives ``{}``.
    """
    import ast

    try:
        tree = ast.parse(suite.read_text(encoding="utf-8"), filename=str(suite))
    except (OSError, ValueError, SyntaxError):
        return {}
    found = {}
    collected = [*tree.body]
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            collected += node.body
    for node in collected:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
            points = 1
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and (deco.func.attr if isinstance(deco.func, ast.Attribute) else getattr(deco.func, "id", "")) == "points"
                    and deco.args
                    and isinstance(deco.args[0], ast.Constant)
                    and isinstance(deco.args[0].value, int)
                ):
                    points = deco.args[0].value
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            found[node.name] = (points, first - 1)
    return found


POINTS_RE = re.compile(r"^\s*@(?:pytest\.)?(?:mark\.)?points\(\s*(\d+)\s*\)", re.MULTILINE)


def suite_points(suite: Path) -> int:
    """The points a suite declares, without importing it (at least 1, so a broken suite never looks complete)."""
    declared = declared_points(suite)
    if declared:
        return max(1, sum(points for points, _ in declared.values()))
    try:  # it does not parse: count the markers in its text
        text = suite.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1
    return max(1, sum(int(n) for n in POINTS_RE.findall(text)))


# -- selectors --------------------------------------------------------------------------------


def _suggest(name: str, exercises: list[Exercise]) -> str:
    known = sorted({e.chapter for e in exercises} | {e.section for e in exercises} | {e.id for e in exercises})
    close = difflib.get_close_matches(name, known, n=3)
    return f" Did you mean {', '.join(close)}?" if close else " Run with --list to see them all."


def _on_disk(text: str, cwd: Path) -> Path | None:
    """The file or folder a path-like selector names, if it exists (relative to cwd, then to the course)."""
    if "/" not in text and "\\" not in text and not text.startswith((".", "~")):
        return None  # a plain name: a section or an exercise id, never a folder of the current directory
    path = Path(text).expanduser()
    for candidate in [path] if path.is_absolute() else [cwd / path, COURSE_ROOT / path]:
        if candidate.exists():
            return candidate.resolve()
    return None


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd.resolve()).as_posix() or "."
    except ValueError:
        return str(path)


def _by_path(raw: str, path: Path, exercises: list[Exercise]) -> tuple[list[Exercise], Path | None]:
    """(exercises, the workspace the path lies in) for a folder or file inside a section folder."""
    sections = {e.section for e in exercises}
    at = [i for i, part in enumerate(path.parts) if part in sections]
    if not at:
        raise UsageError(
            f"{raw!r} is {path}, which is not a section or exercise folder "
            "(those look like exercises/8.2-module-caching/import-once). Give no selector to grade everything."
        )
    i = at[-1]
    section, base, rest = path.parts[i], Path(*path.parts[:i]), path.parts[i + 1 :]
    if base == COURSE_ROOT / "chapters":
        if rest:
            chapter = next(e.chapter for e in exercises if e.section == section)
            raise UsageError(f"{raw!r} is inside a chapter, which holds no exercises: name the section ({chapter}) or an exercise id")
        return [e for e in exercises if e.section == section], None
    if rest:
        matched = [e for e in exercises if e.section == section and e.id == rest[0]]
        if not matched:
            raise UsageError(f"{section} has no exercise called {rest[0]!r} (from {raw!r}).{_suggest(rest[0], exercises)}")
    else:
        matched = [e for e in exercises if e.section == section]
    return matched, base


def _by_name(raw: str, text: str, exercises: list[Exercise]) -> list[Exercise]:
    parts = [p for p in text.replace("\\", "/").split("/") if p not in ("", ".")]
    if parts[:1] in (["chapters"], ["exercises"]):
        parts = parts[1:]
    if not parts:
        raise UsageError(f"{raw!r} names no section or exercise. Give no selector to grade everything.")
    if len(parts) > 2:
        raise UsageError(f"no section or exercise is called {raw!r}, and there is no such folder.{_suggest(parts[-1], exercises)}")
    head = parts[0]
    if len(parts) == 1:
        matched = [e for e in exercises if head in (e.chapter, e.section, e.id)]
    else:  # 8.2/import-once or 8.2-module-caching/import-once
        matched = [e for e in exercises if head in (e.chapter, e.section) and e.id == parts[1]]
    if not matched:
        raise UsageError(f"no section or exercise is called {raw!r}.{_suggest(parts[-1], exercises)}")
    return matched


def resolve(
    exercises: list[Exercise], selectors: list[str], workspace: Path | None = None, cwd: Path | None = None
) -> tuple[list[Exercise], Path]:
    """(the exercises the selectors name, the workspace to grade them in).

    A selector is a section number (``8.2``), a section folder name, an
    exercise id, ``8.2/import-once``, or a path (relative or absolute) to a
    section or exercise folder. A path into ``chapters/`` or the course's own
    ``exercises/`` names exercises only; a path into any other workspace
    (``solutions/8.2-module-caching/import-once``) also selects that
    workspace. ``workspace`` is the one ``--workspace`` gave, if any: the
    selectors' workspace must agree with it. Raises UsageError, with a
    suggestion, for a selector that matches nothing or a clash of workspaces.
    """
    cwd = Path.cwd() if cwd is None else cwd
    default = (COURSE_ROOT / "exercises").resolve()
    chosen: list[Exercise] = []
    named: dict[Path, str] = {}  # workspace -> the first selector that named it
    for raw in selectors:
        text = raw.strip()
        if not text:
            raise UsageError("an empty selector names nothing. Give no selector to grade everything.")
        path = _on_disk(text, cwd)
        if path is None:
            matched = _by_name(raw, text, exercises)
        else:
            matched, base = _by_path(raw, path, exercises)
            if base is not None:
                named.setdefault(base.resolve(), raw)
        chosen.extend(e for e in matched if e not in chosen)
    order = {e.id: i for i, e in enumerate(exercises)}
    chosen = sorted(chosen, key=lambda e: order[e.id]) if selectors else list(exercises)

    others = {w: raw for w, raw in named.items() if w != default}
    if workspace is not None:
        workspace = workspace.resolve()
        clash = {w: raw for w, raw in others.items() if w != workspace}
        if clash:
            w, raw = next(iter(clash.items()))
            raise UsageError(
                f"{raw!r} is in the workspace {_shown(w, cwd)}, but --workspace is {_shown(workspace, cwd)}:"
                " grade one workspace at a time"
            )
        return chosen, workspace
    if len(named) > 1:
        (a, ra), (b, rb) = list(named.items())[:2]
        raise UsageError(
            f"{ra!r} and {rb!r} are in different workspaces ({_shown(a, cwd)} and {_shown(b, cwd)}):"
            " grade one workspace at a time"
        )
    return chosen, next(iter(named), default)


def select(exercises: list[Exercise], selectors: list[str]) -> list[Exercise]:
    """Exercises matching any selector (see :func:`resolve`); raises UsageError for one that matches nothing."""
    return resolve(exercises, selectors)[0]
