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
            loader.load("shout")
        except loader.UnknownPlugin as error:
            report(raised="UnknownPlugin", name=error.name, lookup=isinstance(error, LookupError))
        """
    )
    seen = probe.values
    expect(
        seen.get("raised") == "UnknownPlugin" and seen.get("name") == "shout",
        expected='load("shout") to raise UnknownPlugin, with name "shout"',
        saw=f"it raised {probe.error.type}" if probe.error else "it raised nothing",
        hint="catch the ModuleNotFoundError from import_module and raise UnknownPlugin(name) instead.",
    )


@pytest.mark.points(2)
def test_a_plugin_with_a_missing_dependency_is_not_unknown(student):
    student.write("plugins/fancy.py", "import colour_tables  # not installed\n\n\ndef transform(text):\n    return text\n")
    probe = student.probe('import loader\nloader.load("fancy")')
    error = probe.error
    expect(
        error is not None and error.type == "ModuleNotFoundError" and error.name == "colour_tables",
        expected='load("fancy"), whose plugin imports a missing module colour_tables, to let that ModuleNotFoundError through',
        saw=f"it raised {error.type}" + (f" (name {error.name!r})" if error.name else "") if error else "it raised nothing",
        hint="only replace the error when error.name is the plugin's own name; otherwise re-raise it with `raise`.",
    )
