"""8.4 package-cycle: a cycle between two submodules, repaired in their imports.

The third check writes its own __init__.py, in both orders in which it can import the submodules,
each run in a fresh interpreter, and repeats every deposit and refusal in each: a repair that only
works in one order gets no points there, and neither does one that leans on the student's own
__init__.py, which must also be left as the exercise gives it (compared statement by statement, its
docstring and comments aside: the same two submodules, in the same order, and nothing else).

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `import bank` works, Account("ann").deposit(5) returns 5 and leaves
  bank.ledger.ENTRIES == [("ann", 5)] (and so on for the check's own accounts and amounts).
  -> the_package_imports_and_deposits_are_recorded
- Step 2: record() of a str raises TypeError.
  -> the_ledger_still_refuses_strangers
- Step 2: record() of an object of another class, even one also named Account, raises TypeError.
  -> the_ledger_still_refuses_strangers
- Step 2: an instance of a subclass of bank.accounts.Account, at any depth (a subclass of a subclass,
  with a mixin first), is still accepted.
  -> the_ledger_still_refuses_strangers
- Step 3: deposits and refusals (a str, another class named Account, subclasses) work whichever
  submodule __init__.py imports first.
  -> it_works_whichever_submodule_comes_first
- Intro: only accounts.py and ledger.py change, not __init__.py: the package works with an
  __init__.py that does nothing but import the two submodules, and the student's __init__.py is
  left as given (no reordering, no re-exports).
  -> it_works_whichever_submodule_comes_first
- Intro: only the imports change, not what the code computes: entries are (owner, amount) tuples,
  in order, written by the ledger's own record() into the ledger's current ENTRIES; a refused
  entry is not recorded.
  -> the_package_imports_and_deposits_are_recorded, the_ledger_still_refuses_strangers
"""

import ast
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


# A class of the check's own that is also named Account and has everything the real one has, and
# subclasses of the real one, one and two levels down (the second with a mixin before its parent):
# isinstance refuses the first and accepts the others. Comparing names or looking for attributes (to
# avoid the import) accepts the first; comparing type() or the direct parents refuses a subclass.
STRANGERS = """
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

# The same again, claiming to come from bank.accounts: a class is not its name, even with its module.
Impostor = type("Account", (Account,), {"__module__": "bank.accounts", "__qualname__": "Account"})

class Savings(bank.accounts.Account):
    pass

class Audited:
    audited = True

class Junior(Audited, Savings):
    pass

report(text=outcome("not an account"), twin=outcome(Account("eve")), impostor=outcome(Impostor("ida")))

def deposit_on(cls, owner):
    before = len(bank.ledger.ENTRIES)
    try:
        balance = cls(owner).deposit(3)
    except Exception as exc:
        return ["raised", type(exc).__name__]
    added = bank.ledger.ENTRIES[before:]
    return ["ok", balance, len(added) == 1 and tuple(added[0]) == (owner, 3)]

report(sub=deposit_on(Savings, "sam"), junior=deposit_on(Junior, "jo"))
"""

REFUSE = "import bank\nreport(imported=True)\n" + STRANGERS


def refused(outcome) -> bool:
    """record() raised a TypeError and left ENTRIES as it was."""
    return bool(outcome) and outcome[1] and outcome[2]


def refusal_saw(outcome) -> str:
    if not outcome:
        return "the call was never reached"
    if outcome[0] is None:
        return "it accepted the entry"
    if not outcome[1]:
        return f"it raised {outcome[0]}, not a TypeError"
    return "it raised TypeError, but recorded the entry in ENTRIES all the same"


def accepted(outcome) -> bool:
    return bool(outcome) and outcome[0] == "ok" and outcome[1:] == [3, True]


def acceptance_saw(outcome, call: str) -> str:
    if not outcome:
        return f"{call} was never reached"
    if outcome[0] == "raised":
        return f"{call} raised {outcome[1]}"
    return f"{call} returned {outcome[1]!r}" + ("" if outcome[2] else ", and the entry was not recorded")


def expect_strangers_refused(seen: dict, when: str = "") -> None:
    """The ledger refuses a str and a foreign Account class, and accepts subclasses at any depth."""
    both = (
        " The ledger must decide the same way in both orders: look accounts.Account up when record() runs, not "
        "when ledger.py is imported."
        if when
        else ""
    )
    expect(
        refused(seen.get("text")),
        expected=f'bank.ledger.record("not an account", 3) to raise TypeError{when}',
        saw=refusal_saw(seen.get("text")),
        hint="keep the isinstance check; look Account up through the accounts module." + both,
    )
    twins = {"twin": "for the first", "impostor": "for the one whose __module__ says bank.accounts"}
    accepted_twins = [f"{said} {refusal_saw(seen.get(key))}" for key, said in twins.items() if not refused(seen.get(key))]
    expect(
        not accepted_twins,
        expected=f'bank.ledger.record(Account("eve"), 3) to raise TypeError{when}, for Account classes the check '
        "defined itself (the same name, even one whose __module__ says bank.accounts, yet not bank.accounts.Account)",
        saw=" and ".join(accepted_twins),
        hint="a class is not its name, nor its methods: keep `isinstance(account, accounts.Account)` in record(), "
        "and change only the imports." + both,
    )
    wrong = [
        acceptance_saw(seen.get(key), call)
        for key, call in (("sub", 'Savings("sam").deposit(3)'), ("junior", 'Junior("jo").deposit(3)'))
        if not accepted(seen.get(key))
    ]
    expect(
        not wrong,
        expected=f"deposits of 3 on instances of subclasses of bank.accounts.Account to be accepted{when}: the "
        "check's own `class Savings(bank.accounts.Account)` and `class Junior(Audited, Savings)` (a subclass of "
        "a subclass) should each return 3 and record one entry",
        saw=" and ".join(wrong),
        hint="an instance of a subclass is an account too, however far down: keep the isinstance check in "
        "record() as it was, and change only the imports." + both,
    )


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
    expect_strangers_refused(seen)


# Both orders, each in its own fresh interpreter: a repair of one side only works in one of them.
# The check's two __init__.py files differ in length, and the second is dated later, so that the
# bytecode of the first (same second, same size) cannot stand in for it.
ORDERS = [("accounts", "ledger"), ("ledger", "accounts")]
INIT = '"""A tiny bank, {first} first."""\n\nfrom . import {first}, {second}  # noqa: F401\n'

BOTH = DEPOSIT + STRANGERS

#: bank/__init__.py as the exercise gives it: the two submodules, accounts first, and nothing else.
GIVEN_INIT = [(1, None, "accounts", None), (1, None, "ledger", None)]


def init_statements(text: str):
    """What an __init__.py does, its docstring left out: an import per name, or the statement's source."""
    try:
        body = ast.parse(text).body
    except SyntaxError:
        return None
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    done = []
    for node in body:
        if isinstance(node, ast.ImportFrom) and (node.level, node.module) in ((1, None), (0, "bank")):
            done += [(1, None, alias.name, alias.asname) for alias in node.names]
        else:
            done.append(ast.unparse(node))
    return done


def init_line(line) -> str:
    if isinstance(line, str):
        return line
    _, _, name, alias = line
    return f"from . import {name}" + (f" as {alias}" if alias else "")


@pytest.mark.points(2)
def test_it_works_whichever_submodule_comes_first(student):
    given = student.read("bank/__init__.py") if student.exists("bank/__init__.py") else None
    for step, (first, second) in enumerate(ORDERS):
        init = student.write("bank/__init__.py", INIT.format(first=first, second=second))
        later = init.stat().st_mtime + 10 * (step + 1)
        os.utime(init, (later, later))
        when = f" when bank/__init__.py imports {first} before {second}"
        seen = student.observe(BOTH, doing=f"`import bank` and a deposit to work{when}")
        expect(
            seen["balances"] == [5, 7, 11] and seen["same"],
            expected=f"the package to work{when}: " + DEPOSIT_EXPECTED,
            saw=deposits_saw(seen),
            hint="import the module (`from . import accounts`), not the name, so the order does not matter.",
        )
        expect_strangers_refused(seen, when)
    done = init_statements(given) if given is not None else None
    expect(
        done == GIVEN_INIT,
        expected="bank/__init__.py to be left as it was given (`from . import accounts, ledger`, and nothing else): "
        "the repair belongs in bank/accounts.py and bank/ledger.py",
        saw="bank/__init__.py is gone" if given is None
        else "bank/__init__.py no longer parses" if done is None
        else "it now does: " + "; ".join(init_line(line) for line in done),
        hint="the README asks you to change the imports in the two submodules only: put bank/__init__.py back as "
        "it was. A package whose submodules work in either order needs nothing from its __init__.py.",
    )
