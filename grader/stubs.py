"""The stubs as the course gives them: a digest of every file, to tell an exercise the student has not started.

``grader/stubs.sha256`` lists, for every file of every exercise in
``exercises/``, the SHA-256 of its text (line endings made ``\\n``, so a
Windows checkout that turned them into ``\\r\\n`` still matches), in the
format ``sha256sum`` writes. It is kept with the grader, which a Classroom
assignment protects, and checked against the stubs by the project's tests.

Why not ask git: a student commits their work (GitHub Classroom grades what
they push), so their own HEAD says nothing about what the course gave them.

``python -m grader.stubs`` writes the list again after a stub has changed.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from .course import COURSE_ROOT, Exercise, discover

MANIFEST = Path(__file__).with_name("stubs.sha256")


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes with ``\\r\\n`` made ``\\n``."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def listed(manifest: Path = MANIFEST) -> dict[str, str]:
    """{"<section>/<id>/<file>": digest} from the manifest; empty when it is missing or unreadable."""
    try:
        text = manifest.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found = {}
    for line in text.splitlines():
        value, sep, name = line.partition("  ")
        if sep and len(value) == 64:
            found[name] = value
    return found


def current(exercises: list[Exercise], workspace: Path) -> dict[str, str]:
    """What the manifest would say about ``workspace`` (the exercises' files, each by its digest)."""
    found = {}
    for e in exercises:
        folder = e.folder(workspace)
        for name in e.files:
            try:
                found[f"{e.path}/{name}"] = digest(folder / name)
            except OSError:
                pass
    return found


def as_given(exercises: list[Exercise], workspace: Path) -> dict[str, bool | None]:
    """{exercise id: whether its files are the stubs exactly as the course gives them (None: cannot tell)}.

    Only the student's own ``exercises/`` can hold untouched stubs; another
    workspace (a gradebook's submission, a variant, the solutions) is
    someone's work: False. An exercise the manifest does not know cannot be
    told (None). A file added or removed counts as a change.
    """
    if workspace.resolve() != (COURSE_ROOT / "exercises").resolve():
        return {e.id: False for e in exercises}
    known = listed()
    found = current(exercises, workspace)
    answer: dict[str, bool | None] = {}
    for e in exercises:
        prefix = e.path + "/"
        given = {k: v for k, v in known.items() if k.startswith(prefix)}
        mine = {k: v for k, v in found.items() if k.startswith(prefix)}
        answer[e.id] = (mine == given) if given else None
    return answer


def render(found: dict[str, str]) -> str:
    return "".join(f"{value}  {name}\n" for name, value in sorted(found.items()))


def main() -> int:
    """Write the manifest from the course's exercises/ as it is now."""
    exercises = discover()
    MANIFEST.write_text(render(current(exercises, COURSE_ROOT / "exercises")), encoding="utf-8", newline="\n")
    print(f"wrote {MANIFEST.relative_to(COURSE_ROOT)}: {sum(len(e.files) for e in exercises)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
