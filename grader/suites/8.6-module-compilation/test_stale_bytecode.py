"""8.6 stale-bytecode: a rewrite that the next import cannot miss.

The check sets the source's time back after safe_rewrite, so that the .pyc
check (time and size) is fooled for certain: a verdict that does not depend
on where a second boundary happens to fall. The file must then hold exactly
the text given, so that changing its size (padding it) does not count as the
repair.

The modules are the check's own: `modülé.py` in the folder `gen ü` (not the
working directory), with non-ASCII text whose old and new versions have the
same size in bytes; each run of its body adds a word to runs.log. The reload
is tried once with bytecode beside the source and once with sys.pycache_prefix
set (as -X pycache_prefix does). For the new interpreter, the bytecode is what
an earlier run left (the interpreter that calls safe_rewrite never imported
the module), and both run with -O, whose bytecode file has another name.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the file holds exactly the text given afterwards: nothing added, nothing left out.
  -> a_reload_runs_the_new_code, a_new_interpreter_runs_the_new_code, a_module_never_imported_is_fine
- Step 2: importlib.reload in the same interpreter runs the new code, same size and time set back,
  wherever the module lives, and with sys.pycache_prefix (-X pycache_prefix) too.
  -> a_reload_runs_the_new_code
- Step 2: a new interpreter started the same way (here with -O) runs the new code, also when the module's
  bytecode was left by an earlier run (the module is not in the caller's sys.modules).
  -> a_new_interpreter_runs_the_new_code
- Step 3: a file that was never imported (no bytecode anywhere, or no file yet) is written without error.
  -> a_module_never_imported_is_fine
- Step 4: safe_rewrite only deals with files: it does not import, reload or run the module, and leaves
  sys.modules, sys.dont_write_bytecode, sys.pycache_prefix and os.environ as they were.
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

#: In a probe: write a module's old text, import it (bytecode cached, stamped with a time), rewrite it with
#: safe_rewrite to the new text of the same size, and set the time back.
SETUP = f"""
import importlib, os, sys, sourcetools
TIME = 1_700_000_000
def text_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()
def rewritten(folder, name, imported=True):
    path = os.path.join(folder, name + ".py")
    os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write({OLD_TEXT!r})
    os.utime(path, (TIME, TIME))
    if folder not in sys.path:
        sys.path.insert(0, folder)
    if imported:
        module = importlib.import_module(name)  # compiles, and caches bytecode stamped with that time and the size
    else:  # the bytecode an earlier run's import left: this interpreter never imported the module
        import py_compile
        module = py_compile.compile(path, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP, doraise=True)
    sourcetools.safe_rewrite(path, {NEW_TEXT!r})  # the same size
    os.utime(path, (TIME, TIME))  # and the time set back
    return module, text_of(path)
"""


def expect_the_text_given(text, path=PATH, given=NEW_TEXT):
    expect(
        text == given,
        expected=f"safe_rewrite({path!r}, {given!r}) to leave exactly that text in {path}",
        saw=f"the file held {text!r}",
        hint="write the text exactly as given; to make the next import notice it, deal with the cached .pyc "
        "instead of changing the file.",
    )


@pytest.mark.points(2)
def test_a_reload_runs_the_new_code(student):
    seen = student.observe(
        SETUP
        + f"""
module, text = rewritten({FOLDER!r}, {MODULE!r})
plain = importlib.reload(module).VALUE
sys.pycache_prefix = os.path.abspath("bytecode cache")  # what -X pycache_prefix=... sets
module, text_there = rewritten({FOLDER!r}, "zweite")
report(text=text, plain=plain, text_there=text_there, prefixed=importlib.reload(module).VALUE)
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
    expect_the_text_given(seen["text_there"], f"{FOLDER}/zweite.py")
    expect(
        seen["prefixed"] == "nëw!",
        expected=(
            "importlib.reload to run the rewritten source when the bytecode is kept under a prefix "
            "(sys.pycache_prefix, as -X pycache_prefix sets it)"
        ),
        saw=f"it ran the old bytecode (VALUE {seen['prefixed']!r})",
        hint="the .pyc is not always in __pycache__ beside the source: ask importlib where this Python keeps it "
        "(importlib.util.cache_from_source) instead of building the path.",
    )


#: Both interpreters of the next check run with -O: their .pyc files are NAME.<tag>.opt-1.pyc.
OPTIMIZED = CLEAN_FLAGS + ("-S", "-O")


@pytest.mark.points(2)
def test_a_new_interpreter_runs_the_new_code(student):
    written = student.observe(
        SETUP + f"module, text = rewritten({FOLDER!r}, {MODULE!r}, imported=False)\nreport(text=text)",
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
            "by an earlier run) to run the new source"
        ),
        saw=f"it ran the old bytecode (VALUE {seen['value']!r})",
        hint="the stale .pyc stays on disk for the next run too, whether or not this interpreter imported the "
        "module; and with -O, the file Python uses has another name: ask importlib for it rather than building it.",
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
        f"""
        import os, sys, sourcetools
        os.makedirs("new ü")
        with open("new ü/existing.py", "w", encoding="utf-8") as f:
            f.write("ANSWER = 41  # the old text, longer than the new one\\n")
        sourcetools.safe_rewrite("new ü/fresh.py", "ANSWER = 42")  # a new file, with no final newline
        sourcetools.safe_rewrite("new ü/existing.py", "ANSWER = 43\\n\\n")  # never imported
        def text_of(path):
            with open(path, encoding="utf-8", newline="") as f:
                return f.read()
        texts = [text_of("new ü/fresh.py"), text_of("new ü/existing.py")]
        sys.path.insert(0, "new ü")
        import fresh, existing
        report(answers=[fresh.ANSWER, existing.ANSWER], texts=texts)
        """,
        doing='safe_rewrite("new ü/fresh.py", ...) for a new file, and for a file never imported, to work',
    )


@pytest.mark.points(1)
def test_safe_rewrite_leaves_the_interpreter_alone(student):
    seen = student.observe(
        f"""
        import importlib, os, sys
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
        changed = {{key: f"{{before[key]!r}} before, {{after[key]!r}} after" for key in before
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
        hint="deal with the one cached file on disk; settings that turn bytecode off, or a module removed from "
        "sys.modules, change the whole program, and a reload needs the module where it was.",
    )
