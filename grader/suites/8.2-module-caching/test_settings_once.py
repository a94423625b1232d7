"""8.2 settings-once: read a file once, in the module body, shared by every importer.

An audit hook counts every time settings.ini is opened, however it is opened (open(), pathlib, os.open), so
a correct answer that reads the file its own way is counted as well as one that calls read_file(). The checks
write a settings.ini of their own, with settings this README never shows, where it matters that every setting
is read.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the module's body reads the file into a dict called VALUES, holding every setting of the file.
  -> values_holds_every_setting
- Step 2: get(key) looks the key up in VALUES (whatever VALUES holds), and reads no file.
  -> get_looks_the_key_up_in_values
- Leave billing.py and shipping.py alone: they still ask settings.get at each call.
  -> get_looks_the_key_up_in_values
- Leave read_file alone: it still reads the file, each time it is called.
  -> a_running_program_keeps_the_values_it_read
- Afterwards a program that imports billing and shipping and calls them many times opens settings.ini exactly
  once, and gets the right values.
  -> the_file_is_read_once_for_the_whole_program
- Afterwards the running program keeps using the values it read, even when the file changes.
  -> a_running_program_keeps_the_values_it_read
"""

import pytest

from grader import expect

#: Every opening of a file called settings.ini, from here on: builtins.open, pathlib and os.open all raise
#: the "open" audit event.
COUNT_OPENS = """
import os, sys
opened = []
sys.addaudithook(
    lambda event, args: opened.append(str(args[0]))
    if event == "open" and os.path.basename(str(args[0])) == "settings.ini" else None
)
"""

#: The check's own settings, with two that the shop's file does not have.
OWN_SETTINGS = {
    "currency": "CHF",
    "tax_rate": "0.25",
    "shipping_flat": "6.5",
    "opening_hours": "9-18",
    "returns_days": "30",
}


def ini(settings):
    return "".join(f"{key} = {value}\n" for key, value in settings.items())


def times(n):
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


@pytest.mark.points(2)
def test_the_file_is_read_once_for_the_whole_program(student):
    seen = student.observe(
        COUNT_OPENS
        + """
import importlib
import billing, shipping
import settings
importlib.import_module("settings")
for _ in range(3):
    billing.total(100)
    shipping.cost()
report(opens=len(opened), total=billing.total(100), cost=shipping.cost())
""",
        doing="`import billing, shipping` and calling them to work",
    )
    expect(
        seen["opens"] == 1,
        expected="settings.ini to be opened exactly once while billing and shipping are imported and then called "
        "3 times each",
        saw=f"it was opened {times(seen['opens'])}",
        hint="read the file in the module body (VALUES = read_file()), once, not inside get()."
        if seen["opens"]
        else "the values must come from settings.ini: read it in the module body, with read_file().",
    )
    expect(
        (seen["total"], seen["cost"]) == (120.0, 4.5),
        expected="billing.total(100) to be 120.0 and shipping.cost() 4.5",
        saw=f"they were {seen['total']} and {seen['cost']}",
        hint="get(key) should return VALUES[key].",
    )


@pytest.mark.points(1)
def test_values_holds_every_setting(student):
    # Right after the import, before any get(): step 1 reads the file in the module's body. The check's own
    # settings.ini has settings that the shop's file does not have.
    student.write("settings.ini", ini(OWN_SETTINGS))
    seen = student.observe(
        COUNT_OPENS
        + """
import settings
values = getattr(settings, "VALUES", None)
report(has=hasattr(settings, "VALUES"), kind=type(values).__name__, is_dict=isinstance(values, dict),
       values=dict(values) if isinstance(values, dict) else repr(values)[:200], opens=len(opened))
""",
        doing="`import settings` to work",
    )
    if not seen["has"]:
        saw = "settings has no VALUES"
    elif not seen["is_dict"]:
        saw = f"settings.VALUES was {seen['values']}, a {seen['kind']}"
    else:
        values = seen["values"]
        missing = sorted(set(OWN_SETTINGS) - set(values))
        wrong = sorted(k for k in OWN_SETTINGS if k in values and values[k] != OWN_SETTINGS[k])
        saw = f"settings.VALUES was {values!r}"
        if missing:
            saw += f": it lacks {missing}"
        elif wrong:
            saw += f": {wrong} differ from the file"
    expect(
        seen["is_dict"] and seen["values"] == OWN_SETTINGS,
        expected=f"settings.VALUES, right after `import settings`, to be the dict read from settings.ini: with the "
        f"check's own file, {OWN_SETTINGS}",
        saw=saw,
        hint="step 1: VALUES = read_file() at the top level of settings.py, so that importing the module reads "
        "the whole file"
        + (" (not later, in get())." if seen["has"] and seen["values"] == "None" else "."),
    )


@pytest.mark.points(1)
def test_get_looks_the_key_up_in_values(student):
    # The check changes VALUES in place: get(), and through it billing, must answer from what VALUES holds.
    seen = student.observe(
        COUNT_OPENS
        + """
import billing, settings
values = getattr(settings, "VALUES", None)
report(is_dict=isinstance(values, dict))
if isinstance(values, dict):
    def ask(key):
        try:
            return settings.get(key)
        except KeyError:
            return "KeyError"
    before = len(opened)
    values["tax_rate"] = "0.3"
    values["gift_wrap"] = "2.5"
    report(tax=ask("tax_rate"), wrap=ask("gift_wrap"), total=billing.total(100))
    ask("no_such_setting")  # whatever it answers, it is no reason to read the file
    report(opens=len(opened) - before)
# billing and shipping, left alone, ask settings.get at each call: a get() of the check's own shows it.
import shipping
settings.get = {"tax_rate": "0.5", "shipping_flat": "9"}.__getitem__
report(asked=(billing.total(100), shipping.cost()))
""",
        doing="`import billing, settings` and settings.get() to work",
    )
    expect(
        seen["is_dict"],
        expected="settings.VALUES to be a dict once settings is imported (step 1)",
        saw="it was not",
        hint="step 1: VALUES = read_file() at the top level of settings.py.",
    )
    answers = (seen["tax"], seen["wrap"], seen["total"])
    expect(
        answers == ("0.3", "2.5", 130.0) and seen["opens"] == 0,
        expected='get(key) to look the key up in settings.VALUES: after the check set VALUES["tax_rate"] = "0.3" '
        'and VALUES["gift_wrap"] = "2.5", get("tax_rate") to be "0.3", get("gift_wrap") "2.5", billing.total(100) '
        "130.0, and no file opened, not even for a key that VALUES lacks",
        saw=f"get gave {answers[0]!r} and {answers[1]!r}, billing.total(100) {answers[2]!r}"
        + (f", and settings.ini was opened {times(seen['opens'])}" if seen["opens"] else ""),
        hint="step 2: get() answers from VALUES itself, not from another dict or another reading of the file.",
    )
    expect(
        seen["asked"] == [150.0, 9.0],
        expected="billing.py and shipping.py left as they were, asking settings.get() at each call: with the "
        "check's own get() (tax_rate 0.5, shipping_flat 9), billing.total(100) to be 150.0 and shipping.cost() 9.0",
        saw=f"they were {seen['asked'][0]} and {seen['asked'][1]}",
        hint="leave billing.py and shipping.py alone: only settings.py changes.",
    )


@pytest.mark.points(2)
def test_a_running_program_keeps_the_values_it_read(student):
    running = student.observe(
        COUNT_OPENS
        + """
import billing
before = billing.total(100)
rewrite("settings.ini", "currency = EUR\\ntax_rate = 0.5\\nshipping_flat = 4.5\\n")
opens = len(opened)
import settings
report(before=before, after=billing.total(100), direct=settings.get("tax_rate"), opens=len(opened) - opens)
# read_file itself, left alone, reads the file each time it is called.
before = len(opened)
if callable(getattr(settings, "read_file", None)):
    first, second = settings.read_file(), settings.read_file()
    report(read=first, again=second == first and second is not first, read_opens=len(opened) - before)
else:
    report(read="nothing: settings has no read_file() any more", again=False, read_opens=0)
""",
        doing="billing.total(100) to work",
    )
    expect(
        running["before"] == running["after"] == 120.0 and running["direct"] == "0.2" and running["opens"] == 0,
        expected="the running program to keep tax_rate 0.2 after settings.ini is edited, and not to read it again",
        saw=f"billing.total(100) went from {running['before']} to {running['after']}"
        + (f", get('tax_rate') was {running['direct']!r}" if running["direct"] != "0.2" else "")
        + (f", and the file was opened {times(running['opens'])} after the edit" if running["opens"] else ""),
        hint="read the file once into VALUES when the module is imported; never read it again in get().",
    )
    edited = {"currency": "EUR", "tax_rate": "0.5", "shipping_flat": "4.5"}
    if isinstance(running["read"], str):
        saw = f"it returned {running['read']}"
    else:
        saw = f"it returned {running['read']!r}, and the file was " + (
            f"opened {times(running['read_opens'])}" if running["read_opens"] else "not opened at all"
        )
        if running["read"] == edited and not running["again"]:
            saw += ", the same dict both times"
    expect(
        running["read"] == edited and running["again"] and running["read_opens"] == 2,
        expected="read_file() left as it was: called twice after the edit, to read the file twice and return the "
        "new settings, a new dict each time",
        saw=saw,
        hint="leave read_file alone (no cache on it): what reads the file once is calling it once, in the module's "
        "body.",
    )
