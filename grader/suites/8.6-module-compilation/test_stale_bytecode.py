"""8.6 stale-bytecode: a rewrite that the next import cannot miss.

The check sets the source's time back after safe_rewrite, so that the .pyc
check (time and size) is fooled for certain: a verdict that does not depend
on where a second boundary happens to fall. The file must then hold exactly
the text given, so that changing its size (padding it) does not count as the
repair.

The modules are the check's own: `modülé.py` in the folder `gen ü` (not the
working directory), with non-ASCII text whose old and new versions have the
same size in bytes (the check writes the old one byte for byte, newline="", so
that it keeps that size on Windows too); each run of its body adds a word to
runs.log. The reload is tried once with bytecode beside the source, once with
a new text of the same size that does not compile (the reload must raise its
SyntaxError, not run the old bytecode; safe_rewrite itself may raise, as long
as the file holds the text), and once with sys.pycache_prefix set (as -X
pycache_prefix does) for a module imported through a folder that is a symbolic
link (where the platform allows one): Python files its .pyc under the path as
imported, not the real one. For the new interpreter, the bytecode is what an
earlier run left (the interpreter that calls safe_rewrite never imported the
module, and does not have its folder on sys.path), and both run with -O, whose
bytecode file has another name. The files never imported exist already: the
README never said that safe_rewrite may be given a path with no file yet, so
that is not asked. The interpreter that safe_rewrite must leave alone has a
pycache prefix of its own, so that code which sets it back to None instead of
what was there shows.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the file holds exactly the text given afterwards: nothing added, nothing left out (no \\r before
  each \\n, as text mode writes on Windows).
  -> a_reload_runs_the_new_code, a_new_interpreter_runs_the_new_code, a_module_never_imported_is_fine
- Step 2: importlib.reload in the same interpreter runs the new code, same size and time set back,
  wherever the module lives, and with sys.pycache_prefix (-X pycache_prefix) too.
  -> a_reload_runs_the_new_code
- Step 2: the path as given decides (a folder reached through a symbolic link, with -X pycache_prefix).
  -> a_reload_runs_the_new_code
- Step 2: for a text that does not compile, the next import fails with its SyntaxError, never runs the old code.
  -> a_reload_runs_the_new_code
- Step 2: a new interpreter started the same way (here with -O) runs the new code, also when the module's
  bytecode was left by an earlier run (the module is not in the caller's sys.modules, nor its folder on sys.path).
  -> a_new_interpreter_runs_the_new_code
- Step 3: a file that was never imported (no bytecode anywhere) is written without error.
  -> a_module_never_imported_is_fine
- Step 4: safe_rewrite only deals with files: it does not import, reload or run the module, and leaves
  sys.modules, sys.dont_write_bytecode, sys.pycache_prefix and os.environ as they were (a prefix the caller
  set too).
  -> safe_rewrite_leaves_the_interpreter_alone
"""

import pytest

from grader import CheckFailed, StudentError, expect
from grader.sandbox import CLEAN_FLAGS

FOLDER = "gen ü"
MODULE = "modülé"
PATH = f"{FOLDER}/{MODULE}.py"


def module_text(word: str, value: str) -> str:
    """A module that logs each run of its body; 'old'/'new' and 'öld!'/'nëw!' keep the size in bytes."""
    return f"with open('runs.log', 'a') as log:\n    log.write('{word} ')\nVALUE = '{value}'\n"


OLD_TEXT = module_text("old", "öld!")
NEW_TEXT = module_text("new", "nëw!")
#: The new text with a syntax error, of the same size again ("=" and "?" are one byte each).
BROKEN_TEXT = NEW_TEXT.replace("VALUE =", "VALUE ?")

#: In a probe: write a module's old text, import it (bytecode cached, stamped with a time), rewrite it with
#: safe_rewrite to the new text of the same size, and set the time back.
SETUP = f"""
import importlib, os, sys, sourcetools
TIME = 1_700_000_000
def text_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()
def rewritten(folder, name, imported=True, new={NEW_TEXT!r}, may_raise=False):
    path = os.path.join(folder, name + ".py")
    os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:  # byte for byte, so on Windows too the sizes match
        f.write({OLD_TEXT!r})
    os.utime(path, (TIME, TIME))
    if imported:
        if folder not in sys.path:
            sys.path.insert(0, folder)
        module = importlib.import_module(name)  # compiles, and caches bytecode stamped with that time and the size
    else:  # the bytecode an earlier run's import left: this interpreter never imported it, nor has its folder on sys.path
        import py_compile
        module = py_compile.compile(path, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP, doraise=True)
    raised = None
    try:
        sourcetools.safe_rewrite(path, new)  # the same size
    except Exception as exc:
        if not may_raise:
            raise
        raised = type(exc).__name__
    os.utime(path, (TIME, TIME))  # and the time set back
    return module, text_of(path), raised
"""


#: The hint when the file holds the text with each \n written as \r\n: what text mode does on Windows.
LINE_ENDS_HINT = (
    "the file got \\r\\n where the text has \\n: a file opened in text mode on Windows writes each \\n as "
    "\\r\\n, two bytes, which changes the file's size. Open it with newline=\"\" (or write the text's bytes) "
    "so that the file holds exactly the text given; then deal with the cached .pyc."
)


def expect_the_text_given(text, path=PATH, given=NEW_TEXT):
    translated = "\r" not in given and "\r\n" in text and text.replace("\r\n", "\n") == given
    expect(
        text == given,
        expected=f"safe_rewrite({path!r}, {given!r}) to leave exactly that text in {path}",
        saw=f"the file held {text!r}",
        hint=LINE_ENDS_HINT
        if translated
        else "write the text exactly as given; to make the next import notice it, deal with the cached .pyc "
        "instead of changing the file.",
    )


#: The folder the prefixed reload imports its module through: a symbolic link to REAL_FOLDER, where one can be made.
LINK = "gen link"
REAL_FOLDER = "echt ü"


@pytest.mark.points(2)
def test_a_reload_runs_the_new_code(student):
    seen = student.observe(
        SETUP
        + f"""
module, text, _ = rewritten({FOLDER!r}, {MODULE!r})
plain = importlib.reload(module).VALUE
broken_module, broken_text, raised = rewritten({FOLDER!r}, "dritte", new={BROKEN_TEXT!r}, may_raise=True)
try:
    broken = "VALUE " + repr(importlib.reload(broken_module).VALUE)
except SyntaxError:
    broken = "SyntaxError"
except Exception as exc:
    broken = type(exc).__name__
sys.pycache_prefix = os.path.abspath("bytecode cache")  # what -X pycache_prefix=... sets
os.makedirs({REAL_FOLDER!r})
try:
    os.symlink({REAL_FOLDER!r}, {LINK!r}, target_is_directory=True)
    linked = True
except (OSError, NotImplementedError):  # no symbolic links here (Windows without the privilege): a plain folder
    linked = False
module, text_there, _ = rewritten({LINK!r}, "zweite")
report(text=text, plain=plain, broken_text=broken_text, raised=raised, broken=broken,
       text_there=text_there, prefixed=importlib.reload(module).VALUE, linked=linked)
""",
        doing="safe_rewrite and a reload to work",
    )
    expect_the_text_given(seen["text"])
    expect(
        seen["plain"] == "nëw!",
        expected=f"importlib.reload to run the rewritten source of {PATH} (VALUE 'nëw!')",
        saw=f"it ran the old bytecode (VALUE {seen['plain']!r})",
        hint="the .pyc still matches the time and size: see that the next import cannot use it "
        f"(and find it for the source's own folder, {FOLDER}/, not the working directory).",
    )
    raised = f" (safe_rewrite raised {seen['raised']})" if seen["raised"] else ""
    expect(
        seen["broken_text"] == BROKEN_TEXT,
        expected=f"safe_rewrite({FOLDER + '/dritte.py'!r}, {BROKEN_TEXT!r}) to leave exactly that text in the file, "
        "although it does not compile",
        saw=f"the file held {seen['broken_text']!r}{raised}",
        hint="write the text as given, whatever it holds: whether it compiles is for the next import to find out.",
    )
    expect(
        seen["broken"] == "SyntaxError",
        expected=(
            f"for a new text of the same size that does not compile ({FOLDER}/dritte.py), importlib.reload to "
            "raise its SyntaxError"
        ),
        saw=f"the reload ran the old bytecode ({seen['broken']}){raised}"
        if seen["broken"].startswith("VALUE")
        else f"the reload raised {seen['broken']}{raised}",
        hint="a text that does not compile gets no new bytecode, so the old .pyc must not stay usable: compiling "
        "it again does not replace the old file when the new text fails to compile.",
    )
    expect_the_text_given(seen["text_there"], f"{LINK}/zweite.py")
    through = f", imported through {LINK}/, a symbolic link to {REAL_FOLDER}/" if seen["linked"] else ""
    expect(
        seen["prefixed"] == "nëw!",
        expected=(
            "importlib.reload to run the rewritten source when the bytecode is kept under a prefix "
            f"(sys.pycache_prefix, as -X pycache_prefix sets it), for {LINK}/zweite.py{through}"
        ),
        saw=f"it ran the old bytecode (VALUE {seen['prefixed']!r})",
        hint="the .pyc is not always in __pycache__ beside the source: ask importlib where this Python keeps it "
        "(importlib.util.cache_from_source) instead of building the path, and for the path as given: under a "
        "prefix, Python files it by the path the module was imported through, links and all, not the file's real path.",
    )


#: Both interpreters of the next check run with -O: their .pyc files are NAME.<tag>.opt-1.pyc.
OPTIMIZED = CLEAN_FLAGS + ("-S", "-O")


@pytest.mark.points(2)
def test_a_new_interpreter_runs_the_new_code(student):
    written = student.observe(
        SETUP + f"module, text, _ = rewritten({FOLDER!r}, {MODULE!r}, imported=False)\nreport(text=text)",
        doing="safe_rewrite to work (in python -O)",
        flags=OPTIMIZED,
    )
    expect_the_text_given(written["text"])
    seen = student.observe(
        f"import sys\nsys.path.insert(0, {FOLDER!r})\nimport {MODULE}\nreport(value={MODULE}.VALUE)",
        doing=f"`import {MODULE}` to work (in python -O)",
        flags=OPTIMIZED,
    )
    expect(
        seen["value"] == "nëw!",
        expected=(
            f"a new interpreter importing {MODULE} after safe_rewrite (both run with python -O, the bytecode left "
            f"by an earlier run, and {FOLDER}/ not on sys.path where safe_rewrite ran) to run the new source"
        ),
        saw=f"it ran the old bytecode (VALUE {seen['value']!r})",
        hint="the stale .pyc stays on disk for the next run too, whether or not this interpreter imported the "
        "module, or could find it by its name (its folder need not be on sys.path): work from the path you are "
        "given. With -O, the file Python uses has another name: ask importlib for it rather than building it.",
    )


@pytest.mark.points(1)
def test_a_module_never_imported_is_fine(student):
    try:
        seen = never_imported(student)
    except StudentError as failure:
        if not failure.error.isinstance("FileNotFoundError"):
            raise
        raise CheckFailed(
            failure.expected,
            failure.saw,
            "a module that was never imported has no .pyc (and maybe no __pycache__): "
            "there is nothing to remove then, and that is not an error.",
        ) from None
    expect_the_text_given(seen["texts"][0], "new ü/fresh.py", "ANSWER = 42")
    expect_the_text_given(seen["texts"][1], "new ü/existing.py", "ANSWER = 43\n\n")
    expect(
        seen["answers"] == [42, 43],
        expected="safe_rewrite to leave both modules importable with the new ANSWER (42 and 43)",
        saw=f"ANSWER was {seen['answers']}",
        hint="write the file first; there may be no .pyc to remove.",
    )


def never_imported(student):
    return student.observe(
        """
        import os, sys, sourcetools
        os.makedirs("new ü")
        old_texts = {"fresh.py": "ANSWER = 0\\n", "existing.py": "ANSWER = 41  # the old text, longer than the new one\\n"}
        for name, old in old_texts.items():
            with open(os.path.join("new ü", name), "w", encoding="utf-8", newline="") as f:
                f.write(old)
        sourcetools.safe_rewrite("new ü/fresh.py", "ANSWER = 42")  # never imported; a text with no final newline
        sourcetools.safe_rewrite("new ü/existing.py", "ANSWER = 43\\n\\n")  # never imported, a shorter text
        def text_of(path):
            with open(path, encoding="utf-8", newline="") as f:
                return f.read()
        texts = [text_of("new ü/fresh.py"), text_of("new ü/existing.py")]
        sys.path.insert(0, "new ü")
        import fresh, existing
        report(answers=[fresh.ANSWER, existing.ANSWER], texts=texts)
        """,
        doing='safe_rewrite("new ü/fresh.py", ...) and safe_rewrite("new ü/existing.py", ...), files never imported, to work',
    )


def after_is_default(changed) -> bool:
    """Did the settings that changed end at their defaults (False, None): put back to those, not to the caller's?"""
    return all(value.endswith((" False after", " None after")) for value in changed.values())


@pytest.mark.points(1)
def test_safe_rewrite_leaves_the_interpreter_alone(student):
    seen = student.observe(
        f"""
        import importlib, os, sys
        PREFIX = sys.pycache_prefix = os.path.abspath("the caller's prefix")  # its own, as -X pycache_prefix sets it
        sys.path.insert(0, {FOLDER!r})
        os.makedirs({FOLDER!r})
        with open({PATH!r}, "w", encoding="utf-8") as f:
            f.write({OLD_TEXT!r})
        import {MODULE} as module
        import sourcetools
        def state():
            return dict(
                environ=dict(os.environ),
                dont_write_bytecode=sys.dont_write_bytecode,
                pycache_prefix=sys.pycache_prefix,
                module=sys.modules.get({MODULE!r}) is module,
            )
        before = state()
        sourcetools.safe_rewrite({PATH!r}, {NEW_TEXT!r})
        after = state()
        with open("runs.log") as f:
            runs = f.read().split()
        def shown(value):
            return "the caller's own prefix" if value == PREFIX else repr(value)
        changed = {{key: f"{{shown(before[key])}} before, {{shown(after[key])}} after" for key in before
                   if key != "environ" and before[key] != after[key]}}
        variables = {{k for k in set(before["environ"]) | set(after["environ"])
                     if before["environ"].get(k) != after["environ"].get(k)}}
        if variables:
            changed["os.environ"] = "these variables changed: " + ", ".join(sorted(variables))
        report(runs=runs, changed=changed)
        """,
        doing="safe_rewrite to work",
    )
    runs = seen["runs"]
    expect(
        runs == ["old"],
        expected=f"safe_rewrite not to import, reload or run {MODULE}: its body ran once, when the check imported it",
        saw=f"while safe_rewrite ran, the module's body ran again ({' '.join(runs[1:])})",
        hint="the next import or reload is the caller's business: safe_rewrite only changes files.",
    )
    changed = seen["changed"]
    names = {
        "dont_write_bytecode": "sys.dont_write_bytecode",
        "pycache_prefix": "sys.pycache_prefix",
        "module": f"sys.modules[{MODULE!r}] (is it still the module the check imported?)",
        "os.environ": "os.environ",
    }
    expect(
        not changed,
        expected="safe_rewrite to leave the running interpreter's state as it was",
        saw="it changed " + "; ".join(f"{names[key]}: {value}" for key, value in changed.items()),
        hint="a setting changed for a moment must be put back as it was before the call (the caller may have "
        "set it), not to its default."
        if set(changed) <= {"dont_write_bytecode", "pycache_prefix"} and after_is_default(changed)
        else "deal with the one cached file on disk; settings that turn bytecode off, or a module removed from "
        "sys.modules, change the whole program, and a reload needs the module where it was.",
    )
