"""8.1 plugin-loader: importlib.import_module with a name chosen at run time.

The checks add plugins of their own to the private copy (a module, and a
package: a folder with an __init__.py), with names no README mentions, so
that a loader that only knows `upper` and `reverse`, or only .py files,
fails. Module bodies are counted with an audit hook ("exec" events, by file
name). The broken plugins hand the ModuleNotFoundError they meet to a module
of the check's own before they let it through, so the check can tell that
exact exception from a copy of it.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: load(name) imports plugins.<name> and returns that module, the one in sys.modules,
  for every plugin: the README's, the check's own module, a plugin that is a package.
  -> a_plugin_is_loaded_by_its_name
- Step 1: it works wherever the program is started from (the current folder is not the
  exercise folder).
  -> a_plugin_is_loaded_by_its_name
- Step 1: loading a plugin again returns the same module, whose code ran once.
  -> a_plugin_is_loaded_by_its_name
- Step 1: loading one plugin imports no other plugin.
  -> only_the_requested_plugin_is_imported
- Step 2: an unknown name (the README's, a misspelling, another case, a file that is no module)
  raises UnknownPlugin, not ModuleNotFoundError, and returns nothing.
  -> an_unknown_name_raises_unknown_plugin
- Step 2: UnknownPlugin's name is the name the caller gave.
  -> an_unknown_name_raises_unknown_plugin
- Step 3: a plugin's own missing dependency is not an unknown plugin, whatever its name looks like.
  -> a_plugin_with_a_missing_dependency_is_not_unknown
- Step 3: that ModuleNotFoundError reaches the caller unchanged: the very exception, not a copy.
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
}

#: Loaded in turn: (plugin, input, what its transform gives for it, the file whose body is counted).
LOADED = (("upper", "hi", "HI", "plugins/upper.py"), ("zigzag", "hi", "zigzag:hi", "plugins/zigzag.py"),
          ("tidy", "  hi  ", "hi", "plugins/tidy/__init__.py"))

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
sys.path.insert(0, os.getcwd())
os.chdir("elsewhere")
import loader
seen = {{}}
for name, text, _, path in {LOADED!r}:
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
report(seen=seen, step=None)
"""
    )
    error, step, name = probe.error, probe.values.get("step"), probe.values.get("name")
    if error is not None and step is None:
        raise CheckFailed("`import loader` to work", f"your code raised {error.summary}", error.explain())
    if error is not None:
        if error.type == "FileNotFoundError":
            hint = ("the check started the program from another folder: look for the plugins where Python imports "
                    "them from, not in the current folder.")
        elif name == "upper" and error.type == "UnknownPlugin":
            hint = ("the check started the program from another folder (the exercise folder stays on the search "
                    "path): look for the plugins where Python imports them from, not in the current folder.")
        elif name == "tidy" and error.type == "UnknownPlugin":
            hint = "tidy is a plugin too: a package (plugins/tidy/__init__.py). A plugin is any module of the package."
        elif error.type == "UnknownPlugin":
            hint = (f"{name} is a plugin the check added to plugins/: load must find any plugin of the package, "
                    "not only the ones the README names.")
        else:
            hint = error.explain()
        raise CheckFailed(f'load("{name}") to return the plugin plugins.{name}', f"{step} raised {error.summary}", hint)
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


@pytest.mark.points(1)
def test_only_the_requested_plugin_is_imported(student):
    write_own_plugins(student)
    seen = student.observe(
        """
        import sys, loader

        def plugins():
            return sorted(m for m in sys.modules if m.startswith("plugins."))

        loader.load("reverse")
        first = plugins()
        loader.load("tidy")
        report(first=first, then=plugins())
        """,
        doing='loader.load("reverse"), then loader.load("tidy"), to work',
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


#: Names that are no plugin: the README's, a misspelling, another case, a file of plugins/ that is no module.
UNKNOWN = ("shout", "uper", "Upper", "notes")


@pytest.mark.points(2)
def test_an_unknown_name_raises_unknown_plugin(student):
    student.write("plugins/notes.txt", "Ideas for plugins: shout, whisper.\n")
    probe = student.probe(
        f"""
        import loader
        for name in {UNKNOWN!r}:
            report(step=name)
            try:
                returned = loader.load(name)
            except loader.UnknownPlugin as error:
                if error.name != name or not isinstance(error, LookupError):
                    report(raised="UnknownPlugin", name=error.name)
                    break
            else:
                module = type(returned) is type(loader)
                report(returned=f"the module {{returned.__name__}}" if module else repr(returned)[:100])
                break
        else:
            report(step=None)
        """
    )
    seen, name = probe.values, probe.values.get("step")
    if probe.finished and "step" in seen and name is None:
        return
    name = name or UNKNOWN[0]
    expected = f'load("{name}") to raise UnknownPlugin, with name "{name}"'
    if probe.error:
        saw = f"it raised {probe.error.summary}"
    elif "returned" in seen:
        saw = f"it returned {seen['returned']}"
    elif "raised" in seen:
        saw = f"it raised UnknownPlugin with name {seen.get('name')!r}"
    else:
        saw = probe.completed.describe_end()
    detail = {"uper": " (a misspelling)", "Upper": " (upper is a plugin, Upper is not)",
              "notes": " (plugins/notes.txt is a file of the package's folder, but no module)"}.get(name, "")
    if "raised" in seen:
        # The name is the one the caller asked for, not the module that import_module looked for.
        hint = "pass the plugin's name as the caller gave it: UnknownPlugin(name), not the module's full dotted name."
    elif probe.error and not probe.error.isinstance("ImportError") and probe.error.type != "UnknownPlugin":
        hint = probe.error.explain()
    else:
        hint = ("catch the ModuleNotFoundError that importing a missing plugins.<name> raises, and raise "
                "UnknownPlugin(name) instead; import exactly the name asked for, as it was given.")
    raise CheckFailed(expected + detail, saw, hint)


#: The check's own plugins, each importing a module that is not there. glow's dependency has the
#: plugin's name inside it and at its end: only error.name == "plugins.glow" tells the two apart.
#: Plugins whose import fails on a module other than their own: a name that merely looks like
#: the plugin's (the same last part, or another module of the plugins package) is not it.
BROKEN_PLUGINS = {
    "fancy": "colour_tables",
    "glow": "not_so_glow",
    "sparkle": "sparkle",
    "shine": "plugins.shine_helpers",
}

#: A broken module's body: it hands the exception to the check's witness, then lets it through unchanged.
BROKEN_BODY = """\
import plugin_witness

try:
    import {missing}  # not installed
except ModuleNotFoundError as error:
    plugin_witness.seen["{key}"] = error
    raise


def transform(text):
    return text
"""

#: What plugins/__init__.py misses in the last part of the check.
PACKAGE_MISSES = "plugin_registry"

#: Probe code: load each broken plugin in turn; stop at the first one whose error is not let through unchanged.
LOAD_BROKEN = """
import plugin_witness
for plugin, missing in {cases!r}:
    report(step=plugin)
    try:
        {load}
    except ModuleNotFoundError as error:
        if error.name == missing and error is plugin_witness.seen.get({key}):
            continue
        if error.name == missing:
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


def judge_broken(probe, plugin, missing, whose):
    """Fail unless ``probe`` saw the ModuleNotFoundError for ``missing`` come through unchanged."""
    error, seen = probe.error, probe.values
    expected = f'load("{plugin}"), {whose} imports a missing module {missing}, to let that ModuleNotFoundError through'
    if seen.get("copy"):
        raise CheckFailed(
            expected + " unchanged",
            "it raised a ModuleNotFoundError for the same module, but not the same exception: "
            "a new one, made by loader.py",
            "re-raise the exception you caught, as it is, with a bare `raise`: the caller needs its traceback, "
            "which points at the import that failed.",
        )
    if error is not None:
        saw = f"it raised {error.summary}"
    elif seen.get("returned"):
        saw = "it raised nothing"
    else:
        saw = probe.completed.describe_end()
    if error and not error.isinstance("ImportError") and error.type != "UnknownPlugin":
        hint = error.explain()
    elif whose.startswith("whose plugin"):
        hint = ("only replace the error when error.name is the plugin's own module name, "
                f'"plugins.{plugin}", exactly; otherwise re-raise it with `raise`.')
    else:
        hint = (f"the plugin {plugin} is there: what is missing is {missing}, which plugins/__init__.py imports. "
                "Only a missing plugins.<name> makes a plugin unknown; let every other ModuleNotFoundError through.")
    raise CheckFailed(expected, saw, hint)


@pytest.mark.points(2)
def test_a_plugin_with_a_missing_dependency_is_not_unknown(student):
    student.write("plugin_witness.py", '"""The check\'s own: what its broken modules let through."""\n\nseen = {}\n')
    for plugin, missing in BROKEN_PLUGINS.items():
        student.write(f"plugins/{plugin}.py", BROKEN_BODY.format(missing=missing, key=plugin))
    probe = student.probe(
        LOAD_BROKEN.format(cases=tuple(BROKEN_PLUGINS.items()), load=LOAD, key="plugin")
    )
    plugin = probe.values.get("step")
    if plugin is not None or not probe.finished:
        plugin = plugin or "fancy"
        judge_broken(probe, plugin, BROKEN_PLUGINS[plugin], "whose plugin")
    # The plugins package itself misses a module: "upper" is there, and the error is not about it.
    student.write("plugins/__init__.py", BROKEN_BODY.format(missing=PACKAGE_MISSES, key="plugins"))
    probe = student.probe(
        LOAD_BROKEN.format(cases=(("upper", PACKAGE_MISSES),), load=LOAD, key='"plugins"')
    )
    if probe.values.get("step") is not None or not probe.finished:
        judge_broken(probe, "upper", PACKAGE_MISSES, "when the plugins package itself (plugins/__init__.py)")
