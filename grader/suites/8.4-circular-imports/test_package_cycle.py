"""8.4 package-cycle: a cycle between two submodules, repaired in their imports.

The third check writes its own __init__.py, in both orders in which it can import the submodules,
each run in a fresh interpreter: a repair that only works in one order gets no points there, and
neither does one that leans on the student's own __init__.py.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `import bank` works, Account("ann").deposit(5) returns 5 and leaves
  bank.ledger.ENTRIES == [("ann", 5)] (and so on for the check's own accounts and amounts).
  -> the_package_imports_and_deposits_are_recorded
- Step 2: record() of a str raises TypeError.
  -> the_ledger_still_refuses_strangers
- Step 2: record() of an object of another class, even one also named Account, raises TypeError;
  an instance of a subclass of bank.accounts.Account is still accepted.
  -> the_ledger_still_refuses_strangers
- Step 3: deposits and refusals work whichever submodule __init__.py imports first.
  -> it_works_whichever_submodule_comes_first
- Intro: only accounts.py and ledger.py change, not __init__.py: the package works with an
  __init__.py that does nothing but import the two submodules.
  -> it_works_whichever_submodule_comes_first
- Intro: only the imports change, not what the code computes: entries are (owner, amount) tuples,
  in order, written by the ledger's own record() into the ledger's current ENTRIES; a refused
  entry is not recorded.
  -> the_package_imports_and_deposits_are_recorded, the_ledger_still_refuses_strangers
"""

import os

import pytest

from grader import expect

# Two accounts of the check's own, three deposits: balances 5, 7 and 11. Then the check gives the
# ledger a new, empty ENTRIES: record() is the ledger's, so the next deposit lands there.
DEPOSIT = """
import bank
report(imported=True)
ann, zed = bank.accounts.Account("ann"), bank.accounts.Account("zed")
report(balances=[ann.deposit(5), zed.deposit(7), zed.deposit(4)], entries=bank.ledger.ENTRIES,
       same=bank.ledger.ENTRIES == [("ann", 5), ("zed", 7), ("zed", 4)])
old, bank.ledger.ENTRIES = bank.ledger.ENTRIES, []
ann.deposit(1)
report(renewed=bank.ledger.ENTRIES == [("ann", 1)], old_grew=len(old) > 3)
"""

DEPOSIT_EXPECTED = (
    'Account("ann").deposit(5) to return 5, and two deposits of 7 and 4 on Account("zed") to return 7 and 11, '
    'leaving bank.ledger.ENTRIES == [("ann", 5), ("zed", 7), ("zed", 4)] (a list of tuples)'
)


def deposits_saw(seen: dict) -> str:
    return f"the deposits returned {seen['balances']!r} and ENTRIES was {seen['entries']!r}" + (
        " (its items are not tuples)" if seen["entries"] == [["ann", 5], ["zed", 7], ["zed", 4]] else ""
    )


@pytest.mark.points(2)
def test_the_package_imports_and_deposits_are_recorded(student):
    seen = student.observe(DEPOSIT, doing="`import bank` and a deposit to work")
    expect(
        seen["balances"] == [5, 7, 11] and seen["same"],
        expected=DEPOSIT_EXPECTED,
        saw=deposits_saw(seen),
        hint="change only the imports in bank/accounts.py and bank/ledger.py: deposit() and record() should "
        "compute what they did before.",
    )
    expect(
        seen["renewed"],
        expected="deposits to be recorded in the ledger's current ENTRIES: with bank.ledger.ENTRIES replaced by "
        'a new empty list, Account("ann").deposit(1) should leave it [("ann", 1)]',
        saw="the entry went to the old list" if seen["old_grew"] else "the new list did not get the entry",
        hint="change only the imports: record() and ENTRIES stay in ledger.py, and deposit() calls the "
        "ledger's record().",
    )


# A class of the check's own that is also named Account and has everything the real one has, and a
# subclass of the real one: isinstance refuses the first and accepts the second. Comparing names or
# looking for attributes (to avoid the import) accepts the first; comparing type() refuses the second.
REFUSE = """
import bank
report(imported=True)

def outcome(thing):
    before = list(bank.ledger.ENTRIES)
    try:
        bank.ledger.record(thing, 3)
    except Exception as exc:
        return [type(exc).__name__, isinstance(exc, TypeError), bank.ledger.ENTRIES == before]
    return [None, False, bank.ledger.ENTRIES == before]

class Account:
    def __init__(self, owner):
        self.owner, self.balance = owner, 0
    def deposit(self, amount):
        self.balance += amount
        return self.balance

class Savings(bank.accounts.Account):
    pass

report(text=outcome("not an account"), twin=outcome(Account("eve")))
before = list(bank.ledger.ENTRIES)
saver = Savings("sam")
try:
    balance = saver.deposit(3)
    added = bank.ledger.ENTRIES[len(before):]
    report(sub=["ok", balance, len(added) == 1 and tuple(added[0]) == ("sam", 3)])
except Exception as exc:
    report(sub=["raised", type(exc).__name__])
"""


def refused(outcome) -> bool:
    """record() raised a TypeError and left ENTRIES as it was."""
    return bool(outcome) and outcome[1] and outcome[2]


def refusal_saw(outcome) -> str:
    if outcome[0] is None:
        return "it accepted the entry"
    if not outcome[1]:
        return f"it raised {outcome[0]}, not a TypeError"
    return "it raised TypeError, but recorded the entry in ENTRIES all the same"


@pytest.mark.points(1)
def test_the_ledger_still_refuses_strangers(student):
    probe = student.probe(REFUSE)
    seen, error = probe.values, probe.error
    # A package that cannot be imported never reaches record(): the message must blame the import.
    expect(
        seen.get("imported") and error is None and probe.finished,
        expected='`import bank` to work, so that the check can call bank.ledger.record("not an account", 3)'
        if not seen.get("imported")
        else "the check's calls of bank.ledger.record() to run",
        saw=f"it raised {error.summary}" if error else "it did not finish",
        hint=error.explain() + (" Repair the imports first (see the first check)." if not seen.get("imported") else "")
        if error
        else None,
    )
    expect(
        refused(seen["text"]),
        expected='bank.ledger.record("not an account", 3) to raise TypeError',
        saw=refusal_saw(seen["text"]),
        hint="keep the isinstance check; look Account up through the accounts module.",
    )
    expect(
        refused(seen["twin"]),
        expected='bank.ledger.record(Account("eve"), 3) to raise TypeError for an Account class the check '
        "defined itself (the same name, yet not bank.accounts.Account)",
        saw=refusal_saw(seen["twin"]),
        hint="a class is not its name: keep `isinstance(account, accounts.Account)` in record(), and change only "
        "the imports.",
    )
    expect(
        seen["sub"][0] == "ok" and seen["sub"][1:] == [3, True],
        expected='a deposit of 3 on an instance of a subclass of bank.accounts.Account (the check\'s own '
        '`class Savings(bank.accounts.Account)`) to be accepted: return 3 and record ("sam", 3)',
        saw=f"it raised {seen['sub'][1]}" if seen["sub"][0] == "raised"
        else f"it returned {seen['sub'][1]!r}" + ("" if seen["sub"][2] else ", and the entry was not recorded"),
        hint="an instance of a subclass is an account too: keep the isinstance check in record() as it was, "
        "and change only the imports.",
    )


# Both orders, each in its own fresh interpreter: a repair of one side only works in one of them.
# The check's two __init__.py files differ in length, and the second is dated later, so that the
# bytecode of the first (same second, same size) cannot stand in for it.
ORDERS = [("accounts", "ledger"), ("ledger", "accounts")]
INIT = '"""A tiny bank, {first} first."""\n\nfrom . import {first}, {second}  # noqa: F401\n'

BOTH = DEPOSIT + """
try:
    bank.ledger.record("not an account", 3)
    report(refused=None)
except Exception as exc:
    report(refused=type(exc).__name__, is_type_error=isinstance(exc, TypeError))
"""


@pytest.mark.points(2)
def test_it_works_whichever_submodule_comes_first(student):
    for step, (first, second) in enumerate(ORDERS):
        init = student.write("bank/__init__.py", INIT.format(first=first, second=second))
        later = init.stat().st_mtime + 10 * (step + 1)
        os.utime(init, (later, later))
        doing = f"`import bank` and a deposit to work when bank/__init__.py imports {first} before {second}"
        seen = student.observe(BOTH, doing=doing)
        expect(
            seen["balances"] == [5, 7, 11] and seen["same"],
            expected=f"the package to work when its __init__.py imports {first} before {second}: "
            + DEPOSIT_EXPECTED,
            saw=deposits_saw(seen),
            hint="import the module (`from . import accounts`), not the name, so the order does not matter.",
        )
        expect(
            seen.get("is_type_error"),
            expected=f'bank.ledger.record("not an account", 3) to raise TypeError when bank/__init__.py imports '
            f"{first} before {second}",
            saw="it accepted the entry" if seen.get("refused") is None else f"it raised {seen['refused']}",
            hint="the ledger must refuse strangers in both orders: look accounts.Account up when record() runs, "
            "not when ledger.py is imported.",
        )
