"""Section 8.7, the search path."""

from . import STUB, Variant

ZIP_HEADER = '''"""Pack a package into a zip archive that Python can import from."""

import os
import zipfile


def build(zip_path, package_dir):
'''

#: run-anywhere's cli.py with the import inside main: nothing needs toolbox.helpers at import time.
LAZY_CLI = '''"""Shout the words given on the command line: python -m toolbox.cli hello world"""

import sys


def main(argv):
    from .helpers import fmt

    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The path hack moved into main: importing cli.py changes nothing, calling main does.
HACK_IN_MAIN_CLI = '''"""Shout the words given on the command line: python -m toolbox.cli hello world"""

import os
import sys


def main(argv):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from helpers import fmt

    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

VARIANTS = [
    Variant(
        "locate-module",
        "no-try-except",
        {
            "locate.py": (
                "    try:\n        spec = importlib.util.find_spec(name)\n"
                "    except ModuleNotFoundError:  # a parent package is missing\n        return None\n",
                "    spec = importlib.util.find_spec(name)\n",
            )
        },
        fails=("missing_and_built_in_modules",),
        says=("no_such_package.sub", "ModuleNotFoundError", "locate.py, line", "catch"),
        not_says=("check the spelling",),
    ),
    Variant(
        "run-anywhere",
        "relative-import",
        {"toolbox/cli.py": ("from toolbox.helpers import fmt", "from .helpers import fmt")},
    ),
    Variant(
        "run-anywhere",
        "path-insert-then-pop",
        {
            "toolbox/cli.py": (
                "from toolbox.helpers import fmt  # the package is found on sys.path, wherever Python starts",
                "import os\n\nsys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\n"
                "from toolbox.helpers import fmt  # noqa: E402\n\nsys.path.pop(0)",
            )
        },
        fails=("importing_the_tool_leaves_sys_path_alone",),
        says=("sys.path.insert", "not even for a moment"),
    ),
    Variant(
        "run-anywhere",
        "path-swapped-then-restored",
        {
            "toolbox/cli.py": (
                "from toolbox.helpers import fmt  # the package is found on sys.path, wherever Python starts",
                "import os\n\n_saved = sys.path\n"
                "sys.path = [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))] + _saved\n"
                "from toolbox.helpers import fmt  # noqa: E402\n\nsys.path = _saved",
            )
        },
        fails=("importing_the_tool_leaves_sys_path_alone",),
        says=("sys.path = ", "not even for a moment"),
    ),
    Variant("run-anywhere", "relative-import-inside-main", {"toolbox/cli.py": (None, LAZY_CLI)}),
    Variant(
        "run-anywhere",
        "path-hack-inside-main",
        {"toolbox/cli.py": (None, HACK_IN_MAIN_CLI)},
        fails=("importing_the_tool_leaves_sys_path_alone", "the_helper_comes_from_the_package"),
        says=("a call of its main", "sys."),
    ),
    Variant(
        "run-anywhere",
        "stub-plain-import",
        {"toolbox/cli.py": STUB},
        fails=(
            "it_runs_with_dash_m_from_the_project_folder",
            "importing_the_tool_leaves_sys_path_alone",
            "the_helper_comes_from_the_package",
        ),
        says=("full name", "toolbox.helpers"),
        not_says=("check the spelling",),
    ),
    Variant(
        "zip-library",
        "package-name-written-in",
        {
            "bundle.py": (
                "os.path.relpath(path, parent)",
                '"mylib/" + os.path.relpath(path, package_dir)',
            )
        },
        fails=("names_start_with_the_package_name",),
        says=("mytools/", "package_dir", "mylib/stats.py"),
    ),
    Variant(
        "zip-library",
        "names-from-the-path-given",
        {
            "bundle.py": (
                None,
                ZIP_HEADER
                + """    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    archive.write(os.path.join(folder, name))
""",
            )
        },
        fails=("names_start_with_the_package_name",),
        says=("mylib/", "src/mylib/stats.py"),
    ),
    Variant(
        "zip-library",
        "names-relative-to-the-package",
        {"bundle.py": ("os.path.relpath(path, parent)", "os.path.relpath(path, package_dir)")},
        fails=("the_package_imports_from_the_archive",),
        says=("mylib/", "'stats.py'", "ModuleNotFoundError"),
        not_says=("check the spelling",),
    ),
    Variant(
        "zip-library",
        "every-file-goes-in",
        {"bundle.py": ('                if name.endswith(".py"):\n', "                if True:\n")},
        fails=("only_python_files_go_in", "building_twice_replaces_the_archive"),
        says=("mylib/notes.txt", ".py"),
        not_says=("mode 'w'", "twice"),
    ),
    Variant(
        "zip-library",
        "appends-to-the-archive",
        {"bundle.py": ('zipfile.ZipFile(zip_path, "w")', 'zipfile.ZipFile(zip_path, "a")')},
        fails=("building_twice_replaces_the_archive",),
        says=("twice", "mode 'w'", "mylib/stats.py"),
    ),
]
