"""Section 8.4, circular imports."""

from . import STUB, Variant

VARIANTS = [
    # Section 8.4's second fix: the imports move into the functions that need them.
    Variant(
        "mutual-pair",
        "imports-inside-the-functions",
        {
            "teams.py": (
                None,
                '"""Teams, and who plays in them."""\n\nTEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                '    """The players of one team, sorted."""\n'
                "    from players import TEAM_OF\n\n"
                "    return sorted(player for player, t in TEAM_OF.items() if t == team)\n",
            ),
            "players.py": (
                None,
                '"""Players, and the team each plays in."""\n\n'
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def team_of(player):\n"
                "    from teams import TEAMS\n\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in TEAMS:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                '    """The other players of the player\'s team."""\n'
                "    from teams import roster\n\n"
                "    return [other for other in roster(team_of(player)) if other != player]\n",
            ),
        },
    ),
    # Half done: teams.py repaired, players.py still copies TEAMS (and roster) at its top.
    Variant(
        "mutual-pair",
        "players-keeps-copies",
        {"players.py": STUB},
        fails=("each_module_reads_the_data_of_the_other",),
        says=("teams.TEAMS", "copies"),
    ),
    # Only accounts.py repaired: works when ledger is imported first, not in the package's own order.
    Variant(
        "package-cycle",
        "only-accounts-repaired",
        {"bank/ledger.py": STUB},
        fails=("it_works_whichever_submodule_comes_first",),
        says=("accounts before ledger", "ImportError", "bank/ledger.py"),
    ),
    # The same half repair, seen from the second check: `import bank` fails, not the isinstance check.
    Variant(
        "package-cycle",
        "import-fails-before-the-refusal",
        {"bank/ledger.py": STUB},
        fails=("the_ledger_still_refuses_strangers",),
        says=("import bank", "ImportError in bank/ledger.py"),
        not_says=("isinstance",),
    ),
]

#: ledger.py that avoids the cycle by comparing class names: a different computation, which the statement forbids.
#: ledger.py without its import of accounts, deciding by a class name or an attribute instead.
NO_IMPORT = ("from . import accounts  # the module; accounts.Account is looked up when record() runs\n\n", "")
BY_NAME = [NO_IMPORT, ("not isinstance(account, accounts.Account)", 'type(account).__name__ != "Account"')]
BY_ATTRIBUTE = [NO_IMPORT, ("not isinstance(account, accounts.Account)", 'not hasattr(account, "deposit")')]

VARIANTS += [
    # No import of accounts at all: a str is still refused, but so would be any class named Account.
    Variant(
        "package-cycle",
        "compares-the-class-name",
        {"bank/ledger.py": BY_NAME},
        fails=("the_ledger_still_refuses_strangers",),
        says=("TypeError", "same name", "accepted the entry", "isinstance(account, accounts.Account)"),
    ),
    Variant(
        "package-cycle",
        "looks-for-a-deposit-method",
        {"bank/ledger.py": BY_ATTRIBUTE},
        fails=("the_ledger_still_refuses_strangers",),
        says=("TypeError", "accepted the entry", "isinstance(account, accounts.Account)"),
    ),
]
