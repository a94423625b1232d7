"""Every console and pycon session shown in the course is what this Python prints."""

from __future__ import annotations

import sys

import pytest

from .transcripts import REPO, check, extract, markdown_files

VERSION = sys.version_info[:2]
# Transcripts are bash and POSIX sessions, written for the course as Linux and macOS show it.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="transcripts run in bash")
BLOCKS = [b for path in markdown_files() for b in extract(path) if not b.skip]


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_transcript_is_current(block):
    if not block.applies_to(VERSION):
        pytest.skip(f"shown for other Python versions than {VERSION[0]}.{VERSION[1]}")
    problems = check(block, sys.executable)
    assert not problems, "\n\n".join(problems)


def test_transcript_conventions_are_understood():
    """Tabs restrict blocks to the versions they name; other blocks apply everywhere."""
    from .transcripts import parse_versions

    assert parse_versions("Python 3.13") == ((3, 13), (3, 13))
    assert parse_versions("Python 3.10-3.12") == ((3, 10), (3, 12))
    assert parse_versions("Python 3.10 – 3.12") == ((3, 10), (3, 12))
    assert parse_versions("Python 3.11+") == ((3, 11), (3, 99))
    assert parse_versions("Python 3.12 and earlier") == ((3, 0), (3, 12))
    assert parse_versions("Linux and macOS") is None
    assert REPO.is_dir()


def test_a_stale_transcript_is_caught(tmp_path):
    """The checker itself can fail: wrong output, in either kind of block, is reported."""
    (tmp_path / "hello.py").write_text("print('hello from', __name__)\n")
    page = tmp_path / "README.md"
    page.write_text(
        "```console\n$ python3 hello.py\nhello from somewhere\n```\n\n"
        "```pycon\n>>> 6 * 7\n43\n```\n\n"
        '=== "Python 3.99"\n\n    ```pycon\n    >>> 1\n    2\n    ```\n'
    )
    console, pycon, future = extract(page)
    assert check(console, sys.executable) and check(pycon, sys.executable)
    assert future.versions == ((3, 99), (3, 99)) and not future.applies_to(VERSION)
    page.write_text("```console\n$ python3 hello.py\nhello from __main__\n```\n")
    (fixed,) = extract(page)
    assert check(fixed, sys.executable) == []
