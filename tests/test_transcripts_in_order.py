"""A chapter's demos work when a student follows them: in order, in one folder, and a second time.

tests/test_transcripts.py gives every block a fresh copy of its folder. A student
has one folder: whatever a demo writes, deletes or leaves in ``__pycache__`` is
there for the next demo, and for the next time they work through the chapter.
So here each chapter's blocks run in the order the page shows them, all in ONE
copy of the chapter's folder, and then all again in the same copy. A demo that
changes files must put them back (or work on a copy the text asks for): at the
end, every file but the bytecode in ``__pycache__`` must be as the course has it.
"""

from __future__ import annotations

import difflib
import sys

import pytest

from .transcripts import REPO, Workspace, extract, run_console, run_pycon

RELEASE = tuple(sys.version_info[:3])
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="transcripts run in bash")
CHAPTERS = sorted(REPO.glob("chapters/*/README.md"))
PASSES = 2  # the second pass finds demos that only work in a folder nobody has used yet


def files_in(folder) -> dict[str, bytes]:
    """Every file below ``folder`` and its contents, leaving out the bytecode caches Python writes by itself."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.relative_to(folder).parts
    }


def leftovers(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    return (
        [f"{name} was left behind" for name in after.keys() - before.keys()]
        + [f"{name} is gone" for name in before.keys() - after.keys()]
        + [f"{name} was changed" for name in before.keys() & after.keys() if before[name] != after[name]]
    )


def problems_in_order(readme, python: str, passes: int = PASSES) -> list[str]:
    """Differences between the text and what ``python`` prints, running the page's blocks in order in one copy.

    Also every file the demos leave different from the course's copy (``__pycache__`` aside).
    """
    blocks = [b for b in extract(readme) if not b.skip and b.applies_to(RELEASE)]
    if not blocks:
        return []
    ws = Workspace(blocks[0], python)
    problems = []
    try:
        before = files_in(ws.folder)
        for n in range(1, passes + 1):
            for block in blocks:
                ws.cwd = (ws.folder / block.cwd).resolve()
                runner = run_console if block.kind == "console" else run_pycon
                for step, expected, seen in runner(block, ws):
                    if expected != seen:
                        diff = "\n".join(
                            difflib.unified_diff(expected.splitlines(), seen.splitlines(), "in the text", "printed", lineterm="")
                        )
                        problems.append(f"pass {n}, {block.where} ({block.kind}): {step}\n{diff}")
        problems += [f"after the demos, in {readme.parent.name}: {what}" for what in sorted(leftovers(before, files_in(ws.folder)))]
    finally:
        ws.close()
    return problems


@pytest.mark.parametrize("readme", CHAPTERS, ids=[p.parent.name for p in CHAPTERS])
def test_chapter_demos_work_in_order_in_one_folder(readme):
    problems = problems_in_order(readme, sys.executable)
    assert not problems, f"{len(problems)} problem(s) for a student going through the chapter twice:\n\n" + "\n\n".join(problems)


def test_a_demo_that_leaves_a_change_behind_is_caught(tmp_path):
    """The in-order run sees what an earlier block did, on the same pass and on the next one."""
    page = tmp_path / "README.md"
    (tmp_path / "note.txt").write_text("first\n")
    page.write_text("```console\n$ cat note.txt\nfirst\n$ echo second > note.txt\n```\n")
    # Each block alone is right; in one folder the second pass reads what the first pass wrote.
    problem, changed = problems_in_order(page, sys.executable)
    assert problem.startswith("pass 2,") and "+second" in problem
    assert changed.endswith("note.txt was changed")
    page.write_text("```console\n$ cat note.txt\nfirst\n$ echo second > note.txt\n$ echo first > note.txt\n```\n")
    assert problems_in_order(page, sys.executable) == []
    # A file a demo adds is reported even when no later step notices it.
    page.write_text("```console\n$ python3 -c \"open('made.txt', 'w').close()\"\n```\n")
    (left,) = problems_in_order(page, sys.executable)
    assert left.endswith("made.txt was left behind")
