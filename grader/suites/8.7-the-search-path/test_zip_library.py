"""8.7 zip-library: a package imported from a zip archive on the path.

The package folder is moved away before the import, in a fresh interpreter
started with only the archive on PYTHONPATH: the modules can only come from
the archive. Folder entries (names ending in "/", which `python -m zipfile -c`
adds) are allowed and not counted, except for __pycache__ folders.
"""

import pytest

from grader import CheckFailed, StudentError, expect

WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")

#: The archive's names, leaving out entries for folders other than __pycache__.
NAMES = """
def names(archive):
    return [n for n in zipfile.ZipFile(archive).namelist() if not n.endswith("/") or "__pycache__" in n]
"""

MODULES = ["mylib/__init__.py", "mylib/stats.py", "mylib/sub/__init__.py", "mylib/sub/text.py"]


def renamed(package: str) -> list[str]:
    """MODULES, for a copy of mylib named ``package``."""
    return [package + name.removeprefix("mylib") for name in MODULES]


def what_is_wrong(names: list[str], package: str = "mylib") -> str:
    """A hint for an archive whose names are not MODULES (of ``package``), about what is wrong with them."""
    if any(not name.startswith(package + "/") for name in names):
        if package != "mylib" and names and all(name.startswith("mylib/") for name in names):
            return (
                f"the names must start with {package}/, the name of the folder package_dir: "
                "take it from package_dir instead of writing mylib into bundle.py."
            )
        return (
            f"the names in the archive must start with {package}/, the package's own folder: "
            "make each arcname relative to the folder that contains the package."
        )
    if any(name not in renamed(package) for name in names):
        return "skip __pycache__ folders and every file that does not end in .py."
    return "put every .py file in, those of the subpackages (mylib/sub/) too."


@pytest.mark.points(2)
def test_the_package_imports_from_the_archive(student):
    built = student.observe(
        "import bundle, zipfile\n" + NAMES + "bundle.build('lib.zip', 'mylib')\nreport(names=sorted(names('lib.zip')))",
        doing="bundle.build('lib.zip', 'mylib') to work",
    )
    (student.path / "mylib").rename(student.path / "mylib-moved-away")
    doing = "`import mylib.stats, mylib.sub.text` from lib.zip to work"
    try:
        seen = student.observe(
            """
            import mylib.stats, mylib.sub.text
            report(mean=mylib.stats.mean([1, 2, 3]), initials=mylib.sub.text.initials("ada lovelace"),
                   file=mylib.stats.__file__)
            """,
            doing=doing,
            flags=WITH_PYTHONPATH,
            env={"PYTHONPATH": str(student.path / "lib.zip")},
        )
    except StudentError as failure:
        # A module of mylib not found: the archive is all there is on the path, so say what it holds.
        if not (failure.error.isinstance("ModuleNotFoundError") and (failure.error.name or "").startswith("mylib")):
            raise
        raise CheckFailed(
            doing,
            f"Python raised {failure.error.summary}, with lib.zip holding {built['names']} (folder entries left out)",
            what_is_wrong(built["names"]),
        ) from None
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
    expect(
        seen["names"] == MODULES,
        expected=f"the archive to hold exactly {MODULES}",
        saw=f"it held {seen['names']} (folder entries left out)",
        hint=what_is_wrong(seen["names"]),
    )


@pytest.mark.points(1)
def test_names_start_with_the_package_name(student):
    # Step 1: the names start with the package's name wherever the package folder is,
    # however its path is written, and whatever the package is called (here a copy of
    # mylib named mytools), not only for the path 'mylib' from the exercise folder.
    # (Which files go in is the check above's business.)
    (student.path / "src").mkdir()
    (student.path / "mylib").rename(student.path / "src" / "mylib")
    seen = student.observe(
        "import bundle, os, shutil, zipfile\n"
        + NAMES
        + """
shutil.copytree(os.path.join('src', 'mylib'), os.path.join('src', 'mytools'),
                ignore=shutil.ignore_patterns('__pycache__'))
bundle.build('nested.zip', os.path.join('src', 'mylib'))
bundle.build(os.path.abspath('absolute.zip'), os.path.abspath(os.path.join('src', 'mylib')))
bundle.build('renamed.zip', os.path.join('src', 'mytools'))
report(nested=sorted(names('nested.zip')), absolute=sorted(names('absolute.zip')), renamed=sorted(names('renamed.zip')))
""",
        doing="bundle.build('nested.zip', 'src/mylib'), bundle.build with absolute paths "
        "and bundle.build('renamed.zip', 'src/mytools') to work",
    )
    builds = {
        "build('nested.zip', 'src/mylib')": ("mylib", seen["nested"]),
        "build with both paths absolute": ("mylib", seen["absolute"]),
        "build('renamed.zip', 'src/mytools'), for a copy of mylib named mytools,": ("mytools", seen["renamed"]),
    }
    for call, (package, names) in builds.items():
        expect(
            all(name.startswith(package + "/") for name in names) and set(renamed(package)) <= set(names),
            expected=f"{call} to give an archive holding {renamed(package)}, every name starting with {package}/",
            saw=f"it held {names} (folder entries left out)",
            hint=what_is_wrong(names, package),
        )


@pytest.mark.points(1)
def test_building_twice_replaces_the_archive(student):
    seen = student.observe(
        "import bundle, zipfile\n"
        + NAMES
        + """
bundle.build('lib.zip', 'mylib')
bundle.build('lib.zip', 'mylib')
report(names=names('lib.zip'))
""",
        doing="bundle.build to work twice",
    )
    found = seen["names"]
    twice = sorted({name for name in found if found.count(name) > 1})
    expect(
        not twice,
        expected="a second build to leave each entry in the archive once",
        saw=f"after building twice, the archive held {twice} more than once",
        hint="open the archive with mode 'w', which starts it afresh ('a' adds to the old one).",
    )
    expect(
        sorted(found) == MODULES,
        expected=f"a second build to leave exactly the 4 modules in the archive, {MODULES}",
        saw=f"it held {sorted(found)} (folder entries left out)",
        hint=what_is_wrong(found),
    )
