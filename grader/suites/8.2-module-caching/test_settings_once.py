"""8.2 settings-once: read a file once, in the module body, shared by every importer.

An audit hook counts every time settings.ini is opened, however it is opened (open(), pathlib, os.open), so
a correct answer that reads the file its own way is counted as well as one that calls read_file(). The checks
write a settings.ini of their own, with settings this README never shows, where it matters that every setting
is read. get() answering None for a setting the file lacks is accepted: the README does not say what get does
then; so is get(key, _values=VALUES), which, like get = VALUES.__getitem__, looks in the dict VALUES names.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the module's body reads the file into a dict called VALUES, holding every setting of the file as
  read_file reads it (keys as written, values as they are), for a settings.ini of the check's own.
  -> values_holds_every_setting
- Step 1: the file is read in the module's body: `import settings` itself opens it, once, not a first use later.
  -> values_holds_every_setting
- Step 1: the values are every setting as read_file reads them: a value with = signs in it, a value in quotes (kept
  with its quotes), and a line that starts with # but holds an = (a setting "#old_rate" to read_file), too.
  -> values_holds_every_setting
- Step 1: the file read is the one read_file reads (FILE, beside settings.py), wherever the program was started
  from, not a settings.ini in the current folder.
  -> values_holds_every_setting
- Step 1: every run of the body reads the file as it stands then: a fresh import after an edit sees the edit (no
  copy kept in builtins, os.environ or a file of the student's own), and so does importlib.reload.
  -> values_holds_every_setting
- Step 2: get(key) looks the key up in VALUES (whatever VALUES holds), and reads no file.
  -> get_looks_the_key_up_in_values
- Leave billing.py and shipping.py alone: they still ask settings.get at each call.
  -> get_looks_the_key_up_in_values
- Leave read_file alone: it still reads the file, each time it is called, and changes nothing else (the values the
  running program uses stay as they were).
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

#: The check's own settings.ini, written as people write such files: a comment, a blank line, uneven spaces, a key
#: with capitals, a value with a per cent sign, one with equals signs in it, one in quotes (which read_file keeps),
#: and a setting commented out (which
#: read_file, left as it is, reads as the setting "#old_rate"). read_file() reads it into OWN_SETTINGS, and so must
#: any parser.
OWN_FILE = """# the check's own settings
currency = CHF
tax_rate=0.25
#old_rate = 0.19

shipping_flat =  6.5
opening_hours = 9-18
Gift_Wrap = 2.5
member_discount = 10%
catalogue = https://shop.example/list?page=1&size=20
greeting = "Welcome back"
returns_days = 30
"""

#: What OWN_FILE holds, as read_file() reads it: five settings the shop's file does not have.
OWN_SETTINGS = {
    "currency": "CHF",
    "tax_rate": "0.25",
    "#old_rate": "0.19",
    "shipping_flat": "6.5",
    "opening_hours": "9-18",
    "Gift_Wrap": "2.5",
    "member_discount": "10%",
    "catalogue": "https://shop.example/list?page=1&size=20",
    "greeting": '"Welcome back"',
    "returns_days": "30",
}

#: The file as the check edits it before settings is imported again, as a new program would import it.
EDITED_SETTINGS = {"currency": "CHF", "tax_rate": "0.3", "shipping_flat": "6.5", "loyalty_points": "5"}

#: The file as the check edits it once more, before it reloads the module: importlib.reload runs the body again.
RELOADED_SETTINGS = {"currency": "CHF", "tax_rate": "0.35", "shipping_flat": "7", "gift_card": "yes"}

#: A settings.ini in another folder, the one the new program is started from: not the shop's settings.
ELSEWHERE_SETTINGS = {"currency": "JPY", "tax_rate": "0.1", "shipping_flat": "700", "not_the_shops": "true"}


def ini(settings):
    return "".join(f"{key} = {value}\n" for key, value in settings.items())


def times(n):
    return {0: "0 times", 1: "once", 2: "twice"}.get(n, f"{n} times")


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
    # Step 1 reads the file in the module's body: the opens are counted right after `import settings`, before
    # anything asks for VALUES. Then the check edits the file and imports settings afresh, as a new program would:
    # that new body must read the file as it is then, not a copy the first one kept somewhere else.
    student.write("settings.ini", OWN_FILE)
    student.write("elsewhere/settings.ini", ini(ELSEWHERE_SETTINGS))
    seen = student.observe(
        COUNT_OPENS
        + """
import sys


def described(module):
    values = getattr(module, "VALUES", None)
    return dict(values) if isinstance(values, dict) else (
        "settings has no VALUES" if not hasattr(module, "VALUES")
        else f"settings.VALUES was {repr(values)[:200]}, a {type(values).__name__}")


import settings
at_import = len(opened)
report(values=described(settings), at_import=at_import)
rewrite("settings.ini", EDITED)
del sys.modules["settings"]
# The new program is started from another folder, which has a settings.ini of its own: settings.py still reads
# the one beside it.
import os
home = os.getcwd()
sys.path.insert(0, home)
os.chdir("elsewhere")
before = len(opened)
import settings as again
report(again=described(again), again_opens=len(opened) - before, new_module=again is not settings)
# importlib.reload runs the body once more, in the same module: it too reads the file as it stands then.
import importlib
rewrite(os.path.join(home, "settings.ini"), RELOADED)
before = len(opened)
reloaded = importlib.reload(again)
report(reloaded=described(reloaded), reload_opens=len(opened) - before)
""".replace("EDITED", repr(ini(EDITED_SETTINGS))).replace("RELOADED", repr(ini(RELOADED_SETTINGS))),
        doing="`import settings` to work, with the check's own settings.ini (a setting commented out with #, a "
        "value with = signs in it)",
    )
    values = seen["values"]
    if not isinstance(values, dict):
        saw = values
    else:
        missing = sorted(set(OWN_SETTINGS) - set(values))
        wrong = sorted(k for k in OWN_SETTINGS if k in values and values[k] != OWN_SETTINGS[k])
        extra = sorted(set(values) - set(OWN_SETTINGS))
        saw = f"settings.VALUES was {values!r}"
        if missing:
            saw += f": it lacks {missing}"
        elif wrong:
            saw += f": {wrong} differ from the file"
        elif extra:
            saw += f": {extra} are not settings of the file"
    expect(
        values == OWN_SETTINGS,
        expected="settings.VALUES, right after `import settings`, to be the dict read from settings.ini, every "
        f"setting as read_file() reads it: with the check's own file, {OWN_SETTINGS}",
        saw=saw,
        hint="step 1: VALUES = read_file() at the top level of settings.py, so that importing the module reads "
        "the whole file"
        + (" (not later, in get())." if values == "settings.VALUES was None, a NoneType" else ".")
        + (" The file's settings are what read_file() reads: keys as written, values as they are"
           + (" (to read_file, a line that starts with # but holds an = is a setting too)."
              if any(key.startswith("#") and key not in values for key in OWN_SETTINGS) else ".")
           if isinstance(values, dict) else ""),
    )
    expect(
        seen["at_import"] == 1,
        expected="`import settings` itself, before anything asks for VALUES or calls get(), to open settings.ini "
        "once: step 1 reads the file in the module's body",
        saw=f"importing settings opened it {times(seen['at_import'])}",
        hint="read the file at the top level of settings.py, when its body runs, not on first use "
        "(no lazy loading, no module __getattr__)."
        if seen["at_import"] == 0
        else "read the file once in the body, with read_file(), not once per setting.",
    )
    again = seen["again"]
    expect(
        again != ELSEWHERE_SETTINGS,
        expected="settings.py to read the settings.ini beside it (FILE, the file read_file reads), wherever the "
        "program was started from: the check started a new program from another folder, elsewhere, which has a "
        "settings.ini of its own",
        saw=f"the new module's VALUES was {again!r}, the settings.ini of the folder the program was started from",
        hint="open FILE, or call read_file(): the name \"settings.ini\" alone is looked up in the current folder, "
        "which is wherever the program happens to be started.",
    )
    expect(
        again == EDITED_SETTINGS and seen["again_opens"] == 1 and seen["new_module"],
        expected="every run of settings.py's body to read settings.ini as it is then: after the check edited the "
        "file, removed settings from sys.modules and imported it again (a new module, as in a new program), "
        f"that body to open the file once and its VALUES to be {EDITED_SETTINGS}",
        saw=(f"the new module's VALUES was {again!r}" if isinstance(again, dict) else again)
        + f", and the file was opened {times(seen['again_opens'])}",
        hint="keep what the body reads in the module itself: a copy kept elsewhere (in builtins, in os.environ, "
        "in a file of your own) outlives the module, and a new program, or a fresh import, never sees an edited "
        "settings.ini.",
    )
    reloaded = seen["reloaded"]
    expect(
        reloaded == RELOADED_SETTINGS and seen["reload_opens"] == 1,
        expected="every run of settings.py's body to read settings.ini as it is then, a run by importlib.reload too: "
        f"after the check edited the file again and reloaded the module, its VALUES to be {RELOADED_SETTINGS}, the "
        "file opened once",
        saw=(f"VALUES was {reloaded!r}" if isinstance(reloaded, dict) else reloaded)
        + f", and the file was opened {times(seen['reload_opens'])}",
        hint="let the body read the file each time it runs, with no test for values it may already hold (a reload "
        "runs the body in the same module, whose VALUES is still there from the last run).",
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
    ask("tax_rate"), billing.total(100)  # asked once before the change: a memo of get's own shows
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
        expected='get(key) to look the key up in settings.VALUES at each call: after the check asked for tax_rate, '
        'then set VALUES["tax_rate"] = "0.3" '
        'and VALUES["gift_wrap"] = "2.5", get("tax_rate") to be "0.3", get("gift_wrap") "2.5", billing.total(100) '
        "130.0, and no file opened, not even for a key that VALUES lacks",
        saw=f"get gave {answers[0]!r} and {answers[1]!r}, billing.total(100) {answers[2]!r}"
        + (f", and settings.ini was opened {times(seen['opens'])}" if seen["opens"] else ""),
        hint="step 2: get() answers from VALUES itself, at each call: not from another dict, a memo of its own "
        "answers, or another reading of the file.",
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
# Edited right after the import, before the first call: the program read its settings when it imported them.
rewrite("settings.ini", "currency = EUR\\ntax_rate = 0.5\\nshipping_flat = 4.5\\n")
opens = len(opened)
before = billing.total(100)
import settings
report(before=before, after=billing.total(100), direct=settings.get("tax_rate"), opens=len(opened) - opens)
# read_file itself, left alone, reads the file each time it is called.
before = len(opened)
if callable(getattr(settings, "read_file", None)):
    first, second = settings.read_file(), settings.read_file()
    report(read=first, again=second == first and second is not first, read_opens=len(opened) - before)
    # Calling read_file reads the file for whoever called it: the running program keeps the values it read.
    report(kept=(billing.total(100), settings.get("tax_rate")))
else:
    report(read="nothing: settings has no read_file() any more", again=False, read_opens=0)
""",
        doing="billing.total(100) to work",
    )
    expect(
        running["before"] == running["after"] == 120.0 and running["direct"] == "0.2" and running["opens"] == 0,
        expected="the running program to keep tax_rate 0.2 when settings.ini is edited after `import billing`: "
        "billing.total(100) to stay 120.0 and get('tax_rate') to be '0.2', the file never read again",
        saw=f"billing.total(100) was {running['before']}, then {running['after']}"
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
    kept = running.get("kept", [120.0, "0.2"])
    expect(
        kept == [120.0, "0.2"],
        expected="read_file() left as it was, returning what it read and changing nothing else: after the check "
        "called it (on the edited file), the running program still to use the values it read at the start, "
        "billing.total(100) 120.0 and get('tax_rate') '0.2'",
        saw=f"billing.total(100) was then {kept[0]} and get('tax_rate') {kept[1]!r}: calling read_file() changed "
        "the values the program runs with",
        hint="leave read_file alone: it reads the file and returns a new dict, and only the module's body stores "
        "what it returns in VALUES (no global statement in read_file, no update of VALUES there).",
    )
