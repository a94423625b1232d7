"""8.4 package-cycle: a cycle between two submodules, repaired in one of them.

The third check tries both orders in which the package's __init__.py can import
its submodules: a repair that only works in one order gets no points there.
"""

import pytest

from grader import expect

DEPOSIT = """
import bank
account = bank.accounts.Account("ann")
report(balance=account.deposit(5), entries=bank.ledger.ENTRIES)
"""


@pytest.mark.points(2)
def test_the_package_imports_and_deposits_are_recorded(student):
    seen = student.observe(DEPOSIT, doing="`import bank` and a deposit to work")
    expect(
        seen["balance"] == 5 and seen["entries"] == [["ann", 5]],
        expected='Account("ann").deposit(5) to return 5 and record ("ann", 5) in the ledger',
        saw=f"it returned {seen['balance']!r} with ledger entries {seen['entries']}",
        hint="change only the imports in bank/accounts.py and bank/ledger.py.",
    )


@pytest.mark.points(1)
def test_the_ledger_still_refuses_strangers(student):
    probe = student.probe('import bank\nreport(imported=True)\nbank.ledger.record("not an account", 3)')
    error = probe.error
    # A package that cannot be imported never reaches record(): the message must blame the import.
    expect(
        probe.values.get("imported"),
        expected='`import bank` to work, so that the check can call bank.ledger.record("not an account", 3)',
        saw=f"it raised {error.summary}" if error else "it did not finish",
        hint=error.explain() + " Repair the imports first (see the first check)." if error else None,
    )
    expect(
        error is not None and error.type == "TypeError",
        expected='bank.ledger.record("not an account", 3) to raise TypeError',
        saw=f"it raised {error.summary}" if error else "it accepted the entry",
        hint="keep the isinstance check; look Account up through the accounts module.",
    )
    # A class of the check's own that is also named Account, and has everything the real one
    # has: comparing names (or looking for attributes) instead of isinstance avoids the cycle
    # by changing what record() computes.
    probe = student.probe(
        """
        import bank
        class Account:
            def __init__(self, owner):
                self.owner, self.balance = owner, 0
            def deposit(self, amount):
                self.balance += amount
                return self.balance
        bank.ledger.record(Account("eve"), 3)
        report(entries=bank.ledger.ENTRIES)
        """
    )
    error = probe.error
    expect(
        error is not None and error.type == "TypeError",
        expected='bank.ledger.record(Account("eve"), 3) to raise TypeError for an Account class the check '
        "defined itself (the same name, yet not bank.accounts.Account)",
        saw=f"it raised {error.summary}" if error else f"it accepted the entry: ENTRIES became {probe.values.get('entries')}",
        hint="a class is not its name: keep `isinstance(account, accounts.Account)` in record(), and change only "
        "the imports (`from . import accounts`).",
    )


# Both orders, each in its own fresh interpreter: a repair of one side only works in one of them.
ORDERS = [("accounts", "ledger"), ("ledger", "accounts")]


@pytest.mark.points(2)
def test_it_works_whichever_submodule_comes_first(student):
    for first, second in ORDERS:
        student.write("bank/__init__.py", f'"""A tiny bank."""\n\nfrom . import {first}, {second}  # noqa: F401\n')
        doing = f"`import bank` and a deposit to work when bank/__init__.py imports {first} before {second}"
        seen = student.observe(DEPOSIT, doing=doing)
        expect(
            seen["balance"] == 5 and seen["entries"] == [["ann", 5]],
            expected=f"the package to work when its __init__.py imports {first} before {second}",
            saw=f"the deposit returned {seen['balance']!r} with entries {seen['entries']}",
            hint="import the module (`from . import accounts`), not the name, so the order does not matter.",
        )
