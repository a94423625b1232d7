"""Section 8.7, the search path."""

from . import STUB, Variant

# -- locate-module -------------------------------------------------------------------------------------------------

LOCATE_DOC = '''"""Where would an import come from?"""

'''

#: Imports the module to read its __file__: the answer is right, but the module's body ran.
IMPORTS_TO_FIND_OUT = LOCATE_DOC + '''import importlib


def where(name):
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return getattr(module, "__file__", None) or "built-in"
'''

#: Walks sys.path by hand, looking for NAME.py and NAME/__init__.py: right for the README's examples,
#: blind to extension modules, zip archives, frozen modules and a package's own __path__.
SEARCHES_SYS_PATH_BY_HAND = LOCATE_DOC + '''import os
import sys


def where(name):
    if name in sys.builtin_module_names:
        return "built-in"
    relative = os.path.join(*name.split("."))
    for folder in sys.path:
        folder = folder or os.getcwd()
        for candidate in (os.path.join(folder, relative, "__init__.py"), os.path.join(folder, relative + ".py")):
            if os.path.isfile(candidate):
                return os.path.abspath(candidate)
    return None
'''

#: find_spec for top-level names, but a dotted name is imported "because find_spec needs the parent":
#: the submodule itself runs.
IMPORTS_DOTTED_NAMES = LOCATE_DOC + '''import importlib
import importlib.util


def where(name):
    if "." in name:
        try:
            return importlib.import_module(name).__file__
        except ImportError:
            return None
    spec = importlib.util.find_spec(name)
    return spec.origin if spec else None
'''

#: Checks that the first part of the name exists, and then trusts find_spec not to raise.
CHECKS_ONLY_THE_TOP_PACKAGE = LOCATE_DOC + '''import importlib.util


def where(name):
    top = name.split(".")[0]
    if importlib.util.find_spec(top) is None:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    return spec.origin
'''

#: Asks a new interpreter, "so that nothing is imported here": it searches its own sys.path, not the caller's.
ASKS_A_NEW_INTERPRETER = LOCATE_DOC + '''import subprocess
import sys

QUESTION = """
import importlib.util, sys
try:
    spec = importlib.util.find_spec(sys.argv[1])
except ModuleNotFoundError:
    spec = None
print(spec.origin if spec else "")
"""


def where(name):
    done = subprocess.run([sys.executable, "-c", QUESTION, name], capture_output=True, text=True)
    return done.stdout.strip() or None
'''

#: Looks in the current folder first, "because that is where Python looks first".
CURRENT_FOLDER_FIRST = LOCATE_DOC + '''import importlib.util
import os


def where(name):
    here = os.path.abspath(name.replace(".", os.sep) + ".py")
    if os.path.isfile(here):
        return here
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return spec.origin if spec else None
'''

#: Another right answer: ImportError caught, and the spec tested apart.
CATCHES_IMPORT_ERROR = LOCATE_DOC + '''from importlib import util


def where(name):
    try:
        found = util.find_spec(name)
    except ImportError:
        found = None
    if found is None:
        return None
    return found.origin
'''

#: Another right answer, stricter: only a missing module (the name or one of its parents) gives None.
ONLY_ITS_OWN_PARENTS_GIVE_NONE = LOCATE_DOC + '''def where(name):
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError as missing:
        parts = name.split(".")
        if missing.name in {".".join(parts[:n]) for n in range(1, len(parts) + 1)}:
            return None
        raise
    return None if spec is None else spec.origin
'''

#: Trusts find_spec, and falls back on the current folder "in case the search missed it".
FALLS_BACK_ON_THE_CURRENT_FOLDER = LOCATE_DOC + '''import importlib.util
import os


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        spec = None
    if spec is not None:
        return spec.origin
    here = os.path.abspath(name.replace(".", os.sep) + ".py")
    return here if os.path.exists(here) else None
'''

#: A module already imported answers with its __file__: built-in modules have none, frozen ones a file's path.
FILE_OF_IMPORTED_MODULES = LOCATE_DOC + '''import importlib.util
import sys


def where(name):
    if name in sys.modules:
        return getattr(sys.modules[name], "__file__", None)
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return spec.origin if spec else None
'''

#: Every error turned into one of its own, "with a clearer message".
WRAPS_ERRORS_IN_ITS_OWN = LOCATE_DOC + '''import importlib.util


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    except Exception as error:
        raise ImportError(f"cannot locate {name}: {error}") from error
    return spec.origin if spec else None
'''

#: Another right answer: the finders asked one by one, built-in and frozen first, as sys.meta_path does.
ASKS_THE_META_PATH = LOCATE_DOC + '''import sys


def where(name):
    parent = name.rpartition(".")[0]
    path = None
    if parent:
        try:
            package = __import__(parent, fromlist=["__path__"])
        except ModuleNotFoundError:
            return None
        path = getattr(package, "__path__", None)
        if path is None:  # the parent is a module, not a package
            return None
    if name in sys.modules:
        spec = sys.modules[name].__spec__
        return spec.origin if spec else None
    for finder in sys.meta_path:
        spec = finder.find_spec(name, path)
        if spec is not None:
            return spec.origin
    return None
'''

#: Another right answer: a pathlib.Path for a file, the spec's own word for the others.
RETURNS_A_PATH_OBJECT = LOCATE_DOC + '''import importlib.util
from pathlib import Path


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    return Path(spec.origin) if spec.has_location else spec.origin
'''


#: pkgutil's older API: find_loader turns a parent package's own ValueError (AttributeError, TypeError) into an
#: ImportError, which then reads as "no such module".
PKGUTIL_FIND_LOADER = LOCATE_DOC + """import pkgutil
import sys
import warnings


def where(name):
    if name in sys.builtin_module_names:
        return "built-in"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loader = pkgutil.find_loader(name)
        except ImportError:
            return None
    if loader is None:
        return None
    if hasattr(loader, "get_filename"):
        return loader.get_filename(name)
    return "frozen"
"""

#: find_spec(name).origin in one go, AttributeError caught for "find_spec found nothing": a parent package's own
#: AttributeError becomes None too.
CATCHES_IMPORT_AND_ATTRIBUTE_ERRORS = LOCATE_DOC + """import importlib.util


def where(name):
    try:
        return importlib.util.find_spec(name).origin
    except (ImportError, AttributeError):  # no parent package, or find_spec gave None (no .origin)
        return None
"""

#: ValueError caught as well, "because find_spec raises it for a module without a spec": a parent package's own
#: ValueError (the README's example) becomes None.
CATCHES_VALUE_ERRORS_TOO = LOCATE_DOC + """from importlib.util import find_spec


def where(name):
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):  # ValueError: a module in sys.modules whose __spec__ is None
        return None
    if spec is None:
        return None
    return spec.origin
"""

#: Answers cached per name, "searching is slow": a sys.path changed since the first question is ignored.
CACHED_PER_NAME = LOCATE_DOC + """import functools
import importlib.util


@functools.lru_cache(maxsize=None)
def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return None if spec is None else spec.origin
"""

#: Puts its own folder first on sys.path when imported, so that loud.py, first/ and second/ are always found.
ADDS_ITS_OWN_FOLDER = LOCATE_DOC + """import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return None if spec is None else spec.origin
"""

#: Adds the current folder at the end of sys.path, "as the interactive prompt has it".
ADDS_THE_CURRENT_FOLDER = LOCATE_DOC + """import importlib.util
import os
import sys

sys.path.append(os.getcwd())  # modules in the current folder, as at the >>> prompt


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return spec.origin if spec else None
"""

#: Takes the module out of sys.modules "so that find_spec searches afresh", and never puts it back.
POPS_FROM_SYS_MODULES = LOCATE_DOC + """import importlib.util
import sys


def where(name):
    sys.modules.pop(name, None)  # a fresh search, not the cached module's spec
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return None if spec is None else spec.origin
"""

#: A frozen module answered with the standard library file it was frozen from: a path, for a module import
#: does not run from any file.
FROZEN_GIVES_ITS_SOURCE_FILE = LOCATE_DOC + """import importlib.util
import os


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    if spec.origin == "frozen":  # frozen from a .py file of the standard library
        return os.path.join(os.path.dirname(os.__file__), name.replace(".", os.sep) + ".py")
    return spec.origin
"""

#: Another right answer (step 2 accepts "built-in" for frozen modules): every module without a file is "built-in".
NO_FILE_MEANS_BUILT_IN = LOCATE_DOC + """import importlib.util


def where(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    if not spec.has_location:  # no file: part of the interpreter
        return "built-in"
    return spec.origin
"""

#: Answers memoised per name and sys.path, "searching the path is slow": sys.path as it is is followed, but a
#: module file removed, added or shadowed since, in a folder already on the path, is not seen.
MEMO_PER_NAME_AND_PATH = LOCATE_DOC + """import importlib.util

_answers = {}


def where(name):
    import sys

    key = (name, tuple(sys.path))
    if key in _answers:
        return _answers[key]
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        answer = None
    else:
        answer = spec.origin if spec is not None else None
    _answers[key] = answer
    return answer
"""

#: A memo that checks its answer still exists before giving it: a file deleted since is seen, but not a module
#: created since (a missing one stays missing) nor one now shadowed by a file earlier on the path.
MEMO_CHECKED_ON_DISK = LOCATE_DOC + """import importlib.util
import os
import sys

_seen = {}


def where(name):
    key = (name, tuple(sys.path))
    answer = _seen.get(key, "?")
    if answer != "?" and (answer is None or not os.path.isabs(answer) or os.path.exists(answer)):
        return answer  # still there: no need to search again
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        spec = None
    _seen[key] = spec.origin if spec else None
    return _seen[key]
"""

#: After a dotted name, its parent packages are taken out of sys.modules "to leave the program as it was":
#: also the ones the program had imported before, which the next import then runs again.
UNLOADS_THE_PARENTS = LOCATE_DOC + """import importlib.util
import sys


def where(name):
    parts = name.split(".")
    parents = [".".join(parts[:i]) for i in range(1, len(parts))]
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    finally:
        # find_spec had to import the parent packages: undo that
        for parent in parents:
            sys.modules.pop(parent, None)
    if spec is None:
        return None
    return spec.origin
"""

#: The package of a dotted name unloaded afterwards, with every module of it, "so that nothing stays imported".
UNLOADS_THE_WHOLE_PACKAGE = LOCATE_DOC + """import importlib.util
import sys


def where(name):
    top = name.partition(".")[0]
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        spec = None
    if "." in name:
        for loaded in [m for m in sys.modules if m == top or m.startswith(top + ".")]:
            del sys.modules[loaded]
    return spec.origin if spec else None
"""

#: Another right answer: sys.modules as it was before the search put back afterwards: the parent packages the
#: search imported are forgotten again, the modules imported before are left as they were.
PUTS_SYS_MODULES_BACK = LOCATE_DOC + """import importlib.util
import sys


def where(name):
    before = dict(sys.modules)
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    finally:
        for added in set(sys.modules) - set(before):
            del sys.modules[added]
    return spec.origin if spec is not None else None
"""


# -- run-anywhere --------------------------------------------------------------------------------------------------

CLI_DOC = '''"""Shout the words given on the command line: python -m toolbox.cli hello world"""

'''

#: run-anywhere's cli.py with the import inside main: nothing needs toolbox.helpers at import time.
LAZY_CLI = CLI_DOC + '''import sys


def main(argv):
    from .helpers import fmt

    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The path hack moved into main: importing cli.py changes nothing, calling main does.
HACK_IN_MAIN_CLI = CLI_DOC + '''import os
import sys


def main(argv):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from helpers import fmt

    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: main reads sys.argv itself and ignores the argv it is given.
MAIN_READS_SYS_ARGV = CLI_DOC + '''import sys

from toolbox.helpers import fmt


def main(argv=None):
    print(fmt(" ".join(sys.argv[1:])))


if __name__ == "__main__":
    main()
'''

#: fmt copied into cli.py: no import to fix at all.
FMT_COPIED_INTO_CLI = CLI_DOC + '''import sys


def fmt(text):
    return text.upper()


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The hack only when run as a program, "because -m needs the project folder on the path".
HACK_WHEN_RUN_AS_MAIN = CLI_DOC + '''import os
import sys

if __name__ == "__main__":  # run as a program: make sure the project folder can be imported from
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from toolbox.helpers import fmt  # noqa: E402


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: helpers.py loaded from its file, under the top-level name helpers: no sys.path change at all.
HELPERS_FROM_ITS_FILE = CLI_DOC + '''import importlib.util
import os
import sys

_spec = importlib.util.spec_from_file_location("helpers", os.path.join(os.path.dirname(__file__), "helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)
fmt = helpers.fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: helpers.py loaded by hand under its package name, from a path that only means something in the project folder.
HELPERS_FROM_THE_CURRENT_FOLDER = CLI_DOC + '''import importlib.util
import sys

_spec = importlib.util.spec_from_file_location("toolbox.helpers", "toolbox/helpers.py")
_helpers = importlib.util.module_from_spec(_spec)
sys.modules["toolbox.helpers"] = _helpers
_spec.loader.exec_module(_helpers)
fmt = _helpers.fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: Another right answer: the package's module imported, its function called through it.
PACKAGE_MODULE_CLI = CLI_DOC + '''import sys

from toolbox import helpers


def main(argv):
    print(helpers.fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: A top-level helpers.py beside toolbox/ that passes the package's fmt on: cli.py left as it was.
HELPERS_SHIM = '''"""So that `from helpers import fmt` works with -m too."""

from toolbox.helpers import fmt  # noqa: F401
'''

#: main returns the text, and the program prints it: `python -m` still shows it, main prints nothing.
MAIN_RETURNS_THE_TEXT = CLI_DOC + '''import sys

from toolbox.helpers import fmt


def main(argv):
    return fmt(" ".join(argv))


if __name__ == "__main__":
    print(main(sys.argv[1:]))
'''

#: Another right answer: import_module with a name relative to the package the module is in.
IMPORT_MODULE_RELATIVE = CLI_DOC + '''import importlib
import sys


def main(argv):
    helpers = importlib.import_module(".helpers", __package__)
    print(helpers.fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: helpers.py loaded from its file and registered by hand as toolbox.helpers: no sys.path change, the right name,
#: but it runs helpers.py again (and replaces the module) when toolbox.helpers was imported already.
HELPERS_REGISTERED_BY_HAND = CLI_DOC + """import importlib.util
import os
import sys

# load the sibling file by its path, under its package name: works however we are started
_spec = importlib.util.spec_from_file_location(
    "toolbox.helpers", os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpers.py")
)
_helpers = importlib.util.module_from_spec(_spec)
sys.modules["toolbox.helpers"] = _helpers
_spec.loader.exec_module(_helpers)
fmt = _helpers.fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: The package's module, reloaded "to be sure fmt is the latest": helpers.py runs a second time.
RELOADS_THE_HELPERS = CLI_DOC + """import importlib
import sys

import toolbox.helpers

importlib.reload(toolbox.helpers)  # the latest fmt, even if helpers was imported before
fmt = toolbox.helpers.fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: argv made optional: an empty list falls back on the process's own arguments.
ARGV_OR_SYS_ARGV = CLI_DOC + """import sys

from .helpers import fmt


def main(argv=None):
    argv = argv or sys.argv[1:]
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main()
"""

#: "Requirement 2" arranged by the tool itself: the project folder written into PYTHONPATH for later processes.
SETS_PYTHONPATH = CLI_DOC + """import os
import sys

from toolbox.helpers import fmt

# make sure the programs we start can find the package too
_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_root, os.environ.get("PYTHONPATH")]))


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: A relative import, with a fallback "to keep the script form working" (python3 toolbox/cli.py): run as a script,
#: it imports helpers.py as the top-level module helpers, which step 3 forbids.
RELATIVE_WITH_A_SCRIPT_FALLBACK = CLI_DOC + """import sys

try:
    from .helpers import fmt
except ImportError:  # run as a script (python3 toolbox/cli.py): no package
    from helpers import fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: An empty argv is "nothing to shout": main prints an empty line, not what fmt makes of no words.
EMPTY_ARGV_SHORTCUT = CLI_DOC + """import sys

from .helpers import fmt


def main(argv):
    if not argv:
        print()  # nothing to shout
        return
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: The words "tidied" first: each one stripped, blank ones dropped, so fmt is not given the words as they are.
TIDIES_THE_WORDS = CLI_DOC + """import sys

from .helpers import fmt


def main(argv):
    words = [word.strip() for word in argv if word.strip()]
    print(fmt(" ".join(words)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: The joined text normalised: runs of spaces made one, and the ends stripped.
NORMALISES_THE_SPACING = CLI_DOC + """import sys

from toolbox.helpers import fmt


def main(argv):
    text = " ".join(" ".join(argv).split())
    if text:
        print(fmt(text))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: helpers.py loaded from its file as toolbox.helpers, unless sys.modules has it already: it runs once, but the
#: package never gets its attribute helpers, so `import toolbox.helpers; toolbox.helpers.fmt` elsewhere fails.
HELPERS_LOADED_BY_PATH_ONCE = CLI_DOC + """import importlib.util
import os
import sys

_name = "toolbox.helpers"
if _name in sys.modules:
    _helpers = sys.modules[_name]
else:
    _spec = importlib.util.spec_from_file_location(
        _name, os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpers.py")
    )
    _helpers = importlib.util.module_from_spec(_spec)
    sys.modules[_name] = _helpers
    _spec.loader.exec_module(_helpers)
fmt = _helpers.fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""

#: helpers.py's source run into a module made by hand and registered as toolbox.helpers (once): no import at all.
HELPERS_EXECUTED_INTO_A_MODULE = CLI_DOC + """import os
import sys
import types

if "toolbox.helpers" not in sys.modules:
    _module = types.ModuleType("toolbox.helpers")
    _module.__file__ = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpers.py")
    with open(_module.__file__, encoding="utf-8") as _source:
        exec(compile(_source.read(), _module.__file__, "exec"), _module.__dict__)
    sys.modules["toolbox.helpers"] = _module
fmt = sys.modules["toolbox.helpers"].fmt


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
"""


# -- zip-library ---------------------------------------------------------------------------------------------------

ZIP_HEADER = '''"""Pack a package into a zip archive that Python can import from."""

import os
import zipfile


def build(zip_path, package_dir):
'''

ZIP_DOC = '''"""Pack a package into a zip archive that Python can import from."""

'''

#: The four files of mylib, named one by one.
A_LIST_OF_THE_FOUR_FILES = ZIP_DOC + '''import os
import zipfile

FILES = ["__init__.py", "stats.py", "sub/__init__.py", "sub/text.py"]


def build(zip_path, package_dir):
    package = os.path.basename(os.path.abspath(package_dir))
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name in FILES:
            archive.write(os.path.join(package_dir, name), package + "/" + name)
'''

#: glob one and two levels down: mylib/*.py and mylib/*/*.py, and nothing deeper.
TWO_LEVELS_OF_GLOB = ZIP_DOC + '''import glob
import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    files = glob.glob(os.path.join(package_dir, "*.py")) + glob.glob(os.path.join(package_dir, "*", "*.py"))
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in files:
            archive.write(path, os.path.relpath(path, parent))
'''

#: The package's name from the path as it was given: "src/mytools/" has no name after its last slash.
BASENAME_OF_THE_PATH_AS_GIVEN = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    package = os.path.basename(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            if "__pycache__" in subfolders:
                subfolders.remove("__pycache__")
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.join(package, os.path.relpath(path, package_dir)))
'''

#: PyZipFile.writepy, made for the job: it stores compiled .pyc files, not the .py files.
PYZIPFILE_WRITEPY = ZIP_DOC + '''import zipfile


def build(zip_path, package_dir):
    with zipfile.PyZipFile(zip_path, "w") as archive:
        archive.writepy(package_dir)
'''

#: Moves into the folder above the package to get short names, and stays there.
CHDIR_WITHOUT_GOING_BACK = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    zip_path = os.path.abspath(zip_path)
    package_dir = os.path.abspath(package_dir)
    os.chdir(os.path.dirname(package_dir))
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(os.path.basename(package_dir)):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    archive.write(os.path.join(folder, name))
'''

#: Another right answer: pathlib, rglob, and names relative to the package's parent.
PATHLIB_RGLOB = ZIP_DOC + '''import zipfile
from pathlib import Path


def build(zip_path, package_dir):
    root = Path(package_dir).resolve()
    with zipfile.ZipFile(zip_path, mode="w") as archive:
        for path in sorted(root.rglob("*.py")):
            if "__pycache__" in path.relative_to(root).parts:
                continue
            archive.write(path, arcname=path.relative_to(root.parent).as_posix())
'''

#: Another right answer: bytes read and written with writestr, compressed, and folder entries added.
BYTES_DEFLATED_WITH_FOLDERS = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    top = os.path.normpath(os.path.abspath(package_dir))
    package = os.path.basename(top)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            inside = os.path.relpath(folder, top)
            prefix = package if inside == "." else package + "/" + inside.replace(os.sep, "/")
            archive.writestr(prefix + "/", b"")
            for name in files:
                if os.path.splitext(name)[1] == ".py":
                    with open(os.path.join(folder, name), "rb") as source:
                        archive.writestr(prefix + "/" + name, source.read())
'''

#: Compressed with LZMA, "smaller": zipimport reads only stored and deflated entries.
LZMA_COMPRESSED = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_LZMA) as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
'''

#: Files read as text in Latin-1 "to be safe", written back as UTF-8: accented letters come out garbled.
READ_AS_LATIN_1 = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path, encoding="latin-1") as source:
                        archive.writestr(os.path.relpath(path, parent), source.read())
'''

#: A folder entry for every folder walked, __pycache__ included; the files themselves filtered right.
FOLDER_ENTRIES_FOR_PYCACHE_TOO = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            archive.write(folder, os.path.relpath(folder, parent))
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
'''

#: Walks the folder above the package, "to get names that start with the package's name": everything there goes in.
WALKS_THE_PARENT_FOLDER = ZIP_DOC + '''import os
import zipfile


def build(zip_path, package_dir):
    parent = os.path.dirname(os.path.abspath(package_dir))
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(parent):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
'''

#: Each file read as text and written back with writestr: a file that is not UTF-8 makes build fail.
READ_AS_TEXT = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path) as source:
                        archive.writestr(os.path.relpath(path, parent), source.read())
"""

#: Right (accepted): the package's name from the text of package_dir, normalised. "." (called from inside the
#: package) would give no name, but the README before this week never asked for "."; no check uses it.
NAME_FROM_THE_TEXT = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package = os.path.basename(os.path.normpath(package_dir))
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.join(package, os.path.relpath(path, package_dir)))
"""

#: Right (accepted): pathlib without resolving the path. Path(".").parent is "." again, so "." would lose the
#: package's name, but the README before this week never asked for "."; no check uses it.
PATHLIB_UNRESOLVED = ZIP_DOC + """import zipfile
from pathlib import Path


def build(zip_path, package_dir):
    root = Path(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in sorted(root.rglob("*.py")):
            if "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(root.parent).as_posix())
"""

#: __pycache__ skipped by skipping every folder whose name starts with "_" or ".": private subpackages go too.
SKIPS_UNDERSCORE_FOLDERS = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if not d.startswith(("_", "."))]  # __pycache__ and the like
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: Only folders that are packages (with an __init__.py): a folder of scripts inside the package is left out.
ONLY_PACKAGE_FOLDERS = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if os.path.isfile(os.path.join(folder, d, "__init__.py"))]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: Files starting with "_" left out, __init__.py excepted: __main__.py and _compat.py are lost.
SKIPS_PRIVATE_FILES = ZIP_DOC + """import os
import zipfile


def wanted(name):
    return name.endswith(".py") and (name == "__init__.py" or not name.startswith("_"))


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if wanted(name):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: The package's tests left out, "they are not part of the library".
SKIPS_THE_TESTS = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d not in ("__pycache__", "tests")]
            for name in files:
                if name.endswith(".py") and not name.startswith("test_"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: Like make: no rebuild when the archive is newer than every source file; a deleted file stays in.
SKIPS_IF_UP_TO_DATE = ZIP_DOC + """import os
import zipfile


def sources(package_dir):
    for folder, subfolders, files in os.walk(package_dir):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    paths = sorted(sources(package_dir))
    if os.path.exists(zip_path) and paths:
        if os.path.getmtime(zip_path) >= max(os.path.getmtime(p) for p in paths):
            return  # up to date
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in paths:
            archive.write(path, os.path.relpath(path, parent))
"""

#: No rebuild when the archive already holds the same names: a changed file keeps its old content.
SKIPS_IF_SAME_NAMES = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    wanted = {}
    for folder, subfolders, files in os.walk(package_dir):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                wanted[os.path.relpath(path, parent).replace(os.sep, "/")] = path
    if os.path.exists(zip_path):
        with zipfile.ZipFile(zip_path) as old:
            if sorted(old.namelist()) == sorted(wanted):
                return  # nothing new to pack
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, path in sorted(wanted.items()):
            archive.write(path, name)
"""

#: Another right answer: glob's "**" (which leaves out names starting with a dot, which Python cannot import).
RECURSIVE_GLOB = ZIP_DOC + """import glob
import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in sorted(glob.glob(os.path.join(package_dir, "**", "*.py"), recursive=True)):
            archive.write(path, os.path.relpath(path, parent))
"""

#: Another right answer: the suffix compared without regard to case (a name like SETUP.PY is not the checks' business).
SUFFIX_IN_ANY_CASE = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if os.path.splitext(name)[1].lower() == ".py":
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""


#: shutil.make_archive on a staged copy of the .py files: make_archive adds ".zip" to the name it is given, so a
#: zip_path with another suffix (lib.pyz) gets no archive.
MAKE_ARCHIVE_ADDS_ZIP = ZIP_DOC + """import os
import shutil
import tempfile


def only_python(folder, names):
    return [n for n in names if n == "__pycache__" or not (n.endswith(".py") or os.path.isdir(os.path.join(folder, n)))]


def build(zip_path, package_dir):
    source = os.path.abspath(package_dir)
    package = os.path.basename(source)
    with tempfile.TemporaryDirectory() as stage:
        shutil.copytree(source, os.path.join(stage, package), ignore=only_python)
        shutil.make_archive(os.path.splitext(os.path.abspath(zip_path))[0], "zip", root_dir=stage, base_dir=package)
"""

#: Each file read as Latin-1 text (any bytes decode) and written back as Latin-1: the bytes survive, but text
#: mode turns CRLF and lone CR line endings into LF.
LATIN_1_TEXT_MODE = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.normpath(os.path.abspath(package_dir))
    base = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder, dirs, files in os.walk(package_dir):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if not name.endswith(".py"):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="latin-1") as source:  # latin-1 decodes any bytes
                    text = source.read()
                archive.writestr(os.path.relpath(path, base), text.encode("latin-1"))
"""

#: The bytes read, with Windows line endings made Unix ones "so that the archive is the same on every system".
NORMALISES_LINE_ENDINGS = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path, "rb") as source:
                        data = source.read().replace(b"\\r\\n", b"\\n")
                    archive.writestr(os.path.relpath(path, parent), data)
"""

#: Another right answer: Latin-1 text with newline="" (no line endings translated): every byte comes back.
LATIN_1_TEXT_KEEPING_NEWLINES = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path, encoding="latin-1", newline="") as source:
                        archive.writestr(os.path.relpath(path, parent), source.read().encode("latin-1"))
"""

#: Every folder starting with "__" pruned, "__pycache__ and the like are Python's own": __internal__/ goes too.
SKIPS_DUNDER_FOLDERS = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.normpath(os.path.abspath(package_dir))
    base = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, dirs, files in os.walk(package_dir):
            dirs[:] = [d for d in dirs if not d.startswith("__")]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, base))
"""

#: Folders named like build output left out ("build", "dist", "venv"): a subpackage called build/ is lost.
SKIPS_BUILD_FOLDERS = ZIP_DOC + """import os
import zipfile

SKIPPED = {"__pycache__", "build", "dist", "venv", ".venv", ".git"}


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d not in SKIPPED]
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: Only files whose names are module names: run-me.py, which no import can name, is left out.
ONLY_IMPORTABLE_NAMES = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            for name in files:
                stem, suffix = os.path.splitext(name)
                if suffix == ".py" and stem.isidentifier():
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent))
"""

#: The suffix tested without its dot: data.npy and a file called happy go in too.
ENDS_IN_PY_WITHOUT_THE_DOT = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.normpath(os.path.abspath(package_dir))
    base = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, dirs, files in os.walk(package_dir):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if name.endswith("py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, base))
"""

#: setup.py and conftest.py left out, "not part of the library".
SKIPS_SETUP_AND_CONFTEST = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.normpath(os.path.abspath(package_dir))
    base = os.path.dirname(package_dir)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, dirs, files in os.walk(package_dir):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                if name.endswith(".py") and name not in ("setup.py", "conftest.py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, base))
"""

#: Make-like: no rebuild when the archive lists the same files and none is newer than it. A file replaced by one
#: with an older modification time (cp -p, tar, a restored backup) keeps its old content.
SKIPS_IF_SAME_NAMES_AND_NONE_NEWER = ZIP_DOC + """import os
import zipfile


def _sources(package_dir):
    package_dir = os.path.normpath(os.path.abspath(package_dir))
    base = os.path.dirname(package_dir)
    for folder, dirs, files in os.walk(package_dir):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                yield path, os.path.relpath(path, base).replace(os.sep, "/")


def build(zip_path, package_dir):
    sources = sorted(_sources(package_dir), key=lambda item: item[1])
    if os.path.exists(zip_path):
        built = os.path.getmtime(zip_path)
        with zipfile.ZipFile(zip_path) as old:
            listed = sorted(n for n in old.namelist() if not n.endswith("/"))
        if listed == [arc for _, arc in sources] and all(os.path.getmtime(path) <= built for path, _ in sources):
            return  # up to date
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path, arcname in sources:
            archive.write(path, arcname)
"""

#: No rebuild when the archive holds the same names with the same sizes: a change that keeps a file's size is lost.
SKIPS_IF_SAME_NAMES_AND_SIZES = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    wanted = {}
    for folder, subfolders, files in os.walk(package_dir):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                wanted[os.path.relpath(path, parent).replace(os.sep, "/")] = path
    if os.path.exists(zip_path):
        with zipfile.ZipFile(zip_path) as old:
            sizes = {info.filename: info.file_size for info in old.infolist()}
        if sizes == {name: os.path.getsize(path) for name, path in wanted.items()}:
            return  # same files, same sizes: nothing to do
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, path in sorted(wanted.items()):
            archive.write(path, name)
"""

#: Another right answer: the archive is left alone only when it already holds exactly these names with exactly
#: these bytes, which is what a new build would give.
SKIPS_ONLY_IF_THE_SAME_BYTES = ZIP_DOC + """import os
import zipfile


def build(zip_path, package_dir):
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)
    wanted = {}
    for folder, subfolders, files in os.walk(package_dir):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, "rb") as source:
                    wanted[os.path.relpath(path, parent).replace(os.sep, "/")] = source.read()
    if os.path.isfile(zip_path):
        try:
            with zipfile.ZipFile(zip_path) as old:
                held = {name: old.read(name) for name in old.namelist()}
        except zipfile.BadZipFile:
            held = None
        if held == wanted:
            return  # byte for byte what a new build would give
    with zipfile.ZipFile(zip_path, "w") as archive:
        for name, data in wanted.items():
            archive.writestr(name, data)
"""

VARIANTS = [
    # -- locate-module -------------------------------------------------------------------------------------------
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
        fails=("missing_modules_give_none",),
        says=("ModuleNotFoundError", "parent"),
        not_says=("check the spelling",),
    ),
    Variant(
        "locate-module",
        "imports-to-find-out",
        {"locate.py": (None, IMPORTS_TO_FIND_OUT)},
        fails=("no_module_runs_when_asked_about",),
        says=("loud.py", "ran"),
    ),
    Variant(
        "locate-module",
        "searches-sys-path-by-hand",
        {"locate.py": (None, SEARCHES_SYS_PATH_BY_HAND)},
        fails=("files_packages_and_submodules_are_found", "built_in_and_frozen_modules"),
        says=("instead of",),
    ),
    Variant(
        "locate-module",
        "no-location-means-built-in",
        {
            "locate.py": (
                "    return spec.origin if spec else None\n",
                "    if spec is None:\n        return None\n"
                '    return spec.origin if spec.has_location else "built-in"\n',
            )
        },
    ),
    Variant(
        "locate-module",
        "frozen-gives-its-source-file",
        {"locate.py": (None, FROZEN_GIVES_ITS_SOURCE_FILE)},
        fails=("built_in_and_frozen_modules",),
        says=("__hello__", "never a path"),
    ),
    Variant(
        "locate-module",
        "pkgutil-find-loader",
        {"locate.py": (None, PKGUTIL_FIND_LOADER)},
        fails=("a_broken_parent_package_is_not_a_missing_one",),
        # pkgutil.find_loader is gone from 3.14 on: there the answer fails with an AttributeError instead.
        says=("cfg_brittle.part", "ValueError"),
    ),
    Variant(
        "locate-module",
        "catches-import-and-attribute-errors",
        {"locate.py": (None, CATCHES_IMPORT_AND_ATTRIBUTE_ERRORS)},
        fails=("a_broken_parent_package_is_not_a_missing_one",),
        says=("cfg_cracked.part", "AttributeError", "returned None"),
        not_says=("cfg_brittle",),
    ),
    Variant(
        "locate-module",
        "catches-value-errors-too",
        {"locate.py": (None, CATCHES_VALUE_ERRORS_TOO)},
        fails=("a_broken_parent_package_is_not_a_missing_one",),
        says=("cfg_brittle.part", "ValueError"),
        not_says=("cfg_cracked",),
    ),
    Variant(
        "locate-module",
        "cached-per-name",
        {"locate.py": (None, CACHED_PER_NAME)},
        fails=("the_answer_follows_the_search_order",),
        says=("after the check put order/y first", "not a file in order/y", "earlier call"),
    ),
    Variant(
        "locate-module",
        "adds-its-own-folder",
        {"locate.py": (None, ADDS_ITS_OWN_FOLDER)},
        fails=("the_answer_follows_the_search_order",),
        says=("where('loud')", "not on sys.path", "changed sys.path"),
    ),
    Variant(
        "locate-module",
        "adds-the-current-folder",
        {"locate.py": (None, ADDS_THE_CURRENT_FOLDER)},
        fails=("the_answer_follows_the_search_order",),
        says=("where('cfg_here')", "changed sys.path"),
    ),
    Variant(
        "locate-module",
        "pops-from-sys-modules",
        {"locate.py": (None, POPS_FROM_SYS_MODULES)},
        fails=("no_module_runs_when_asked_about",),
        says=("sys.modules no longer held", "ran cfg_bell again"),
    ),
    Variant(
        "locate-module",
        "swallows-every-error",
        {"locate.py": ("    except ModuleNotFoundError:  # a parent", "    except Exception:  # a parent")},
        fails=("a_broken_parent_package_is_not_a_missing_one",),
        says=("None", "unchanged"),
    ),
    Variant(
        "locate-module",
        "imports-dotted-names",
        {"locate.py": (None, IMPORTS_DOTTED_NAMES)},
        fails=("no_module_runs_when_asked_about",),
        says=("ran", "cfg_box.lid"),
    ),
    Variant(
        "locate-module",
        "checks-only-the-top-package",
        {"locate.py": (None, CHECKS_ONLY_THE_TOP_PACKAGE)},
        fails=("missing_modules_give_none",),
        says=("ModuleNotFoundError",),
    ),
    Variant(
        "locate-module",
        "asks-a-new-interpreter",
        {"locate.py": (None, ASKS_A_NEW_INTERPRETER)},
        fails=("the_answer_follows_the_search_order", "files_packages_and_submodules_are_found"),
        says=("sys.path",),
    ),
    Variant(
        "locate-module",
        "current-folder-first",
        {"locate.py": (None, CURRENT_FOLDER_FIRST)},
        fails=("the_answer_follows_the_search_order",),
        says=("current folder",),
    ),
    Variant(
        "locate-module",
        "returns-the-cached-bytecode",
        {
            "locate.py": (
                "    return spec.origin if spec else None\n",
                "    return spec.cached or spec.origin if spec else None\n",
            )
        },
        fails=("files_packages_and_submodules_are_found",),
        says=("__pycache__",),
    ),
    Variant(
        "locate-module",
        "package-folder-for-packages",
        {
            "locate.py": (
                "    return spec.origin if spec else None\n",
                "    if spec is None:\n        return None\n"
                "    if spec.submodule_search_locations:\n        return spec.submodule_search_locations[0]\n"
                "    return spec.origin\n",
            )
        },
        fails=("files_packages_and_submodules_are_found",),
        says=("__init__.py",),
    ),
    Variant(
        "locate-module",
        "falls-back-on-the-current-folder",
        {"locate.py": (None, FALLS_BACK_ON_THE_CURRENT_FOLDER)},
        fails=("the_answer_follows_the_search_order",),
        says=("cfg_here", "not on sys.path"),
    ),
    Variant(
        "locate-module",
        "file-of-imported-modules",
        {"locate.py": (None, FILE_OF_IMPORTED_MODULES)},
        fails=("built_in_and_frozen_modules",),
        says=("'built-in'",),
    ),
    Variant(
        "locate-module",
        "wraps-errors-in-its-own",
        {"locate.py": (None, WRAPS_ERRORS_IN_ITS_OWN)},
        fails=("a_broken_parent_package_is_not_a_missing_one",),
        says=("another exception", "ImportError"),
    ),
    Variant("locate-module", "returns-a-path-object", {"locate.py": (None, RETURNS_A_PATH_OBJECT)}),
    Variant("locate-module", "no-file-means-built-in", {"locate.py": (None, NO_FILE_MEANS_BUILT_IN)}),
    Variant("locate-module", "asks-the-meta-path", {"locate.py": (None, ASKS_THE_META_PATH)}),
    Variant("locate-module", "catches-import-error", {"locate.py": (None, CATCHES_IMPORT_ERROR)}),
    Variant("locate-module", "only-its-own-parents-give-none", {"locate.py": (None, ONLY_ITS_OWN_PARENTS_GIVE_NONE)}),
    Variant(
        "locate-module",
        "memo-per-name-and-path",
        {"locate.py": (None, MEMO_PER_NAME_AND_PATH)},
        fails=("the_answer_follows_the_search_order",),
        says=("deleted order/y/cfg_rank.py", "wrote order/x/cfg_late.py", "earlier call"),
    ),
    Variant(
        "locate-module",
        "memo-checked-on-disk",
        {"locate.py": (None, MEMO_CHECKED_ON_DISK)},
        fails=("the_answer_follows_the_search_order",),
        says=("cfg_late", "cfg_drift", "not a file in order/y"),
        not_says=("deleted order/y/cfg_rank.py",),
    ),
    Variant(
        "locate-module",
        "unloads-the-parents",
        {"locate.py": (None, UNLOADS_THE_PARENTS)},
        fails=("no_module_runs_when_asked_about",),
        says=("sys.modules no longer held", "cfg_shed", "json", "ran cfg_shed again"),
    ),
    Variant(
        "locate-module",
        "unloads-the-whole-package",
        {"locate.py": (None, UNLOADS_THE_WHOLE_PACKAGE)},
        fails=("no_module_runs_when_asked_about",),
        says=("sys.modules no longer held", "cfg_shed"),
    ),
    Variant("locate-module", "puts-sys-modules-back", {"locate.py": (None, PUTS_SYS_MODULES_BACK)}),
    # -- run-anywhere --------------------------------------------------------------------------------------------
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
        fails=("the_tool_never_changes_sys_path",),
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
        fails=("the_tool_never_changes_sys_path",),
        says=("sys.path = ", "not even for a moment"),
    ),
    Variant("run-anywhere", "relative-import-inside-main", {"toolbox/cli.py": (None, LAZY_CLI)}),
    Variant(
        "run-anywhere",
        "path-hack-inside-main",
        {"toolbox/cli.py": (None, HACK_IN_MAIN_CLI)},
        fails=("the_tool_never_changes_sys_path", "the_helper_comes_from_the_package"),
        says=("main", "sys."),
    ),
    Variant(
        "run-anywhere",
        "stub-plain-import",
        {"toolbox/cli.py": STUB},
        fails=(
            "it_runs_with_dash_m_from_the_project_folder",
            "the_tool_never_changes_sys_path",
            "the_helper_comes_from_the_package",
        ),
        says=("helpers",),
        not_says=("check the spelling",),
    ),
    Variant(
        "run-anywhere",
        "top-level-first-then-package",
        {
            "toolbox/cli.py": (
                "from toolbox.helpers import fmt  # the package is found on sys.path, wherever Python starts",
                "try:\n    from helpers import fmt  # run as a script\n"
                "except ImportError:\n    from toolbox.helpers import fmt  # run with -m",
            )
        },
        fails=("the_helper_comes_from_the_package",),
        says=("helpers.py", "top-level"),
    ),
    Variant(
        "run-anywhere",
        "main-shouts-by-itself",
        {"toolbox/cli.py": ('    print(fmt(" ".join(argv)))', '    print(" ".join(argv).upper())')},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("fmt",),
    ),
    Variant(
        "run-anywhere",
        "main-reads-sys-argv",
        {"toolbox/cli.py": (None, MAIN_READS_SYS_ARGV)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("argv",),
    ),
    Variant(
        "run-anywhere",
        "fmt-copied-into-cli",
        {"toolbox/cli.py": (None, FMT_COPIED_INTO_CLI)},
        fails=("the_helper_comes_from_the_package", "main_prints_what_the_helper_makes_of_its_arguments"),
        says=("helpers",),
    ),
    Variant(
        "run-anywhere",
        "helpers-aliased-in-the-package",
        {
            "toolbox/cli.py": STUB,
            "toolbox/__init__.py": (
                None,
                '"""A small command-line toolbox."""\n\nimport sys\n\nfrom . import helpers\n\n'
                'sys.modules["helpers"] = helpers  # so that `from helpers import fmt` works with -m\n',
            ),
        },
        fails=("the_helper_comes_from_the_package",),
        says=("top-level",),
    ),
    Variant(
        "run-anywhere",
        "path-hack-in-the-package",
        {
            "toolbox/cli.py": STUB,
            "toolbox/__init__.py": (
                None,
                '"""A small command-line toolbox."""\n\nimport os\nimport sys\n\n'
                "sys.path.append(os.path.dirname(__file__))  # the package's modules importable on their own\n",
            ),
        },
        fails=("the_tool_never_changes_sys_path",),
        says=("sys.path.append", "importing toolbox.cli"),
    ),
    Variant(
        "run-anywhere",
        "path-hack-when-run-as-main",
        {"toolbox/cli.py": (None, HACK_WHEN_RUN_AS_MAIN)},
        fails=("the_tool_never_changes_sys_path",),
        says=("sys.path.insert", "-m"),
    ),
    Variant(
        "run-anywhere",
        "helpers-loaded-from-its-file",
        {"toolbox/cli.py": (None, HELPERS_FROM_ITS_FILE)},
        fails=("the_helper_comes_from_the_package",),
        says=("helpers",),
    ),
    Variant(
        "run-anywhere",
        "helpers-loaded-from-the-current-folder",
        {"toolbox/cli.py": (None, HELPERS_FROM_THE_CURRENT_FOLDER)},
        fails=("it_runs_from_another_folder_with_pythonpath",),
        says=("another folder", "FileNotFoundError"),
    ),
    Variant(
        "run-anywhere",
        "top-level-helpers-shim",
        {"toolbox/cli.py": STUB, "helpers.py": (None, HELPERS_SHIM)},
        fails=("the_helper_comes_from_the_package",),
        says=("top-level",),
    ),
    Variant(
        "run-anywhere",
        "main-returns-the-text",
        {"toolbox/cli.py": (None, MAIN_RETURNS_THE_TEXT)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("printed ''",),
    ),
    Variant("run-anywhere", "import-module-relative", {"toolbox/cli.py": (None, IMPORT_MODULE_RELATIVE)}),
    Variant(
        "run-anywhere",
        "fmt-passed-on-by-the-package",
        {
            "toolbox/__init__.py": (
                None,
                '"""A small command-line toolbox."""\n\nfrom .helpers import fmt  # noqa: F401\n',
            ),
            "toolbox/cli.py": ("from toolbox.helpers import fmt", "from toolbox import fmt"),
        },
    ),
    Variant("run-anywhere", "package-module-imported", {"toolbox/cli.py": (None, PACKAGE_MODULE_CLI)}),
    Variant(
        "run-anywhere",
        "relative-with-a-script-fallback",
        {"toolbox/cli.py": (None, RELATIVE_WITH_A_SCRIPT_FALLBACK)},
        fails=("the_helper_comes_from_the_package",),
        says=("as a script", "imported a top-level module helpers"),
    ),
    Variant(
        "run-anywhere",
        "helpers-registered-by-hand",
        {"toolbox/cli.py": (None, HELPERS_REGISTERED_BY_HAND)},
        fails=("the_helper_comes_from_the_package",),
        says=("helpers.py ran 3 times", "another module", "runs helpers.py once"),
    ),
    Variant(
        "run-anywhere",
        "reloads-the-helpers",
        {"toolbox/cli.py": (None, RELOADS_THE_HELPERS)},
        fails=("the_helper_comes_from_the_package",),
        says=("helpers.py ran", "reloading"),
    ),
    Variant(
        "run-anywhere",
        "argv-or-sys-argv",
        {"toolbox/cli.py": (None, ARGV_OR_SYS_ARGV)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("main([])", "--sys-argv-word", "empty"),
    ),
    Variant(
        "run-anywhere",
        "empty-argv-reads-sys-argv",
        {
            "toolbox/cli.py": (
                '    print(fmt(" ".join(argv)))',
                '    if not argv:  # no words given: take the command line\'s\n        argv = sys.argv[1:]\n'
                '    print(fmt(" ".join(argv)))',
            )
        },
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("main([])", "sys.argv"),
    ),
    Variant(
        "run-anywhere",
        "sets-pythonpath",
        {"toolbox/cli.py": (None, SETS_PYTHONPATH)},
        fails=("the_tool_never_changes_sys_path",),
        says=("os.environ", "PYTHONPATH"),
    ),
    Variant(
        "run-anywhere",
        "pythonpath-set-in-the-package",
        {
            "toolbox/__init__.py": (
                None,
                '"""A small command-line toolbox."""\n\nimport os\n\n'
                "# the tools this package starts find it too\n"
                'os.environ.setdefault("PYTHONPATH", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\n',
            ),
        },
        fails=("the_tool_never_changes_sys_path",),
        says=("PYTHONPATH",),
    ),
    Variant(
        "run-anywhere",
        "package-first-then-script-fallback",
        {
            "toolbox/cli.py": (
                "from toolbox.helpers import fmt  # the package is found on sys.path, wherever Python starts",
                "try:\n    from toolbox.helpers import fmt\n"
                "except ImportError:  # run as a script, from inside toolbox/\n    from helpers import fmt",
            )
        },
        fails=("the_helper_comes_from_the_package",),
        says=("as a script", "top-level module helpers", "let it fail"),
    ),
    Variant(
        "run-anywhere",
        "empty-argv-shortcut",
        {"toolbox/cli.py": (None, EMPTY_ARGV_SHORTCUT)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("main([])", "<>", "printed ''"),
    ),
    Variant(
        "run-anywhere",
        "tidies-the-words",
        {"toolbox/cli.py": (None, TIDIES_THE_WORDS)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("as they are", "<|gamma||beta|||alpha>"),
    ),
    Variant(
        "run-anywhere",
        "normalises-the-spacing",
        {"toolbox/cli.py": (None, NORMALISES_THE_SPACING)},
        fails=("main_prints_what_the_helper_makes_of_its_arguments",),
        says=("as they are", "<|gamma||beta|||alpha>"),
    ),
    Variant(
        "run-anywhere",
        "helpers-loaded-by-path-once",
        {"toolbox/cli.py": (None, HELPERS_LOADED_BY_PATH_ONCE)},
        fails=("the_helper_comes_from_the_package",),
        says=("toolbox.helpers", "attribute", "import system"),
    ),
    Variant(
        "run-anywhere",
        "helpers-executed-into-a-module",
        {"toolbox/cli.py": (None, HELPERS_EXECUTED_INTO_A_MODULE)},
        fails=("the_helper_comes_from_the_package",),
        says=("toolbox.helpers", "attribute"),
    ),
    # -- zip-library ---------------------------------------------------------------------------------------------
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
        says=("package_dir", "mylib/"),
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
        says=("src/",),
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
        fails=("only_python_files_go_in",),
        says=("notes.txt", ".py"),
        not_says=("mode 'w'", "twice"),
    ),
    Variant(
        "zip-library",
        "appends-to-the-archive",
        {"bundle.py": ('zipfile.ZipFile(zip_path, "w")', 'zipfile.ZipFile(zip_path, "a")')},
        fails=("building_twice_replaces_the_archive",),
        says=("again",),
    ),
    Variant(
        "zip-library",
        "a-list-of-the-four-files",
        {"bundle.py": (None, A_LIST_OF_THE_FOUR_FILES)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit", "every depth"),
    ),
    Variant(
        "zip-library",
        "two-levels-of-glob",
        {"bundle.py": (None, TWO_LEVELS_OF_GLOB)},
        fails=("every_python_file_goes_in",),
        says=("missing",),
    ),
    Variant(
        "zip-library",
        "basename-of-the-path-as-given",
        {"bundle.py": (None, BASENAME_OF_THE_PATH_AS_GIVEN)},
        fails=("names_start_with_the_package_name",),
        says=("slash",),
    ),
    Variant(
        "zip-library",
        "keeps-an-existing-archive",
        {"bundle.py": ("    package_dir = os.path.abspath(package_dir)\n",
                       "    if os.path.exists(zip_path):  # built already\n        return\n"
                       "    package_dir = os.path.abspath(package_dir)\n")},
        fails=("building_twice_replaces_the_archive",),
        says=("again",),
    ),
    Variant(
        "zip-library",
        "pyzipfile-writepy",
        {"bundle.py": (None, PYZIPFILE_WRITEPY)},
        fails=("only_python_files_go_in", "names_start_with_the_package_name"),
        says=(".pyc",),
    ),
    Variant(
        "zip-library",
        "chdir-without-going-back",
        {"bundle.py": (None, CHDIR_WITHOUT_GOING_BACK)},
        fails=("names_start_with_the_package_name",),
        says=("current folder",),
    ),
    Variant(
        "zip-library",
        "py-anywhere-in-the-name",
        {"bundle.py": ('                if name.endswith(".py"):\n', '                if ".py" in name:\n')},
        fails=("only_python_files_go_in",),
        says=(".pyi",),
    ),
    Variant(
        "zip-library",
        "path-written-as-content",
        {
            "bundle.py": (
                'archive.write(path, os.path.relpath(path, parent).replace(os.sep, "/"))',
                'archive.writestr(os.path.relpath(path, parent).replace(os.sep, "/"), path)',
            )
        },
        fails=("every_python_file_goes_in",),
        says=("content",),
    ),
    Variant(
        "zip-library",
        "lzma-compressed",
        {"bundle.py": (None, LZMA_COMPRESSED)},
        fails=("the_package_imports_from_the_archive",),
        says=("lib.zip",),
    ),
    Variant(
        "zip-library",
        "read-as-latin-1",
        {"bundle.py": (None, READ_AS_LATIN_1)},
        fails=("every_python_file_goes_in",),
        says=("deepest.py", "content"),
    ),
    Variant(
        "zip-library",
        "folder-entries-for-pycache-too",
        {"bundle.py": (None, FOLDER_ENTRIES_FOR_PYCACHE_TOO)},
        fails=("only_python_files_go_in",),
        says=("__pycache__/",),
    ),
    Variant(
        "zip-library",
        "skips-empty-files",
        {
            "bundle.py": (
                '                if name.endswith(".py"):\n',
                '                if name.endswith(".py") and os.path.getsize(os.path.join(folder, name)):\n',
            )
        },
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/a/__init__.py",),
    ),
    Variant(
        "zip-library",
        "walks-the-parent-folder",
        {"bundle.py": (None, WALKS_THE_PARENT_FOLDER)},
        fails=("only_python_files_go_in",),
        says=("bundle.py",),
    ),
    Variant(
        "zip-library",
        "read-as-text",
        {"bundle.py": (None, READ_AS_TEXT)},
        fails=("every_python_file_goes_in",),
        says=("UnicodeDecodeError", "legacy.py", "bytes"),
    ),
    # Right (accepted): both go wrong only for package_dir '.', which no check uses (see their texts above).
    Variant("zip-library", "name-from-the-text", {"bundle.py": (None, NAME_FROM_THE_TEXT)}),
    Variant("zip-library", "pathlib-unresolved", {"bundle.py": (None, PATHLIB_UNRESOLVED)}),
    Variant(
        "zip-library",
        "skips-underscore-folders",
        {"bundle.py": (None, SKIPS_UNDERSCORE_FOLDERS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/_impl/fast.py", "missing"),
    ),
    Variant(
        "zip-library",
        "only-package-folders",
        {"bundle.py": (None, ONLY_PACKAGE_FOLDERS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/scripts/tool.py", "missing"),
    ),
    Variant(
        "zip-library",
        "skips-private-files",
        {"bundle.py": (None, SKIPS_PRIVATE_FILES)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/__main__.py", "cfg_kit/_compat.py"),
    ),
    Variant(
        "zip-library",
        "skips-the-tests",
        {"bundle.py": (None, SKIPS_THE_TESTS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/tests/test_core.py",),
    ),
    Variant(
        "zip-library",
        "skips-if-up-to-date",
        {"bundle.py": (None, SKIPS_IF_UP_TO_DATE)},
        fails=("building_twice_replaces_the_archive",),
        says=("only the deletion", "mylib/old.py"),
    ),
    Variant(
        "zip-library",
        "skips-if-same-names",
        {"bundle.py": (None, SKIPS_IF_SAME_NAMES)},
        fails=("building_twice_replaces_the_archive",),
        says=("only a change to mylib/stats.py", "older content"),
    ),
    Variant(
        "zip-library",
        "make-archive-adds-zip",
        {"bundle.py": (None, MAKE_ARCHIVE_ADDS_ZIP)},
        fails=("names_start_with_the_package_name",),
        says=("renamed.pyz", "no file", "suffix"),
    ),
    Variant("zip-library", "recursive-glob", {"bundle.py": (None, RECURSIVE_GLOB)}),
    Variant("zip-library", "suffix-in-any-case", {"bundle.py": (None, SUFFIX_IN_ANY_CASE)}),
    Variant("zip-library", "pathlib-rglob", {"bundle.py": (None, PATHLIB_RGLOB)}),
    Variant("zip-library", "bytes-deflated-with-folder-entries", {"bundle.py": (None, BYTES_DEFLATED_WITH_FOLDERS)}),
    Variant(
        "zip-library",
        "remove-then-append",
        {
            "bundle.py": [
                ("    package_dir = os.path.abspath(package_dir)\n",
                 "    if os.path.exists(zip_path):\n        os.remove(zip_path)\n"
                 "    package_dir = os.path.abspath(package_dir)\n"),
                ('zipfile.ZipFile(zip_path, "w")', 'zipfile.ZipFile(zip_path, "a")'),
            ]
        },
    ),
    Variant(
        "zip-library",
        "latin-1-text-mode",
        {"bundle.py": (None, LATIN_1_TEXT_MODE)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/crlf.py", "line endings", "bytes"),
    ),
    Variant(
        "zip-library",
        "normalises-line-endings",
        {"bundle.py": (None, NORMALISES_LINE_ENDINGS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/crlf.py", "line endings"),
        not_says=("cfg_kit/cr.py",),
    ),
    Variant("zip-library", "latin-1-text-keeping-newlines", {"bundle.py": (None, LATIN_1_TEXT_KEEPING_NEWLINES)}),
    Variant(
        "zip-library",
        "skips-dunder-folders",
        {"bundle.py": (None, SKIPS_DUNDER_FOLDERS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/__internal__/engine.py", "missing"),
    ),
    Variant(
        "zip-library",
        "skips-build-folders",
        {"bundle.py": (None, SKIPS_BUILD_FOLDERS)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/build/steps.py", "missing"),
    ),
    Variant(
        "zip-library",
        "only-importable-names",
        {"bundle.py": (None, ONLY_IMPORTABLE_NAMES)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/scripts/run-me.py", "missing"),
    ),
    Variant(
        "zip-library",
        "ends-in-py-without-the-dot",
        {"bundle.py": (None, ENDS_IN_PY_WITHOUT_THE_DOT)},
        fails=("only_python_files_go_in",),
        says=("mylib/data.npy", "mylib/sub/happy"),
    ),
    Variant(
        "zip-library",
        "skips-setup-and-conftest",
        {"bundle.py": (None, SKIPS_SETUP_AND_CONFTEST)},
        fails=("every_python_file_goes_in",),
        says=("cfg_kit/setup.py", "cfg_kit/tests/conftest.py"),
    ),
    Variant(
        "zip-library",
        "skips-if-same-names-and-none-newer",
        {"bundle.py": (None, SKIPS_IF_SAME_NAMES_AND_NONE_NEWER)},
        fails=("building_twice_replaces_the_archive",),
        says=("mylib/sub/text.py", "older modification time", "older content"),
    ),
    Variant(
        "zip-library",
        "skips-if-same-names-and-sizes",
        {"bundle.py": (None, SKIPS_IF_SAME_NAMES_AND_SIZES)},
        fails=("building_twice_replaces_the_archive",),
        says=("mylib/sub/text.py", "older content"),
    ),
    Variant("zip-library", "skips-only-if-the-same-bytes", {"bundle.py": (None, SKIPS_ONLY_IF_THE_SAME_BYTES)}),
]

# install-plugin: a module written while the program runs. The solution's import, and the lines a
# variant puts in its place (the file is written just before, as the stub writes it).
INSTALL_IMPORT = (
    "    importlib.invalidate_caches()\n"
    '    return importlib.import_module(f"plugins.{name}")\n'
)


def install_body(body: str) -> dict:
    """installer.py with install()'s last lines (after the file is written) replaced by body."""
    return {
        "installer.py": [
            ("import importlib\n", "import importlib\nimport importlib.util\nimport os\nimport sys\nimport time\n"),
            (INSTALL_IMPORT, body),
        ]
    }


INSTALL_HEAD = '''"""Install a plugin while the program runs."""

import importlib
import importlib.util
import os
import sys
import time
'''

VARIANTS += [
    # Wait a little, so that the folder's time has moved on: it has not, on a coarse clock.
    Variant(
        "install-plugin",
        "waits-a-second",
        install_body('    time.sleep(1.1)\n    return importlib.import_module(f"plugins.{name}")\n'),
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once"),
        says=("ModuleNotFoundError", "modification time"),
    ),
    # Try again a few times, with a pause between: the listing stays the same.
    Variant(
        "install-plugin",
        "tries-again",
        install_body(
            "    for attempt in range(5):\n"
            "        try:\n"
            '            return importlib.import_module(f"plugins.{name}")\n'
            "        except ModuleNotFoundError:\n"
            "            if attempt == 4:\n"
            "                raise\n"
            "            time.sleep(0.1)\n"
        ),
        fails=("a_new_plugin_imports_at_once", "the_plugin_is_imported_like_any_other"),
        says=("ModuleNotFoundError", "forget"),
    ),
    # Reload the package, hoping it looks at its folder again: the finder of plugins/ stays as it was.
    Variant(
        "install-plugin",
        "reloads-the-package",
        install_body(
            "    import plugins\n\n"
            "    importlib.reload(plugins)\n"
            '    return importlib.import_module(f"plugins.{name}")\n'
        ),
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once", "an_installed_plugin_stays_installed"),
        says=("ModuleNotFoundError",),
    ),
    # The caches forgotten once, when installer is imported: the folder is listed again afterwards.
    Variant(
        "install-plugin",
        "forgets-once-at-import",
        {
            "installer.py": [
                ('PLUGINS = Path(', 'importlib.invalidate_caches()\nPLUGINS = Path('),
                (INSTALL_IMPORT, '    return importlib.import_module(f"plugins.{name}")\n'),
            ]
        },
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once"),
        says=("ModuleNotFoundError",),
    ),
    # Forgets the caches on the first install only: a flag the student thought would save time.
    Variant(
        "install-plugin",
        "forgets-on-the-first-install-only",
        {
            "installer.py": [
                ('PLUGINS = Path(', '_FRESH = []\nPLUGINS = Path('),
                (
                    "    importlib.invalidate_caches()\n",
                    "    if not _FRESH:\n        importlib.invalidate_caches()\n        _FRESH.append(True)\n",
                ),
            ]
        },
        fails=("every_install_imports_at_once",),
        says=("every install", "after install() had already worked for omega"),
    ),
    # __import__ of the dotted name returns the top package, not the plugin.
    Variant(
        "install-plugin",
        "returns-the-package",
        install_body('    importlib.invalidate_caches()\n    return __import__(f"plugins.{name}")\n'),
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once"),
        says=("'plugins'", "import_module"),
    ),
    # Loaded from its path into a module of its own, never filed in sys.modules: a later import runs it again.
    Variant(
        "install-plugin",
        "loads-the-file-but-files-nothing",
        install_body(
            '    path = PLUGINS / f"{name}.py"\n'
            '    spec = importlib.util.spec_from_file_location(f"plugins.{name}", path)\n'
            "    module = importlib.util.module_from_spec(spec)\n"
            "    spec.loader.exec_module(module)\n"
            "    return module\n"
        ),
        fails=("the_plugin_is_imported_like_any_other",),
        says=("sys.modules",),
    ),
    # Run the source in a new module object without the file ever being read: nothing stays installed.
    Variant(
        "install-plugin",
        "runs-the-source-without-the-file",
        {
            "installer.py": (
                None,
                INSTALL_HEAD
                + "import types\n\n\ndef install(name, source):\n"
                '    module = types.ModuleType(f"plugins.{name}")\n'
                '    module.__file__ = os.path.join(os.path.dirname(__file__), "plugins", name + ".py")\n'
                "    sys.modules[module.__name__] = module\n"
                "    import plugins\n\n"
                "    setattr(plugins, name, module)\n"
                "    exec(compile(source, module.__file__, 'exec'), module.__dict__)\n"
                "    return module\n",
            )
        },
        fails=("an_installed_plugin_stays_installed",),
        says=("no plugins/zeta.py",),
    ),
    # From the adversarial round: the folder's time moved on by hand after writing; on a coarse clock
    # that is the same second again, as the checks make it.
    Variant(
        "install-plugin",
        "touches-the-folder",
        install_body('    os.utime(PLUGINS)\n    return importlib.import_module(f"plugins.{name}")\n'),
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once"),
        says=("ModuleNotFoundError", "modification time"),
    ),
    # From the adversarial round: the source tidied before it is written (a final newline made sure of).
    Variant(
        "install-plugin",
        "tidies-the-source",
        {"installer.py": ("write_text(source,", "write_text(source.rstrip() + \"\\n\\n\",")},
        fails=("an_installed_plugin_stays_installed",),
        says=("exactly the source",),
    ),
    # Right: the caches forgotten before the file is written; nothing is listed in between. Hint 2 says
    # "after the file is written", but forgetting only marks every listing as stale: the folder is read
    # again at the next search, the import just after the write, which sees the file (an adversary's
    # submission did the same; accepted on purpose).
    Variant(
        "install-plugin",
        "forgets-before-writing",
        {
            "installer.py": [
                ("    (PLUGINS /", "    importlib.invalidate_caches()\n    (PLUGINS /"),
                (INSTALL_IMPORT, '    return importlib.import_module(f"plugins.{name}")\n'),
            ]
        },
    ),
    # Right: try, and only when the plugin is not found, forget the caches and try once more.
    Variant(
        "install-plugin",
        "forgets-when-not-found",
        install_body(
            "    try:\n"
            '        return importlib.import_module(f"plugins.{name}")\n'
            "    except ModuleNotFoundError:\n"
            "        importlib.invalidate_caches()\n"
            '        return importlib.import_module(f"plugins.{name}")\n'
        ),
    ),
    # Right, from scratch: the path finder's whole cache of finders thrown away, os for the file.
    Variant(
        "install-plugin",
        "drops-every-finder",
        {
            "installer.py": (
                None,
                INSTALL_HEAD
                + "\n\ndef install(name, source):\n"
                '    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")\n'
                '    with open(os.path.join(folder, name + ".py"), "w", encoding="utf-8") as f:\n'
                "        f.write(source)\n"
                "    sys.path_importer_cache.clear()  # new finders list their folders afresh\n"
                '    return importlib.import_module("plugins." + name)\n',
            )
        },
    ),
    # Right, from scratch: loaded by its path, and filed where an import files it.
    Variant(
        "install-plugin",
        "loads-by-path-and-files-it",
        {
            "installer.py": (
                None,
                INSTALL_HEAD
                + "\n\ndef install(name, source):\n"
                '    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins", name + ".py")\n'
                '    with open(path, "w", encoding="utf-8") as f:\n'
                "        f.write(source)\n"
                "    import plugins\n\n"
                '    full = "plugins." + name\n'
                "    spec = importlib.util.spec_from_file_location(full, path)\n"
                "    module = importlib.util.module_from_spec(spec)\n"
                "    sys.modules[full] = module\n"
                "    try:\n"
                "        spec.loader.exec_module(module)\n"
                "    except BaseException:\n"
                "        del sys.modules[full]\n"
                "        raise\n"
                "    setattr(plugins, name, module)\n"
                "    return module\n",
            )
        },
    ),
]

# install-plugin, adversarial round (from the README alone).
WRITE_PLUGIN = '    (PLUGINS / f"{name}.py").write_text(source, encoding="utf-8")\n'

VARIANTS += [
    # Second adversary: only the finder filed under the folder's resolved path forgets its listing; the
    # import system files it under the path it searched, another one when the folder is reached by a link.
    Variant(
        "install-plugin",
        "forgets-the-listing-of-the-resolved-path",
        install_body(
            "    finder = sys.path_importer_cache.get(str(PLUGINS))\n"
            "    if finder is not None:\n"
            "        finder.invalidate_caches()\n"
            '    return importlib.import_module(f"plugins.{name}")\n'
        ),
        fails=("every_install_imports_at_once",),
        says=("symbolic link", "ModuleNotFoundError"),
    ),
    # Second adversary: the file opened to append: installing over an older plugin leaves both texts in it.
    Variant(
        "install-plugin",
        "appends-to-the-file",
        {
            "installer.py": (
                WRITE_PLUGIN,
                '    with open(PLUGINS / f"{name}.py", "a", encoding="utf-8") as f:\n        f.write(source)\n',
            )
        },
        fails=("an_installed_plugin_stays_installed",),
        says=("plugins/eta.py", "older text"),
    ),
    # Second adversary: the source staged in plugins/<name>.py.new, copied, and the copy left behind.
    Variant(
        "install-plugin",
        "leaves-the-staged-copy",
        {
            "installer.py": (
                WRITE_PLUGIN,
                '    staged = PLUGINS / f"{name}.py.new"\n'
                '    staged.write_text(source, encoding="utf-8")\n'
                '    (PLUGINS / f"{name}.py").write_bytes(staged.read_bytes())\n',
            )
        },
        fails=("an_installed_plugin_stays_installed",),
        says=("zeta.py.new",),
    ),
    # Second adversary: plugins/ put on sys.path as well, "to be sure it is searched": `import zeta` then
    # loads a second copy of plugins.zeta.
    Variant(
        "install-plugin",
        "puts-plugins-on-the-path",
        install_body(
            "    if str(PLUGINS) not in sys.path:\n"
            "        sys.path.append(str(PLUGINS))\n" + INSTALL_IMPORT
        ),
        fails=("the_plugin_is_imported_like_any_other",),
        says=("sys.path", "<exercise folder>/plugins", "second copy"),
    ),
    # Second adversary: bytecode turned off for the whole program (and its children), against stale .pyc files.
    Variant(
        "install-plugin",
        "turns-bytecode-off-for-good",
        install_body(
            "    sys.dont_write_bytecode = True\n"
            '    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"\n' + INSTALL_IMPORT
        ),
        fails=("the_plugin_is_imported_like_any_other",),
        says=("sys.dont_write_bytecode", "PYTHONDONTWRITEBYTECODE"),
    ),
    # The finder of the current folder dropped, not the one of plugins/, which holds the stale listing.
    Variant(
        "install-plugin",
        "drops-the-wrong-finder",
        install_body(
            "    sys.path_importer_cache.pop(os.getcwd(), None)\n"
            '    return importlib.import_module(f"plugins.{name}")\n'
        ),
        fails=("a_new_plugin_imports_at_once", "every_install_imports_at_once"),
        says=("ModuleNotFoundError",),
    ),
    # Each plugin made a package of its own: plugins/<name>/__init__.py.
    Variant(
        "install-plugin",
        "writes-a-package",
        {
            "installer.py": [
                (
                    '    (PLUGINS / f"{name}.py").write_text(source, encoding="utf-8")\n',
                    '    (PLUGINS / name).mkdir(exist_ok=True)\n'
                    '    (PLUGINS / name / "__init__.py").write_text(source, encoding="utf-8")\n',
                ),
            ]
        },
        fails=("the_plugin_is_imported_like_any_other", "an_installed_plugin_stays_installed"),
        says=("plugins/zeta.py",),
    ),
    # Right: __import__ after forgetting the caches, and the plugin taken from sys.modules.
    Variant(
        "install-plugin",
        "dunder-import-then-sys-modules",
        install_body(
            "    importlib.invalidate_caches()\n"
            '    __import__("plugins." + name)\n'
            '    return sys.modules["plugins." + name]\n'
        ),
    ),
]
