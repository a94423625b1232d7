"""8.5 plugin-reloader: reload a module and rebind the stale references a registry holds.

Each check edits a plugin inside one fresh interpreter, with rewrite() (which moves the file's
time on, so the reload cannot pick up stale bytecode). Besides the README's tools.py, the checks
write plugins of their own, whose names a submission cannot know in advance: chatter (a package,
chatter/__init__.py, with functions wave, joke and ping, which never changes), tools_legacy.py
(a module whose name starts with "tools") and tools_copy (tools.py run a second time under
another name). The edited sources count how often their body ran in a module of the check's own
(body_runs.RUNS), so that a reload that did not happen, or a body run twice (by a second reload,
or by running the source some other way to look at it), is seen. Some registries missed an
earlier reload: they hold a function older than the module's; and the checks reload modules
themselves between two calls (the plugin, another module whose functions are registered).
Broken edits (a body that raises, a missing import, a syntax error) must bring their error to
the caller.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: reload_plugin reloads the module with importlib.reload (running its source some other
  way, or importing it anew, is not a reload), exactly once per call, also when nothing in the
  registry came from it.
  -> the_module_is_reloaded_once_and_returned
- Step 1: it returns the reloaded module: the same module object the program holds.
  -> the_module_is_reloaded_once_and_returned
- Step 1: an error raised by the reload (a new source that raises, imports a missing module, or
  does not compile) reaches the caller unchanged: the same exception, not swallowed or wrapped.
  -> the_module_is_reloaded_once_and_returned
- Step 2: every entry whose function came from the module is afterwards the very function of that
  name that the module now has (found by the function's own name, not the registry's key, even a
  key that names another function; a function whose source did not change too), for any plugin
  and function names, a package plugin too, and an entry older than the module's function (left
  from before an earlier reload).
  -> the_registry_runs_the_new_code
- Step 2: "defines" is what running the new source defines: a function defined in a block (not by a
  `def` at the top level) is the module's new function, not a deleted one.
  -> the_registry_runs_the_new_code
- Step 3: an entry whose function the new source no longer defines is removed, for any plugin,
  also an entry older than the leftover function the module still holds.
  -> a_deleted_function_leaves_the_registry
- Step 3: also when someone else reloaded the module since the last call: what the new source no longer
  defines is told from what the module held just before this call's reload, not from an earlier call.
  -> a_deleted_function_leaves_the_registry
- Step 4: entries that came from anywhere else stay as they were: len, a function the plugin
  imports (textwrap.dedent), a function of a module whose name starts with the plugin's (reloaded
  too, so that its entry is out of date), a function of a second module made from the plugin's
  file, the caller's own function, another plugin's function.
  -> other_entries_are_left_alone, the_registry_runs_the_new_code
"""

import pytest

from grader import expect

SETUP = """
import tools, reloader
commands = {"greet": tools.greet, "shout": tools.shout, "count": len}
"""
V1 = 'def greet(name):\n    return f"hello, {name}"\n\n\ndef shout(text):\n    return text.upper()\n'
V2 = 'def greet(name):\n    return f"hi again, {name}"\n\n\ndef shout(text):\n    return text.upper() + "!"\n'
V3 = 'def greet(name):\n    return f"hey there, {name}"\n\n\ndef shout(text):\n    return text.upper() + "!!"\n'
ONLY_GREET = 'def greet(name):\n    return f"hi again, {name}"\n'
SHOUT_ONLY = 'def shout(text):\n    return text.upper() + "?"\n'

#: The first lines of a source the checks write when they count how often its body ran, however it
#: is run: in body_runs, a module of the check's own that no reload or copy of the source touches.
COUNTED = "import body_runs as _body_runs\n_body_runs.RUNS.append(__name__)\n\n\n"
BODY_RUNS = "RUNS = []\n"
#: An edit that raises while the reload runs it: the very exception object is kept in body_runs.
RAISES = 'import body_runs\nbody_runs.ERROR = LookupError("a half-done edit")\nraise body_runs.ERROR\n'
DOES_NOT_COMPILE = "def greet(name:\n    return name\n"
#: An edit that imports a module that does not exist: ModuleNotFoundError, which is an ImportError.
IMPORTS_A_MISSING_MODULE = "import tools_helpers_not_written_yet\n\n\n" + V3

#: chatter/__init__.py, a package plugin of the checks' own, and its edits.
#: ping() is the same in every version: a reload makes a new function of it all the same.
PING = '\n\ndef ping():\n    return "pong"\n'
WAVE = 'def wave(name):\n    return f"waves at {name}"\n'
WAVE_V2 = 'def wave(name):\n    return f"waves again at {name}"\n'
CHATTER = WAVE + '\n\ndef joke():\n    return "a joke"\n' + PING
#: The edit defines joke() in a block, not by a `def` at the top level: the module has a new joke all the same.
CHATTER_V2 = WAVE_V2 + '\n\nif True:  # defined in a block\n    def joke():\n        return "a better joke"\n' + PING
CHATTER_NO_JOKE = WAVE_V2 + PING


@pytest.mark.points(1)
def test_the_module_is_reloaded_once_and_returned(student):
    student.write("body_runs.py", BODY_RUNS)
    seen = student.observe(
        SETUP
        + f"""
import body_runs
spec = tools.__spec__
rewrite("tools.py", {COUNTED + V2!r})
returned = reloader.reload_plugin(tools, commands)
report(same=returned is tools, returned=None if returned is tools else repr(returned)[:80],
       module=type(returned) is type(tools), runs=len(body_runs.RUNS), renewed=tools.__spec__ is not spec)
# A registry with nothing from tools: step 1 holds all the same.
spec = tools.__spec__
rewrite("tools.py", {COUNTED + V3!r})
returned = reloader.reload_plugin(tools, {{"count": len}})
report(same_again=returned is tools, runs_again=len(body_runs.RUNS), renewed_again=tools.__spec__ is not spec)
# Broken edits: the reload's error must reach the caller.
for case, source in (("raises", {RAISES!r}), ("imports", {IMPORTS_A_MISSING_MODULE!r}),
                     ("syntax", {DOES_NOT_COMPILE!r})):
    rewrite("tools.py", source)
    try:
        reloader.reload_plugin(tools, commands)
    except BaseException as exc:
        same = {{"raises": lambda: exc is body_runs.ERROR, "syntax": lambda: True,
                "imports": lambda: getattr(exc, "name", None) == "tools_helpers_not_written_yet"}}[case]()
        report(**{{case: [type(exc).__name__, same]}})
    else:
        report(**{{case: None}})
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        seen["same"],
        expected="reload_plugin(tools, commands) to return the reloaded module: the same module object as `tools`, "
        "which the program holds",
        saw="it returned another module object named tools"
        if seen["module"]
        else f"it returned {seen['returned']}",
        hint="importlib.reload(module) runs the new source in the module object you give it, and returns that "
        "object; removing a module from sys.modules and importing it again makes a second module object, "
        "which the rest of the program never sees.",
    )
    expect(
        seen["runs"] == 1,
        expected="reload_plugin(tools, commands) to reload tools exactly once: the body of tools.py to run once",
        saw="the body of tools.py did not run again: tools was not reloaded"
        if seen["runs"] == 0
        else f"the body of tools.py ran {seen['runs']} times during that one call",
        hint="reload the module once per call (step 1): not once for each entry of the registry, not again "
        "at the end, and without running its source some other way (exec) to see what it defines: a "
        "module's body may do anything, and must run once.",
    )
    expect(
        seen["renewed"],
        expected="reload_plugin to reload tools with importlib.reload",
        saw="tools.py ran again, yet not through importlib.reload (tools.__spec__, which importlib.reload finds "
        "anew, was still the same object)",
        hint="call importlib.reload(module): running the file's source in the module yourself (exec, or the "
        "loader's exec_module) skips the part of a reload that finds the module again.",
    )
    runs = seen["runs_again"] - seen["runs"]
    expect(
        runs == 1 and seen["same_again"] and seen["renewed_again"],
        expected='reload_plugin(tools, {"count": len}), a registry with nothing from tools, to reload tools all the '
        "same, exactly once, and return it",
        saw="tools was not reloaded (the body of tools.py did not run)"
        if runs == 0
        else f"the body of tools.py ran {runs} times"
        if runs != 1
        else "it returned something else than tools"
        if not seen["same_again"]
        else "tools.py ran again, yet not through importlib.reload",
        hint="step 1 does not depend on the registry: reload the module on every call, whatever the registry holds.",
    )
    wrong = []
    for case, error, what in (
        ("raises", "LookupError", "a tools.py whose body raises LookupError"),
        ("imports", "ModuleNotFoundError", "a tools.py that imports a module that does not exist"),
        ("syntax", "SyntaxError", "a tools.py with a syntax error"),
    ):
        if seen[case] is None:
            wrong.append(f"for {what} it returned as if the reload had worked")
        elif seen[case] != [error, True]:
            wrong.append(f"for {what} it raised " + (seen[case][0] if seen[case][0] != error else "another " + error))
    expect(
        not wrong,
        expected="an error raised by the reload of a broken edit to reach the caller of reload_plugin unchanged "
        "(the same exception)",
        saw=", and ".join(wrong),
        hint="let the reload's error go through (step 1): a caller who gets the module back believes that the "
        "new code is loaded, and only the error tells what is wrong with the edit.",
    )


@pytest.mark.points(2)
def test_the_registry_runs_the_new_code(student):
    # "hi" is a second command for greet: a registry key need not be its function's name.
    student.write("chatter/__init__.py", CHATTER)
    seen = student.observe(
        SETUP
        + f"""
commands["hi"] = tools.greet
rewrite("tools.py", {V2!r})
reloader.reload_plugin(tools, commands)
report(greet=commands["greet"]("ann"), shout=commands["shout"]("hey"))
report(hi=commands["hi"]("ann") if "hi" in commands else None,
       current=all(commands.get(key) is getattr(tools, name) for key, name in
                   (("greet", "greet"), ("shout", "shout"), ("hi", "greet"))))

# A plugin of the check's own: a package, with names no README mentions.
import chatter
table = {{"hello": chatter.wave, "laugh": chatter.joke, "joke": chatter.wave, "ping": chatter.ping,
         "shout": tools.shout}}
old = {{name: getattr(chatter, name) for name in ("wave", "joke", "ping")}}
shout = tools.shout
rewrite("chatter/__init__.py", {CHATTER_V2!r})
reloader.reload_plugin(chatter, table)


def fate(key, name):
    if key not in table:
        return "removed"
    for which, functions in (("new", vars(chatter)), ("old", old)):
        for function_name, function in functions.items():
            if table[key] is function:
                return "ok" if (which, function_name) == ("new", name) else f"the {{which}} {{function_name}}"
    return "another object"


report(chatter={{key: fate(key, name) for key, name in (("hello", "wave"), ("laugh", "joke"), ("joke", "wave"),
                                                      ("ping", "ping"))}},
       reloaded=chatter.wave is not old["wave"], shout_kept=table.get("shout") is shout)

# A registry that missed an earlier reload: its functions are older than those tools holds now.
import importlib
missed = {{"greet": tools.greet, "yell": tools.shout}}
importlib.reload(tools)
rewrite("tools.py", {V3!r})
reloader.reload_plugin(tools, missed)
report(missed={{key: "removed" if key not in missed else "the new one" if missed[key] is getattr(tools, name)
               else "the old one" if missed[key] is was else "another object"
               for key, name, was in (("greet", "greet", commands["greet"]), ("yell", "shout", shout))}})
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        (seen["greet"], seen["shout"]) == ("hi again, ann", "HEY!"),
        expected="the registry's greet and shout commands to run the edited code after reload_plugin",
        saw=f"they gave {seen['greet']!r} and {seen['shout']!r}",
        hint="after the reload, replace each entry that came from the module by what the module now has under "
        "the old function's name (old_function.__name__).",
    )
    expect(
        seen["hi"] == "hi again, ann",
        expected='a command "hi" registered for tools.greet to run the new greet too',
        saw="it was removed from the registry" if seen["hi"] is None else f"it gave {seen['hi']!r}",
        hint="look the new function up by the old function's own name (old_function.__name__), "
        "not by the command's name in the registry.",
    )
    expect(
        seen["current"],
        expected="the entries for greet, shout and hi to be the very functions the reloaded tools has now "
        "(tools.greet, tools.shout)",
        saw="they ran the new code, yet were other objects than tools.greet and tools.shout",
        hint="after the one reload, store what the module then has under each function's name: a second "
        "reload, or wrappers and copies, leave the registry with other objects than the module's.",
    )
    wrong = [] if seen["reloaded"] else ["chatter was not reloaded"]
    for key, fate in seen["chatter"].items():
        if fate != "ok" and seen["reloaded"]:
            wrong.append(f"{key!r} was {fate}")
    if seen["reloaded"] and seen["chatter"]["ping"] == "the old ping":
        wrong[-1] += " (ping's source did not change, but the reload made a new ping all the same)"
    if not seen["shout_kept"]:
        wrong.append("the entry for tools.shout (from another module) was changed")
    expect(
        not wrong,
        expected="reload_plugin(chatter, table), for a package plugin chatter that the check wrote and edited "
        '(functions wave, joke and ping, registered as "hello", "laugh", "joke" (for wave!) and "ping"; the edit '
        "defines joke inside an if block), to make those entries chatter's new functions, and leave the one for "
        "tools.shout alone",
        saw=", ".join(wrong),
        hint="the new source defines every one of those functions, joke too: a function is defined by running "
        "the source, wherever its `def` stands, so what tells is what the module holds after the reload, not "
        "how the source text looks."
        if seen["reloaded"] and "removed" in seen["chatter"].values()
        else "the README's tools, greet and shout are only an example: go by the module you are given "
        "(module.__name__) and by each function's own name, and reload `module` itself.",
    )
    missed = {key: fate for key, fate in seen["missed"].items() if fate != "the new one"}
    expect(
        not missed,
        expected="a registry that missed an earlier reload of tools (its greet and yell were tools.greet and "
        "tools.shout from before it) to get the functions of the new source all the same",
        saw="after reload_plugin its " + " and ".join(f"{key!r} was {fate}" for key, fate in missed.items()),
        hint="every entry whose function came from the module counts (step 2), also one older than what the "
        "module holds now: decide where a function came from by the function itself (its __module__), not "
        "by whether the module still holds it.",
    )


@pytest.mark.points(2)
def test_a_deleted_function_leaves_the_registry(student):
    student.write("chatter/__init__.py", CHATTER)
    seen = student.observe(
        SETUP
        + f"""
first_shout = tools.shout
rewrite("tools.py", {ONLY_GREET!r})
reloader.reload_plugin(tools, commands)
report(keys=sorted(commands), greet=commands["greet"]("bob") if "greet" in commands else None)

import chatter
table = {{"hello": chatter.wave, "laugh": chatter.joke}}
rewrite("chatter/__init__.py", {CHATTER_NO_JOKE!r})
reloader.reload_plugin(chatter, table)
report(chatter_keys=sorted(table), hello=table["hello"]("bob") if "hello" in table else None)

# A registry that missed earlier reloads: its "hi" is a greet older than tools.greet, its "yell" the first
# shout. Someone else reloads tools (not through reload_plugin); "hey" is the greet that reload made.
# The edit then deletes greet (the module keeps its leftover greet) and defines shout again.
import importlib
missed = {{"hi": tools.greet, "yell": first_shout}}
older = tools.greet
importlib.reload(tools)
leftover = tools.greet
missed["hey"] = leftover
rewrite("tools.py", {SHOUT_ONLY!r})
reloader.reload_plugin(tools, missed)
report(missed_keys=sorted(missed), yell=missed["yell"]("hey") if "yell" in missed else None,
       hi="the greet tools still holds" if missed.get("hi") is leftover else "still its own older greet"
       if missed.get("hi") is older else "another object")
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        seen["keys"] == ["count", "greet"] and seen["greet"] == "hi again, bob",
        expected='"shout", no longer in tools.py, to be removed from the registry (and "greet" updated)',
        saw=f"the registry's commands were {seen['keys']}",
        hint="a function the new source does not define is still in the module, as the same old object.",
    )
    expect(
        seen["chatter_keys"] == ["hello"] and seen["hello"] == "waves again at bob",
        expected='for a package plugin chatter that the check wrote, whose edit deleted joke(), the entry "laugh" '
        'to be removed and "hello" (its wave) updated',
        saw=f"the registry's commands were {seen['chatter_keys']}"
        + ("" if seen["hello"] is None else f", and hello gave {seen['hello']!r}"),
        hint="the README's tools and shout are only an example: find out for every function of the module "
        "you are given whether the new source still defines it.",
    )
    # Removing "hi" is what step 3 asks; the README's hint 3 (compare with the registry's own function)
    # leads an older registry's "hi" to the leftover greet instead, and that answer is not held against
    # anyone. An entry left as it was, neither removed nor brought up to date, is wrong either way.
    hi_settled = "hi" not in seen["missed_keys"] or seen["hi"] == "the greet tools still holds"
    expect(
        hi_settled and "yell" in seen["missed_keys"] and seen["yell"] == "HEY?",
        expected='a registry that missed an earlier reload of tools (its "hi" was a greet older than the one '
        'tools held), after an edit that deleted greet and defined shout anew, to lose "hi" (not keep its old '
        'greet) and have the new shout as "yell"',
        saw=f"the registry's commands were {seen['missed_keys']}"
        + (f', and "hi" was {seen["hi"]}' if "hi" in seen["missed_keys"] else "")
        + ("" if seen["yell"] in ("HEY?", None) else f", and yell gave {seen['yell']!r}"),
        hint="the reload leaves a deleted function in the module as the very object the module held just "
        "before the reload, which need not be the registry's (a registry can be older than the module): "
        "tell what the new source defined by what the module held before reloading.",
    )
    expect(
        "hey" not in seen["missed_keys"],
        expected='after tools was reloaded by someone else (not by reload_plugin), a registry whose "hey" was the '
        'greet that reload made, after an edit that deleted greet, to lose "hey"',
        saw=f"the registry's commands were {seen['missed_keys']}",
        hint="tell what the new source defined by what the module holds just before this call's reload: the "
        "module may have been reloaded since your last call, so nothing kept from an earlier call tells.",
    )


#: The first lines of a tools.py that imports a function from elsewhere: tools.dedent is textwrap.dedent.
IMPORTS_DEDENT = "from textwrap import dedent\n\n\n"


@pytest.mark.points(1)
def test_other_entries_are_left_alone(student):
    # The check's own tools.py, which imports dedent: being in the module's namespace
    # does not make a function the module's own. tools_legacy.py has functions of the
    # same names as tools.py's, in a module whose name starts with "tools".
    student.write("tools.py", IMPORTS_DEDENT + V1)
    student.write("tools_legacy.py", V1)
    seen = student.observe(
        SETUP
        + f"""
import importlib, importlib.util, sys, textwrap, tools_legacy

# tools.py run a second time, as another module (as a file reachable under two names is).
spec = importlib.util.spec_from_file_location("tools_copy", tools.__file__)
tools_copy = sys.modules["tools_copy"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tools_copy)


def mine(text):  # the check's own command
    return text


# (No entry without a __module__, such as str.upper: the README's hint 1 reads f.__module__ as every
# function has it, and its registries hold functions.)
others = {{"count": len, "dedent": textwrap.dedent, "legacy": tools_legacy.greet, "copy": tools_copy.shout,
          "mine": mine}}
commands.update(others)
importlib.reload(tools_legacy)  # another module reloaded too: "legacy" is out of date, but not of tools
rewrite("tools.py", {IMPORTS_DEDENT + V2!r})
try:
    reloader.reload_plugin(tools, commands)
except NotImplementedError:
    raise
except Exception as exc:
    report(error=type(exc).__name__)
fate = lambda key, was: "removed" if key not in commands else "kept" if commands[key] is was else "changed"
report(fates={{key: fate(key, was) for key, was in others.items()}})
""",
        doing="reloader.reload_plugin(tools, commands) to work",
    )
    expect(
        "error" not in seen,
        expected="reload_plugin(tools, commands) to work for a registry that also held functions of other modules, "
        "and to leave them alone",
        saw=f"it raised {seen.get('error')}",
        hint="leave the entries of other modules alone (step 4): read only what you need to tell where a "
        "function came from.",
    )
    changed = {key: fate for key, fate in seen["fates"].items() if fate != "kept"}
    expect(
        not changed,
        expected="entries from other modules to stay as they were: len, textwrap.dedent (which tools.py imports), "
        "tools_legacy.greet (another module whose name starts with tools, reloaded too), tools_copy.shout (of a "
        "second module made from tools.py) and a function of the check's own",
        saw="reload_plugin " + " and ".join(f"{fate} {key!r}" for key, fate in changed.items()),
        hint="only touch functions whose __module__ is exactly the reloaded module's name: a function tools.py "
        "imports is in its namespace too, but it was defined elsewhere, and a second module made from the same "
        "file is another module."
        if set(changed) != {"legacy"}
        else "only touch the entries of the module you are given: another module's function stays as it is, "
        "even when that module was reloaded too and has a newer one.",
    )
