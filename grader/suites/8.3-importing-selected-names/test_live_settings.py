"""8.3 live-settings: a from-imported value is a copy; read the module's attribute instead.

Every check puts back the course's own config.py first: the task is to leave it alone, so a fix that
needs a changed config.py fails, with a hint that says so. The titles are ones the README never shows,
each asked for twice in a row, so that an answer remembered per title (or per first call) shows.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: header(title) follows config.DEBUG as it is when header is called: "[debug] title" while it is
  true, "title" otherwise, through every change made by set_debug, call after call.
  -> headers_follow_set_debug
- Step 1: ... however the setting was changed: an assignment to config.DEBUG counts too, before or
  after headers is imported (so importing headers must not change the setting either).
  -> headers_follow_an_assignment_to_the_module
- Step 2: keep no copy of the setting in headers.py: no global DEBUG, and no other name (a global, a
  default argument) that holds its value, whether taken at import or at a call.
  -> headers_keep_no_copy_of_the_setting
- Leave config.py alone: the checks use the course's config.py, so a fix made there does not count.
  -> headers_follow_set_debug, headers_keep_no_copy_of_the_setting
"""

import pytest

from grader import CheckFailed, StudentError, expect

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


def first_difference(seen: list, wanted: list, moments: list) -> str:
    for got, want, when in zip(seen, wanted, moments):
        if got != want:
            return f"header({TITLE!r}) gave {got!r} {when}"
    return f"it gave {seen!r}"


@pytest.mark.points(2)
def test_headers_follow_set_debug(student):
    changed = use_the_course_config(student)
    seen = observe(
        student,
        f"""
        import config, headers
        steps = []
        for on in (None, True, False, True):
            if on is not None:
                config.set_debug(on)
            steps += [headers.header({TITLE!r}), headers.header({TITLE!r})]
        report(steps=steps)
        """,
        doing=f"headers.header({TITLE!r}) to work",
        changed=changed,
    )
    plain, debug = TITLE, f"[debug] {TITLE}"
    wanted = [plain, plain, debug, debug, plain, plain, debug, debug]
    moments = [
        "at the first call",
        "at the second call",
        "right after set_debug(True)",
        "at the next call, still after set_debug(True)",
        "right after set_debug(False)",
        "at the next call, still after set_debug(False)",
        "right after set_debug(True) again",
        "at the next call, still after set_debug(True)",
    ]
    expect(
        seen["steps"] == wanted,
        expected="header(title) to give '[debug] title' while config.DEBUG is true and 'title' while it is false, "
        "at every call, as set_debug switches it",
        saw=first_difference(seen["steps"], wanted, moments),
        hint=config_hint(
            changed,
            "a name bound to the setting's value (at import, in a default argument, at the first call, or a remembered "
            "answer) keeps "
            "that value when set_debug rebinds config.DEBUG: header() must look in the config module each time "
            "it runs.",
        ),
    )


@pytest.mark.points(1)
def test_headers_follow_an_assignment_to_the_module(student):
    changed = use_the_course_config(student)
    seen = observe(
        student,
        f"""
        import config
        config.DEBUG = True
        import headers
        after_import = config.DEBUG
        steps = [headers.header({TITLE!r})]
        config.DEBUG = False
        steps.append(headers.header({TITLE!r}))
        config.DEBUG = True
        steps.append(headers.header({TITLE!r}))
        report(after_import=after_import, steps=steps)
        """,
        doing=f"`import headers` and headers.header({TITLE!r}) to work",
        changed=changed,
    )
    expect(
        seen["after_import"] is True,
        expected="`import headers` to leave config.DEBUG as it was",
        saw=f"config.DEBUG was True before `import headers` and {seen['after_import']!r} after it",
        hint=config_hint(
            changed,
            "importing headers must leave the setting alone: headers.py reads it and never sets it, not even to a "
            "default.",
        ),
    )
    plain, debug = TITLE, f"[debug] {TITLE}"
    wanted = [debug, plain, debug]
    moments = [
        "when config.DEBUG = True was assigned before headers was imported",
        "after config.DEBUG = False",
        "after config.DEBUG = True",
    ]
    expect(
        seen["steps"] == wanted,
        expected="header(title) to follow assignments to config.DEBUG, made before and after headers was imported",
        saw=first_difference(seen["steps"], wanted, moments),
        hint=config_hint(
            changed,
            "anything may assign config.DEBUG, not only set_debug: watching set_debug, or a value taken once, "
            "misses that; only the module's attribute, read at each call, is always up to date.",
        ),
    )


@pytest.mark.points(2)
def test_headers_keep_no_copy_of_the_setting(student):
    changed = use_the_course_config(student)
    seen = observe(
        student,
        f"""
        import types
        import config


        class Setting:
            # A value of config.DEBUG that no file holds: a name in headers that holds it is a copy.
            def __bool__(self):
                return True


        setting = Setting()
        config.DEBUG = setting
        import headers


        def copies():
            found = [name for name, value in vars(headers).items() if value is setting]
            for name, value in list(vars(headers).items()):
                if isinstance(value, types.FunctionType):
                    defaults = list(value.__defaults__ or ()) + list((value.__kwdefaults__ or {{}}).values())
                    if any(d is setting for d in defaults):
                        found.append(f"the default argument of {{name}}()")
            return found


        at_import = copies()
        try:  # a copy taken by the first call is a copy too
            headers.header({TITLE!r})
        except Exception:
            pass
        at_call = [c for c in copies() if c not in at_import]
        config.set_debug(True)
        report(at_import=at_import, at_call=at_call, debug_global="DEBUG" in vars(headers),
               header=headers.header({TITLE!r}))
        """,
        doing=f"`import headers` and headers.header({TITLE!r}) to work",
        changed=changed,
    )
    copies = seen["at_import"] + seen["at_call"]
    names = ", ".join(c if c.startswith("the default") else f"headers.{c}" for c in copies)
    expect(
        not copies and not seen["debug_global"],
        expected="headers.py to keep no copy of the setting (no global DEBUG, no other name holding its value)",
        saw=f"{names} held the value config.DEBUG had "
        + ("when headers was imported" if seen["at_import"] else "when header() was first called")
        if copies
        else "headers.py has a global DEBUG",
        hint=config_hint(
            changed,
            "a from-import, an assignment or a default argument binds a name of headers to the value the setting "
            "had then, and that name does not change with it: reach the setting through the config module instead.",
        ),
    )
    expect(
        seen["header"] == f"[debug] {TITLE}",
        expected="header(title) to give '[debug] title' after set_debug(True)",
        saw=f"header({TITLE!r}) gave {seen['header']!r}",
        hint="read the setting inside header(), each time it is called.",
    )
