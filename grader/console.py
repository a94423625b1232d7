"""The report a student reads in the terminal."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap


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


def render(
    report: dict,
    stream=sys.stdout,
    hidden: dict | None = None,
    progress: list | None = None,
    workspace: str | None = None,
    interrupted: bool = False,
) -> str:
    """The human report; ``workspace`` names the folder graded when it is not the student's exercises/."""
    style = Style(stream)
    out: list[str] = []
    out.append(style.paint(f"Import Lab: grading with Python {report['python']}", "1"))
    if workspace:
        out.append(f"Workspace: {workspace}")
    chapter = None
    for ex in report["exercises"]:
        if ex["chapter"] != chapter:
            chapter = ex["chapter"]
            section = ex["path"].split("/")[0]
            out.append("")
            out.append(style.paint(f"Section {section}", "1"))
        done = ex["score"] == ex["max_score"] and ex["max_score"] > 0
        mark = style.status("pass" if done else "fail")
        score = f"{ex['score']}/{ex['max_score']}"
        out.append(f"  {mark} {ex['id']}: {ex['title']}  [{score}]")
        for check in ex["checks"]:
            points = f"{check['score']}/{check['max_score']}"
            out.append(f"      {style.status(check['status'])} {check['name'].replace('_', ' ')}  ({points})")
            if check["status"] != "pass" and check["message"]:
                wrapped = textwrap.wrap(check["message"], width=style.width - 10) or [""]
                out.extend("          " + line for line in wrapped)
        if hidden and ex["id"] in hidden:
            more = hidden[ex["id"]]
            out.append(f"      + {more['checks']} hidden check(s), {more['points']} point(s), run when you submit")
    exercises = report["exercises"]
    complete = sum(1 for e in exercises if e["score"] == e["max_score"] and e["max_score"] > 0)
    out.append("")
    total = f"Total: {report['score']}/{report['max_score']} points, {complete} of {len(exercises)} exercises complete."
    out.append(style.paint(total, "1"))
    if hidden:
        shown = {e["id"] for e in exercises}
        count = sum(h["checks"] for i, h in hidden.items() if i in shown)
        points = sum(h["points"] for i, h in hidden.items() if i in shown)
        if count:
            out.append(f"Your submission is also graded by {count} hidden checks worth {points} points.")
    if progress and len(progress) > 2:
        out.append("")
        out.extend(render_progress(progress, style))
    if interrupted:
        out.append("Grading was interrupted (Ctrl-C): checks marked ! did not finish, and nothing was recorded.")
    elif any(c["status"] == "error" for e in exercises for c in e["checks"]):
        out.append("Some checks could not run because the grader failed (marked !): this is not your fault.")
    return "\n".join(out) + "\n"


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
    """The exercises, their folders and the files to edit; ``workspace`` when it is not exercises/."""
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
    return "\n".join(out) + "\n"
