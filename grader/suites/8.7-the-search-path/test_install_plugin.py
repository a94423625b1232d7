"""8.7 install-plugin: a module written while the program runs, importable at once.

The path finder keeps a listing of every folder it has searched, and reads the folder again only
when the folder's modification time has changed since. On a filesystem whose clock is coarse (a
second, or two), a file written just after the listing was taken leaves that time as it was, and
the new module is not found. The checks make that happen on purpose, in every fresh interpreter
they start: they import installer, then plugins.hello (the path finder now holds a listing of
plugins/), and put a finder of their own first on sys.meta_path that, before each search for a
plugins.* module, sets the folder's modification time back to what it was when that listing was
taken. Waiting, retrying, or reloading the package changes nothing then; telling the import system
to forget its listings (importlib.invalidate_caches(), or a new finder for the folder) does, and so
does loading the file by its path, if the module is then filed as any import would file it.

The plugins the checks install count the runs of their body in sys.plugin_runs. One check reaches the
program's folder through a symbolic link (where the system lets the grader make one): the import
system files its listing of plugins/ under the path it searched, not under the folder's resolved path.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: install(name, source) returns the module plugins.<name>, its body run from the source
  given, even when plugins/ was listed just before and its modification time did not change.
  -> a_new_plugin_imports_at_once
- Step 2: the module is imported as `import plugins.<name>` would have: it is sys.modules["plugins.<name>"],
  the attribute <name> of the package plugins, its __file__ is plugins/<name>.py, and its body ran once
  (a later `import plugins.<name>` runs nothing); install changes nothing else in the program (sys.path,
  sys.dont_write_bytecode, os.environ stay as they were).
  -> the_plugin_is_imported_like_any_other
- Step 3: every call works, not only the first: several installs in one program, one of them of a
  name the program asked for (ModuleNotFoundError) before the plugin existed, and the program's folder
  reached through a symbolic link.
  -> every_install_imports_at_once
- Step 4: the plugin stays installed: plugins/<name>.py holds exactly the source given, also over an
  older plugins/<name>.py; install leaves no other file in plugins/ (but bytecode in __pycache__); the
  next program imports it with a plain `import plugins.<name>`.
  -> an_installed_plugin_stays_installed
"""

import os

import pytest

from grader import expect

#: The race, made to happen: see the docstring. `frozen` is the folder's time when its listing was taken.
RACE = """
import os, sys
import installer
import plugins

# The folder's time as the next import lists it (importing the package itself may have written its
# bytecode into plugins/__pycache__, which moves the folder's time on: that happened before).
folder = os.path.dirname(os.path.abspath(plugins.__file__))
frozen = os.stat(folder).st_mtime_ns
import plugins.hello


class SameSecond:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.startswith("plugins."):
            os.utime(folder, ns=(frozen, frozen))
        return None


sys.meta_path.insert(0, SameSecond)
SOURCE = (
    '\"\"\"A plugin installed by the check.\"\"\"\\n\\nimport sys\\n\\n'
    'sys.__dict__.setdefault("plugin_runs", []).append(__name__)\\n'
    'TITLE = {!r}\\n\\n\\ndef render(name):\\n    return TITLE + ", " + name\\n'
)


def install(name, title):
    module = installer.install(name, SOURCE.format(title))
    return {
        "name": getattr(module, "__name__", None),
        "type": type(module).__name__,
        "title": getattr(module, "TITLE", None),
    }
"""

#: What the source of a check's plugin is, given its title (the same text as SOURCE in RACE).
SOURCE = (
    '"""A plugin installed by the check."""\n\nimport sys\n\n'
    'sys.__dict__.setdefault("plugin_runs", []).append(__name__)\n'
    "TITLE = {!r}\n\n\ndef render(name):\n    return TITLE + \", \" + name\n"
)

HINT_RACE = (
    "the import system keeps a listing of each folder it has searched and reads the folder again only when the "
    "folder's modification time changes, which a coarse clock can miss. After writing the file, tell the import "
    "system to forget what it cached about folders (section 8.7, modules written while the program runs)."
)

RETURN_HINT = (
    "return the plugin's module itself: importlib.import_module(\"plugins.<name>\") gives it (`__import__` and "
    "`import plugins.<name>` give the package plugins)."
)


def returned(got, name: str, title: str) -> bool:
    return bool(got) and got["name"] == f"plugins.{name}" and got["title"] == title


def returned_saw(got) -> str:
    if not got:
        return "install() never returned"
    if got["name"] is None:
        return f"it returned {got['type']} object, not a module"
    return f"it returned the module {got['name']!r}, whose TITLE is {got['title']!r}"


def install_failed(probe, call: str) -> str | None:
    """The learner's `saw` for a probe stopped by an error (the import race, usually), else None."""
    if probe.error is None:
        return None if probe.finished else f"{call} did not finish"
    if probe.error.type == "ModuleNotFoundError":
        return (
            f"{call} raised {probe.error.summary}: the file was written, but the import did not see it, because "
            "the folder's listing was taken before the file existed and the folder's modification time did not "
            "change (the check set it back, as a coarse clock would)"
        )
    return f"{call} raised {probe.error.summary}"


FIRST = RACE + """
before = list(sys.path), dict(os.environ), sys.dont_write_bytecode
got = install("zeta", "Zeta report")
report(got=got)
report(
    path_before=before[0],
    path_after=list(sys.path),
    environ=sorted(k for k in set(before[1]) | set(os.environ) if before[1].get(k) != os.environ.get(k)),
    no_bytecode=sys.dont_write_bytecode != before[2] and sys.dont_write_bytecode,
)
module = sys.modules.get("plugins.zeta")
runs_before = list(getattr(sys, "plugin_runs", []))
# The check's own import must see the file whatever install() did: the race is over.
sys.meta_path.remove(SameSecond)
import importlib
importlib.invalidate_caches()
import plugins.zeta
report(
    in_modules=module is not None,
    bound=module is not None and getattr(plugins, "zeta", None) is module,
    file=os.path.relpath(getattr(module, "__file__", "") or "", os.getcwd()).replace(os.sep, "/")
    if module is not None else None,
    runs=list(getattr(sys, "plugin_runs", [])),
    runs_before=runs_before,
    imported_is_it=plugins.zeta is module,
)
"""


@pytest.mark.points(2)
def test_a_new_plugin_imports_at_once(student):
    probe = student.probe(FIRST)
    got = probe.values.get("got")
    failed = install_failed(probe, 'install("zeta", source)') if got is None else None
    expect(
        failed is None and returned(got, "zeta", "Zeta report"),
        expected='install("zeta", source) to return the module plugins.zeta, run from that source (its TITLE '
        '"Zeta report"), even with plugins/ listed just before and its modification time unchanged',
        saw=failed or returned_saw(got),
        hint=HINT_RACE if failed and probe.error and probe.error.type == "ModuleNotFoundError"
        else probe.error.explain() if probe.error
        else RETURN_HINT,
    )


# The same install, looked at afterwards: is the module the one any import of plugins.zeta gives?
@pytest.mark.points(1)
def test_the_plugin_is_imported_like_any_other(student):
    probe = student.probe(FIRST)
    seen = probe.values
    failed = install_failed(probe, 'install("zeta", source)') if "got" not in seen else None
    expect(
        failed is None and probe.error is None,
        expected='install("zeta", source) to import plugins.zeta, with plugins/ listed just before and its '
        "modification time unchanged",
        saw=failed or (f"the check stopped: {probe.error.summary}" if probe.error else "it did not finish"),
        hint=HINT_RACE if probe.error and probe.error.type == "ModuleNotFoundError"
        else probe.error.explain() if probe.error else None,
    )
    wrong = []
    if not seen.get("in_modules"):
        wrong.append('sys.modules had no "plugins.zeta" after install()')
    elif not seen.get("imported_is_it"):
        wrong.append("a later `import plugins.zeta` gave another module object than the one in sys.modules")
    if seen.get("in_modules") and not seen.get("bound"):
        wrong.append("the package plugins had no attribute zeta bound to that module")
    if seen.get("in_modules") and seen.get("file") != "plugins/zeta.py":
        wrong.append(f"its __file__ was {seen.get('file')!r}, not plugins/zeta.py")
    runs = seen.get("runs") or []
    if len(runs) != 1 or seen.get("runs_before") != ["plugins.zeta"]:
        wrong.append(
            f"the plugin's body ran {len(runs)} times in all"
            + (f", {len(seen.get('runs_before') or [])} of them in install()" if seen.get("runs_before") != runs else "")
        )
    expect(
        not wrong,
        expected="the plugin to be imported as `import plugins.zeta` imports it: filed in sys.modules under "
        '"plugins.zeta", bound as plugins.zeta, loaded from plugins/zeta.py, and its body run once (by install)',
        saw="; ".join(wrong),
        hint="let the import system import it (importlib.import_module) once the file is written: it files the "
        "module in sys.modules and on its package, and a later import then runs nothing.",
    )
    changed = settings_changed(student, seen)
    expect(
        not changed,
        expected="install() to change nothing else in the program: sys.path, sys.dont_write_bytecode and os.environ "
        "as they were before the call",
        saw="; ".join(changed),
        hint="install() writes one file and imports one module; whatever else it changes stays changed for the "
        "rest of the program (a plugin folder on sys.path, for one, lets `import zeta` load a second copy of "
        "plugins.zeta). Leave the program's settings alone.",
    )


def settings_changed(student, seen: dict) -> list[str]:
    """What install() changed in the program beyond the plugin: sys.path, bytecode writing, the environment."""
    changed = []
    before, after = seen.get("path_before"), seen.get("path_after")
    if before is not None and after is not None and before != after:
        added = [entry for entry in after if entry not in before]
        lost = [entry for entry in before if entry not in after]
        changed.append(
            "sys.path changed: "
            + ("; ".join(part for part in (
                f"{student.shown_paths(added)} added" if added else "",
                f"{student.shown_paths(lost)} taken off" if lost else "",
            ) if part) or "its entries were put in another order")
            + (" (with a plugin folder on sys.path, `import zeta` loads a second copy of the plugin)"
               if any(entry.replace(os.sep, "/").rstrip("/").endswith("/plugins") for entry in added) else "")
        )
    if seen.get("no_bytecode"):
        changed.append("sys.dont_write_bytecode was True afterwards: no module the program imports from then on caches its bytecode")
    if seen.get("environ"):
        changed.append("os.environ changed: " + ", ".join(seen["environ"]))
    return changed


# Several installs in one program: each install lists the folder again (at its frozen time), so each
# next one meets a listing taken before its file existed. One plugin is asked for before it exists.
SEVERAL = RACE + """
try:
    import plugins.omega
except ModuleNotFoundError:
    report(missing_first=True)
results = {}
for name, title in [("omega", "Omega"), ("kappa", "Kappa"), ("nu_3", "Nu three")]:
    report(calling=name)
    results[name] = install(name, title)
    report(results=results)
report(calling=None)
"""

NAMES = [("omega", "Omega"), ("kappa", "Kappa"), ("nu_3", "Nu three")]


def linked(student) -> str | None:
    """A symbolic link to the private copy, beside it; None where links cannot be made (Windows, mostly)."""
    link = student.root / "linked"
    try:
        os.symlink(student.path, link, target_is_directory=True)
    except (OSError, NotImplementedError):
        return None
    return str(link)


@pytest.mark.points(2)
def test_every_install_imports_at_once(student):
    # The program's folder is found through a link here: a path other than its resolved one, as it is for a
    # program started from a linked folder. The import system keeps its listings under the path it searched.
    link = linked(student)
    probe = student.probe(("import sys\nsys.path.insert(0, %r)\n" % link if link else "") + SEVERAL)
    seen = probe.values
    calling = seen.get("calling")
    failed = install_failed(probe, f'install("{calling}", source)') if calling else None
    done = seen.get("results") or {}
    wrong = [f'install("{name}", ...): ' + returned_saw(done.get(name)) for name, title in NAMES
             if name in done and not returned(done[name], name, title)]
    before = ", after install() had already worked for " + ", ".join(done) if failed and done else ""
    through = " Here the program's folder was on sys.path through a symbolic link: the listing to forget is " \
        "the one the import system keeps under that path, which is not the folder's resolved path." if link else ""
    expect(
        failed is None and probe.error is None and not wrong and len(done) == len(NAMES),
        expected="three installs in one program (omega, which the program had looked for before it existed, then "
        "kappa and nu_3) each to return its new module, with the folder's time frozen throughout"
        + (" and the program's folder reached through a symbolic link" if link else ""),
        saw=(failed + before) if failed else "; ".join(wrong) if wrong
        else f"the check stopped: {probe.error.summary}" if probe.error else "the check did not finish",
        hint=HINT_RACE + " Do it on every install, not only the first: the folder can be listed again in between."
        + through if failed else probe.error.explain() if probe.error else RETURN_HINT,
    )


LATER = """
import os, sys
import plugins.zeta
report(title=plugins.zeta.TITLE, runs=list(getattr(sys, "plugin_runs", [])))
"""


#: What plugins/ holds besides the plugins the check installs (bytecode aside).
SHIPPED = {"__init__.py", "hello.py"}


@pytest.mark.points(1)
def test_an_installed_plugin_stays_installed(student):
    # eta was installed by an earlier run, with an older text: installing it again replaces that text.
    student.write("plugins/eta.py", SOURCE.format("Eta, the old version"))
    probe = student.probe(
        RACE + '\nreport(got=install("zeta", "Zeta report"))\nreport(again=install("eta", "Eta"))\n'
    )
    got, again = probe.values.get("got"), probe.values.get("again")
    call = 'install("zeta", source)' if got is None else 'install("eta", source)'
    failed = install_failed(probe, call) if again is None else None
    expect(
        failed is None and returned(got, "zeta", "Zeta report") and returned(again, "eta", "Eta"),
        expected='install("zeta", source) to install the plugin, with plugins/ listed just before, then '
        'install("eta", source) to install eta over the plugins/eta.py an earlier run left',
        saw=failed or (returned_saw(got) if not returned(got, "zeta", "Zeta report")
                       else 'install("eta", ...): ' + returned_saw(again)),
        hint=HINT_RACE if probe.error and probe.error.type == "ModuleNotFoundError"
        else probe.error.explain() if probe.error else RETURN_HINT,
    )
    for name, title in (("zeta", "Zeta report"), ("eta", "Eta")):
        source = SOURCE.format(title)
        written = student.read(f"plugins/{name}.py") if student.exists(f"plugins/{name}.py") else None
        expect(
            written == source,
            expected=f"plugins/{name}.py to hold exactly the source given to install()"
            + (", in place of the older text it held before" if name == "eta" else ""),
            saw=f"there was no plugins/{name}.py" if written is None
            else "it held the older text as well as the source given" if name == "eta" and source in written
            and written != source
            else "its text differed from the source given",
            hint="write the source, as given, to plugins/<name>.py before importing it, replacing whatever the file "
            "held: the next run of the program imports it from there.",
        )
    left = sorted(set(os.listdir(student.file("plugins"))) - SHIPPED - {"zeta.py", "eta.py", "__pycache__"})
    expect(
        not left,
        expected="install() to leave nothing in plugins/ but the plugin's file (and the bytecode the import caches)",
        saw="plugins/ also held " + ", ".join(left),
        hint="plugins/ is the tool's folder of plugins, and a file left there stays for every later run: if install() "
        "writes something on the way, remove it before it returns.",
    )
    later = student.probe(LATER)
    expect(
        later.error is None and later.values.get("title") == "Zeta report",
        expected="the next program to import the plugin with a plain `import plugins.zeta`",
        saw=f"it raised {later.error.summary}" if later.error else f"its TITLE was {later.values.get('title')!r}",
        hint="write the plugin into the plugins/ folder as plugins/<name>.py.",
    )
