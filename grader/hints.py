"""``python -m grader.hints EXERCISE`` (``nox -s hint -- EXERCISE``): the next hint, one at a time.

Hints are the exercise README's folded ``<details class="hint">`` blocks, in
order: a ``<summary>`` line with the hint's title, then its Markdown text,
between blank lines, so that GitHub, an editor's preview and the course site
all fold it (see docs/contributing.md, "An exercise"). Which ones were shown
is remembered in the progress state; ``--again`` starts over, ``--all`` shows
every hint.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import textwrap

from . import progress
from .course import COURSE_ROOT, Exercise, UsageError, find

OPEN = re.compile(r"""^\s*<details\b(?P<attrs>[^>]*)>\s*(?P<rest>.*)$""", re.I)
HINT_CLASS = re.compile(r"""\bclass\s*=\s*["'](?:[^"']*\s)?hint(?:\s[^"']*)?["']""", re.I)
SUMMARY = re.compile(r"^\s*<summary>(?P<title>.*?)</summary>\s*$", re.I | re.S)
CLOSE = re.compile(r"^\s*</details>\s*$", re.I)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _plain(title: str) -> str:
    """A summary's HTML as the terminal shows it: ``<code>x</code>`` as `x`, entities as characters."""
    title = re.sub(r"<code>(.*?)</code>", lambda m: f"`{m[1]}`", title, flags=re.I | re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", title)).strip()


def parse_hints(readme: str) -> list[tuple[str, str]]:
    """[(title, text)] of the ``<details class="hint">`` blocks of a README's text, in order.

    The title is the ``<summary>``'s text without "Hint N:" (the caller numbers
    hints itself); the text is the Markdown between ``</summary>`` and
    ``</details>``, as written. A fenced code block in the text may hold any line.
    """
    lines = readme.splitlines()
    found, i = [], 0
    while i < len(lines):
        opened = OPEN.match(lines[i])
        i += 1
        if not opened or not HINT_CLASS.search(opened["attrs"]):
            continue
        head, body, fence = [opened["rest"]] if opened["rest"] else [], [], None
        while i < len(lines) and lines[i].strip() and "</summary>" not in "\n".join(head).lower():
            head.append(lines[i])  # the <summary> is in the HTML block that <details> opens: up to a blank line
            i += 1
        summary = SUMMARY.match("\n".join(head).strip())
        while i < len(lines):
            line = lines[i]
            i += 1
            marker = FENCE.match(line)
            if fence is None and CLOSE.match(line):
                break
            if marker and (fence is None or marker[1][0] == fence[0] and len(marker[1]) >= len(fence)):
                fence = None if fence is not None else marker[1]
            body.append(line)
        title = _plain(summary["title"]) if summary else ""
        title = re.sub(r"^Hint\s*\d+\s*:\s*", "", title)  # we number them ourselves
        found.append((title, textwrap.dedent("\n".join(body)).strip()))
    return found


def hints_of(exercise: Exercise) -> list[tuple[str, str]]:
    """[(title, text)] of the exercise's hints, in the order of its README."""
    return parse_hints((COURSE_ROOT / "exercises" / exercise.path / "README.md").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="nox -s hint --", description="Show the next hint for an exercise.")
    p.add_argument("exercise", help="the exercise id, e.g. import-once")
    p.add_argument("--again", action="store_true", help="forget which hints were shown and start over")
    p.add_argument("--all", action="store_true", help="show every hint at once")
    args = p.parse_args(argv)
    try:
        exercise = find(args.exercise)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    hints = hints_of(exercise)
    if not hints:
        print(f"{exercise.id} has no hints.")
        return 0
    state = progress.load()
    shown = 0 if args.again else int(state["hints"].get(exercise.id, 0))
    if args.all:
        chosen = list(enumerate(hints, 1))
    elif shown >= len(hints):
        print(f"You have seen all {len(hints)} hints for {exercise.id}.")
        print(f"Run `nox -s hint -- {exercise.id} --all` to read them again, or re-read the chapter it links to.")
        return 0
    else:
        chosen = [(shown + 1, hints[shown])]
    for number, (title, text) in chosen:
        print(f"Hint {number} of {len(hints)} for {exercise.id}: {title}")
        print()
        print(textwrap.indent(text, "    "))
        print()
    state["hints"][exercise.id] = max(shown, chosen[-1][0])
    progress.save(state)
    remaining = len(hints) - state["hints"][exercise.id]
    if remaining and not args.all:
        print(f"({remaining} more: run `nox -s hint -- {exercise.id}` again.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
