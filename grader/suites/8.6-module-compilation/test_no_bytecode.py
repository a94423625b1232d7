"""8.6 no-bytecode: run a program that writes no bytecode, or writes it under a cache folder only.

Each check looks at the files a real interpreter left behind.
"""

import pytest

from grader import expect
from grader.sandbox import CLEAN_FLAGS

#: The check's own interpreter writes no bytecode (it imports launch.py):
#: whatever .pyc appears was written by the program launch.run started.
QUIET = CLEAN_FLAGS + ("-S", "-B")

FIND = """
import os
def pycs(root):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".pyc"))
def caches(root):
    return sorted(os.path.join(d, s) for d, subs, _ in os.walk(root) for s in subs if s == "__pycache__")
"""


@pytest.mark.points(2)
def test_no_bytecode_at_all(student):
    seen = student.observe(
        FIND + "import launch\ncode = launch.run('app.py')\nreport(code=code, pycs=pycs('.'), caches=caches('.'))",
        doing="launch.run('app.py') to work",
        flags=QUIET,
    )
    expect(
        seen["code"] == 0 and not seen["pycs"],
        expected="launch.run('app.py') to run the app (exit code 0) and leave no .pyc file anywhere",
        saw=f"it left {seen['pycs']}" if seen["pycs"] else f"it returned {seen['code']!r}",
        hint="start the interpreter with -B.",
    )


@pytest.mark.points(2)
def test_bytecode_under_the_cache_folder_only(student):
    seen = student.observe(
        FIND
        + "import launch\ncode = launch.run('app.py', cache_dir='cache')\n"
        + "report(code=code, beside=[p for p in caches('.') if not p.startswith('./cache')], cached=pycs('cache'))",
        doing="launch.run('app.py', cache_dir='cache') to work",
        flags=QUIET,
    )
    expect(
        seen["code"] == 0 and not seen["beside"] and any("helper" in p for p in seen["cached"]),
        expected="the bytecode of helper.py under cache/, and no __pycache__ next to the sources",
        saw=f"__pycache__ folders appeared at {seen['beside']}" if seen["beside"] else f"cache/ held {seen['cached']}",
        hint="-X pycache_prefix=cache_dir sends the bytecode there.",
    )


@pytest.mark.points(1)
def test_arguments_and_exit_code(student):
    seen = student.observe("import launch\nreport(code=launch.run('app.py', '7'))", doing="launch.run('app.py', '7') to work")
    expect(
        seen["code"] == 7,
        expected="launch.run('app.py', '7') to return the app's exit code, 7",
        saw=f"it returned {seen['code']!r}",
        hint="pass *args after the script, and return the completed process's returncode.",
    )
