"""8.1 plugin-loader: importlib.import_module with a name chosen at run time."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_a_plugin_is_loaded_by_its_name(student):
    seen = student.observe(
        """
        import sys, loader
        plugin = loader.load("upper")
        report(result=plugin.transform("hi"), filed=plugin is sys.modules.get("plugins.upper"))
        """,
        doing='loader.load("upper") to return the plugin',
    )
    expect(
        seen["result"] == "HI" and seen["filed"],
        expected='load("upper") to return the module plugins.upper (whose transform("hi") is "HI")',
        saw=f'transform("hi") gave {seen["result"]!r}' if seen["result"] != "HI" else "it returned another object",
        hint='return importlib.import_module(f"plugins.{name}").',
    )


@pytest.mark.points(1)
def test_only_the_requested_plugin_is_imported(student):
    seen = student.observe(
        """
        import sys, loader
        loader.load("reverse")
        report(imported=sorted(m for m in sys.modules if m.startswith("plugins.")))
        """,
        doing='loader.load("reverse") to work',
    )
    expect(
        seen["imported"] == ["plugins.reverse"],
        expected='load("reverse") to import plugins.reverse and no other plugin',
        saw=f"the plugins imported were {seen['imported']}",
        hint="import just the one module asked for, rather than every module in the package.",
    )


@pytest.mark.points(2)
def test_an_unknown_name_raises_unknown_plugin(student):
    probe = student.probe(
        """
        import loader
        try:
            returned = loader.load("shout")
        except loader.UnknownPlugin as error:
            report(raised="UnknownPlugin", name=error.name, lookup=isinstance(error, LookupError))
        else:
            module = type(returned) is type(loader)
            report(returned=f"the module {returned.__name__}" if module else repr(returned)[:100])
        """
    )
    seen = probe.values
    expected = 'load("shout") to raise UnknownPlugin, with name "shout"'
    if probe.error:
        saw = f"it raised {probe.error.summary}"
    elif "returned" in seen:
        saw = f"it returned {seen['returned']}"
    else:
        saw = probe.completed.describe_end()
    expect(
        seen.get("raised") == "UnknownPlugin",
        expected=expected,
        saw=saw,
        hint="catch the ModuleNotFoundError from import_module and raise UnknownPlugin(name) instead.",
    )
    # The name is the one the caller asked for, not the module that import_module looked for.
    expect(
        seen.get("name") == "shout",
        expected=expected,
        saw=f"it raised UnknownPlugin with name {seen.get('name')!r}",
        hint="pass the plugin's name as the caller gave it: UnknownPlugin(name), not the module's full dotted name.",
    )


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


@pytest.mark.points(2)
def test_a_plugin_with_a_missing_dependency_is_not_unknown(student):
    for plugin, missing in BROKEN_PLUGINS.items():
        source = f"import {missing}  # not installed\n\n\ndef transform(text):\n    return text\n"
        student.write(f"plugins/{plugin}.py", source)
        probe = student.probe(f"import loader\nloader.load({plugin!r})")
        error, end = probe.error, probe.completed.describe_end()
        expect(
            error is not None and error.type == "ModuleNotFoundError" and error.name == missing,
            expected=f'load("{plugin}"), whose plugin imports a missing module {missing}, '
            "to let that ModuleNotFoundError through",
            saw=f"it raised {error.summary}" if error else "it raised nothing" if probe.finished else end,
            hint=error.explain()
            if error and not error.isinstance("ImportError") and error.type != "UnknownPlugin"
            else "only replace the error when error.name is the plugin's own module name, "
            f'"plugins.{plugin}", exactly; otherwise re-raise it with `raise`.',
        )
