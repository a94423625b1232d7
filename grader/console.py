"""The report a student reads in the terminal."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

from .report import start_here

#: The newest Python the course's text was checked on (tests/transcripts.py VERIFIED holds the releases;
#: tests/test_newer_python.py keeps the two in step).
NEWEST_VERIFIED = (3, 15)


def _supports(symbols: str, stream) -> bool:
    try:
        symbols.encode(getattr(stream, "encoding", None) or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


class Style:
    def __init__(self, stream=sys.stdout):
        tty = hasattr(stream, "isatty") and stream.isatty()
        self.color = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        unicode = _supports("✓✗…", stream)
        self.marks = {
            "pass": "✓" if unicode else "+",
            "fail": "✗" if unicode else "x",
            "timeout": "⏱" if _supports("⏱", stream) else "T",
            "error": "!",
            "skipped": "-",
        }
        self.width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def status(self, status: str) -> str:
        colors = {"pass": "32", "fail": "31", "timeout": "33", "error": "35", "skipped": "2"}
        return self.paint(self.marks[status], colors[status])


INTERRUPTED = "Grading was interrupted (Ctrl-C): checks marked ! did not finish, and nothing was recorded."
GRADER_FAILED = "Some checks could not run because the grader failed (marked !): this is not your fault."


def _done(ex: dict) -> bool:
    return ex["score"] == ex["max_score"] and ex["max_score"] > 0


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, never breaking a path or a name at its hyphens."""
    return textwrap.wrap(text, width=width, break_on_hyphens=False)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _message_lines(message: str, width: int, indent: str) -> list[str]:
    """A check's message: its sentences wrapped; what the student's code printed as it was, each line cut."""
    first, *rest = message.split("\n")
    lines = [indent + line for line in _wrap(first, width - len(indent)) or [""]]
    return lines + [_cut(indent + line, width) for line in rest]


def _exercise(
    ex: dict, style: Style, hidden: dict | None, workspace: str, heading: str = "", brief: bool = False
) -> list[str]:
    """One exercise in full: its line, every check with its points, and the messages of those that did not pass.

    For an exercise not started yet (report.for_beginners) the pointer to
    its README, which its messages carry as their hint, is said once, after
    the checks; with ``brief`` (in a short report), only the first failing
    check's message is shown then: the others would say again that the
    exercise is a stub.
    """
    score = f"[{ex['score']}/{ex['max_score']}]"
    if heading:
        out = [style.paint(line, "1") for line in _wrap(f"{heading}{ex['id']}, {ex['title']}  {score}", style.width)]
    else:
        out = [f"  {style.status('pass' if _done(ex) else 'fail')} {ex['id']}: {ex['title']}  {score}"]
    pointer = start_here(ex["path"], workspace)
    pointer = pointer if any(pointer in c["message"] for c in ex["checks"]) else None
    said = False
    for check in ex["checks"]:
        points = f"{check['score']}/{check['max_score']}"
        out.append(f"      {style.status(check['status'])} {check['name'].replace('_', ' ')}  ({points})")
        if check["status"] == "pass" or not check["message"] or (brief and pointer and said):
            continue
        message = check["message"]
        if pointer:
            message = message.replace(f" Hint: {pointer}", "", 1)
        out.extend(_message_lines(message, style.width, "          "))
        said = True
    if pointer:
        text = f'Not started: read {workspace}/{ex["path"]}/README.md and begin with step 1 of "Your task".'
        out.extend("      " + line for line in _wrap(text, style.width - 6))
    if hidden and ex["id"] in hidden:
        more = hidden[ex["id"]]
        out.append(f"      + {more['checks']} hidden check(s), {more['points']} point(s), run when you submit")
    return out


def _one_line_each(exercises: list[dict], style: Style, first: dict | None = None) -> list[str]:
    """A line per exercise: its mark, section, id, score, and its first check that did not pass.

    A section where no check passes at all, other than the section of
    ``first`` (the exercise shown in full), gets one line for all its
    exercises: a course of untouched stubs then fits on one screen however
    many exercises it has, and the student sees where to start, not a wall
    of zeros.
    """
    sections: dict[str, list[dict]] = {}
    for ex in exercises:
        sections.setdefault(ex["chapter"], []).append(ex)
    folded = {
        chapter
        for chapter, members in sections.items()
        if len(members) > 1
        and not (first and first["chapter"] == chapter)
        and not any(c["status"] == "pass" for e in members for c in e["checks"])
    }
    id_width = max(len(e["id"]) for e in exercises)
    score_width = max(
        [len(f"{e['score']}/{e['max_score']}") for e in exercises]
        + [len(f"0/{sum(e['max_score'] for e in sections[chapter])}") for chapter in folded]
    )
    out = []
    for chapter, members in sections.items():
        if chapter in folded:
            score = f"0/{sum(e['max_score'] for e in members)}"
            line = f"{chapter} {f'{len(members)} exercises':<{id_width}}  {score:>{score_width}}  no check passes yet"
            out.append(f"  {style.status('fail')} " + _cut(line, style.width - 4))
            continue
        for ex in members:
            failing = next((c for c in ex["checks"] if c["status"] != "pass"), None)
            what = "complete" if _done(ex) else failing["name"].replace("_", " ") if failing else "no checks"
            score = f"{ex['score']}/{ex['max_score']}"
            line = f"{ex['chapter']} {ex['id']:<{id_width}}  {score:>{score_width}}  {what}"
            out.append(f"  {style.status('pass' if _done(ex) else 'fail')} " + _cut(line, style.width - 4))
    return out


def render(
    report: dict,
    stream=sys.stdout,
    hidden: dict | None = None,
    progress: list | None = None,
    workspace: str | None = None,
    interrupted: bool = False,
    full: bool = True,
    following=None,
) -> str:
    """The human report; ``workspace`` names the folder graded when it is not the student's exercises/.

    Without ``full``, a report of several exercises of which several are
    unfinished is sized for a beginner: one line per exercise, then the
    first unfinished one (in the course order, the report's) in full, and
    a line saying how to see everything. ``following`` is the exercise to do
    next (grader.progress), said when everything graded here passes.
    """
    style = Style(stream)
    exercises = report["exercises"]
    unfinished = [e for e in exercises if not _done(e)]
    where = workspace or "exercises"
    out: list[str] = [style.paint(f"Import Lab: grading with Python {report['python']}", "1")]
    if notice := newer_than_verified(report["python"]):
        out += _wrap(notice, style.width)
    if workspace:
        out.append(f"Workspace: {workspace}")
    short = not full and len(exercises) > 1 and len(unfinished) > 1
    if short:
        out.append("")
        out.extend(_one_line_each(exercises, style, unfinished[0]))
    else:
        chapter = None
        for ex in exercises:
            if ex["chapter"] != chapter:
                chapter = ex["chapter"]
                out.append("")
                out.append(style.paint(f"Section {ex['path'].split('/')[0]}", "1"))
            out.extend(_exercise(ex, style, hidden, where))
    complete = len(exercises) - len(unfinished)
    if not short:
        out.append("")
    total = f"Total: {report['score']}/{report['max_score']} points, {complete} of {len(exercises)} exercises complete."
    out.append(style.paint(total, "1"))
    if hidden:
        shown = {e["id"] for e in exercises}
        count = sum(h["checks"] for i, h in hidden.items() if i in shown)
        points = sum(h["points"] for i, h in hidden.items() if i in shown)
        if count:
            out.append(f"Your submission is also graded by {count} hidden checks worth {points} points.")
    # The progress table says again what one line per exercise says, when the whole course was graded.
    if progress and len(progress) > 2 and not (short and len(exercises) == progress[-1][2]):
        out.append("")
        out.extend(render_progress(progress, style))
    if short:
        out.append("")
        out.extend(_exercise(unfinished[0], style, None, where, heading="Start here: ", brief=True))
        out.append("")
        out.append(_cut("Every check of every exercise: nox -s grade -- --full", style.width))
    elif following is not None and not unfinished:
        out.append(f"Next: {following.id}, {following.title} (exercises/{following.path}/README.md)")
    if interrupted:
        out += _wrap(INTERRUPTED, style.width)
    elif any(c["status"] == "error" for e in exercises for c in e["checks"]):
        out += _wrap(GRADER_FAILED, style.width)
    return "\n".join(out) + "\n"


def newer_than_verified(python: str) -> str | None:
    """One sentence for a Python newer than the course was checked on, once per report; None for the others.

    The checks assert on what code does, not on wording, so grading holds;
    what a newer Python may change is what the chapters show it printing.
    """
    numbers = python.split(".")[:2]
    if len(numbers) < 2 or not all(n.isdigit() for n in numbers):
        return None
    minor = (int(numbers[0]), int(numbers[1]))
    if minor <= NEWEST_VERIFIED:
        return None
    newest = "{}.{}".format(*NEWEST_VERIFIED)
    return f"Note: the chapters show Python up to {newest}; {minor[0]}.{minor[1]} may word messages differently."


def render_progress(rows: list, style: Style) -> list[str]:
    """Exercises done and points so far, per section and for the course."""
    out = [style.paint("Progress (latest result of every exercise)", "1")]
    width = max(len(r[0]) for r in rows)
    for section, done, total, points, known in rows:
        name = "course" if section == "all" else section
        bar_len = 10 if style.width >= 60 else 0
        filled = round(bar_len * done / total) if total else 0
        bar = ("#" * filled + "." * (bar_len - filled) + "  ") if bar_len else ""
        graded = f"{points}/{known} points so far" if known else "not graded yet"
        line = f"  {name:<{width}}  {bar}{done}/{total} exercises, {graded}"
        out.append(style.paint(line, "1") if section == "all" else line)
    return out


def render_listing(report: dict, workspace: str | None = None, missing: frozenset[str] = frozenset()) -> str:
    """The exercises in the course order, the files to edit and those to read; ``workspace`` when not exercises/."""
    out = [f"Workspace: {workspace}"] if workspace else []
    chapter = None
    for ex in report["exercises"]:
        if ex["chapter"] != chapter:
            chapter = ex["chapter"]
            out.append(f"{ex['path'].split('/')[0]}")
        out.append(f"  {ex['id']:<24} {ex['title']}")
        if ex["id"] in missing:
            out.append(f"  {'':<24} missing: this workspace has no folder {ex['path']}")
        else:
            out.append(f"  {'':<24} edit: {', '.join(ex['files']) or '(no files)'}")
            if ex.get("read"):
                out.append(f"  {'':<24} read: {', '.join(ex['read'])}")
    return "\n".join(out) + "\n"
