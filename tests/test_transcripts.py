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
