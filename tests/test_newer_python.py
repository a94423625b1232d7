"""A Python newer than the course was checked on: grading works, and the report says once that text may differ."""

from __future__ import annotations

import io
import shutil

import pytest

from grader import console
from grader.feedback import StudentError

from .transcripts import VERIFIED


def report(python: str) -> dict:
    check = {"name": "test_it_works", "status": "pass", "score": 1, "max_score": 1, "message": ""}
    exercise = {
        "id": "import-once", "chapter": "8.2", "title": "Import once", "path": "8.2-module-caching/import-once",
        "files": ["shop.py"], "score": 1, "max_score": 1, "checks": [check, dict(check, name="test_again")],
    }
    return {"schema": 1, "python": python, "score": 1, "max_score": 1, "exercises": [exercise]}


def test_the_grader_knows_the_newest_verified_python():
    assert console.NEWEST_VERIFIED == max(release[:2] for release in VERIFIED)


def test_a_newer_python_gets_one_short_notice():
    newest = console.NEWEST_VERIFIED
    newer = f"{newest[0]}.{newest[1] + 1}"
    text = console.render(report(newer + ".0"), stream=io.StringIO())
    lines = text.splitlines()
    # One line, right under the title: said once for the report, not per check or per exercise.
    assert lines[1].startswith("Note:") and sum("Note:" in line for line in lines) == 1
    assert newer in lines[1] and "{}.{}".format(*newest) in lines[1] and len(lines[1]) <= 80
    assert "may word messages differently" in lines[1]


def test_no_notice_on_a_verified_python_or_an_unreadable_version():
    for python in ["{}.{}.{}".format(*release) for release in VERIFIED] + ["3.15.99", "3.10.0rc1", "unknown", ""]:
        assert console.newer_than_verified(python) is None, python
    assert "Note:" not in console.render(report("3.15.2"), stream=io.StringIO())
    assert console.newer_than_verified("3.16.0a1") and console.newer_than_verified("4.0.0")


# -- each version's wording, as a student's program prints it --------------------------------------------

CYCLE_FROM = {
    "main.py": "import customers\n",
    "customers.py": "from orders import total\ndef name_of(c):\n    return c\n",
    "orders.py": "from customers import name_of\ndef total():\n    return 0\n",
}
CYCLE_ATTRIBUTE = {
    "main.py": "import stock\n",
    "stock.py": "import prices\nCOUNT = 3\n",
    "prices.py": "import stock\nTOTAL = stock.COUNT * 2\n",
}
SHADOW = {"main.py": "import dice\n", "random.py": "X = 1\n", "dice.py": "import random\nROLL = random.randint(1, 6)\n"}
MISSING = {"main.py": "import helpers_not_here\n"}


@pytest.fixture
def student_for(tmp_path):
    from grader.sandbox import make_student

    made = []

    def make(files: dict[str, str]):
        folder = tmp_path / "workspace" / "some-exercise"
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        student, root = make_student(folder)
        made.append(root)
        return student

    yield make
    for root in made:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize(
    ("files", "trouble", "words"),
    [
        (CYCLE_FROM, "cycle", "section 8.4"),
        (CYCLE_ATTRIBUTE, "cycle", "section 8.4"),
        (SHADOW, "shadow", "section 8.7"),
        (MISSING, None, "no module named 'helpers_not_here'"),
    ],
    ids=["cycle-from", "cycle-attribute", "shadow", "missing"],
)
def test_a_printed_traceback_is_named_on_this_python(student_for, files, trouble, words):
    """A program run as a script (its traceback read from stderr, not from the probe): 3.14 words a real
    cycle's from-import as a file to rename, 3.15 adds a site hint under the grader's -S."""
    student = student_for(files)
    with pytest.raises(StudentError) as caught:
        student.python_run("main.py", doing="main.py to run")
    error = caught.value.error
    assert error.trouble == trouble and words in caught.value.hint
    assert "Site initialization" not in caught.value.message


def test_version_wordings_read_as_the_same_error():
    from grader.feedback import ErrorInfo

    def error(message, name=None, kind="ModuleNotFoundError", trouble=None):
        classes = (kind, "ImportError", "Exception") if "Import" in kind or "Module" in kind else (kind, "Exception")
        return ErrorInfo(kind, classes, message, name=name, trouble=trouble)

    site_hint = (
        ". Site initialization is disabled, did you forget to add the site-packages directory to sys.path "
        "or to enable your virtual environment?"
    )
    missing = error("No module named 'helpers'" + site_hint, name="helpers")  # 3.15, under -S
    assert missing.message == "No module named 'helpers'" and "'helpers'" in missing.explain()
    standard = error("Standard library module 'tomllib' was not found")  # 3.15, in place of "No module named"
    assert standard.name == "tomllib" and "'tomllib'" in standard.explain()
    # 3.14 and 3.15 for a real cycle: words about renaming, which alone say nothing; the harness's
    # finding decides, and a bare message is never read as shadowing.
    renaming = (
        "cannot import name 'name_of' from 'customers' (consider renaming 'customers.py' if it has the same name "
        "as a library you intended to import)"
    )
    assert "section 8.4" in error(renaming, "customers", "ImportError", trouble="cycle").explain()
    assert "section 8.7" not in error(renaming, "customers", "ImportError").explain()
