"""8.3 live-settings: a from-imported value is a copy; read the module's attribute instead.

Every check puts back the course's own config.py first: the task is to leave it alone, so a fix that
needs a changed config.py fails, with a hint that says so. The titles are ones the README never shows,
each asked for twice in a row, so that an answer remembered per title (or per first call) shows. The
setting takes values the README never shows either: true and false values that are not True and False
("yes", 1, 0, 0.0, None, "", empty and non-empty lists, tuples and dicts, text such as "off" and "0"),
unhashable ones, and objects of the check's own (a Flag whose truth the check decides, which no list of
values written in advance can hold, and settings that no file can hold unless it copied them).

A copy is looked for in everything headers holds (its globals, and inside them: containers, attributes
of functions, classes and other objects, default arguments, closures, functools.partial), by identity
with those objects; and a value worked out from the setting (bool(config.DEBUG), a prefix) by importing
headers afresh under a true, a false and another true setting: what changes with the setting, and only
with it, was worked out from it. A table of answers looked up by the setting as it is at each call (a memo
whose keys are (title, bool(config.DEBUG))) is no copy: its entries come and go with the setting, but none
stands for it, and none can go stale; a dict whose entries stay put while their values follow the setting
is a copy.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: header(title) follows config.DEBUG as it is when header is called: "[debug] title" while it is
  true, "title" otherwise, through every change made by set_debug, call after call.
  -> headers_follow_set_debug
- Step 1: ... also when no other module has imported config: headers works on its own.
  -> headers_follow_set_debug
- Step 1: ... "true" is any value `if` takes as true, not only True (and "false" any other, not only False):
  whatever its type, hashable or not, and whatever it reads like as text.
  -> headers_follow_an_assignment_to_the_module
- Step 1: ... however the setting was changed: an assignment to config.DEBUG counts too, before or
  after headers is imported (so importing headers must not change the setting either).
  -> headers_follow_an_assignment_to_the_module
- Step 2: keep no copy of the setting in headers.py: no global DEBUG, and nothing else (another global, a
  default argument, an attribute, an entry of a container, a closure) that holds its value, whether taken
  at import or at a call.
  -> headers_keep_no_copy_of_the_setting
- Step 2: ... nor a value worked out from it, such as bool(config.DEBUG) (a memo of answers, looked up by
  the setting as it is at each call, is not one: the README's words are about copies of the setting).
  -> headers_keep_no_copy_of_the_setting
- Leave config.py alone: the checks use the course's config.py, so a fix made there does not count.
  -> headers_follow_set_debug, headers_keep_no_copy_of_the_setting
"""

import pytest

from grader import FIX_THE_NAMED_LINE, CheckFailed, StudentError, expect

#: config.py as the course gives it.
CONFIG = '''"""Run-time configuration. Leave this file as it is."""

DEBUG = False


def set_debug(on):
    global DEBUG
    DEBUG = on
'''

TITLE = "Q3 sales, by region"


def use_the_course_config(student) -> bool:
    """Put back the course's config.py; True if the student's was different."""
    changed = not student.exists("config.py") or student.read("config.py") != CONFIG
    student.write("config.py", CONFIG)
    return changed


def config_hint(changed: bool, hint: str) -> str:
    if changed:
        return (
            "your config.py differs from the course's, and the checks use the course's (the task says to leave "
            "it alone): the fix belongs in headers.py. " + hint[0].upper() + hint[1:]
        )
    return hint


def observe(student, code: str, doing: str, changed: bool) -> dict:
    """student.observe, whose verdict on an exception also says that config.py was put back, if it was changed."""
    try:
        return student.observe(code, doing=doing)
    except StudentError as failure:
        if not changed:
            raise
        raise CheckFailed(failure.expected, failure.saw, config_hint(True, failure.hint)) from None


def first_difference(seen: list, wanted: list, moments: list) -> int | None:
    for i, (got, want) in enumerate(zip(seen, wanted)):
        if got != want:
            return i
    return None if len(seen) == len(wanted) else min(len(seen), len(wanted))


COPY_HINT = (
    "a name bound to the setting's value (at import, in a default argument, at the first call, or a remembered "
    "answer) keeps that value when the setting is rebound: header() must look in the config module each time "
    "it runs."
)


@pytest.mark.points(2)
def test_headers_follow_set_debug(student):
    changed = use_the_course_config(student)
    probe = student.probe(
        f"""
        import headers  # first: nothing else has imported config yet
        steps = [headers.header({TITLE!r}), headers.header({TITLE!r})]
        report(alone=True)
        import config
        for on in (True, False, True):
            config.set_debug(on)
            steps += [headers.header({TITLE!r}), headers.header({TITLE!r})]
        report(steps=steps)
        """
    )
    seen, error = probe.values, probe.error
    if error is not None or "steps" not in seen:
        if "alone" not in seen:
            expect(
                False,
                expected=f"`import headers` and headers.header({TITLE!r}) to work on their own, before anything else "
                "imported config",
                saw=f"it raised {error.summary}" if error else "it did not finish",
                hint=config_hint(
                    changed,
                    (error.explain() + " " if error and not error.explain().startswith("Read the message") else "")
                    + "Here headers is the first module to need config: nothing else imported it, and sys.modules "
                    "holds only modules that were imported. headers.py must not count on the program to have "
                    "imported config before header() runs.",
                ),
            )
        expect(
            False,
            expected=f"headers.header({TITLE!r}) to work after set_debug",
            saw=f"it raised {error.summary}" if error else "it did not finish",
            hint=config_hint(changed, f"{error.explain()} Then {FIX_THE_NAMED_LINE}" if error else FIX_THE_NAMED_LINE),
        )
    plain, debug = TITLE, f"[debug] {TITLE}"
    wanted = [plain, plain, debug, debug, plain, plain, debug, debug]
    moments = [
        "at the first call, before anything else imported config",
        "at the second call",
        "right after set_debug(True)",
        "at the next call, still after set_debug(True)",
        "right after set_debug(False)",
        "at the next call, still after set_debug(False)",
        "right after set_debug(True) again",
        "at the next call, still after set_debug(True)",
    ]
    steps = seen["steps"]
    at = first_difference(steps, wanted, moments)
    expect(
        at is None,
        expected="header(title) to give '[debug] title' while config.DEBUG is true and 'title' while it is false, "
        "at every call, as set_debug switches it",
        saw=f"header({TITLE!r}) gave {steps[at]!r} {moments[at]}" if at is not None and at < len(steps) else "",
        hint=config_hint(changed, COPY_HINT),
    )


class Flag:
    """An object of the check's own, true or false as `if` sees it: no list of values written in advance holds it."""

    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

    def __repr__(self):
        return f"Flag({self.on})"


#: The probe's own Flag, the same as the suite's.
FLAG_SOURCE = """
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

    def __repr__(self):
        return f"Flag({self.on})"
"""

#: What config.DEBUG is set to, in turn, once headers is imported (it is "yes" before): true and false values of
#: many kinds, text that reads like "off", unhashable ones, and objects of the check's own.
ASSIGNED = (0, 1, None, True, "", "on", False, [], "off", 0.0, ["x"], (), "0", {"level": 2}, {}, "false", 2.5,
            Flag(False), Flag(True))


def assigned(value) -> str:
    if isinstance(value, Flag):
        kind = "true" if value else "false"
        return f"config.DEBUG = {value!r} (an object of the check's own, which `if` takes as {kind})"
    return f"config.DEBUG = {value!r}"


@pytest.mark.points(1)
def test_headers_follow_an_assignment_to_the_module(student):
    changed = use_the_course_config(student)
    seen = observe(
        student,
        FLAG_SOURCE
        + f"""
import os, traceback
import config
config.DEBUG = "yes"
import headers
after_import = config.DEBUG
steps = []
for i, value in enumerate(("yes",) + {ASSIGNED!r}):
    if i:  # the first call sees the value assigned before `import headers`
        config.DEBUG = value
    try:
        steps.append(headers.header({TITLE!r}))
    except Exception as error:  # one value's failure, said with the value
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{{os.path.basename(frame.filename)}}, line {{frame.lineno}}"
        steps.append(["raised", f"{{type(error).__name__}} in {{where}}"])
report(after_import=type(after_import) is str and after_import == "yes", steps=steps)
""",
        doing=f"`import headers` and headers.header({TITLE!r}) to work",
        changed=changed,
    )
    expect(
        seen["after_import"],
        expected="`import headers` to leave config.DEBUG as it was",
        saw="config.DEBUG was 'yes' before `import headers` and something else after it",
        hint=config_hint(
            changed,
            "importing headers must leave the setting alone: headers.py reads it and never sets it, not even to a "
            "default.",
        ),
    )
    plain, debug = TITLE, f"[debug] {TITLE}"
    values = ("yes", *ASSIGNED)
    wanted = [debug if value else plain for value in values]
    moments = ["when config.DEBUG = 'yes' was assigned before headers was imported"] + [
        f"after {assigned(value)}" for value in ASSIGNED
    ]
    steps = seen["steps"]
    at = first_difference(steps, wanted, moments)
    # Right at every True and False, wrong at another value: "true" read as "is True", or as a list of values.
    bools_right = all(got == want for got, want, value in zip(steps, wanted, values) if isinstance(value, bool))
    raised = at is not None and at < len(steps) and isinstance(steps[at], list)
    if raised:
        hint = (
            "the setting may be any value, a list or a dict too (unhashable ones included): header() must only ask "
            "whether `if` takes it as true, and use it for nothing else."
        )
    elif at is not None and at < len(steps) and bools_right:
        hint = (
            "'true' means whatever `if` takes as true (1, 'yes', 'off', ['x'], any non-empty string or container, "
            "any object whose truth is True), and 'false' whatever it takes as false (0, 0.0, None, '', [], {}): "
            "comparing the setting with True or False, reading it as text, or listing values by hand misses the "
            "others."
        )
    else:
        hint = (
            "anything may assign config.DEBUG, not only set_debug: watching set_debug, or a value taken once, "
            "misses that; only the module's attribute, read at each call, is always up to date."
        )
    expect(
        at is None,
        expected="header(title) to give '[debug] title' whenever config.DEBUG is true (any value `if` takes as "
        "true) and 'title' otherwise, through assignments made before and after headers was imported",
        saw=f"header({TITLE!r}) raised {steps[at][1]}, {moments[at]}"
        if raised
        else f"header({TITLE!r}) gave {steps[at]!r} {moments[at]}"
        if at is not None and at < len(steps)
        else "",
        hint=config_hint(changed, hint),
    )


#: Imports headers afresh under three settings of the check's own (true, false, true), and looks through
#: everything headers holds after the import and after a call: where a setting object itself is (a copy),
#: and every value reached, to compare between the settings (a value worked out from the setting).
LOOK_FOR_COPIES = """
import collections, functools, importlib, sys, types
import config


class Setting:
    # A value of config.DEBUG that no file holds: a name in headers that holds it is a copy.
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


SETTINGS = [Setting(True), Setting(False), Setting(True)]
MODULE_NAMES = {"__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__cached__",
                "__builtins__", "__path__"}
SIMPLE = (bool, int, float, complex, str, bytes)


def look(module):
    namespaces = {id(vars(m)) for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)}
    leaves, copies, entries = {}, [], set()

    def walk(value, path, depth, seen):
        if any(value is s for s in SETTINGS):
            copies.append(path)
            leaves[path] = "the setting"
            return
        for simple in SIMPLE:
            if isinstance(value, simple):
                leaves[path] = (simple.__name__, simple.__repr__(value))
                return
        if value is None or isinstance(value, types.ModuleType) or depth > 5 or id(value) in seen:
            leaves[path] = type(value).__name__
            return
        seen = seen | {id(value)}
        try:
            if isinstance(value, dict):
                if id(value) in namespaces:
                    return
                leaves[path] = ("dict", len(value))
                for key, item in list(value.items())[:100]:
                    entries.add(f"{path}[{key!r}]")
                    walk(item, f"{path}[{key!r}]", depth + 1, seen)
            elif isinstance(value, (list, tuple, set, frozenset, collections.deque)):
                items = list(value)[:100]
                leaves[path] = (type(value).__name__, len(value))
                if isinstance(value, (set, frozenset)):
                    items.sort(key=repr)
                for i, item in enumerate(items):
                    walk(item, f"{path}[{i}]", depth + 1, seen)
            elif isinstance(value, functools.partial):
                walk(value.func, path + ".func", depth + 1, seen)
                for item in value.args:
                    walk(item, f"an argument that {path} binds", depth + 1, seen)
                for name, item in value.keywords.items():
                    walk(item, f"the argument {name}= that {path} binds", depth + 1, seen)
            elif isinstance(value, types.FunctionType):
                for default in value.__defaults__ or ():
                    walk(default, f"a default argument of {path}()", depth + 1, seen)
                for name, default in (value.__kwdefaults__ or {}).items():
                    walk(default, f"a default argument of {path}()", depth + 1, seen)
                for name, cell in zip(value.__code__.co_freevars, value.__closure__ or ()):
                    try:
                        content = cell.cell_contents
                    except ValueError:
                        continue
                    walk(content, f"the closure of {path}() ({name})", depth + 1, seen)
            elif isinstance(value, types.MethodType):
                walk(value.__func__, path, depth + 1, seen)
                walk(value.__self__, path + ".__self__", depth + 1, seen)
            if isinstance(value, type):
                if value.__module__ != module.__name__:
                    return
                attributes = vars(value)
            else:
                attributes = getattr(value, "__dict__", None)
            if type(attributes) is dict or isinstance(value, type):
                for name, item in list(attributes.items())[:100]:
                    if not (name.startswith("__") and name.endswith("__")) or name == "__wrapped__":
                        walk(item, f"{path}.{name}", depth + 1, seen)
            if not isinstance(value, type):  # attributes kept in __slots__
                for cls in type(value).__mro__:
                    for name in list(vars(cls).get("__slots__", ()))[:100]:
                        slot = vars(cls).get(name)
                        if type(slot) is types.MemberDescriptorType:
                            try:
                                item = slot.__get__(value, cls)
                            except AttributeError:
                                continue
                            walk(item, f"{path}.{name}", depth + 1, seen)
        except Exception:
            leaves[path] = type(value).__name__

    for name, value in list(vars(module).items()):
        if name not in MODULE_NAMES:
            walk(value, f"headers.{name}", 0, frozenset())
    return leaves, copies, entries


rounds = []
debug_global = False
for setting in SETTINGS:
    config.DEBUG = setting
    sys.modules.pop("headers", None)
    headers = importlib.import_module("headers")
    at_import = look(headers)
    debug_global = debug_global or "DEBUG" in vars(headers)
    try:  # a copy taken by a call is a copy too
        headers.header(TITLE)
    except Exception:
        pass
    at_call = look(headers)
    debug_global = debug_global or "DEBUG" in vars(headers)
    rounds.append((at_import, at_call))


def memo_entry(path):
    # An entry that a call put in a dict, under a key that itself changes with the setting: a table of answers
    # looked up by the setting as it is at each call (a memo), not a copy of it. A dict whose entries stay put while
    # their values follow the setting is a copy, and so is a key taken from the setting at import.
    every = [r[1][2] - r[0][2] for r in rounds]
    for entry in set().union(*every):
        if path == entry or path.startswith(entry + "[") or path.startswith(entry + "."):
            if not all(entry in e for e in every):
                return True
    return False


def worked_out(when):
    on, off, again = (r[when][0] for r in rounds)
    return [
        p
        for p in sorted(set(on) | set(off))
        if on.get(p, "-") == again.get(p, "-") != off.get(p, "-") and not (when == 1 and memo_entry(p))
    ]


copied_at_import = rounds[0][0][1]
copied_at_call = [p for p in rounds[0][1][1] if p not in copied_at_import]
derived_at_import = worked_out(0)
derived_at_call = [p for p in worked_out(1) if p not in derived_at_import]
config.set_debug(True)
report(copied_at_import=copied_at_import, copied_at_call=copied_at_call, derived_at_import=derived_at_import,
       derived_at_call=derived_at_call, debug_global=debug_global, header=headers.header(TITLE))
"""


def named(paths: list) -> str:
    """The first few paths, without one that only repeats the one before it (its container)."""
    shown = []
    for path in paths:
        if not any(path.startswith(p + "[") or path.startswith(p + ".") for p in shown):
            shown.append(path)
    return ", ".join(shown[:3]) + (" and more" if len(shown) > 3 else "")


@pytest.mark.points(2)
def test_headers_keep_no_copy_of_the_setting(student):
    changed = use_the_course_config(student)
    seen = observe(
        student,
        f"TITLE = {TITLE!r}\n" + LOOK_FOR_COPIES,
        doing=f"`import headers` and headers.header({TITLE!r}) to work",
        changed=changed,
    )
    if seen["copied_at_import"] or seen["copied_at_call"]:
        when = "when headers was imported" if seen["copied_at_import"] else "when header() was called"
        saw = f"{named(seen['copied_at_import'] or seen['copied_at_call'])} held the value config.DEBUG had {when}"
    elif seen["debug_global"]:
        saw = "headers.py has a global DEBUG"
    elif seen["derived_at_import"] or seen["derived_at_call"]:
        when = "when headers was imported" if seen["derived_at_import"] else "when header() was called"
        saw = (
            f"{named(seen['derived_at_import'] or seen['derived_at_call'])} held a value worked out from the "
            f"setting: it changed with the value config.DEBUG had {when}"
        )
    else:
        saw = ""
    expect(
        not saw,
        expected="headers.py to keep no copy of the setting (no global DEBUG, nothing else holding its value or a "
        "value worked out from it)",
        saw=saw,
        hint=config_hint(
            changed,
            "a from-import, an assignment, a default argument or an entry in a container keeps the value the "
            "setting had then (or what was worked out from it), and that does not change with the setting: "
            "whatever header() needs from the setting, it can read from the config module when it runs, and "
            "keep in a local name.",
        ),
    )
    expect(
        seen["header"] == f"[debug] {TITLE}",
        expected="header(title) to give '[debug] title' after set_debug(True)",
        saw=f"header({TITLE!r}) gave {seen['header']!r}",
        hint="read the setting inside header(), each time it is called.",
    )
