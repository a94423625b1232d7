"""8.1 plugin-loader: importlib.import_module with a name chosen at run time.

The checks add plugins of their own to the private copy (a module, and a
package: a folder with an __init__.py), with names no README mentions (some
of them no Python identifier: a file name is all a plugin needs), so that a
loader that only knows `upper` and `reverse`, or only .py files, or only
tidy names, fails; one of them is added while the program runs, after it
was asked for once (and was unknown then) and after the first loads. Module
bodies are counted with an audit hook ("exec" events, by file name), the
package's own __init__.py too. The broken plugins hand the error they meet
to a module of the check's own before they let it through, with how it
looked and where it was raised, so the check can tell that exact exception,
unchanged, from a copy of it or from the same one with its message or
traceback rewritten.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: load(name) imports plugins.<name> and returns that module, the one in sys.modules,
  for every plugin: the README's, the check's own module, a plugin that is a package.
  -> a_plugin_is_loaded_by_its_name
- Step 1: whatever its name: a plugin whose name is no Python identifier (to-title, 2col) loads too.
  -> a_plugin_is_loaded_by_its_name
- Step 1: every plugin in the package when load is called: one added after the loader was imported
  and had loaded others loads too, even when it was asked for (and unknown) before it was added.
  -> a_plugin_is_loaded_by_its_name
- Step 1: it works wherever the program is started from (the current folder is not the
  exercise folder), and leaves the program's current folder as it was.
  -> a_plugin_is_loaded_by_its_name
- Step 1: loading a plugin again returns the same module, whose code ran once.
  -> a_plugin_is_loaded_by_its_name
- Step 1: loading one plugin imports no other plugin.
  -> only_the_requested_plugin_is_imported
- Step 1: nor runs the package's __init__.py again: whatever plugins are loaded, it runs once.
  -> only_the_requested_plugin_is_imported
- Step 2: an unknown name (the README's, a misspelling, another case, a file that is no module)
  raises UnknownPlugin, not ModuleNotFoundError, and returns nothing.
  -> an_unknown_name_raises_unknown_plugin
- Step 2: names are exact: a plugin's name with a space before it or a line end after it is unknown.
  -> an_unknown_name_raises_unknown_plugin
- Step 2: only a plugin is a plugin: an attribute of the plugins package (__path__, __doc__) is unknown.
  -> an_unknown_name_raises_unknown_plugin
- Steps 1 and 2: load returns the plugin's module or raises: a plugin whose import cannot happen (None
  in sys.modules under its name: blocked) raises UnknownPlugin or its ModuleNotFoundError; load
  returns nothing for it (not None, not a module imported around the block).
  -> an_unknown_name_raises_unknown_plugin
- Step 2: UnknownPlugin's name is the name the caller gave, and it is the LookupError loader.py gives
  (not turned into a kind of ModuleNotFoundError).
  -> an_unknown_name_raises_unknown_plugin
- Step 3: a plugin's own missing dependency is not an unknown plugin, whatever its name looks like.
  -> a_plugin_with_a_missing_dependency_is_not_unknown
- Step 2 (only a missing plugin is unknown) and step 3: a plugin that is there but fails on an import of
  its own is not unknown, even when the ImportError's name is the plugin's (a package plugin whose
  `from . import x` fails); that error comes through as it is.
  -> a_plugin_with_a_missing_dependency_is_not_unknown
- Step 3: that ModuleNotFoundError reaches the caller unchanged: the very exception, not a copy,
  with its message, its attributes and its traceback down to the failing import as they were.
  -> a_plugin_with_a_missing_dependency_is_not_unknown
- Step 3: a dependency that the plugins package itself misses is not an unknown plugin either.
  -> a_plugin_with_a_missing_dependency_is_not_unknown
"""

import pytest

from grader import CheckFailed, expect

#: Plugins of the check's own, named as no README names one: plugin -> {file: text}.
OWN_PLUGINS = {
    "zigzag": {
        "plugins/zigzag.py": '"""A plugin the check added."""\n\n\ndef transform(text):\n    return "zigzag:" + text\n',
    },
    "tidy": {
        "plugins/tidy/__init__.py": '"""A plugin that is a package."""\n\n\n'
        "def transform(text):\n    return text.strip()\n",
        "plugins/tidy/rules.py": '"""Not imported by the package: loading tidy must not import it."""\n',
    },
    # A file name is all a plugin needs: import_module takes names that are no Python identifier.
    "to-title": {
        "plugins/to-title.py": '"""A plugin whose name is no identifier."""\n\n\ndef transform(text):\n'
        "    return text.title()\n",
    },
    "2col": {
        "plugins/2col/__init__.py": '"""A plugin that is a package, whose name starts with a digit."""\n\n\n'
        'def transform(text):\n    return text + " | " + text\n',
    },
}

#: A plugin the check adds while the program runs, after `import loader` and the loads before it.
LATE_PLUGIN = ("tinsel", "plugins/tinsel.py", '"""A plugin added while the program runs."""\n\n\n'
               'def transform(text):\n    return "*" + text + "*"\n')

#: Loaded in turn: (plugin, input, what its transform gives for it, the file whose body is counted).
LOADED = (
    ("upper", "hi", "HI", "plugins/upper.py"),
    ("zigzag", "hi", "zigzag:hi", "plugins/zigzag.py"),
    ("tidy", "  hi  ", "hi", "plugins/tidy/__init__.py"),
    ("to-title", "hi there", "Hi There", "plugins/to-title.py"),
    ("2col", "hi", "hi | hi", "plugins/2col/__init__.py"),
    ("tinsel", "hi", "*hi*", "plugins/tinsel.py"),  # the last: LATE_PLUGIN, added after the loads before it
)

COUNT_RUNS = """
import os, sys
_bodies = []
sys.addaudithook(lambda event, args: event == "exec" and _bodies.append(str(getattr(args[0], "co_filename", ""))))


def ran(path):
    return sum(f.replace(os.sep, "/").endswith("/" + path) for f in _bodies)
"""


def write_own_plugins(student):
    for files in OWN_PLUGINS.values():
        for path, text in files.items():
            student.write(path, text)


@pytest.mark.points(2)
def test_a_plugin_is_loaded_by_its_name(student):
    write_own_plugins(student)
    student.write("elsewhere/note.txt", "The check starts the program from this folder.\n")
    probe = student.probe(
        COUNT_RUNS
        + f"""
# The program is started from another folder; the exercise folder stays on the search path.
home = os.getcwd()
sys.path.insert(0, home)
os.chdir("elsewhere")
started_in = os.getcwd()
import loader
# Asked for before it is there (a user who tries a plugin, then installs it): no plugin of that name yet.
report(step=f'load("{LATE_PLUGIN[0]}") before {LATE_PLUGIN[1]} was added')
try:
    loader.load({LATE_PLUGIN[0]!r})
except BaseException:  # what an unknown name gives is another check's matter
    pass
seen = {{}}
for name, text, _, path in {LOADED!r}:
    if name == {LATE_PLUGIN[0]!r}:  # installed while the program runs, as a program that adds one tells Python
        with open(os.path.join(home, {LATE_PLUGIN[1]!r}), "w", encoding="utf-8") as late:
            late.write({LATE_PLUGIN[2]!r})
        import importlib
        importlib.invalidate_caches()
    report(step=f'load("{{name}}")', name=name)
    first = loader.load(name)
    report(step=f'load("{{name}}") a second time')
    second = loader.load(name)
    report(step=f'load("{{name}}").transform({{text!r}})')
    seen[name] = {{
        "result": first.transform(text) if callable(getattr(first, "transform", None)) else None,
        "filed": first is sys.modules.get("plugins." + name),
        "same": second is first,
        "ran": ran(path),
    }}
report(seen=seen, cwd=os.getcwd() == started_in, step=None)
"""
    )
    error, step, name = probe.error, probe.values.get("step"), probe.values.get("name")
    if error is not None and step is None:
        raise CheckFailed("`import loader` to work", f"your code raised {error.summary}", error.explain())
    if error is not None and name is None:  # the load before tinsel.py was there ended the program
        raise CheckFailed(f'{step} to raise UnknownPlugin', f"it raised {error.summary}", error.explain())
    if error is not None:
        if error.type == "FileNotFoundError":
            hint = ("the check started the program from another folder: look for the plugins where Python imports "
                    "them from, not in the current folder.")
        elif name == "upper" and error.type == "UnknownPlugin":
            hint = ("the check started the program from another folder (the exercise folder stays on the search "
                    "path): look for the plugins where Python imports them from, not in the current folder.")
        elif name == "tidy" and error.type == "UnknownPlugin":
            hint = "tidy is a plugin too: a package (plugins/tidy/__init__.py). A plugin is any module of the package."
        elif name == LATE_PLUGIN[0] and error.type == "UnknownPlugin":
            hint = (f"{LATE_PLUGIN[1]} was added to the package after `import loader` and the loads before it, as a "
                    f'user installs a plugin while the program runs (load("{LATE_PLUGIN[0]}") had been asked for '
                    "once before, when it was not there yet): decide what is a plugin each time load is called, "
                    "not from a list made once, nor from the names found missing before.")
        elif not name.isidentifier() and error.type == "UnknownPlugin":
            hint = (f"{name} is a plugin the check added ({next(iter(OWN_PLUGINS[name]))}): every plugin in the "
                    "package must load, whatever its name. A file name is all a plugin needs, and import_module "
                    "takes it: refuse no name up front.")
        elif error.type == "UnknownPlugin":
            hint = (f"{name} is a plugin the check added to plugins/: load must find any plugin of the package, "
                    "not only the ones the README names.")
        else:
            hint = error.explain()
        late = (" (a plugin the check added to plugins/ after `import loader` and the loads before it, the first "
                "of which asked for it when it was not there yet)" if name == LATE_PLUGIN[0] else "")
        raise CheckFailed(f'load("{name}") to return the plugin plugins.{name}{late}', f"{step} raised {error.summary}",
                          hint)
    expect("seen" in probe.values, expected='load("upper") to return the plugin', saw=probe.completed.describe_end(),
           hint="Look for sys.exit(), os._exit() or an endless loop in loader.py.")
    for name, text, result, path in LOADED:
        seen = probe.values["seen"][name]
        own = "" if name == "upper" else f" (a plugin the check added: {path})"
        expect(
            seen["result"] == result and seen["filed"],
            expected=f'load("{name}") to return the module plugins.{name}{own}, '
            f"whose transform({text!r}) is {result!r}",
            saw=f"transform({text!r}) gave {seen['result']!r}" if seen["result"] != result
            else f"it returned a module that is not sys.modules['plugins.{name}']",
            hint="return the module that importing plugins.<name> puts in sys.modules, "
            "rather than a copy of it or another object.",
        )
        expect(
            seen["same"] and seen["ran"] == 1,
            expected=f'load("{name}") twice to return the same module, whose code ran once',
            saw=f"{path} ran {seen['ran']} times" if seen["ran"] != 1 else "the second call returned another object",
            hint="a plugin is imported once: asking for it again gives the module already in sys.modules, "
            "without running its code twice (no reload).",
        )
    expect(
        probe.values["cwd"],
        expected="load() to leave the program's current folder as it was (the check started the program from "
        "another folder)",
        saw="after the loads, os.getcwd() was another folder: load changed the current folder of the whole program",
        hint="the plugins are found where Python imports them from, through the search path: there is no need to "
        "change folders, and the rest of the program still needs the folder it was started in.",
    )


@pytest.mark.points(1)
def test_only_the_requested_plugin_is_imported(student):
    write_own_plugins(student)
    seen = student.observe(
        COUNT_RUNS
        + """
import loader


def plugins():
    return sorted(m for m in sys.modules if m.startswith("plugins."))


loader.load("reverse")
first = plugins()
loader.load("tidy")
report(first=first, then=plugins())
loader.load("reverse")
report(package_ran=ran("plugins/__init__.py"))
""",
        doing='loader.load("reverse"), then loader.load("tidy"), then loader.load("reverse") again, to work',
    )
    expect(
        seen["first"] == ["plugins.reverse"],
        expected='load("reverse") to import plugins.reverse and no other plugin',
        saw=f"the plugins imported were {seen['first']}",
        hint="import just the one module asked for, rather than every module in the package.",
    )
    expect(
        seen["then"] == ["plugins.reverse", "plugins.tidy"],
        expected='load("tidy") (a package the check added) to import plugins.tidy and no other module',
        saw=f"the plugins imported by then were {seen['then']}",
        hint="import just the one module asked for: not the modules inside a plugin that is a package.",
    )
    runs = seen["package_ran"]
    expect(
        runs == 1,
        expected='load("reverse"), load("tidy") and load("reverse") again to run plugins/__init__.py once: the '
        "package is imported with the first plugin, and then only the plugin asked for",
        saw=f"plugins/__init__.py ran {runs} times" if runs else "plugins/__init__.py never ran",
        hint="import just the plugin asked for: the package plugins, imported once, stays in sys.modules; running "
        "its __init__.py again (a reload) starts whatever it holds afresh.",
    )


#: Names that are no plugin: the README's, a misspelling, another case, a plugin's name with a space before it
#: or a line end after it (as read from a settings file), a file of plugins/ that is no module, and attributes
#: that every package has.
UNKNOWN = ("shout", "uper", "Upper", " upper", "upper\n", "notes", "__path__", "__doc__")

#: Why each name is no plugin, for the message.
WHY_UNKNOWN = {
    "uper": "a misspelling",
    "Upper": "upper is a plugin, Upper is not",
    " upper": "names are exact: upper is a plugin, ' upper' is not",
    "upper\n": "names are exact: upper is a plugin, 'upper\\n' is not",
    "notes": "plugins/notes.txt is a file of the package's folder, but no module",
    "__path__": "an attribute of the plugins package, but no plugin",
    "__doc__": "an attribute of the plugins package, but no plugin",
}

#: The plugin the check blocks before loading it: None in sys.modules under its name, as blocked-imports does.
BLOCKED_PLUGIN = "reverse"


def shown(name):
    """load("name") as the message shows the call: with its quotes as repr() gives them when they matter."""
    return f'load("{name}")' if name.isprintable() and name.strip() == name else f"load({name!r})"


@pytest.mark.points(2)
def test_an_unknown_name_raises_unknown_plugin(student):
    student.write("plugins/notes.txt", "Ideas for plugins: shout, whisper.\n")
    probe = student.probe(
        f"""
        import sys, loader

        def described(returned):
            if returned is None:
                return "None"
            if type(returned) is type(loader):
                return f"the module {{returned.__name__}}"
            return f"a {{type(returned).__name__}}, no module"

        every_one_unknown = False
        for name in {UNKNOWN!r}:
            report(step=name)
            try:
                returned = loader.load(name)
            except loader.UnknownPlugin as error:
                if error.name != name or not isinstance(error, LookupError):
                    report(raised="UnknownPlugin", name=error.name, lookup=isinstance(error, LookupError),
                           bases=[c.__name__ for c in type(error).__mro__[1:] if c not in (BaseException, object)])
                    break
            else:
                report(returned=described(returned))
                break
        else:
            every_one_unknown = True
        if every_one_unknown:
            report(step="blocked")
            sys.modules["plugins.{BLOCKED_PLUGIN}"] = None
            try:
                returned = loader.load("{BLOCKED_PLUGIN}")
            except (loader.UnknownPlugin, ModuleNotFoundError) as error:
                report(blocked=[type(error).__name__, error.name], step=None)
            else:
                report(blocked=described(returned))
        """
    )
    seen, name = probe.values, probe.values.get("step")
    if "step" in seen and name is None and probe.finished:
        return  # UnknownPlugin, or the ModuleNotFoundError of the refused import: either tells the truth
    if name == "blocked":
        blocked = seen.get("blocked")
        raise CheckFailed(
            f'load("{BLOCKED_PLUGIN}"), with sys.modules["plugins.{BLOCKED_PLUGIN}"] set to None (the plugin blocked, '
            "as in the blocked-imports exercise), to raise UnknownPlugin or the ModuleNotFoundError of that import",
            f"it returned {blocked}"
            if blocked
            else f"it raised {probe.error.summary}"
            if probe.error
            else probe.completed.describe_end(),
            "load returns the module that importing plugins.<name> gives, or raises: ask the import system for it, "
            "rather than returning whatever sys.modules holds under that name (None there means that the import "
            "must fail)."
            if blocked
            else probe.error.explain()
            if probe.error
            else "Look for sys.exit(), os._exit() or an endless loop in loader.py.",
        )
    name = name or UNKNOWN[0]
    expected = f"{shown(name)} to raise UnknownPlugin, with name {name!r}"
    if probe.error:
        saw = f"it raised {probe.error.summary}"
    elif "returned" in seen:
        saw = f"it returned {seen['returned']}"
    elif "raised" in seen and not seen.get("lookup", True):
        expected = f"{shown(name)} to raise UnknownPlugin, the LookupError that loader.py gives"
        saw = ("it raised UnknownPlugin, which is no LookupError any more: its class was changed to a kind of "
               + (seen.get("bases") or ["something else"])[0])
    elif "raised" in seen:
        saw = f"it raised UnknownPlugin with name {seen.get('name')!r}"
    else:
        saw = probe.completed.describe_end()
    detail = f" ({WHY_UNKNOWN[name]})" if name in WHY_UNKNOWN else ""
    if "raised" in seen and not seen.get("lookup", True):
        hint = ("keep UnknownPlugin as loader.py gives it, a LookupError: an unknown plugin is a name that is not "
                "in the package, raised instead of the ModuleNotFoundError, not as a kind of it (a caller that "
                "catches ImportError for a plugin's missing dependency must not catch it).")
    elif "raised" in seen:
        # The name is the one the caller asked for, not the module that import_module looked for.
        hint = "pass the plugin's name as the caller gave it: UnknownPlugin(name), not the module's full dotted name."
    elif probe.error and not probe.error.isinstance("ImportError") and probe.error.type != "UnknownPlugin":
        hint = probe.error.explain()
    elif name in (" upper", "upper\n", "Upper", "uper") and "returned" in seen:
        hint = ("names are exact: import plugins.<name> with the name just as the caller gave it, with nothing "
                "stripped, lowered or corrected.")
    elif name in ("__path__", "__doc__"):
        hint = ("a plugin is a module of the package, which importing plugins.<name> finds: not whatever the package "
                "object holds under that name.")
    else:
        hint = ("catch the ModuleNotFoundError that importing a missing plugins.<name> raises, and raise "
                "UnknownPlugin(name) instead; import exactly the name asked for, as it was given.")
    raise CheckFailed(expected + detail, saw, hint)


#: The check's own plugins, each failing on one of its imports: (plugin, its file, the import that fails, the
#: error that import raises, that error's name). glow's dependency has the plugin's name inside it and at its
#: end: only error.name == "plugins.glow" tells the two apart. A name that merely looks like the plugin's (the
#: same last part, or another module of the plugins package) is not it. prism is a package whose own
#: `from . import facets` fails: an ImportError (no ModuleNotFoundError) whose name IS the plugin's.
BROKEN_PLUGINS = (
    ("fancy", "plugins/fancy.py", "import colour_tables", "ModuleNotFoundError", "colour_tables"),
    ("glow", "plugins/glow.py", "import not_so_glow", "ModuleNotFoundError", "not_so_glow"),
    ("sparkle", "plugins/sparkle.py", "import sparkle", "ModuleNotFoundError", "sparkle"),
    ("shine", "plugins/shine.py", "import plugins.shine_helpers", "ModuleNotFoundError", "plugins.shine_helpers"),
    ("prism", "plugins/prism/__init__.py", "from . import facets", "ImportError", "plugins.prism"),
)

#: What plugins/__init__.py misses in the last part of the check, when "upper" is loaded.
BROKEN_PACKAGE = ("upper", "plugins/__init__.py", "import plugin_registry", "ModuleNotFoundError", "plugin_registry")

#: The check's witness: each broken module hands it the exception, with how it looked and where it was raised.
WITNESS = '''"""The check's own: what its broken modules let through, as they let it through."""

import os

seen = {}


def looks(error):
    return {"message": (error.args, str(error), error.msg), "name": error.name, "path": error.path,
            "notes": tuple(getattr(error, "__notes__", ()))}


def keep(key, error, file):
    seen[key] = (error, looks(error), os.path.realpath(file))


def reaches(error, file):
    """Whether the error's traceback still runs down to the module that raised it."""
    tb = error.__traceback__
    while tb is not None:
        if os.path.realpath(tb.tb_frame.f_code.co_filename) == file:
            return True
        tb = tb.tb_next
    return False
'''

#: A broken module's body: it hands the exception to the check's witness, then lets it through unchanged.
BROKEN_BODY = """\
import plugin_witness

try:
    {statement}  # not there
except ImportError as error:
    plugin_witness.keep("{key}", error, __file__)
    raise


def transform(text):
    return text
"""

#: Probe code: load each broken plugin in turn; stop at the first one whose error is not let through unchanged.
LOAD_BROKEN = """
import plugin_witness
for plugin, key in {cases!r}:
    report(step=plugin)
    try:
        {load}
    except ImportError as error:
        kept = plugin_witness.seen.get(key)
        if kept is None:
            raise
        if error is kept[0]:
            now = plugin_witness.looks(error)
            changed = [part for part in now if now[part] != kept[1][part]]
            if changed:
                report(changed=changed)
                break
            if not plugin_witness.reaches(error, kept[2]):
                report(no_trace=True)
                break
            continue
        if type(error) is type(kept[0]) and error.name == kept[0].name:
            report(copy=True)
            break
        raise
    else:
        report(returned=True)
        break
else:
    report(step=None)
"""


#: How the probes load a plugin: importing loader inside the try too, since its own imports may be what fails.
LOAD = "import loader; loader.load(plugin)"


def judge_broken(probe, case, whose):
    """Fail unless ``probe`` saw the error of the broken ``case`` come through unchanged."""
    plugin, file, statement, kind, name = case
    error, seen = probe.error, probe.values
    what = f"imports a missing module {name}" if kind == "ModuleNotFoundError" else f"fails on `{statement}`"
    expected = f'load("{plugin}"), {whose} {what}, to let that {kind} through'
    if seen.get("copy"):
        raise CheckFailed(
            expected + " unchanged",
            f"it raised a {kind} for the same module, but not the same exception: a new one, made by loader.py",
            "re-raise the exception you caught, as it is, with a bare `raise`: the caller needs its traceback, "
            "which points at the import that failed.",
        )
    if seen.get("changed"):
        raise CheckFailed(
            expected + " unchanged",
            f"it let the very exception through, with its {' and '.join(seen['changed'])} changed first",
            "let the error reach the caller as it was raised: say nothing more in it, and leave its message, "
            "its attributes and its traceback alone.",
        )
    if seen.get("no_trace"):
        raise CheckFailed(
            expected + " unchanged",
            f"it let the very exception through, with a traceback that no longer reaches {file}, where the import "
            "failed",
            "re-raise it with a bare `raise`, which keeps its traceback: the caller needs to see where the import "
            "failed.",
        )
    if error is not None:
        saw = f"it raised {error.summary}"
    elif seen.get("returned"):
        saw = "it raised nothing"
    else:
        saw = probe.completed.describe_end()
    if error and not error.isinstance("ImportError") and error.type != "UnknownPlugin":
        hint = error.explain()
    elif kind != "ModuleNotFoundError":
        hint = (f"the plugin {plugin} is there ({file}): its own `{statement}` failed, with an ImportError whose "
                "name is the plugin's. Only a ModuleNotFoundError for plugins.<name> means that there is no such "
                "plugin; let every other error through, as it is.")
    elif whose.startswith("whose plugin"):
        hint = ("only replace the error when error.name is the plugin's own module name, "
                f'"plugins.{plugin}", exactly; otherwise re-raise it with `raise`.')
    else:
        hint = (f"the plugin {plugin} is there: what is missing is {name}, which plugins/__init__.py imports. "
                "Only a missing plugins.<name> makes a plugin unknown; let every other ModuleNotFoundError through.")
    raise CheckFailed(expected, saw, hint)


@pytest.mark.points(2)
def test_a_plugin_with_a_missing_dependency_is_not_unknown(student):
    student.write("plugin_witness.py", WITNESS)
    for plugin, file, statement, _, _ in BROKEN_PLUGINS:
        student.write(file, BROKEN_BODY.format(statement=statement, key=plugin))
    probe = student.probe(LOAD_BROKEN.format(cases=tuple((case[0], case[0]) for case in BROKEN_PLUGINS), load=LOAD))
    plugin = probe.values.get("step")
    if plugin is not None or not probe.finished:
        plugin = plugin or BROKEN_PLUGINS[0][0]
        judge_broken(probe, next(case for case in BROKEN_PLUGINS if case[0] == plugin), "whose plugin")
    # The plugins package itself misses a module: "upper" is there, and the error is not about it.
    plugin, file, statement, _, _ = BROKEN_PACKAGE
    student.write(file, BROKEN_BODY.format(statement=statement, key="plugins"))
    probe = student.probe(LOAD_BROKEN.format(cases=((plugin, "plugins"),), load=LOAD))
    if probe.values.get("step") is not None or not probe.finished:
        judge_broken(probe, BROKEN_PACKAGE, "when the plugins package itself (plugins/__init__.py)")
