"""``python -m grader.hints EXERCISE`` (``nox -s hint -- EXERCISE``): the next hint, one at a time.

Hints are the exercise README's folded ``??? hint "Title"`` blocks, in order.
Which ones were shown is remembered in the progress state; ``--again``
starts over, ``--all`` shows every hint.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap

from . import progress
from .course import COURSE_ROOT, Exercise, UsageError, find

HINT = re.compile(r'^\?\?\?\+?\s+(?:hint|tip)\s+"(?P<title>[^"]*)"\s*$')


def hints_of(exercise: Exercise) -> list[tuple[str, str]]:
    """[(title, text)] of the exercise's hints, in the order of its README."""
    lines = (COURSE_ROOT / "exercises" / exercise.path / "README.md").read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        m = HINT.match(line)
        if not m:
            continue
        body = []
        for following in lines[i + 1 :]:
            if following.strip() and not following.startswith("    "):
                break
            body.append(following[4:])
        title = re.sub(r"^Hint\s*\d+\s*:\s*", "", m["title"])  # we number them ourselves
        found.append((title, textwrap.dedent("\n".join(body)).strip()))
    return found


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
