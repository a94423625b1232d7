"""The chapters and exercises read where students read them: on GitHub and in an editor, as on the site.

Neither GitHub nor an editor's preview knows MkDocs' extensions: a snippet
include (``--8<-- "path"``) shows as that line where the code should be, and a
``??? hint`` block shows unfolded, the last hint (nearly the answer) included.
So a chapter writes the code it shows in its README, in a fenced block whose
title names the demo file (``title="launchpad/engine.py"``, relative to the
README's folder), and these tests keep the two identical. GitHub and editors do
not show a fence's title either, so the paragraph just before such a block
names the file as a code span (`` `launchpad/engine.py` ``). And an exercise folds
its hints in HTML ``<details>`` blocks, which GitHub, editors and the site
(with md_in_html) all fold, and which ``nox -s hint`` reads one at a time.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from grader.hints import parse_hints

from .course import EXERCISES, REPO, SECTIONS, ids

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TITLE = re.compile(r"""\btitle=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
INCLUDE = re.compile(r"^\s*;?-+8<-+")  # pymdownx.snippets, and its escaped form
SITE_ONLY_FOLD = re.compile(r"^\s*(\?\?\?\+?|!!!)\s")  # pymdownx.details / admonition
HINT_OPEN = '<details class="hint" markdown="1">'
SUMMARY = re.compile(r"^<summary>.+</summary>$")


def readmes() -> list[Path]:
    """Every chapter and exercise README: what students open on GitHub."""
    found = [REPO / "chapters" / folder / "README.md" for folder in SECTIONS.values()]
    found += [REPO / "exercises" / e.path / "README.md" for e in EXERCISES]
    return [p for p in found if p.is_file()]


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix() if REPO in path.parents else path.as_posix()


@dataclass
class Titled:
    readme: Path
    line: int  # 1-based line of the opening fence
    title: str  # a path relative to the README's folder
    text: str  # the block's content, dedented, one "\n" after each line

    @property
    def where(self) -> str:
        return f"{rel(self.readme.parent)}/{self.title}"


def fenced_blocks(markdown: str):
    """(line, info, content) for every fenced code block, content dedented by its fence's indentation."""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if not opened or (opened["fence"][0] == "`" and "`" in opened["info"]):
            i += 1
            continue
        indent, fence, start = len(opened["indent"]), opened["fence"], i
        body = []
        i += 1
        while i < len(lines):
            closing = FENCE.match(lines[i])
            if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence) and not closing["info"].strip():
                break
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        yield start + 1, opened["info"].strip(), "".join(f"{line}\n" for line in body)
        i += 1


def titled_blocks(readme: Path) -> list[Titled]:
    found = []
    for line, info, text in fenced_blocks(readme.read_text(encoding="utf-8")):
        title = TITLE.search(info)
        if title:
            found.append(Titled(readme, line, title["dq"] if title["dq"] is not None else title["sq"], text))
    return found


def differences(block: Titled) -> str | None:
    """Why a titled block is not the file it names, or None when it is."""
    shown = f"{rel(block.readme)}, line {block.line}"
    path = block.readme.parent / block.title
    if not path.is_file():
        return f"{shown}: the block is titled {block.title!r}, but there is no such file beside the README"
    actual = path.read_text(encoding="utf-8")
    if actual == block.text:
        return None
    diff = "".join(
        difflib.unified_diff(
            block.text.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{rel(block.readme)} (block at line {block.line})",
            rel(path),
        )
    )
    return (
        f"{shown}: the code shown differs from {rel(path)}, the demo file the transcripts run. "
        f"Make them the same (the README shows exactly the file):\n{diff}"
    )


COMMENT = re.compile(r"^\s*<!--.*-->\s*$")  # a whole-line HTML comment: invisible on GitHub and the site


def lead_in(block: Titled) -> list[str]:
    """The paragraph just before a titled block: its non-blank lines, stripped, in order.

    Blank lines and whole-line HTML comments (``<!-- transcript: ... -->``)
    between the paragraph and the block are skipped: a reader sees neither. If
    what stands right above the block is not prose (another code block ends
    there), there is no paragraph and the list is empty.
    """
    lines = block.readme.read_text(encoding="utf-8").splitlines()
    n = block.line - 2  # 0-based index of the line above the opening fence
    while n >= 0 and (not lines[n].strip() or COMMENT.match(lines[n])):
        n -= 1
    if n < 0 or FENCE.match(lines[n]):
        return []
    paragraph = []
    while n >= 0 and lines[n].strip():
        paragraph.insert(0, lines[n].strip())
        n -= 1
    return paragraph


def unnamed(block: Titled) -> str | None:
    """Why a reader on GitHub cannot tell which file a titled block is, or None when the prose says so."""
    paragraph = lead_in(block)
    span = f"`{block.title}`"
    if any(span in line for line in paragraph):
        return None
    shown = f"{rel(block.readme)}, line {block.line}"
    before = (
        "another code block ends right above it"
        if not paragraph
        else "the paragraph before it does not:\n    " + "\n    ".join(paragraph)
    )
    return (
        f"{shown}: GitHub and editors do not show a fence's title, so the prose just before the block must "
        f"name the file it shows, as {span}; {before}"
    )


def includes(readme: Path) -> list[str]:
    return [
        f"{rel(readme)}, line {n}: {line.strip()}"
        for n, line in enumerate(readme.read_text(encoding="utf-8").splitlines(), 1)
        if INCLUDE.match(line)
    ]


BLOCKS = [block for readme in readmes() for block in titled_blocks(readme)]
CHAPTER_BLOCKS = [block for block in BLOCKS if block.readme.parent.parent == REPO / "chapters"]


# -- the code a chapter shows -----------------------------------------------------------------------------


@pytest.mark.parametrize("readme", readmes(), ids=[rel(p.parent) for p in readmes()])
def test_no_snippet_include_stands_for_code(readme):
    found = includes(readme)
    assert not found, (
        "GitHub and editors show a snippet include as that line, not the file: write the code in the README, "
        'in a block titled with the file\'s path (```python title="folder/file.py"):\n' + "\n".join(found)
    )


#: MkDocs-only syntax, which GitHub and editors show as it is written: content tabs, admonitions.
SITE_ONLY = re.compile(r'^\s*(?:===\+?\s+"|!!!\s|\?\?\?\+?\s)', re.MULTILINE)


#: Pages that GitHub shows too: every README, and the guides that the course's README links to.
ON_GITHUB = [*readmes(), REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@pytest.mark.parametrize("readme", ON_GITHUB, ids=[rel(p) for p in ON_GITHUB])
def test_no_site_only_syntax_stands_in_a_readme(readme):
    """A version tab is a bold label and its block (``**Python 3.15**``), which the site's hook makes a tab."""
    text = readme.read_text(encoding="utf-8")
    found = [m.group(0).strip() for m in SITE_ONLY.finditer(text)]
    assert not found, (
        "GitHub shows this line as text and the block under it as indented code: write a version tab as a "
        "line of its own in bold, **Python 3.10 to 3.14**, then its block at the margin: " + ", ".join(found)
    )


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_titled_block_is_the_demo_file_it_names(block):
    problem = differences(block)
    assert problem is None, problem


@pytest.mark.parametrize("block", CHAPTER_BLOCKS, ids=[b.where for b in CHAPTER_BLOCKS])
def test_the_prose_before_a_titled_block_names_its_file(block):
    """A reader on GitHub sees the code but not the fence's title=: the sentence before it says which file it is."""
    problem = unnamed(block)
    assert problem is None, problem


@pytest.mark.parametrize("folder", SECTIONS.values())
def test_every_chapter_shows_its_demo_code_in_titled_blocks(folder):
    readme = REPO / "chapters" / folder / "README.md"
    assert titled_blocks(readme), f"{rel(readme)} shows no demo file in a titled code block"


def test_a_block_that_drifted_from_its_file_is_caught(tmp_path):
    """The checker itself can fail: a changed line, a missing file, an include left behind."""
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "engine.py").write_text('print("running")\nSPEED = 3\n', encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# 8.0 A chapter\n\n"
        '```python title="demo/engine.py"\nprint("running")\nSPEED = 3\n```\n\n'
        '=== "Python 3.13"\n\n    ```python title="demo/engine.py"\n    print("running")\n\n    SPEED = 4\n    ```\n\n'
        '```text title="demo/missing.txt"\nhello\n```\n\n'
        '```python\n--8<-- "demo/engine.py"\n```\n',
        encoding="utf-8",
    )
    blocks = titled_blocks(readme)
    assert [(b.title, b.line) for b in blocks] == [("demo/engine.py", 3), ("demo/engine.py", 10), ("demo/missing.txt", 16)]
    right, drifted, missing = map(differences, blocks)
    assert right is None
    assert "differs from" in drifted and "-SPEED = 4" in drifted and "+SPEED = 3" in drifted
    assert "no such file" in missing
    assert len(includes(readme)) == 1


def test_a_block_whose_file_the_prose_does_not_name_is_caught(tmp_path):
    """The naming check itself can fail: a file named too early, only in the title, or by its bare name."""
    readme = tmp_path / "README.md"
    readme.write_text(
        "# 8.0 A chapter\n\n"
        "The examples run in `demo/`. Here is the\nengine, `demo/engine.py`:\n\n"
        '<!-- transcript: skip -->\n```python title="demo/engine.py"\nSPEED = 3\n```\n\n'
        '```python title="demo/wheel.py"\nSIZE = 2\n```\n\n'
        "`demo/cabin.py` comes first.\n\nThen its own text:\n\n"
        '```python title="demo/cabin.py"\nSEATS = 4\n```\n\n'
        '=== "Python 3.13"\n\n    The file `demo/tab.py`\n    in a tab:\n\n    ```python title="demo/tab.py"\n    X = 1\n    ```\n\n'
        "The same file as `engine.py`:\n\n"
        '```python title="demo/engine.py"\nSPEED = 3\n```\n',
        encoding="utf-8",
    )
    engine, wheel, cabin, tab, bare = titled_blocks(readme)
    assert lead_in(engine) == ["The examples run in `demo/`. Here is the", "engine, `demo/engine.py`:"]
    assert unnamed(engine) is None
    assert lead_in(wheel) == [] and "another code block ends right above it" in unnamed(wheel)
    assert lead_in(cabin) == ["Then its own text:"] and "as `demo/cabin.py`" in unnamed(cabin)
    assert unnamed(tab) is None
    assert "as `demo/engine.py`" in unnamed(bare)


# -- hints, folded --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise", EXERCISES, ids=ids())
def test_hints_are_details_blocks_that_fold_everywhere(exercise):
    """Each hint: <details class="hint" markdown="1">, its <summary> line, a blank line, Markdown, a blank line, </details>.

    GitHub ends an HTML block at a blank line: the <summary> must follow the
    <details> line directly, and the blank lines around the text make GitHub
    render it as Markdown. markdown="1" makes the site (md_in_html) do the same.
    """
    readme = REPO / "exercises" / exercise.path / "README.md"
    text = readme.read_text(encoding="utf-8")
    lines = text.splitlines()
    where = rel(readme)
    folds = [n for n, line in enumerate(lines) if SITE_ONLY_FOLD.match(line)]
    assert not folds, f"{where}, line {folds[0] + 1}: GitHub shows `{lines[folds[0]].strip()}` unfolded; use <details>"
    assert "## Hints" in lines, f"{where} has no `## Hints` section"
    opening = [n for n, line in enumerate(lines) if line.lstrip().lower().startswith("<details")]
    assert opening, f"{where} has no hints"
    assert min(opening) > lines.index("## Hints"), f"{where}: hints belong under `## Hints`"
    for n in opening:
        at = f"{where}, line {n + 1}"
        assert lines[n] == HINT_OPEN, f"{at}: a hint opens with exactly {HINT_OPEN}"
        assert n + 3 < len(lines) and SUMMARY.match(lines[n + 1]), f"{at}: the next line is <summary>Hint N: ...</summary>"
        assert lines[n + 2] == "", f"{at}: a blank line after </summary>, or GitHub shows the hint's Markdown as text"
        assert lines[n + 3].strip() and not lines[n + 3].startswith("    "), f"{at}: the hint's text starts unindented"
        end = next((m for m in range(n + 1, len(lines)) if lines[m].strip().lower() == "</details>"), None)
        assert end is not None, f"{at}: the hint is never closed with </details>"
        assert lines[end] == "</details>" and lines[end - 1] == "", f"{where}, line {end + 1}: a blank line, then </details>"
    hints = parse_hints(text)
    assert len(hints) == len(opening), f"{where}: `nox -s hint` reads {len(hints)} of its {len(opening)} hints"
    for number, (title, body) in enumerate(hints, 1):
        assert title and body, f"{where}: hint {number} has no title or no text"
        assert f"<summary>Hint {number}: " in lines[opening[number - 1] + 1], f"{where}: hints are numbered in order"
        assert "<details" not in body and "</summary>" not in body, f"{where}: hint {number} holds another hint"
