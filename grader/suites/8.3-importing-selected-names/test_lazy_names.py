"""8.3 lazy-names: a package offers its submodules' functions, and imports each submodule only when asked.

Every check starts a fresh interpreter and looks at which of the package's
own submodules are in sys.modules after each step: after `import toolbox`,
after dir(toolbox), after a name that does not exist, after each name asked
for, in an order the README never shows (a from-import first, then an
attribute, then another from-import). Each name must be the very function of
its submodule (not the module, not a copy made by loading the file again).
The unknown names are a plain one (median), a dunder that tools probe for
(__wrapped__), and one asked for with a default (getattr(toolbox, name,
default)) and with hasattr: each must be an AttributeError, whatever the
message, so that hasattr and getattr with a default work as they do on any
module. `from toolbox import *` runs in a namespace of its own, whose names
are compared with the README's three. After mean and slugify were asked
for, the names their submodules use for themselves (statistics, re, ...)
must not be the package's; then toolbox/charts.py is rewritten in the
check's private copy to import a module that is not installed, and
toolbox.bar must raise that ModuleNotFoundError, not hide it.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `import toolbox` imports none of its submodules (charts, slugs, stats), and __version__ stays.
  -> importing_the_package_loads_no_submodule
- Step 2: toolbox.NAME and `from toolbox import NAME` work for bar, mean and slugify, and give the very function
  of its submodule.
  -> each_name_loads_only_its_own_submodule
- Step 2: asking for a name imports only the submodule that defines it.
  -> each_name_loads_only_its_own_submodule
- Step 3: dir(toolbox) lists bar, mean and slugify beside the names it lists now (__version__ among them), and
  imports no submodule.
  -> dir_lists_the_names_without_loading_them
- Step 4: a name the package does not offer raises AttributeError, as for any module (hasattr is False, getattr's
  default is returned, `from toolbox import NAME` is an ImportError), and imports no submodule.
  -> an_unknown_name_is_an_attribute_error
- Step 4: the names a submodule uses for itself (statistics, re, ...) are not the package's, even after the
  submodule was imported for its function (no copying of the submodule's namespace into the package's).
  -> an_unknown_name_is_an_attribute_error
- Step 4: an error raised while a submodule is imported reaches the program as it is (ModuleNotFoundError for a
  module it needs that is not installed), not turned into an AttributeError by a catch-all in __getattr__.
  -> an_unknown_name_is_an_attribute_error
- Step 5: `from toolbox import *` binds exactly bar, mean and slugify, the submodules' functions.
  -> star_import_follows_all
"""

import pytest

from grader import expect

OWN = ("toolbox.charts", "toolbox.slugs", "toolbox.stats")

#: Probe code every check starts with: which of the package's submodules are imported now.
PRELUDE = f"""
import sys

OWN = {OWN!r}


def loaded():
    return [name for name in OWN if name in sys.modules]


"""

NAMES = "bar, mean and slugify"

GETATTR_HINT = (
    "take the imports of the submodules out of toolbox/__init__.py, and give it a function `__getattr__(name)`: "
    "Python calls it for a name the module does not have, and it can import the right submodule then."
)


def shown(modules) -> str:
    return ", ".join(modules) if modules else "none of them"


def stopped(probe, steps: dict) -> None:
    """Fail with the step that raised, if the probe's code raised."""
    error = probe.error
    if error is None:
        return
    step = probe.values.get("step")
    expect(
        False,
        expected=f"{steps.get(step, 'the code')} to work",
        saw=f"it raised {error.summary}",
        hint=error.explain(),
    )


@pytest.mark.points(2)
def test_importing_the_package_loads_no_submodule(student):
    probe = student.probe(
        PRELUDE
        + """
report(step="import")
import toolbox

report(step=None, loaded=loaded(), version=getattr(toolbox, "__version__", None))
"""
    )
    stopped(probe, {"import": "`import toolbox`"})
    seen = probe.values
    expect(
        seen["loaded"] == [],
        expected="`import toolbox` to import none of toolbox's submodules (charts, slugs, stats)",
        saw=f"afterwards sys.modules held {shown(seen['loaded'])}",
        hint=GETATTR_HINT,
    )
    expect(
        seen["version"] == "2.1",
        expected="toolbox.__version__ to stay '2.1'",
        saw=f"it was {seen['version']!r}",
        hint="leave the rest of toolbox/__init__.py as it is: only the submodules' imports go.",
    )


@pytest.mark.points(3)
def test_each_name_loads_only_its_own_submodule(student):
    probe = student.probe(
        PRELUDE
        + """
def result(function, *args, **kwargs):
    return function(*args, **kwargs) if callable(function) else "nothing: it cannot be called"


report(step="import")
import toolbox

report(step="from mean")
from toolbox import mean

stats = sys.modules.get("toolbox.stats")
report(mean=[loaded(), mean is getattr(stats, "mean", object()), type(mean).__name__, result(mean, [2, 4, 9])])
report(step="slugify")
slugify = toolbox.slugify
slugs = sys.modules.get("toolbox.slugs")
report(
    slugify=[loaded(), slugify is getattr(slugs, "slugify", object()), type(slugify).__name__,
             result(slugify, "Ça va, Zoë?")],
)
report(step="from bar")
from toolbox import bar

charts = sys.modules.get("toolbox.charts")
report(bar=[loaded(), bar is getattr(charts, "bar", object()), type(bar).__name__, result(bar, "plums", 0.25, width=8)])
report(step="again")
report(step=None, again=[toolbox.mean is mean, toolbox.bar is bar, toolbox.slugify is slugify])
"""
    )
    stopped(
        probe,
        {
            "import": "`import toolbox`",
            "from mean": "`from toolbox import mean`, then mean([2, 4, 9]),",
            "slugify": "toolbox.slugify, then slugify('Ça va, Zoë?'),",
            "from bar": "`from toolbox import bar`, then bar('plums', 0.25, width=8),",
            "again": "asking for toolbox.mean, toolbox.bar and toolbox.slugify again",
        },
    )
    seen = probe.values
    for key, doing, module, expected_modules, result in (
        ("mean", "`from toolbox import mean`", "toolbox.stats", ["toolbox.stats"], 5.0),
        ("slugify", "then toolbox.slugify", "toolbox.slugs", ["toolbox.slugs", "toolbox.stats"], "ca-va-zoe"),
        ("bar", "then `from toolbox import bar`", "toolbox.charts", list(OWN), "plums        ##......"),
    ):
        modules, same, kind, returned = seen[key]
        expect(
            same and returned == result,
            expected=f"{key} to be the function {key} of {module}, which returned {result!r}",
            saw=f"it returned {returned!r}" if same else f"it was not that function ({kind}), and gave {returned!r}",
            hint=f"step 2: toolbox must not have a global named {key} (not even None): Python calls __getattr__ only "
            "for a name the module does not have."
            if kind == "NoneType"
            else f"step 2: __getattr__ returns the function found in the submodule (getattr(module, {key!r})), "
            "not the module itself, nor a copy of the file loaded under another name.",
        )
        expect(
            modules == expected_modules,
            expected=f"after `import toolbox`, {doing} to leave {shown(expected_modules)} imported, and no other "
            "submodule of toolbox",
            saw=f"sys.modules held {shown(modules)}",
            hint=GETATTR_HINT
            if len(modules) > len(expected_modules)
            else f"step 2: asking for {key} imports {module} (with importlib.import_module, or an import statement "
            "inside __getattr__), so that it is in sys.modules like any module imported.",
        )
    expect(
        seen["again"] == [True, True, True],
        expected="asking for toolbox.mean, toolbox.bar and toolbox.slugify again to give the same functions",
        saw=f"these were not the same objects as before: {seen['again']} (mean, bar, slugify)",
        hint="step 2: each name is the function of its submodule, which is imported once and then found in "
        "sys.modules.",
    )


@pytest.mark.points(1)
def test_dir_lists_the_names_without_loading_them(student):
    probe = student.probe(
        PRELUDE
        + """
report(step="import")
import toolbox

report(step="dir", before=loaded())
names = dir(toolbox)
report(
    step=None,
    loaded=loaded(),
    listed=[name for name in ("bar", "mean", "slugify", "__version__", "__name__", "__doc__") if name in names],
)
"""
    )
    stopped(probe, {"import": "`import toolbox`", "dir": "dir(toolbox)"})
    seen = probe.values
    wanted = ["bar", "mean", "slugify", "__version__", "__name__", "__doc__"]
    missing = [name for name in wanted if name not in seen["listed"]]
    expect(
        not missing,
        expected=f"dir(toolbox) to list {NAMES}, beside the names it lists now (__version__, __name__, __doc__)",
        saw=f"it did not list {', '.join(missing)}",
        hint="step 3: a function `__dir__()` in toolbox/__init__.py returns the names dir() lists: the module's own "
        "names (its globals()) and the ones __getattr__ offers."
        if any(name.startswith("__") for name in missing) or not seen["loaded"]
        else GETATTR_HINT,
    )
    expect(
        seen["loaded"] == [],
        expected="`import toolbox` and dir(toolbox) to import none of toolbox's submodules",
        saw=f"afterwards sys.modules held {shown(seen['loaded'])}",
        hint=GETATTR_HINT
        if seen["before"]
        else "step 3: __dir__ lists the names it knows, without importing the submodules to look into them.",
    )


@pytest.mark.points(2)
def test_an_unknown_name_is_an_attribute_error(student):
    probe = student.probe(
        PRELUDE
        + """
report(step="import")
import toolbox


def raised(call):
    try:
        value = call()
    except BaseException as error:
        return [type(error).__name__, isinstance(error, AttributeError), isinstance(error, ImportError)]
    return ["nothing", repr(value)[:60]]


report(step=None)
report(
    attribute=raised(lambda: toolbox.median),
    dunder=raised(lambda: hasattr(toolbox, "__wrapped__")),
    default=raised(lambda: getattr(toolbox, "median", "my default")),
    has=raised(lambda: hasattr(toolbox, "median")),
)
report(imported=raised(lambda: exec("from toolbox import median", {})), loaded=loaded())

# The names a submodule has for itself (what it imports): the package does not offer them, even once it is imported.
report(step="names")
raised(lambda: toolbox.mean)
raised(lambda: toolbox.slugify)
inside = [
    key
    for module in ("toolbox.stats", "toolbox.slugs")
    if module in sys.modules
    for key in vars(sys.modules[module])
    if not key.startswith("_") and key not in ("bar", "mean", "slugify")
]
report(leaked=[key for key in inside if raised(lambda: getattr(toolbox, key))[0] == "nothing"], inside=inside)

# A submodule that fails as it is imported (a module it needs is not installed): its error must reach the program.
report(step="broken", charts_before="toolbox.charts" in sys.modules)
rewrite(
    "toolbox/charts.py",
    "import textwrap\\nimport toolbox_chart_engine_not_installed\\n\\n\\n"
    "def bar(label, value, width=20):\\n    return label\\n",
)
report(broken=raised(lambda: toolbox.bar), step=None)
"""
    )
    stopped(probe, {"import": "`import toolbox`"})
    seen = probe.values

    def saw(result) -> str:
        return f"it raised {result[0]}" if result[0] != "nothing" else f"it gave {result[1]}"

    attribute = seen["attribute"]
    expect(
        attribute[0] != "nothing" and attribute[1],
        expected="toolbox.median, a name the package does not offer, to raise AttributeError, as for any module",
        saw=saw(attribute),
        hint="step 4: for a name it does not know, __getattr__ raises AttributeError: it must not return None, "
        "nor let a KeyError or ImportError out."
        if attribute[0] != "AttributeError" or attribute[0] == "nothing"
        else None,
    )
    for key, call, expected in (
        ("dunder", "hasattr(toolbox, '__wrapped__')", "False"),
        ("has", "hasattr(toolbox, 'median')", "False"),
        ("default", "getattr(toolbox, 'median', 'my default')", "'my default'"),
    ):
        result = seen[key]
        expect(
            result == ["nothing", expected],
            expected=f"{call} to give {expected}, as for any module",
            saw=saw(result),
            hint="step 4: hasattr and getattr with a default work only when an unknown name raises "
            "AttributeError: raise it for every name __getattr__ does not offer, dunder names too.",
        )
    imported = seen["imported"]
    expect(
        imported[0] != "nothing" and imported[2],
        expected="`from toolbox import median` to raise ImportError",
        saw=saw(imported),
        hint="step 4: Python turns an AttributeError from the package into the ImportError: raise AttributeError "
        "for a name __getattr__ does not offer.",
    )
    expect(
        seen["loaded"] == [],
        expected="asking for names toolbox does not offer to import none of its submodules",
        saw=f"afterwards sys.modules held {shown(seen['loaded'])}",
        hint=GETATTR_HINT
        if len(seen["loaded"]) == len(OWN)
        else "step 4: a name that is not one of toolbox's has no submodule to import: __getattr__ raises at once.",
    )
    leaked = seen.get("leaked", [])
    expect(
        not leaked,
        expected="names that toolbox.stats and toolbox.slugs use for themselves (such as "
        f"{', '.join(seen.get('inside', [])[:3]) or 'statistics'}) not to be names of toolbox, even after toolbox.mean "
        "and toolbox.slugify were asked for",
        saw=f"toolbox.{leaked[0]} worked" if leaked else "",
        hint="step 4: the package offers bar, mean and slugify, and no other name of its submodules: __getattr__ "
        "gives (and may keep) the one name it was asked for, not everything the submodule has.",
    )
    broken = seen["broken"]
    # Where charts was imported already, or bar is found without it, the checks of step 2 say what is wrong.
    untried = seen["charts_before"] or (broken[0] == "nothing" and broken[1].startswith("<function"))
    expect(
        untried or broken[0] == "ModuleNotFoundError",
        expected="toolbox.bar, when toolbox/charts.py fails as it is imported (it imports a module that is not "
        "installed), to let that ModuleNotFoundError reach the program, as an import does",
        saw=saw(broken),
        hint="step 4: only a name the package does not offer is an AttributeError: an error raised while a "
        "submodule is imported is a real error, and hiding it as \"no such name\" makes hasattr say False. "
        "Catch only what tells you the name is unknown."
        if broken[1]
        else "step 4: an error raised while a submodule is imported reaches the program as it is.",
    )


@pytest.mark.points(1)
def test_star_import_follows_all(student):
    probe = student.probe(
        PRELUDE
        + """
report(step="star")
names = {}
exec("from toolbox import *", names)
names.pop("__builtins__", None)
report(step=None, names=sorted(names))
same = []
for name in sorted(names):
    module = sys.modules.get({"bar": "toolbox.charts", "mean": "toolbox.stats", "slugify": "toolbox.slugs"}.get(name))
    same.append(names[name] is getattr(module, name, object()))
report(same=same)
"""
    )
    stopped(probe, {"star": "`from toolbox import *`"})
    seen = probe.values
    expect(
        seen["names"] == ["bar", "mean", "slugify"] and all(seen["same"]),
        expected=f"`from toolbox import *` to bind exactly {NAMES}, the submodules' functions",
        saw=f"it bound {', '.join(seen['names']) or 'nothing'}"
        + ("" if all(seen["same"]) or seen["names"] != ["bar", "mean", "slugify"] else ", not all of them the "
           "submodules' functions"),
        hint="step 5: `import *` takes exactly the names of `__all__`, asking the package for each of them: list "
        "the three names there.",
    )
