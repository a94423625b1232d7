"""Every console and pycon session shown in the course is what this Python prints."""

from __future__ import annotations

import ast
import re
import sys

import pytest

from .transcripts import (
    REPL_DRIVER,
    REPO,
    VERIFIED,
    check,
    coverage_problems,
    extract,
    is_version_label,
    markdown_files,
    parse,
    parse_label,
    run_pycon,
    version_groups,
    Workspace,
)

RELEASE = tuple(sys.version_info[:3])
# Transcripts are bash and POSIX sessions, written for the course as Linux and macOS show it.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="transcripts run in bash")
BLOCKS = [b for path in markdown_files() for b in extract(path) if not b.skip]
GROUPS = [g for path in markdown_files() for g in version_groups(path)]


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_transcript_is_current(block):
    if not block.applies_to(RELEASE):
        pytest.skip(f"shown for other Python releases than {'.'.join(map(str, RELEASE))}")
    problems = check(block, sys.executable)
    assert not problems, "\n\n".join(problems)


def test_every_version_tab_label_follows_the_scheme():
    labels = [
        f"{g.where.rsplit(':', 1)[0]}:{line}: {v.error}"
        for g in GROUPS
        for line, v in g.tabs
        if v is not None and v.error
    ]
    assert not labels, "\n".join(labels)


@pytest.mark.parametrize("group", GROUPS, ids=[g.where for g in GROUPS])
def test_a_tab_group_has_one_tab_for_each_release(group):
    """Each verified release, and this one, finds exactly one tab (none if older than every release the group names).

    So does any other release of a verified minor (GitHub installs whichever 3.13 is newest): a release named
    exactly is an exception to its minor, never the only way to reach a tab.
    """
    others = {(major, minor, 999) for major, minor, _ in VERIFIED}
    releases = sorted(set(VERIFIED) | {RELEASE} | others)
    problems = coverage_problems(group, releases)
    assert not problems, "\n".join(problems)


def test_the_label_scheme_is_understood():
    assert parse_label("Python 3.13") == parse_label("Python 3.13")
    v = parse_label("Python 3.13")
    assert v.minors == {(3, 13)} and not v.releases and not v.error
    v = parse_label("Python 3.10 to 3.12")
    assert v.minors == {(3, 10), (3, 11), (3, 12)} and not v.releases
    v = parse_label("Python 3.13.18, 3.14 and 3.15")
    assert v.releases == {(3, 13, 18)} and v.minors == {(3, 14), (3, 15)}
    v = parse_label("Python 3.10, 3.11.7 and 3.13 to 3.14")
    assert v.releases == {(3, 11, 7)} and v.minors == {(3, 10), (3, 13), (3, 14)}
    wrong_labels = (
        "Python 3.11+", "Python 3.10-3.12", "Python 3.13 (3.13.0)", "Python 3.12 to 3.10", "Python 3.13.0 to 3.14",
        "Python 3.13 or later", "Python 3.10 and 3.11 and",
    )
    for wrong in wrong_labels:
        assert is_version_label(wrong) and parse_label(wrong).error, wrong
    assert not is_version_label("Linux and macOS") and not is_version_label("Python files")


def test_a_release_named_exactly_is_left_out_of_the_other_tabs(tmp_path):
    page = tmp_path / "README.md"
    page.write_text(
        'Intro\n\n=== "Python 3.13.0"\n\n    ```console\n    $ true\n    ```\n\n'
        '=== "Python 3.13 to 3.15"\n\n    ```console\n    $ true\n    ```\n\n'
        '=== "Python 3.10 to 3.12"\n\n    ```console\n    $ true\n    ```\n\n'
        'After the group.\n\n=== "Python 3.15"\n\n    ```console\n    $ true\n    ```\n'
    )
    (exact, later, older, new), groups = parse(page)
    assert len(groups) == 2
    assert exact.applies_to((3, 13, 0)) and not later.applies_to((3, 13, 0))
    assert later.applies_to((3, 13, 1)) and later.applies_to((3, 15, 2)) and not exact.applies_to((3, 13, 1))
    assert older.applies_to((3, 10, 13)) and not older.applies_to((3, 13, 0))
    assert new.applies_to((3, 15, 0)) and not new.applies_to((3, 14, 10))
    assert coverage_problems(groups[0], VERIFIED) == []
    # A group with nothing for 3.14 and later is a gap; nothing for releases older than it names is by design.
    assert coverage_problems(groups[1], VERIFIED) == []
    page.write_text('=== "Python 3.13.0"\n\n    text\n\n=== "Python 3.10 to 3.12"\n\n    text\n')
    (group,) = parse(page)[1]
    assert [p.split(": ", 1)[1].split(" has")[0] for p in coverage_problems(group, VERIFIED)] == [
        "Python 3.13.18", "Python 3.14.10", "Python 3.15.2"
    ]
    page.write_text('=== "Python 3.13"\n\n    text\n\n=== "Python 3.10 to 3.13"\n\n    text\n')
    (group,) = parse(page)[1]
    assert any("tabs at lines 1, 5" in p for p in coverage_problems(group, VERIFIED))


def test_a_readme_writes_a_tab_as_a_bold_label_above_its_block(tmp_path):
    """The form GitHub shows (a bold label, then the block) is read as the tab the site renders, line for line."""
    page = tmp_path / "README.md"
    page.write_text(
        "Intro, **Python 3.15** in a sentence.\n\n**Python 3.15**\n\n<!-- transcript: cwd=sub -->\n"
        "```console\n$ true\n```\n\n**Python 3.10 to 3.14**\n\n```console\n$ false\n```\n\n"
        "Prose ends the group.\n\n```console\n$ echo everywhere\n```\n"
    )
    (new, old, everywhere), (group,) = parse(page)
    assert [at for at, _ in group.tabs] == [3, 10] and (new.line, old.line, everywhere.line) == (6, 12, 18)
    assert new.cwd == "sub" and new.text == "$ true" and old.text == "$ false"
    assert new.applies_to((3, 15, 2)) and not new.applies_to((3, 14, 10))
    assert old.applies_to((3, 14, 10)) and not old.applies_to((3, 15, 2))
    assert everywhere.versions is None
    assert coverage_problems(group, VERIFIED) == []


def test_the_verified_releases_are_the_ones_nox_tests():
    """One Python per minor in the noxfile, and each minor verified on at least one release."""
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    (pythons,) = [
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PYTHONS"
    ]
    minors = sorted({(major, minor) for major, minor, _ in VERIFIED})
    assert [f"{major}.{minor}" for major, minor in minors] == pythons
    assert list(VERIFIED) == sorted(VERIFIED)


def test_the_replay_uses_no_private_api():
    """Public APIs only: a private helper changed its arguments within 3.13 (linecache._register_code)."""
    tree = ast.parse(REPL_DRIVER)
    private = [
        f"{ast.unparse(n.value)}.{n.attr}"
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and re.match(r"_[a-z]", n.attr)
    ]
    imported = [a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names]
    imported += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert not private and not [m for m in imported if m.startswith("_")], (private, imported)


def test_the_replay_shows_what_this_versions_prompt_shows(tmp_path):
    """3.13's prompt names inputs <python-input-N>, quotes their lines, and echoes only an input's last value."""
    page = tmp_path / "README.md"
    page.write_text("```pycon\n>>> 1; 2\n>>> undefined_name\n```\n")
    (block,) = extract(page)
    ws = Workspace(block, sys.executable)
    try:
        (_, _, both), (_, _, error) = run_pycon(block, ws)
    finally:
        ws.close()
    if RELEASE >= (3, 13):
        assert both == "2"
        assert 'File "<python-input-1>", line 1, in <module>\n    undefined_name\nNameError' in error
    else:
        assert both == "1\n2"
        assert 'File "<stdin>", line 1, in <module>\nNameError' in error


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
    assert future.versions.minors == {(3, 99)} and not future.applies_to(RELEASE)
    page.write_text("```console\n$ python3 hello.py\nhello from __main__\n```\n")
    (fixed,) = extract(page)
    assert check(fixed, sys.executable) == []
    assert REPO.is_dir()
