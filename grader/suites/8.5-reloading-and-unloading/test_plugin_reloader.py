"""8.5 plugin-reloader: reload a module and rebind the stale references a registry holds.

Each check edits tools.py inside one fresh interpreter, with rewrite() (which
moves the file's time on, so the reload cannot pick up stale bytecode).
"""

import pytest

from grader import expect

SETUP = """
import tools, reloader
commands = {"greet": tools.greet, "shout": tools.shout, "count": len}
"""
V1 = 'def greet(name):\n    return f"hello, {name}"\n\n\ndef shout(text):\n    return text.upper()\n'
V2 = 'def greet(name):\n    return f"hi again, {name}"\n\n\ndef shout(text):\n    return text.upper() + "!"\n'
ONLY_GREET = 'def greet(name):\n    return f"hi again, {name}"\n'


@pytest.mark.points(2)
def test_the_registry_runs_the_new_code(student):
    # "hi" is a second command for greet: a registry key need not be its function's name.
    seen = student.observe(
        SETUP
        + f"""
commands["hi"] = tools.greet
rewrite("tools.py", {V2!r})
returned = reloader.reload_plugin(tools, commands)
report(greet=commands["greet"]("ann"), shout=commands["shout"]("hey"), same=returned is tools)
report(hi=commands["hi"]("ann") if "hi" in commands else None)
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        (seen["greet"], seen["shout"]) == ("hi again, ann", "HEY!"),
        expected="the registry's greet and shout commands to run the edited code after reload_plugin",
        saw=f"they gave {seen['greet']!r} and {seen['shout']!r}",
        hint="after importlib.reload, replace each entry by getattr(module, old_function.__name__).",
    )
    expect(
        seen["hi"] == "hi again, ann",
        expected='a command "hi" registered for tools.greet to run the new greet too',
        saw="it was removed from the registry" if seen["hi"] is None else f"it gave {seen['hi']!r}",
        hint="look the new function up by the old function's own name (old_function.__name__), "
        "not by the command's name in the registry.",
    )
    expect(
        seen["same"],
        expected="reload_plugin to return the reloaded module (the same object as `tools`)",
        saw="it returned something else",
        hint="return what importlib.reload(module) returns.",
    )
    # The same source under another name: reload_plugin must go by the module it is given, not by "tools".
    student.write("tools2.py", V1)
    other = student.observe(
        f"""
import tools, tools2, reloader
commands = {{"greet": tools2.greet, "shout": tools.shout}}
old_shout = tools.shout
rewrite("tools2.py", {V2!r})
reloader.reload_plugin(tools2, commands)
report(greet=commands["greet"]("ann") if "greet" in commands else None, shout_kept=commands.get("shout") is old_shout)
""",
        doing="reloader.reload_plugin(tools2, commands) to work",
    )
    wrong = []
    if other["greet"] != "hi again, ann":
        gave = "was removed" if other["greet"] is None else f"gave {other['greet']!r}"
        wrong.append(f"the entry for tools2.greet {gave}")
    if not other["shout_kept"]:
        wrong.append("the entry for tools.shout (from the other module) was changed")
    expect(
        not wrong,
        expected="reload_plugin(tools2, commands), for a copy of tools.py imported as tools2, to update the "
        'entry for tools2.greet ("hi again, ann") and leave the one for tools.shout alone',
        saw=" and ".join(wrong),
        hint="go by the module you are given: compare f.__module__ with module.__name__ (not with 'tools'), "
        "and reload `module` itself.",
    )


@pytest.mark.points(2)
def test_a_deleted_function_leaves_the_registry(student):
    seen = student.observe(
        SETUP
        + f"""
rewrite("tools.py", {ONLY_GREET!r})
reloader.reload_plugin(tools, commands)
report(keys=sorted(commands), greet=commands["greet"]("bob"))
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        seen["keys"] == ["count", "greet"] and seen["greet"] == "hi again, bob",
        expected='"shout", no longer in tools.py, to be removed from the registry (and "greet" updated)',
        saw=f"the registry's commands were {seen['keys']}",
        hint="a function the new source does not define is still in the module, as the same old object.",
    )


#: The first lines of a tools.py that imports a function from elsewhere: tools.dedent is textwrap.dedent.
IMPORTS_DEDENT = "from textwrap import dedent\n\n\n"


@pytest.mark.points(1)
def test_other_entries_are_left_alone(student):
    # The check's own tools.py, which imports dedent: being in the module's namespace
    # does not make a function the module's own.
    student.write("tools.py", IMPORTS_DEDENT + V1)
    seen = student.observe(
        SETUP
        + f"""
import textwrap
commands["dedent"] = textwrap.dedent
rewrite("tools.py", {IMPORTS_DEDENT + V2!r})
reloader.reload_plugin(tools, commands)
fate = lambda key, was: "removed" if key not in commands else "kept" if commands[key] is was else "changed"
report(fates={{"count": fate("count", len), "dedent": fate("dedent", textwrap.dedent)}})
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    changed = {key: fate for key, fate in seen["fates"].items() if fate != "kept"}
    expect(
        not changed,
        expected="entries from other modules (len, and textwrap.dedent, which tools.py imports) to stay as they were",
        saw="reload_plugin " + " and ".join(f"{fate} {key!r}" for key, fate in changed.items()),
        hint="only touch functions whose __module__ is the reloaded module's name: a function tools.py "
        "imports is in its namespace too, but it was defined elsewhere.",
    )
