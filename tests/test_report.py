"""The report a student reads in their first hour: sized for a beginner, in the course's order, with their own output.

- one course order: the chapters' lists of exercises (grader/course.py);
- several unfinished exercises: a line for each, then the first one in full;
  a course of untouched stubs fits on one screen (40 lines of 80 columns);
- an exercise not started gets a pointer to its README, not hints that give
  the answer away; hints come once a check passes;
- a check that fails on what an earlier check reports says so;
- what the student's code printed is in a failing check's message;
- the files a README says to leave alone are listed as read, not edited.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, course_copy, run_grader
from .course import EXERCISES, HAS_SOLUTIONS, SECTIONS

needs_solutions = pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template has no solutions")

#: A terminal of 80 columns, without colours.
SCREEN = {"COLUMNS": "80", "LINES": "40", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def stubs(tmp_path_factory):
    """The whole course, untouched, graded once: (the terminal report at 80 columns, the JSON report)."""
    out = tmp_path_factory.mktemp("stubs") / "report.json"
    run = run_grader("--json", str(out), env=SCREEN)
    assert run.returncode == 1, run.stderr[-2000:]
    return run.stdout, json.loads(out.read_text(encoding="utf-8"))


def entry(report: dict, exercise_id: str) -> dict:
    return next(e for e in report["exercises"] if e["id"] == exercise_id)


def checks(report: dict, exercise_id: str) -> dict[str, dict]:
    return {c["name"]: c for c in entry(report, exercise_id)["checks"]}


def workspace_with(tmp_path: Path, exercise_id: str, files: dict[str, str]) -> Path:
    """A workspace holding one exercise: its solution, with ``files`` ({name: text}) written over it."""
    exercise = next(e for e in EXERCISES if e.id == exercise_id)
    folder = tmp_path / "work" / exercise.path
    shutil.copytree(REPO / "solutions" / exercise.path, folder)
    shutil.copy(REPO / "exercises" / exercise.path / "README.md", folder / "README.md")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "work"


# -- one course order ------------------------------------------------------------------------------


def chapter_list(section: str) -> list[str]:
    """The exercise ids in the "Exercises" list of a chapter, read here independently of the grader."""
    text = (REPO / "chapters" / section / "README.md").read_text(encoding="utf-8")
    listed = text[text.index("\n## Exercises\n") :]
    return list(dict.fromkeys(re.findall(rf"exercises/{re.escape(section)}/([\w-]+)/README\.md", listed)))


def test_exercises_come_in_the_order_their_chapter_lists_them():
    listing = run_grader("--list", "--json", "-").report
    listed = [e["id"] for e in listing["exercises"]]
    by_number = sorted(SECTIONS.values(), key=lambda folder: [int(n) for n in folder.split("-")[0].split(".")])
    expected = [ex_id for folder in by_number for ex_id in chapter_list(folder)]
    assert listed == expected
    assert [e.id for e in EXERCISES] == expected, "grader.course.discover, which watch mode and progress use"
    graded = run_grader("8.2", "--json", "-").report
    assert [e["id"] for e in graded["exercises"]] == chapter_list(SECTIONS["8.2"])


def test_an_exercise_no_chapter_lists_comes_last_in_id_order(tmp_path):
    from grader.course import discover

    section = "9.1-fake"
    (tmp_path / "grader" / "suites" / section).mkdir(parents=True)
    for ex_id in ("alpha", "bravo", "charlie", "delta"):
        (tmp_path / "grader" / "suites" / section / f"test_{ex_id}.py").write_text("def test_x(student): pass\n")
    (tmp_path / "chapters" / section).mkdir(parents=True)
    link = "[{0}](../../exercises/9.1-fake/{0}/README.md)"
    (tmp_path / "chapters" / section / "README.md").write_text(
        f"# 9.1 Fake\n\nAn aside on {link.format('delta')} first.\n\n## Exercises\n\n"
        f"- {link.format('charlie')}\n- {link.format('bravo')}\n\n## Key points\n\nNothing.\n"
    )
    assert [e.id for e in discover(tmp_path)] == ["charlie", "bravo", "delta", "alpha"]


# -- a report sized for a beginner -----------------------------------------------------------------


def test_the_first_report_of_a_fresh_clone_fits_on_one_screen(stubs):
    text, report = stubs
    lines = text.splitlines()
    assert len(lines) <= 40, f"{len(lines)} lines:\n{text}"
    assert max(len(line) for line in lines) <= 80, "\n".join(line for line in lines if len(line) > 80)
    first = EXERCISES[0]
    for e in EXERCISES:
        if e.section == first.section:  # where to start: one line each, with its score and first failing check
            name = entry(report, e.id)["checks"][0]["name"].replace("_", " ")
            assert sum(f" {e.id} " in line and name in line for line in lines) == 1, e.id
        else:  # every other section, untouched: one line for all its exercises
            assert not any(f" {e.id} " in line for line in lines), e.id
    for chapter in {e.chapter for e in EXERCISES} - {first.chapter}:
        count = sum(e.chapter == chapter for e in EXERCISES)
        points = sum(entry(report, e.id)["max_score"] for e in EXERCISES if e.chapter == chapter)
        folded = [line for line in lines if re.search(rf"✗ {re.escape(chapter)} {count} exercises +0/{points} ", line)]
        assert len(folded) == 1, (chapter, text)
    assert any(line.startswith(f"Start here: {first.id}, {first.title}") for line in lines), text
    assert "nox -s grade -- --full" in lines[-1]


@needs_solutions
def test_a_section_with_a_passing_check_gets_a_line_per_exercise(tmp_path):
    solved = [e for e in EXERCISES if e.chapter == "8.2"][-1]
    work = tmp_path / "work"
    shutil.copytree(REPO / "exercises", work)
    shutil.rmtree(work / solved.path)
    shutil.copytree(REPO / "solutions" / solved.path, work / solved.path)
    text = run_grader("8.1", "8.2", "8.3", "--workspace", str(work), env=SCREEN).stdout
    for e in EXERCISES:
        if e.chapter in ("8.1", "8.2"):
            assert sum(f" {e.id} " in line for line in text.splitlines()) == 1, (e.id, text)
    assert re.search(r"✗ 8\.3 \d+ exercises +0/\d+ +no check passes yet", text), text
    assert f"✓ 8.2 {solved.id} " in text and "complete" in text


def test_full_shows_every_check_of_every_exercise():
    from grader.course import declared_points

    section = [e for e in EXERCISES if e.chapter == "8.1"]
    names = {e.id: [name[len("test_") :].replace("_", " ") for name in declared_points(e.suite)] for e in section}
    short = run_grader("8.1", env=SCREEN).stdout
    full = run_grader("8.1", "--full", env=SCREEN).stdout
    assert all(f"✗ {name}  (" in full for e in section for name in names[e.id])
    assert all(f"✗ {name}  (" in short for name in names[section[0].id]), "the first unfinished one in full"
    assert not any(f"✗ {name}  (" in short for e in section[1:] for name in names[e.id])


def test_one_exercise_shows_all_its_failing_checks():
    run = run_grader("runnable-package", "--json", "-", env=SCREEN)
    text = " ".join(run.stderr.split())
    for check in run.report["exercises"][0]["checks"]:
        assert check["status"] == "fail"
        first_words = " ".join(check["message"].split()[:8])
        assert first_words in text, f"{check['name']}: {first_words!r} not shown"


def test_an_untouched_stub_points_to_its_readme_instead_of_giving_the_answer(stubs):
    from grader.feedback import is_general

    text, report = stubs
    for e in report["exercises"]:
        for check in e["checks"]:
            assert check["status"] != "pass"
            hint = check["message"].split(" Hint: ", 1)[1].split("\n")[0] if " Hint: " in check["message"] else ""
            if hint and not is_general(hint):
                assert f"read exercises/{e['path']}/README.md and begin with step 1" in hint, (e["id"], hint)
    everything = json.dumps(report)
    for answer in ("import statistics as st", '__all__ = [\\"hex_to_rgb', "import messages by its plain name"):
        assert answer not in everything
    first = EXERCISES[0]
    assert f"Not started: read exercises/{first.path}/README.md and begin with step 1" in " ".join(text.split())


@needs_solutions
def test_hints_come_once_a_check_passes(tmp_path):
    solved = (REPO / "solutions" / "8.1-modules-and-imports" / "short-alias" / "dashboard.py").read_text()
    work = workspace_with(tmp_path, "short-alias", {"dashboard.py": "import statistics\n" + solved})
    report = run_grader("short-alias", "--workspace", str(work), "--json", "-").report
    by_name = checks(report, "short-alias")
    assert by_name["summary_uses_mean_and_median"]["status"] == "pass"
    failed = by_name["only_the_alias_is_bound_in_the_dashboard"]
    assert failed["status"] == "fail" and "Hint: remove the plain `import statistics` line" in failed["message"]
    assert "README.md" not in failed["message"]


def test_a_check_failing_on_what_an_earlier_check_reports_says_so(stubs):
    _, report = stubs
    by_name = checks(report, "runnable-package")
    owner = by_name["main_prints_what_compute_returns"]["message"]
    assert owner.startswith("Expected calc/__main__.py to define a function main(argv), but")
    later = by_name["importing_the_main_module_runs_nothing"]["message"]
    assert later.startswith(
        "Expected calc/__main__.py to define a function main(argv) first, to tell whether importing the main module"
        " runs nothing, but calc/__main__.py defines no function main"
    )
    assert '(as the check "main prints what compute returns" says: fix that first)' in later
    for e in report["exercises"]:  # nowhere does a check say what an earlier one said, word for word
        messages = [c["message"] for c in e["checks"]]
        assert len(messages) == len(set(messages)), e["id"]


def test_no_message_shows_what_nothing_was_printed_as_empty_quotes(stubs):
    _, report = stubs
    for e in report["exercises"]:
        for check in e["checks"]:
            assert not re.search(r"print(ed|ing) ''|'' to std(out|err)", check["message"]), check["message"]
    assert "it exited with code 0, printing nothing" in checks(report, "dual-use")["it_runs_as_a_script"]["message"]


# -- the student's own output ----------------------------------------------------------------------


@needs_solutions
@pytest.mark.parametrize("lines", [2, 12])
def test_a_failing_check_shows_what_the_students_code_printed_and_a_passing_one_does_not(tmp_path, lines):
    solved = (REPO / "solutions" / "8.1-modules-and-imports" / "short-alias" / "dashboard.py").read_text()
    debugging = "import sys\nimport statistics\nprint('to stderr', file=sys.stderr)\nprint('loading', __file__)\n"
    debugging += "".join(f"print('debug line {n}')\n" for n in range(lines))
    work = workspace_with(tmp_path, "short-alias", {"dashboard.py": debugging + solved})
    report = run_grader("short-alias", "--workspace", str(work), "--json", "-").report
    by_name = checks(report, "short-alias")
    assert by_name["summary_uses_mean_and_median"]["status"] == "pass"
    assert by_name["summary_uses_mean_and_median"]["message"] == "", "a passing check shows nothing"
    message = by_name["only_the_alias_is_bound_in_the_dashboard"]["message"]
    printed = message[message.index("\nYour code printed:\n") :].splitlines()[2:]
    # Standard output, then standard error; the private copy's path as <exercise folder>.
    stdout = ["| loading <exercise folder>/dashboard.py", *(f"| debug line {n}" for n in range(lines))]
    if lines == 2:
        assert printed == [*stdout, "| to stderr"]
    else:  # cut short: five lines, and how many more there were
        assert printed == [*stdout[:5], f"| … ({lines + 2 - 5} more lines)"]
    if lines == 2:
        shown = run_grader("short-alias", "--workspace", str(work), env=SCREEN).stdout
        assert "Your code printed:\n          | loading <exercise folder>/dashboard.py\n" in shown


def test_a_traceback_is_not_shown_as_printed_output():
    from grader.sandbox import without_traceback

    stderr = 'warning: odd\nTraceback (most recent call last):\n  File "app.py", line 3, in <module>\nValueError: x\n'
    assert without_traceback(stderr) == "warning: odd\n"
    syntax = '  File "app.py", line 2\n    x = (\n        ^\nSyntaxError: \'(\' was never closed\n'
    assert without_traceback("before\n" + syntax) == "before\n"
    assert without_traceback("just words\n") == "just words\n"


@needs_solutions
def test_input_at_import_is_explained(tmp_path):
    solved = (REPO / "solutions" / "8.1-modules-and-imports" / "short-alias" / "dashboard.py").read_text()
    work = workspace_with(tmp_path, "short-alias", {"dashboard.py": "WHO = input('Who is reading? ')\n" + solved})
    report = run_grader("short-alias", "--workspace", str(work), "--json", "-").report
    for check in entry(report, "short-alias")["checks"]:
        assert "EOFError" in check["message"] and "Hint: input() got nothing to read" in check["message"]
        assert "message above" not in check["message"]
        assert "| Who is reading?" in check["message"], "the prompt it printed is shown"


# -- whose files are whose -------------------------------------------------------------------------


def test_list_shows_the_files_to_leave_alone_as_read():
    run = run_grader("--list", "settings-once", "live-settings", "package-cycle")
    lines = [line.split() for line in run.stdout.splitlines()]
    assert ["edit:", "settings.py"] in lines and ["read:", "billing.py,", "settings.ini,", "shipping.py"] in lines
    assert ["edit:", "headers.py"] in lines and ["read:", "config.py"] in lines
    assert ["edit:", "bank/accounts.py,", "bank/ledger.py"] in lines and ["read:", "bank/__init__.py"] in lines
    listing = run_grader("--list", "--json", "-", "settings-once").report
    assert listing["exercises"][0]["files"] == ["settings.py"]
    assert listing["exercises"][0]["read"] == ["billing.py", "settings.ini", "shipping.py"]


@pytest.mark.parametrize(
    "task,edit",
    [
        ("## Your task\n\nIn `a.py`:\n\n1. Do it.\n", ["a.py"]),
        ("## Your task\n\nChange `pkg/b.py` so that:\n\n1. It works.\n", ["pkg/b.py"]),
        ("## Your task\n\nIn `a.py` (leave `b.py` and `data.ini` alone: checks use them):\n\n1. x\n", ["a.py"]),
        ("## Your task\n\n1. Fix `a.py`.\n2. Leave `b.py` alone.\n", ["a.py", "pkg/b.py", "data.ini"]),
        ("## Your task\n\n1. Fix `a.py`.\n2. Leave `pkg/b.py` exactly as it is.\n", ["a.py", "data.ini"]),
        ("## Your task\n\nChange the imports in `a.py` and `pkg/b.py` (leave `data.ini` as it is):\n\n1. x\n",
         ["a.py", "pkg/b.py"]),
        ("No task section at all.\n", ["a.py", "pkg/b.py", "data.ini"]),
        ("## Your task\n\nIn `a.py`, leave `a.py` alone.\n\n1. x\n", ["a.py", "pkg/b.py", "data.ini"]),
    ],
)
def test_the_readme_decides_which_files_are_edited(task, edit):
    from grader.course import roles

    files = ("a.py", "pkg/b.py", "data.ini")
    edited, read = roles(f"# Title\n\nA story.\n\n{task}\n## Hints\n\nLeave `a.py` alone, in a hint.\n", files)
    assert list(edited) == edit and sorted(read) == sorted(set(files) - set(edit))


def test_every_exercise_has_files_to_edit_and_reads_what_its_readme_leaves_alone():
    for e in EXERCISES:
        assert e.edit and set(e.edit) | set(e.read) == set(e.files) and not set(e.edit) & set(e.read), e.id
    by_id = {e.id: e for e in EXERCISES}
    assert by_id["short-alias"].read == ("legacy.py",)
    assert by_id["folder-app"].edit == ("greetapp/__main__.py",)
    assert by_id["import-once"].read == ()


def test_hints_come_back_as_soon_as_the_student_has_changed_the_files(tmp_path):
    """"Not started" means the files are the stubs the course gave (grader/stubs.sha256), even once committed.

    A student commits and pushes their work (GitHub Classroom grades what
    they push): a file that git has unchanged may still be theirs.
    """
    course = course_copy(tmp_path / "course")
    git = ["git", "-C", str(course), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    git += ["-c", "commit.gpgsign=false"]
    started = next(e for e in EXERCISES if e.id == "folder-app")
    stub = course / "exercises" / started.path / started.edit[0]
    stub.write_text(stub.read_text(encoding="utf-8") + "# trying something\n", encoding="utf-8")
    crlf = next(e for e in EXERCISES if e.id == "runnable-package")
    for name in crlf.files:  # a Windows checkout: the same stubs with \r\n line endings
        path = course / "exercises" / crlf.path / name
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "my work, committed"]):
        subprocess.run([*git, *args], check=True, capture_output=True, timeout=60)
    done = subprocess.run(
        [sys.executable, "-m", "grader", "folder-app", "runnable-package", "--json", "-"],
        cwd=course, capture_output=True, text=True, timeout=120,
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "IMPORT_LAB_STATE": "off"},
    )  # fmt: skip
    report = json.loads(done.stdout)
    changed = checks(report, "folder-app")["the_folder_runs"]["message"]
    assert "import messages by its plain name" in changed and "README.md" not in changed, "its own hints"
    untouched = checks(report, "runnable-package")["the_package_runs_with_dash_m"]["message"]
    assert "read exercises/8.8-running-as-main/runnable-package/README.md and begin with step 1" in untouched


def test_the_list_of_stubs_as_given_matches_the_exercises():
    """grader/stubs.sha256 is what tells an untouched stub: after changing a stub, run `python -m grader.stubs`."""
    from grader import stubs

    now = stubs.current(EXERCISES, REPO / "exercises")
    assert stubs.listed() == now, "grader/stubs.sha256 is out of date: run `python -m grader.stubs`"
    assert stubs.render(now) == stubs.MANIFEST.read_text(encoding="utf-8")
