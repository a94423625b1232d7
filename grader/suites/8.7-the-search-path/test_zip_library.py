"""8.7 zip-library: a package imported from a zip archive on the path.

The import check moves the package folder away before the import, in a fresh
interpreter started with only the archive on PYTHONPATH: the modules can only
come from the archive. The other checks build archives of packages they
write themselves (names, depth and files a submission cannot know in
advance), and read them back with zipfile. Folder entries (names ending in
"/", which `python -m zipfile -c` adds) are allowed and not counted, except
for __pycache__ folders.

Left to the student, as answers written from an earlier version of the README
may differ there: names starting with a dot (glob's "**" skips them; Python
cannot import them by name), suffixes in capitals (SETUP.PY), and a package_dir
of '.' (build called from inside the package folder, where the text of the path
holds no name): no check uses any of them.

Requirements (the README's, and the checks that fail when only that one is broken):

- Then: with only the archive on the path, mylib.stats and mylib.sub.text import from it and work.
  -> the_package_imports_from_the_archive
- Step 1: every .py file of the package, subpackages included at any depth, goes in, whatever its name
  (__main__.py, _compat.py, setup.py, conftest.py, run-me.py; a folder _impl/, __internal__/, build/ or tests/)
  and its folder (one without __init__.py).
  -> every_python_file_goes_in
- Step 1: each goes in with its content unchanged, byte for byte, whatever its encoding (a Latin-1 file too)
  and its line endings (CRLF, lone CR).
  -> every_python_file_goes_in
- Step 1: the names start with the package's own name, however package_dir is written (nested, absolute,
  trailing slash) and whatever the package is called; the zip file is written at zip_path, whatever its
  suffix, and a relative zip_path (one in a sub-folder too) is taken from the current folder.
  -> names_start_with_the_package_name
- Step 1: build leaves the current folder as it found it.
  -> names_start_with_the_package_name
- Step 2: nothing else goes in: no __pycache__, no other files, none of the names that only look like
  Python's (.pyc, .pyi, .py.orig, .npy, a file called happy).
  -> only_python_files_go_in
- Step 3: building again replaces the archive: it holds what the package holds then (a file deleted since is
  gone, even when no file changed; a changed file has its new content, even with its size kept and an older
  modification time than the archive's), each entry once.
  -> building_twice_replaces_the_archive
"""

import pytest

from grader import CheckFailed, StudentError, expect

WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")

#: The archive's names, leaving out entries for folders other than __pycache__; and its contents.
NAMES = """
import zipfile

def names(archive):
    return [n for n in zipfile.ZipFile(archive).namelist() if not n.endswith("/") or "__pycache__" in n]

def contents(archive):  # bytes as latin-1 text: every byte kept, and fit to report
    with zipfile.ZipFile(archive) as opened:
        return {n: opened.read(n).decode("latin-1") for n in opened.namelist() if not n.endswith("/")}
"""

MODULES = ["mylib/__init__.py", "mylib/stats.py", "mylib/sub/__init__.py", "mylib/sub/text.py"]

#: The check's own package, deeper than mylib: every one of its .py files must go in, as it is, whatever its
#: name (private and dunder files and folders, tests) and whatever its folder (one without __init__.py), and
#: whatever its encoding (a Latin-1 source, as its coding line says: valid Python, not UTF-8) and its line endings
#: (Windows' CRLF, old Macs' lone CR: valid Python too, which text mode would turn into LF).
KIT = {
    "cfg_kit/__init__.py": '"""The check\'s own package."""\n',
    "cfg_kit/__main__.py": "from cfg_kit.core import VALUE\n\nprint(VALUE)\n",
    "cfg_kit/_compat.py": "OLD = False\n",
    "cfg_kit/core.py": "VALUE = 41\n",
    "cfg_kit/a/__init__.py": "",
    "cfg_kit/a/b/__init__.py": "",
    "cfg_kit/a/b/leaf.py": "from cfg_kit.core import VALUE\n\nANSWER = VALUE + 1\n",
    "cfg_kit/a/b/c/__init__.py": "",
    "cfg_kit/a/b/c/deepest.py": 'NAME = "Zoë, déjà vu"\n',
    "cfg_kit/_impl/__init__.py": "",
    "cfg_kit/_impl/fast.py": "def double(x):\n    return x << 1\n",
    "cfg_kit/__internal__/__init__.py": "",
    "cfg_kit/__internal__/engine.py": "RUNNING = True\n",
    "cfg_kit/build/steps.py": "STEPS = ['compile', 'link']\n",  # a subfolder named like build output
    "cfg_kit/scripts/tool.py": "import cfg_kit\n",  # a folder of scripts, not a package: no __init__.py
    "cfg_kit/scripts/run-me.py": "print('no import can name me')\n",
    "cfg_kit/setup.py": "from setuptools import setup\n\nsetup(name='cfg_kit')\n",
    "cfg_kit/tests/__init__.py": "",
    "cfg_kit/tests/conftest.py": "import pytest  # noqa: F401\n",
    "cfg_kit/tests/test_core.py": "from cfg_kit.core import VALUE\n\nassert VALUE == 41\n",
    "cfg_kit/crlf.py": b'"""Written on Windows."""\r\n\r\nVALUE = 1\r\n',
    "cfg_kit/cr.py": b"# Written on an old Mac.\rVALUE = 2\r",
    "cfg_kit/legacy.py": '# -*- coding: latin-1 -*-\nNAME = "Zoë, déjà vu"\n'.encode("latin-1"),
    "cfg_kit/tools.py": "def double(x):\n    return 2 * x\n",
}

#: What to do when files of the check's own package are missing from its archive.
WALK_HINT = (
    "walk the whole package folder, every subfolder at every depth, rather than naming files or levels: "
    "whether a file goes in depends only on its name ending in .py."
)


def write_kit(student, files=KIT) -> None:
    for path, text in files.items():
        student.file(path).parent.mkdir(parents=True, exist_ok=True)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        student.file(path).write_bytes(data)  # as it is: write() would dedent it


def as_reported(text) -> str:
    """A file's bytes as the probes report them (contents() in NAMES): latin-1 text."""
    return (text if isinstance(text, bytes) else text.encode("utf-8")).decode("latin-1")


def same_lines(one: str, other: str) -> bool:
    """Two reported contents hold the same lines, whatever their line endings."""
    return one.replace("\r\n", "\n").replace("\r", "\n") == other.replace("\r\n", "\n").replace("\r", "\n")


def readable(reported: str) -> str:
    """A reported content, for a message: the bytes read as UTF-8 where they can be."""
    return reported.encode("latin-1").decode("utf-8", "replace")


def renamed(package: str) -> list[str]:
    """MODULES, for a copy of mylib named ``package``."""
    return [package + name.removeprefix("mylib") for name in MODULES]


def listed(names, most: int = 6) -> str:
    names = list(names)
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def what_is_wrong(names: list[str], package: str = "mylib") -> str:
    """A hint for an archive whose names are not those of ``package``, about what is wrong with them."""
    if any(not name.startswith(package + "/") for name in names):
        if set(renamed(package)) <= set(names):
            return "only the package folder's own files go in: walk package_dir itself, not the folder above it."
        if package != "mylib" and names and all(name.startswith("mylib/") for name in names):
            return (
                f"the names must start with {package}/, the name of the folder package_dir: "
                "take it from package_dir instead of writing mylib into bundle.py."
            )
        return (
            f"the names in the archive must start with {package}/, the package's own folder: "
            "make each name relative to the folder that contains the package, whatever the path given looks like."
        )
    return "skip __pycache__ folders and every file whose name does not end in .py."


# -- Then: the import -----------------------------------------------------------------------------------------------


@pytest.mark.points(2)
def test_the_package_imports_from_the_archive(student):
    built = student.observe(
        "import bundle\n" + NAMES + "bundle.build('lib.zip', 'mylib')\nreport(names=sorted(names('lib.zip')))",
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
        error = failure.error
        if error.isinstance("ModuleNotFoundError") and (error.name or "").startswith("mylib"):
            # A module of mylib not found: the archive is all there is on the path, so say what it holds.
            raise CheckFailed(
                doing,
                f"Python raised {error.summary}, with lib.zip holding {built['names']} (folder entries left out)",
                what_is_wrong(built["names"]),
            ) from None
        if error.filename == "<check>" and not error.isinstance("SyntaxError"):
            # Raised by zipimport itself, reading the archive: not by code in a module of mylib.
            raise CheckFailed(
                doing,
                f"Python raised {error.summary}, reading lib.zip",
                "Python imports from a zip archive with zipimport, which reads entries stored as they are or "
                "compressed the common way (deflate): build the archive the plain way.",
            ) from None
        raise
    expect(
        seen["mean"] == 2 and seen["initials"] == "AL" and "lib.zip" in seen["file"],
        expected="mylib.stats and mylib.sub.text to import from lib.zip and work",
        saw=f"mylib.stats came from {seen['file']}",
        hint="the names in the archive must start with mylib/, subpackages included.",
    )


# -- Step 1 --------------------------------------------------------------------------------------------------------


@pytest.mark.points(1)
def test_every_python_file_goes_in(student):
    write_kit(student)
    doing = "bundle.build('kit.zip', 'cfg_kit'), for the check's own package cfg_kit, to work"
    try:
        seen = student.observe(
            "import bundle, os\n"
            + NAMES
            + "bundle.build('kit.zip', 'cfg_kit')\nreport(contents=contents('kit.zip'), here=os.getcwd())",
            doing=doing,
        )
    except StudentError as failure:
        if failure.error.isinstance("UnicodeError"):
            raise CheckFailed(
                doing,
                f"your code raised {failure.error.summary} (cfg_kit/legacy.py is Latin-1, as its coding line says)",
                "a source file need not be UTF-8: store each file's bytes as they are, without reading them as text.",
            ) from None
        if not failure.error.isinstance("OSError"):
            raise
        raise CheckFailed(doing, f"your code raised {failure.error.summary}", WALK_HINT) from None
    held = seen["contents"]

    def entry(path: str):
        """The archive's name for the package's file ``path`` (cfg_kit/a/b/leaf.py): which prefix the
        names have is the names check's business, so any name ending in a/b/leaf.py will do."""
        inside = path.partition("/")[2]
        return next((name for name in sorted(held) if name == inside or name.endswith("/" + inside)), None)

    found = {path: entry(path) for path in KIT}
    missing = [path for path, name in found.items() if name is None]
    changed = [path for path, name in found.items() if name is not None and held[name] != as_reported(KIT[path])]
    endings = [path for path in changed if same_lines(held[found[path]], as_reported(KIT[path]))]
    changed = [path for path in changed if path not in endings]
    saw = [f"{listed(missing)} were missing"] if missing else []
    if changed:
        saw.append(
            f"the content of {listed(changed)} was not the file's "
            f"(for {changed[0]}: {readable(held[found[changed[0]]]).replace(seen['here'] + '/', '')[:60]!r})"
        )
    if endings:
        saw.append(
            f"{listed(endings)} had other line endings than the file "
            f"({readable(held[found[endings[0]]])[:40]!r} for {readable(as_reported(KIT[endings[0]]))[:40]!r})"
        )
    if missing:
        hint = WALK_HINT
    elif changed:
        hint = "store each file itself, read as bytes, under its name: not its path, not text you made."
    else:
        hint = (
            "store each file's bytes as they are: text read in the usual way comes back with its line endings "
            "made \\n, and a file need not use \\n."
        )
    expect(
        not missing and not changed and not endings,
        expected=(
            f"the archive of the check's package cfg_kit to hold each of its {len(KIT)} .py files, at every depth "
            f"and whatever its name or folder ({listed(KIT, 8)}), each with the content it has in the folder, "
            "byte for byte (whatever its encoding and its line endings)"
        ),
        saw="; ".join(saw),
        hint=hint,
    )


@pytest.mark.points(1)
def test_names_start_with_the_package_name(student):
    # The names start with the package's name wherever the package folder is, however its path is
    # written, and whatever the package is called (a copy of mylib named mytools), not only for the
    # path 'mylib' from the exercise folder. (Which files go in is the other checks' business.)
    (student.path / "src").mkdir()
    (student.path / "out").mkdir()
    (student.path / "mylib").rename(student.path / "src" / "mylib")
    seen = student.observe(
        "import bundle, os, shutil\n"
        + NAMES
        + """
shutil.copytree(os.path.join('src', 'mylib'), os.path.join('src', 'mytools'),
                ignore=shutil.ignore_patterns('__pycache__'))
top = os.getcwd()
moved = []
builds = [  # (the call, in words; the package; the folder build is called from; zip_path; package_dir)
    ("build('out/nested.zip', 'src/mylib')", "mylib", ".", os.path.join('out', 'nested.zip'),
     os.path.join('src', 'mylib')),
    ("build with both paths absolute", "mylib", ".", os.path.abspath('absolute.zip'),
     os.path.abspath(os.path.join('src', 'mylib'))),
    ("build('renamed.pyz', 'src/mytools') for a copy of mylib named mytools", "mytools", ".", 'renamed.pyz',
     os.path.join('src', 'mytools')),
    ("build('slash.zip', 'src/mytools/') with a trailing slash", "mytools", ".", 'slash.zip',
     os.path.join('src', 'mytools', '')),
]
results = []
for call, package, inside, zip_path, package_dir in builds:
    os.chdir(os.path.join(top, inside))
    start = os.getcwd()
    bundle.build(zip_path, package_dir)
    if os.getcwd() != start:
        moved.append((call, os.path.relpath(os.getcwd(), start)))
        os.chdir(start)
    made = os.path.join(start, zip_path)
    results.append((call, package, sorted(names(made)) if os.path.isfile(made) else None))
    os.chdir(top)
report(results=results, moved=moved)
""",
        doing=(
            "bundle.build for src/mylib, with absolute paths, for src/mytools and for 'src/mytools/' to work"
        ),
    )
    if seen["moved"]:
        call, where = seen["moved"][0]
        raise CheckFailed(
            f"{call} to leave the current folder as it found it",
            f"after it the current folder was {where!r}, not the folder build was called from",
            "a caller's relative paths are taken from its current folder: name the files in the archive "
            "without moving into another folder, or go back before build returns.",
        )
    for call, package, names in seen["results"]:
        expect(
            names is not None,
            expected=f"{call} to write the archive at the zip_path it was given, relative to the current folder",
            saw="no file was there afterwards",
            hint=(
                "write the zip file at the path given, whatever its suffix (a tool that adds .zip to the name "
                "writes another file), and before anything else changes what a relative path means."
            ),
        )
        expect(
            all(name.startswith(package + "/") for name in names) and set(renamed(package)) <= set(names),
            expected=f"{call} to give an archive holding {renamed(package)}, every name starting with {package}/",
            saw=f"it held {names} (folder entries left out)",
            hint=(
                "a path written with a trailing slash names the package folder too: take the package's name from "
                "the folder itself, not from whatever follows the last slash of the text."
                if "slash" in call and package != "mylib"
                else what_is_wrong(names, package)
            ),
        )


# -- Step 2 --------------------------------------------------------------------------------------------------------


#: Files added to mylib that must stay out: not .py files, though some look like them.
NOT_PYTHON = {
    "mylib/stats.pyi": "def mean(numbers: list[float]) -> float: ...\n",
    "mylib/stats.py.orig": "def mean(numbers):\n    return sum(numbers) / len(numbers)\n",
    "mylib/legacy.pyc": "not really bytecode",
    "mylib/README.md": "# mylib\n",
    "mylib/__pycache__/stats.cpython-399.pyc": "not really bytecode",
    "mylib/sub/__pycache__/text.cpython-399.pyc": "not really bytecode",
    "mylib/sub/words.txt": "ada lovelace\n",
    "mylib/data.npy": "not really NumPy data",
    "mylib/sub/happy": "a name that ends in py",
}


@pytest.mark.points(1)
def test_only_python_files_go_in(student):
    write_kit(student, NOT_PYTHON)
    seen = student.observe(
        "import bundle\n" + NAMES + "bundle.build('lib.zip', 'mylib')\nreport(names=sorted(names('lib.zip')))",
        doing="bundle.build('lib.zip', 'mylib') to work",
    )
    # What is not one of mylib's .py files counts here; which names they get is another check's business,
    # so any name ending in one of them (stats.py, sub/text.py, ...) is taken for it.
    inside = [module.partition("/")[2] for module in MODULES]
    extra = [
        name
        for name in seen["names"]
        if "__pycache__" in name.split("/") or not any(name == m or name.endswith("/" + m) for m in inside)
    ]
    expect(
        not extra,
        expected=(
            "the archive of mylib to hold its .py files and nothing else (mylib holds notes.txt, and the check "
            f"added {listed(sorted(NOT_PYTHON), 8)})"
        ),
        saw=f"it also held {listed(extra, 8)} (folder entries left out)",
        hint=(
            "only the package folder's own files go in, and of those only Python source files, whose names end "
            "in .py: .pyc, .pyi and .py.orig files are something else, and __pycache__ folders are skipped, at "
            "every depth."
        ),
    )


# -- Step 3 --------------------------------------------------------------------------------------------------------


#: What the replace check does to mylib before each new build of lib.zip: one kind of change at a time, so
#: that no rebuild can be skipped on the grounds that no file is newer or that the names are the same.
CHANGES = (
    ("only the deletion of mylib/old.py", "os.remove(os.path.join('mylib', 'old.py'))"),
    (
        "only a change to mylib/stats.py",
        "with open(os.path.join('mylib', 'stats.py'), 'a', encoding='utf-8') as stats:\n"
        "    stats.write('\\n\\nCHANGED = \"after the first build\"\\n')",
    ),
    (
        "the addition of mylib/sub/added.py",
        "with open(os.path.join('mylib', 'sub', 'added.py'), 'w', encoding='utf-8') as added:\n"
        "    added.write('ADDED = True\\n')",
    ),
    (
        # As when a file is copied back from elsewhere keeping its time (cp -p, tar, a restored backup).
        "only a change to mylib/sub/text.py that kept its size and gave it an older modification time",
        "text = os.path.join('mylib', 'sub', 'text.py')\n"
        "with open(text, encoding='utf-8') as source:\n"
        "    kept = source.read()\n"
        "with open(text, 'w', encoding='utf-8') as source:\n"
        "    source.write(kept.replace('upper', 'lower'))\n"
        "os.utime(text, (1000000000, 1000000000))",
    ),
)


@pytest.mark.points(1)
def test_building_twice_replaces_the_archive(student):
    # Each build into lib.zip must give what a build into a new file gives at that moment: which files go in,
    # and under which names, is the other checks' business.
    student.write("mylib/old.py", "OLD = True\n")
    code = "import bundle, os\n" + NAMES + "rebuilds = []\nbundle.build('lib.zip', 'mylib')\n"
    for number, (_, change) in enumerate(CHANGES):
        code += f"""
{change}
bundle.build('lib.zip', 'mylib')
bundle.build('fresh{number}.zip', 'mylib')
rebuilds.append(dict(again=names('lib.zip'), fresh=names('fresh{number}.zip'), again_contents=contents('lib.zip'),
                     fresh_contents=contents('fresh{number}.zip')))
"""
    seen = student.observe(
        code + "report(rebuilds=rebuilds)\n", doing="bundle.build to work again and again, with the package changed"
    )
    problems = []
    for (what, _), rebuilt in zip(CHANGES, seen["rebuilds"]):
        again, fresh = rebuilt["again"], rebuilt["fresh"]
        found = []
        twice = sorted({name for name in again if again.count(name) > 1})
        if twice:
            found.append(f"it held {listed(twice)} more than once")
        kept = sorted(set(again) - set(fresh))
        if kept:
            found.append(f"it still held {listed(kept)}, which a new archive does not")
        lacking = sorted(set(fresh) - set(again))
        if lacking:
            found.append(f"it lacked {listed(lacking)}, which a new archive holds")
        stale = sorted(
            name
            for name in set(again) & set(fresh)
            if rebuilt["again_contents"].get(name) != rebuilt["fresh_contents"].get(name)
        )
        if stale:
            found.append(f"{listed(stale)} had older content than in a new archive")
        if found:
            problems.append(f"after a rebuild that followed {what}, " + ", ".join(found))
    expect(
        not problems,
        expected=(
            "lib.zip, built again after the check deleted mylib/old.py, again after it changed mylib/stats.py, "
            "again after it added mylib/sub/added.py, and again after it changed mylib/sub/text.py (same size, an "
            "older modification time), to be each time the same archive as a build into a new file, each entry once"
        ),
        saw=problems[0] + (f"; and so after {len(problems) - 1} more rebuild(s)" if len(problems) > 1 else "")
        if problems
        else "",
        hint="each build starts a new archive (mode 'w') whatever was at zip_path before, however recent or alike: "
        "nothing of the old one is kept, and nothing is added to it.",
    )
