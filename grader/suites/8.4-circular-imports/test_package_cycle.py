"""8.4 package-cycle: a cycle between two submodules, repaired in one of them.

The third check swaps the order in which the package's __init__.py imports
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
    probe = student.probe('import bank\nbank.ledger.record("not an account", 3)')
    error = probe.error
    expect(
        error is not None and error.type == "TypeError",
        expected='bank.ledger.record("not an account", 3) to raise TypeError',
        saw=f"it raised {error.type}" if error else "it accepted the entry",
        hint="keep the isinstance check; look Account up through the accounts module.",
    )


@pytest.mark.points(2)
def test_it_works_whichever_submodule_comes_first(student):
    student.write("bank/__init__.py", '"""A tiny bank."""\n\nfrom . import ledger, accounts  # noqa: F401\n')
    seen = student.observe(DEPOSIT, doing="`import bank` to work when __init__.py imports ledger first")
    expect(
        seen["balance"] == 5 and seen["entries"] == [["ann", 5]],
        expected="the package to work when its __init__.py imports ledger before accounts",
        saw=f"the deposit returned {seen['balance']!r} with entries {seen['entries']}",
        hint="import the module (`from . import accounts`), not the name, so the order does not matter.",
    )
