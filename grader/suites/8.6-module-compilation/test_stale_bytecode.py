"""8.6 stale-bytecode: a rewrite that the next import cannot miss.

The check sets the source's time back after safe_rewrite, so that the .pyc
check (time and size) is fooled for certain: a verdict that does not depend
on where a second boundary happens to fall. The file must then hold exactly
the text given, so that changing its size (padding it) does not count as the
repair.
"""

import pytest

from grader import expect

SETUP = """
import importlib, os, sourcetools
with open("mod.py", "w") as f:
    f.write("VALUE = 'old!'\\n")
os.utime("mod.py", (1_700_000_000, 1_700_000_000))
import mod  # compiles, and caches bytecode stamped with that time and the size
sourcetools.safe_rewrite("mod.py", "VALUE = 'new!'\\n")  # the same size
os.utime("mod.py", (1_700_000_000, 1_700_000_000))  # and the time set back
with open("mod.py", encoding="utf-8") as f:
    text = f.read()
"""


NEW_TEXT = "VALUE = 'new!'\n"


def expect_the_text_given(text, path="mod.py", given=NEW_TEXT):
    expect(
        text == given,
        expected=f"safe_rewrite({path!r}, {given!r}) to leave exactly that text in {path}",
        saw=f"the file held {text!r}",
        hint="write the text exactly as given; to make the next import notice it, remove the cached .pyc instead of changing the file.",
    )


@pytest.mark.points(2)
def test_a_reload_runs_the_new_code(student):
    seen = student.observe(
        SETUP + "report(text=text, value=importlib.reload(mod).VALUE)", doing="safe_rewrite and a reload to work"
    )
    expect_the_text_given(seen["text"])
    expect(
        seen["value"] == "new!",
        expected="importlib.reload to run the rewritten source (VALUE 'new!')",
        saw=f"it ran the old bytecode (VALUE {seen['value']!r})",
        hint="the .pyc still matches the time and size: remove it (importlib.util.cache_from_source).",
    )


@pytest.mark.points(2)
def test_a_new_interpreter_runs_the_new_code(student):
    written = student.observe(SETUP + "report(text=text)", doing="safe_rewrite to work")
    expect_the_text_given(written["text"])
    seen = student.observe("import mod\nreport(value=mod.VALUE)", doing="`import mod` to work")
    expect(
        seen["value"] == "new!",
        expected="a new interpreter importing mod after safe_rewrite to run the new source",
        saw=f"it ran the old bytecode (VALUE {seen['value']!r})",
        hint="the stale .pyc stays on disk for the next run too: remove it in safe_rewrite.",
    )


@pytest.mark.points(1)
def test_a_module_never_imported_is_fine(student):
    seen = student.observe(
        """
        import sourcetools
        sourcetools.safe_rewrite("fresh.py", "ANSWER = 42\\n")
        with open("fresh.py", encoding="utf-8") as f:
            text = f.read()
        import fresh
        report(answer=fresh.ANSWER, text=text)
        """,
        doing='safe_rewrite("fresh.py", ...) for a new file to work',
    )
    expect_the_text_given(seen["text"], "fresh.py", "ANSWER = 42\n")
    expect(
        seen["answer"] == 42,
        expected='safe_rewrite to create fresh.py, importable with ANSWER = 42',
        saw=f"fresh.ANSWER was {seen['answer']!r}",
        hint="write the file first; there may be no .pyc to remove.",
    )
