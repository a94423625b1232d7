"""8.7 zip-library: a package imported from a zip archive on the path.

The package folder is moved away before the import, in a fresh interpreter
started with only the archive on PYTHONPATH: the modules can only come from
the archive. Folder entries (names ending in "/", which `python -m zipfile -c`
adds) are allowed and not counted, except for __pycache__ folders.
"""

import pytest

from grader import expect

WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")

#: The archive's names, leaving out entries for folders other than __pycache__.
NAMES = """
def names(archive):
    return [n for n in zipfile.ZipFile(archive).namelist() if not n.endswith("/") or "__pycache__" in n]
"""


@pytest.mark.points(2)
def test_the_package_imports_from_the_archive(student):
    student.observe("import bundle\nbundle.build('lib.zip', 'mylib')", doing="bundle.build('lib.zip', 'mylib') to work")
    (student.path / "mylib").rename(student.path / "mylib-moved-away")
    seen = student.observe(
        """
        import mylib.stats, mylib.sub.text
        report(mean=mylib.stats.mean([1, 2, 3]), initials=mylib.sub.text.initials("ada lovelace"),
               file=mylib.stats.__file__)
        """,
        doing="`import mylib.stats, mylib.sub.text` from lib.zip to work",
        flags=WITH_PYTHONPATH,
        env={"PYTHONPATH": str(student.path / "lib.zip")},
    )
    expect(
        seen["mean"] == 2 and seen["initials"] == "AL" and "lib.zip" in seen["file"],
        expected="mylib.stats and mylib.sub.text to import from lib.zip and work",
        saw=f"mylib.stats came from {seen['file']}",
        hint="the names in the archive must start with mylib/, subpackages included.",
    )


@pytest.mark.points(1)
def test_only_python_files_go_in(student):
    student.write("mylib/__pycache__/stats.cpython-399.pyc", "not really bytecode")
    seen = student.observe(
        "import bundle, zipfile\n" + NAMES + "bundle.build('lib.zip', 'mylib')\nreport(names=sorted(names('lib.zip')))",
        doing="bundle.build('lib.zip', 'mylib') to work",
    )
    expected = ["mylib/__init__.py", "mylib/stats.py", "mylib/sub/__init__.py", "mylib/sub/text.py"]
    expect(
        seen["names"] == expected,
        expected=f"the archive to hold exactly {expected}",
        saw=f"it held {seen['names']} (folder entries left out)",
        hint="skip __pycache__ folders and every file that does not end in .py.",
    )


@pytest.mark.points(1)
def test_building_twice_replaces_the_archive(student):
    seen = student.observe(
        "import bundle, zipfile\n"
        + NAMES
        + """
bundle.build('lib.zip', 'mylib')
bundle.build('lib.zip', 'mylib')
found = names('lib.zip')
report(count=len(found), unique=len(set(found)))
""",
        doing="bundle.build to work twice",
    )
    expect(
        seen["count"] == seen["unique"] == 4,
        expected="a second build to leave exactly the 4 modules in the archive, once each",
        saw=f"the archive held {seen['count']} entries ({seen['unique']} different), folder entries left out",
        hint="open the archive with mode 'w', which starts it afresh.",
    )
