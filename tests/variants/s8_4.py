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

# -- mutual-pair -------------------------------------------------------------------------------------------------------

TEAMS_DOC = '"""Teams, and who plays in them."""\n\n'
PLAYERS_DOC = '"""Players, and the team each plays in."""\n\n'

VARIANTS += [
    # Only players.py repaired: teams.py still takes TEAM_OF by name, which players-first cannot give it yet.
    Variant(
        "mutual-pair",
        "only-players-repaired",
        {"teams.py": STUB},
        fails=("players_can_be_imported_first",),
        says=("import players", "ImportError", "teams.py"),
    ),
    # players.py imports the module, but reads teams.TEAMS at its top: teams-first, TEAMS is not there yet.
    Variant(
        "mutual-pair",
        "players-reads-teams-at-its-top",
        {
            "players.py": (
                None,
                PLAYERS_DOC + "import teams\n\n"
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n'
                "TEAMS = teams.TEAMS  # the list of teams, under a short name\n\n\n"
                "def team_of(player):\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in TEAMS:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    return [other for other in teams.roster(team_of(player)) if other != player]\n",
            )
        },
        fails=("teams_can_be_imported_first",),
        says=("import teams", "AttributeError", "players.py"),
    ),
    # The cycle "fixed" by keeping a table of teams.py's own: no import of players at all.
    Variant(
        "mutual-pair",
        "teams-keeps-its-own-table",
        {
            "teams.py": (
                None,
                TEAMS_DOC + 'TEAMS = ["red", "blue"]\nTEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def roster(team):\n"
                "    return sorted(p for p, t in TEAM_OF.items() if t == team)\n",
            )
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("players.TEAM_OF", "copy"),
    ),
    # Both `from ... import` lines moved to the bottom of their files: both orders import, but each
    # module holds the other's objects as they were at import time.
    Variant(
        "mutual-pair",
        "from-imports-at-the-bottom",
        {
            "teams.py": (
                None,
                TEAMS_DOC + 'TEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                "    return sorted(player for player, t in TEAM_OF.items() if t == team)\n\n\n"
                "from players import TEAM_OF  # noqa: E402  (at the bottom: TEAMS and roster exist by now)\n",
            ),
            "players.py": (
                None,
                PLAYERS_DOC + 'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def team_of(player):\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in TEAMS:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    return [other for other in roster(team_of(player)) if other != player]\n\n\n"
                "from teams import TEAMS, roster  # noqa: E402\n",
            ),
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("players.TEAM_OF", "copy"),
    ),
    # try/except around the import, with a copy of the data for the order in which the import fails.
    Variant(
        "mutual-pair",
        "falls-back-to-a-copy",
        {
            "teams.py": (
                None,
                TEAMS_DOC + "try:\n"
                "    from players import TEAM_OF\n"
                "except ImportError:  # players is still being imported: use the same table\n"
                '    TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n'
                'TEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                "    return sorted(player for player, t in TEAM_OF.items() if t == team)\n",
            )
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("players.TEAM_OF",),
    ),
    # The list of teams looked up once, at the first call, and kept: a copy all the same.
    Variant(
        "mutual-pair",
        "players-caches-teams-on-first-use",
        {
            "players.py": (
                None,
                PLAYERS_DOC + "import teams\n\n"
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n'
                "_known_teams = []  # filled from teams.TEAMS on first use\n\n\n"
                "def team_of(player):\n"
                "    if not _known_teams:\n"
                "        _known_teams.extend(teams.TEAMS)\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in _known_teams:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    return [other for other in teams.roster(team_of(player)) if other != player]\n",
            )
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("teams.TEAMS",),
    ),
    # roster() memoised: the first answer for a team is kept, whatever players.TEAM_OF becomes.
    Variant(
        "mutual-pair",
        "roster-memoised",
        {
            "teams.py": [
                ("import players  #", "import functools\n\nimport players  #"),
                ("def roster(team):", "@functools.lru_cache(maxsize=None)\ndef roster(team):"),
            ]
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("players.TEAM_OF",),
    ),
    # "Change only the imports" broken: team_of drops its check, so players needs teams less.
    Variant(
        "mutual-pair",
        "team-of-skips-its-check",
        {
            "players.py": (
                '    if team not in teams.TEAMS:\n        raise ValueError(f"{player} plays in an unknown team")\n',
                "",
            )
        },
        fails=("the_functions_compute_what_they_did",),
        says=("ValueError", "team_of"),
    ),
    # roster() rewritten without sorted(): the README's data happen to be in order already.
    Variant(
        "mutual-pair",
        "roster-not-sorted",
        {"teams.py": ("return sorted(player for player, t in", "return list(player for player, t in")},
        fails=("the_functions_compute_what_they_did",),
        says=("sorted", "roster"),
    ),
    # TEAM_OF.get(): an unknown player now gives ValueError instead of KeyError.
    Variant(
        "mutual-pair",
        "team-of-uses-get",
        {"players.py": ("team = TEAM_OF[player]", "team = TEAM_OF.get(player)")},
        fails=("the_functions_compute_what_they_did",),
        says=("KeyError",),
    ),
    # Right: the modules imported under short names.
    Variant(
        "mutual-pair",
        "aliased-module-imports",
        {
            "teams.py": (
                None,
                TEAMS_DOC + "import players as p\n\n"
                'TEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                "    table = p.TEAM_OF\n"
                "    return sorted(name for name in table if table[name] == team)\n",
            ),
            "players.py": (
                None,
                PLAYERS_DOC + "import teams as t\n\n"
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def team_of(player):\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in t.TEAMS:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    mates = []\n"
                "    for other in t.roster(team_of(player)):\n"
                "        if other != player:\n"
                "            mates.append(other)\n"
                "    return mates\n",
            ),
        },
    ),
    # Right: `import other` at the bottom of each file; the names are still looked up at call time.
    Variant(
        "mutual-pair",
        "module-imports-at-the-bottom",
        {
            "teams.py": [
                ("import players  # the module: its names are looked up when roster() runs\n\n", ""),
                ("if t == team)\n", "if t == team)\n\n\nimport players  # noqa: E402\n"),
            ],
            "players.py": [
                ("import teams  # the module: its names are looked up when the functions run\n\n", ""),
                ("if other != player]\n", "if other != player]\n\n\nimport teams  # noqa: E402\n"),
            ],
        },
    ),
]

# -- package-cycle -----------------------------------------------------------------------------------------------------

ACCOUNT_CLASS = (
    "class Account:\n"
    "    def __init__(self, owner):\n"
    "        self.owner = owner\n"
    "        self.balance = 0\n\n"
    "    def deposit(self, amount):\n"
    "        self.balance += amount\n"
)
ACCOUNTS_DOC = '"""Accounts: every deposit is written to the ledger."""\n\n'
LEDGER_DOC = '"""The ledger: one entry per movement, and only accounts may have entries."""\n\n'

VARIANTS += [
    # type() is not isinstance(): an instance of a subclass of Account is an account, and is refused.
    Variant(
        "package-cycle",
        "exact-type-check",
        {"bank/ledger.py": ("not isinstance(account, accounts.Account)", "type(account) is not accounts.Account")},
        fails=("the_ledger_still_refuses_strangers",),
        says=("subclass", "TypeError"),
    ),
    # Only ledger.py repaired: the package's own order works, ledger-first does not.
    Variant(
        "package-cycle",
        "only-ledger-repaired",
        {"bank/accounts.py": STUB},
        fails=("it_works_whichever_submodule_comes_first",),
        says=("ledger before accounts", "ImportError", "bank/accounts.py"),
    ),
    # Only accounts.py repaired, and __init__.py reordered so that the one order that works is used.
    Variant(
        "package-cycle",
        "reorders-init-instead",
        {
            "bank/ledger.py": STUB,
            "bank/__init__.py": (
                None,
                '"""A tiny bank: accounts, and a ledger of every movement."""\n\n'
                "from . import ledger, accounts  # noqa: F401  (ledger first, or the import fails)\n",
            ),
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("accounts before ledger", "ImportError"),
    ),
    # accounts.py takes record at its bottom; ledger.py tries the import and falls back to `object`
    # when it fails. In the package's own order all is well; ledger-first, the ledger accepts anything.
    Variant(
        "package-cycle",
        "refuses-only-in-one-order",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + ACCOUNT_CLASS + "        record(self, amount)\n        return self.balance\n\n\n"
                "from .ledger import record  # noqa: E402  (at the bottom: Account exists by now)\n",
            ),
            "bank/ledger.py": (
                None,
                LEDGER_DOC + "try:\n"
                "    from .accounts import Account\n"
                "except ImportError:  # accounts could not finish: accept every object then\n"
                "    Account = object\n\n"
                "ENTRIES = []\n\n\n"
                "def record(account, amount):\n"
                "    if not isinstance(account, Account):\n"
                '        raise TypeError("only accounts have ledger entries")\n'
                "    ENTRIES.append((account.owner, amount))\n",
            ),
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("ledger before accounts", "TypeError"),
    ),
    # The entries become lists: "not what the code computes" broken, and ENTRIES == [("ann", 5)] is False.
    Variant(
        "package-cycle",
        "entries-as-lists",
        {"bank/ledger.py": ("ENTRIES.append((account.owner, amount))", "ENTRIES.append([account.owner, amount])")},
        fails=("the_package_imports_and_deposits_are_recorded",),
        says=("ENTRIES", "tuple"),
    ),
    # accounts.py takes record at its bottom, ledger.py imports the module: ledger-first, accounts
    # asks for record while ledger is half built.
    Variant(
        "package-cycle",
        "record-imported-at-the-bottom",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + ACCOUNT_CLASS + "        record(self, amount)\n        return self.balance\n\n\n"
                "from .ledger import record  # noqa: E402\n",
            ),
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("ledger before accounts", "ImportError"),
    ),
    # The cycle removed by moving record() and ENTRIES into accounts.py; ledger.py only re-exports
    # them. More than the imports changed: the deposits no longer go through the ledger's own names.
    Variant(
        "package-cycle",
        "record-moved-into-accounts",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + "ENTRIES = []\n\n\n" + ACCOUNT_CLASS
                + "        record(self, amount)\n        return self.balance\n\n\n"
                "def record(account, amount):\n"
                "    if not isinstance(account, Account):\n"
                '        raise TypeError("only accounts have ledger entries")\n'
                "    ENTRIES.append((account.owner, amount))\n",
            ),
            "bank/ledger.py": (None, LEDGER_DOC + "from .accounts import ENTRIES, record  # noqa: F401\n"),
        },
        fails=("the_package_imports_and_deposits_are_recorded",),
        says=("ENTRIES", "old list"),
    ),
    # Right: both imports moved into the functions that need them.
    Variant(
        "package-cycle",
        "imports-inside-the-functions",
        {
            "bank/accounts.py": [
                ("from . import ledger  # the module; ledger.record is looked up when deposit() runs\n\n", ""),
                (
                    "        ledger.record(self, amount)\n",
                    "        from .ledger import record\n\n        record(self, amount)\n",
                ),
            ],
            "bank/ledger.py": [
                NO_IMPORT,
                ("    if not isinstance(account, accounts.Account):\n",
                 "    from .accounts import Account\n\n    if not isinstance(account, Account):\n"),
            ],
        },
    ),
    # Right: absolute imports of the modules, written from scratch.
    Variant(
        "package-cycle",
        "absolute-module-imports",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + "import bank.ledger\n\n\n" + ACCOUNT_CLASS
                + "        bank.ledger.record(self, amount)\n        return self.balance\n",
            ),
            "bank/ledger.py": (
                None,
                LEDGER_DOC + "from bank import accounts\n\n"
                "ENTRIES = []\n\n\n"
                "def record(account, amount):\n"
                "    if isinstance(account, accounts.Account):\n"
                "        ENTRIES.append((account.owner, amount))\n"
                "    else:\n"
                '        raise TypeError(f"{account!r} is not an account")\n',
            ),
        },
    ),
    # Right: both `from . import NAME` lines at the bottom of their files, where the names they give
    # are looked up only when the functions run; both orders work.
    Variant(
        "package-cycle",
        "from-imports-at-the-bottom",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + ACCOUNT_CLASS + "        record(self, amount)\n        return self.balance\n\n\n"
                "from .ledger import record  # noqa: E402\n",
            ),
            "bank/ledger.py": (
                None,
                LEDGER_DOC + "ENTRIES = []\n\n\n"
                "def record(account, amount):\n"
                "    if not isinstance(account, Account):\n"
                '        raise TypeError("only accounts have ledger entries")\n'
                "    ENTRIES.append((account.owner, amount))\n\n\n"
                "from .accounts import Account  # noqa: E402\n",
            ),
        },
    ),
]

# -- shared-module -----------------------------------------------------------------------------------------------------

RENDER_DOC = '"""Framing text for the screen."""\n\n'
SHAPES_DOC = '"""Shapes, measured in the drawing\'s unit."""\n\n'
SHAPES_FUNCTIONS = (
    "def area(width, height):\n"
    '    return f"{width * height} sq {UNIT}"\n\n\n'
    "def show(width, height):\n"
    "    return render.frame(area(width, height))\n"
)

VARIANTS += [
    # render.py no longer imports shapes at its top, but still does inside frame(): the second fix of
    # section 8.4, where the exercise asks for the third.
    Variant(
        "shared-module",
        "render-imports-shapes-when-it-frames",
        {
            "render.py": (
                None,
                RENDER_DOC + "\ndef frame(text):\n"
                "    from shapes import SCALE, UNIT  # imported when needed: no cycle at import time\n\n"
                '    return f"[{text} | 1:{SCALE} | {UNIT}]"\n',
            ),
            "shapes.py": ("from units import UNIT\n", "from units import SCALE, UNIT  # noqa: F401\n"),
        },
        fails=("the_cycle_is_gone",),
        says=("render.frame", "shapes"),
    ),
    # shapes.py takes UNIT from render, which happens to have it: shapes now depends on how render is written.
    Variant(
        "shared-module",
        "shapes-takes-unit-from-render",
        {"shapes.py": ("from units import UNIT\n", "from render import UNIT\n")},
        fails=("both_modules_follow_the_settings_in_units",),
        says=("only frame", "shapes"),
    ),
    # units.py "provides" the settings by importing them from shapes, which keeps defining them.
    Variant(
        "shared-module",
        "units-re-exports-shapes",
        {
            "units.py": (
                None,
                '"""What shapes and render both need."""\n\nfrom shapes import SCALE, UNIT  # noqa: F401\n',
            ),
            "shapes.py": (
                None,
                SHAPES_DOC + 'UNIT = "cm"\nSCALE = 10\n\nimport render  # noqa: E402\n\n\n' + SHAPES_FUNCTIONS,
            ),
        },
        fails=("the_cycle_is_gone",),
        says=("import units", "shapes"),
    ),
    # render.py keeps a SCALE of its own.
    Variant(
        "shared-module",
        "render-keeps-its-scale",
        {"render.py": ("from units import SCALE, UNIT\n", "from units import UNIT\n\nSCALE = 10\n")},
        fails=("both_modules_follow_the_settings_in_units",),
        says=("render.frame", "1:25"),
    ),
    # shapes.py keeps its own UNIT and imports nothing from units.
    Variant(
        "shared-module",
        "shapes-keeps-its-unit",
        {"shapes.py": (None, SHAPES_DOC + 'import render\n\nUNIT = "cm"\n\n\n' + SHAPES_FUNCTIONS)},
        fails=("both_modules_follow_the_settings_in_units",),
        says=("shapes.show", "mm"),
    ),
    # shapes.py takes UNIT from units, but keeps a SCALE of its own: the settings live in two places.
    Variant(
        "shared-module",
        "shapes-keeps-a-stale-scale",
        {"shapes.py": ("from units import UNIT\n", "from units import UNIT\n\nSCALE = 10  # the drawing's scale\n")},
        fails=("both_modules_follow_the_settings_in_units",),
        says=("shapes.SCALE", "25"),
    ),
    # shapes.py takes the settings from units before it imports render, and render still takes them
    # from shapes: both orders import, but render still imports shapes.
    Variant(
        "shared-module",
        "render-still-reads-shapes",
        {
            "shapes.py": (
                None,
                SHAPES_DOC + "from units import SCALE, UNIT  # noqa: F401\n\nimport render  # noqa: E402\n\n\n"
                + SHAPES_FUNCTIONS,
            ),
            "render.py": (None, RENDER_DOC + "from shapes import SCALE, UNIT\n\n\n"
                          'def frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n'),
        },
        fails=("the_cycle_is_gone",),
        says=("import render", "shapes"),
    ),
    # Right: `import units`, and the settings looked up when the functions run.
    Variant(
        "shared-module",
        "module-attribute-lookups",
        {
            "render.py": (None, RENDER_DOC + "import units\n\n\n"
                          'def frame(text):\n    return "[%s | 1:%s | %s]" % (text, units.SCALE, units.UNIT)\n'),
            "shapes.py": (
                None,
                SHAPES_DOC + "import render\nimport units\n\n\n"
                "def area(width, height):\n"
                '    return f"{width * height} sq {units.UNIT}"\n\n\n'
                "def show(width, height):\n"
                "    return render.frame(area(width, height))\n",
            ),
        },
    ),
    # Right: shapes.py no longer imports render (the README allows it to) and frames the text itself.
    Variant(
        "shared-module",
        "shapes-frames-by-itself",
        {
            "shapes.py": (
                None,
                SHAPES_DOC + "from units import SCALE, UNIT\n\n\n"
                "def area(width, height):\n"
                '    return f"{width * height} sq {UNIT}"\n\n\n'
                "def show(width, height):\n"
                '    return f"[{area(width, height)} | 1:{SCALE} | {UNIT}]"\n',
            ),
        },
    ),
    # Right: units.py with more in it, a star import in render, and frame() imported by name in shapes.
    Variant(
        "shared-module",
        "star-import-and-frame-by-name",
        {
            "units.py": (
                None,
                '"""The drawing\'s settings: imported by shapes and render, importing neither."""\n\n'
                '__all__ = ["UNIT", "SCALE"]\n\nUNIT: str = "cm"  # the drawing\'s unit\nSCALE: int = 10\n',
            ),
            "render.py": ("from units import SCALE, UNIT\n", "from units import *  # noqa: F403\n"),
            "shapes.py": (
                None,
                SHAPES_DOC + "from render import frame\nfrom units import UNIT\n\n\n"
                "def area(width, height):\n"
                '    return f"{width * height} sq {UNIT}"\n\n\n'
                "def show(width, height):\n"
                "    return frame(area(width, height))\n",
            ),
        },
    ),
]

# -- adversarial round: copies kept as fallbacks, deeper subclasses, __init__.py, hidden imports ------------------------

VARIANTS += [
    # getattr() with the README's data pasted in as the default: a copy, used when the other's data is missing.
    Variant(
        "mutual-pair",
        "getattr-with-a-pasted-default",
        {
            "players.py": (
                None,
                PLAYERS_DOC + "import teams\n\n"
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def team_of(player):\n"
                "    team = TEAM_OF[player]\n"
                '    if team not in getattr(teams, "TEAMS", ["red", "blue"]):\n'
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    return [other for other in teams.roster(team_of(player)) if other != player]\n",
            ),
            "teams.py": (
                None,
                TEAMS_DOC + "import players\n\n"
                'TEAMS = ["red", "blue"]\n\n'
                "# What players.TEAM_OF holds, for when players is still half-built.\n"
                '_DEFAULT_TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def roster(team):\n"
                '    team_of = getattr(players, "TEAM_OF", _DEFAULT_TEAM_OF)\n'
                "    return sorted(player for player, t in team_of.items() if t == team)\n",
            ),
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("copy", "players.TEAM_OF"),
    ),
    # A try/except at call time, with a copy of the list of teams for when teams.TEAMS is missing.
    Variant(
        "mutual-pair",
        "falls-back-to-a-copy-at-call-time",
        {
            "players.py": [
                (
                    "    if team not in teams.TEAMS:\n",
                    "    try:\n"
                    "        known = teams.TEAMS\n"
                    "    except AttributeError:  # teams is half-built: it has these two\n"
                    '        known = ("red", "blue")\n'
                    "    if team not in known:\n",
                ),
            ]
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("teams.TEAMS", "deleted"),
    ),
    # The README's table kept in teams.py "for reference"; roster() reads players.TEAM_OF all the same.
    Variant(
        "mutual-pair",
        "teams-keeps-an-unused-copy",
        {
            "teams.py": (
                'TEAMS = ["red", "blue"]\n',
                'TEAMS = ["red", "blue"]\n\n# the players, as players.py has them\n'
                'PLAYERS = {"ann": "red", "bob": "blue", "cid": "red"}\n',
            )
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("teams.PLAYERS", "copy"),
    ),
    # An empty table taken for a half-built module: `or` falls back on a copy.
    Variant(
        "mutual-pair",
        "an-empty-table-falls-back-to-a-copy",
        {
            "teams.py": (
                "players.TEAM_OF.items()",
                '(players.TEAM_OF or {"ann": "red", "bob": "blue", "cid": "red"}).items()',
            )
        },
        fails=("each_module_reads_the_data_of_the_other",),
        says=("players.TEAM_OF", "empty"),
    ),
    # No import of players at all: its table if someone else imported it, an inline copy otherwise.
    Variant(
        "mutual-pair",
        "teams-answers-from-a-copy-until-players-is-imported",
        {
            "teams.py": (
                None,
                TEAMS_DOC + "import sys\n\n"
                'TEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                '    players = sys.modules.get("players")  # no import: no cycle\n'
                '    table = players.TEAM_OF if players is not None else {"ann": "red", "bob": "blue", "cid": "red"}\n'
                "    return sorted(player for player, t in table.items() if t == team)\n",
            )
        },
        fails=("teams_can_be_imported_first",),
        says=("players was never imported",),
    ),
    # Right: importlib.import_module() at call time, written from scratch.
    Variant(
        "mutual-pair",
        "import-module-when-called",
        {
            "players.py": (
                None,
                PLAYERS_DOC + "from importlib import import_module\n\n"
                'TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\n'
                "def _teams():\n"
                '    return import_module("teams")\n\n\n'
                "def team_of(player):\n"
                "    team = TEAM_OF[player]\n"
                "    if team not in _teams().TEAMS:\n"
                '        raise ValueError(f"{player} plays in an unknown team")\n'
                "    return team\n\n\n"
                "def teammates(player):\n"
                "    return [other for other in _teams().roster(team_of(player)) if other != player]\n",
            ),
            "teams.py": (
                None,
                TEAMS_DOC + "from importlib import import_module\n\n"
                'TEAMS = ["red", "blue"]\n\n\n'
                "def roster(team):\n"
                '    team_of = import_module("players").TEAM_OF\n'
                "    return sorted(player for player, t in team_of.items() if t == team)\n",
            ),
        },
    ),
]

# A ledger.py that refuses what is not an Account, given how it decides.
def ledger_deciding(test: str, imports: str = "from . import accounts\n\n") -> tuple[None, str]:
    return (
        None,
        LEDGER_DOC + imports + "ENTRIES = []\n\n\n"
        "def record(account, amount):\n"
        f"    if not ({test}):\n"
        '        raise TypeError("only accounts have ledger entries")\n'
        "    ENTRIES.append((account.owner, amount))\n",
    )


INIT_DOC = '"""A tiny bank: accounts, and a ledger of every movement."""\n\n'

VARIANTS += [
    # The class itself, or a class whose direct parent is Account: a subclass of a subclass is refused.
    Variant(
        "package-cycle",
        "accepts-direct-subclasses-only",
        {
            "bank/ledger.py": ledger_deciding(
                "type(account) is accounts.Account or accounts.Account in type(account).__bases__"
            )
        },
        fails=("the_ledger_still_refuses_strangers", "it_works_whichever_submodule_comes_first"),
        says=("subclass", "Junior"),
    ),
    # The class just above the object's own: right for one level of subclassing, wrong with a mixin.
    Variant(
        "package-cycle",
        "looks-one-class-up",
        {"bank/ledger.py": ledger_deciding("accounts.Account in type(account).__mro__[:2]")},
        fails=("the_ledger_still_refuses_strangers",),
        says=("subclass", "TypeError"),
    ),
    # The cycle's ImportError caught, with duck typing instead, and __init__.py reordered so that the
    # student's own package takes the isinstance path.
    Variant(
        "package-cycle",
        "duck-typing-fallback-and-init-reordered",
        {
            "bank/ledger.py": (
                None,
                LEDGER_DOC + "try:\n"
                "    from .accounts import Account\n"
                "except ImportError:  # accounts is half-built: it is the one importing us\n"
                "    Account = None\n\n"
                "ENTRIES = []\n\n\n"
                "def _is_account(obj):\n"
                "    if Account is not None:\n"
                "        return isinstance(obj, Account)\n"
                '    return hasattr(obj, "owner") and callable(getattr(obj, "deposit", None))\n\n\n'
                "def record(account, amount):\n"
                "    if not _is_account(account):\n"
                '        raise TypeError("only accounts have ledger entries")\n'
                "    ENTRIES.append((account.owner, amount))\n",
            ),
            "bank/__init__.py": (None, INIT_DOC + "from . import ledger, accounts  # noqa: F401\n"),
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("__init__.py",),
    ),
    # Duck typing when the import fails, which happens only when ledger comes first (accounts takes
    # record at its bottom): the package's own order refuses the twin, ledger-first accepts it.
    Variant(
        "package-cycle",
        "duck-typing-when-ledger-comes-first",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + ACCOUNT_CLASS + "        record(self, amount)\n        return self.balance\n\n\n"
                "from .ledger import record  # noqa: E402  (at the bottom: Account exists by now)\n",
            ),
            "bank/ledger.py": ledger_deciding(
                "isinstance(account, Account) if Account else hasattr(account, 'deposit')",
                "try:\n    from .accounts import Account\nexcept ImportError:  # half-built: check the shape\n"
                "    Account = None\n\n",
            ),
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("ledger before accounts", "same name", "accepted the entry"),
    ),
    # The name compared with its module too: a class that says it comes from bank.accounts gets in.
    Variant(
        "package-cycle",
        "compares-the-name-and-the-module",
        {
            "bank/ledger.py": ledger_deciding(
                "any(f'{c.__module__}.{c.__qualname__}' == 'bank.accounts.Account' for c in type(account).__mro__)",
                "",
            )
        },
        fails=("the_ledger_still_refuses_strangers",),
        says=("__module__ says bank.accounts", "accepted the entry"),
    ),
    # A right fix, but __init__.py rewritten: order swapped and the names re-exported.
    Variant(
        "package-cycle",
        "init-rewritten-with-re-exports",
        {
            "bank/__init__.py": (
                None,
                INIT_DOC + "from . import ledger, accounts  # noqa: F401\n"
                "from .accounts import Account  # noqa: F401\n"
                "from .ledger import ENTRIES, record  # noqa: F401\n",
            )
        },
        fails=("it_works_whichever_submodule_comes_first",),
        says=("__init__.py", "as it was given"),
    ),
    # Right: only accounts.py changed, its import moved into deposit(); ledger.py keeps the stub's
    # `from .accounts import Account`, which always finds accounts finished, in either order.
    Variant(
        "package-cycle",
        "only-accounts-imports-when-it-deposits",
        {
            "bank/ledger.py": STUB,
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + "class Account:\n"
                "    def __init__(self, owner):\n"
                "        self.owner = owner\n"
                "        self.balance = 0\n\n"
                "    def deposit(self, amount):\n"
                "        from .ledger import record  # at call time: bank.ledger is complete by then\n\n"
                "        self.balance += amount\n"
                "        record(self, amount)\n"
                "        return self.balance\n",
            ),
        },
    ),
    # Right: the Account class in the object's MRO, looked up through the package, at call time.
    Variant(
        "package-cycle",
        "account-in-the-mro",
        {
            "bank/ledger.py": ledger_deciding(
                "sys.modules['bank.accounts'].Account in type(account).__mro__", "import sys\n\n"
            )
        },
    ),
    # Right: importlib.import_module() of the other submodule at call time, on both sides.
    Variant(
        "package-cycle",
        "import-module-when-called",
        {
            "bank/accounts.py": (
                None,
                ACCOUNTS_DOC + "import importlib\n\n\n" + ACCOUNT_CLASS
                + '        importlib.import_module(".ledger", __package__).record(self, amount)\n'
                "        return self.balance\n",
            ),
            "bank/ledger.py": ledger_deciding(
                'isinstance(account, importlib.import_module("bank.accounts").Account)', "import importlib\n\n"
            ),
            "bank/__init__.py": (
                None,
                '"""A tiny bank: accounts, and a ledger of every movement."""\n\n'
                "# the two submodules, accounts first\nfrom . import accounts\nfrom . import ledger\n",
            ),
        },
    ),
]


VARIANTS += [
    # render.py keeps the old values behind `except ImportError`: a second home for the settings.
    Variant(
        "shared-module",
        "render-falls-back-on-old-values",
        {
            "render.py": (
                None,
                RENDER_DOC + "try:\n    from units import SCALE, UNIT\n"
                "except ImportError:  # units.py missing or incomplete: keep the old defaults\n"
                '    SCALE = 10\n    UNIT = "cm"\n\n\n'
                'def frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n',
            )
        },
        fails=("both_modules_follow_the_settings_in_units",),
        says=("render.py", "SCALE = 10"),
    ),
    # shapes.py keeps its old assignments, overwritten by a `from units import` below them.
    Variant(
        "shared-module",
        "shapes-keeps-overwritten-assignments",
        {
            "shapes.py": (
                None,
                SHAPES_DOC + 'import render\n\nUNIT = "cm"\nSCALE = 10\n\n'
                "# The settings now live in units.py; these override the lines above.\n"
                "from units import SCALE, UNIT  # noqa: E402,F811\n\n\n" + SHAPES_FUNCTIONS,
            )
        },
        fails=("both_modules_follow_the_settings_in_units",),
        says=("shapes.py", "UNIT = 'cm'", "line 5"),
    ),
    # shapes.py with a default for a units.py that lacks UNIT: a copy, used only when units has none.
    Variant(
        "shared-module",
        "shapes-getattr-with-a-default",
        {
            "shapes.py": (
                None,
                SHAPES_DOC + "import render\nimport units\n\n\n"
                "def area(width, height):\n"
                '    return f"{width * height} sq {getattr(units, \'UNIT\', \'cm\')}"\n\n\n'
                "def show(width, height):\n"
                "    return render.frame(area(width, height))\n",
            )
        },
        fails=("both_modules_follow_the_settings_in_units",),
        says=("shapes.area", "defines neither"),
    ),
    # units.py imports render inside a helper: `import units` is clean, but the cycle is hidden, not gone.
    Variant(
        "shared-module",
        "units-imports-render-in-a-helper",
        {
            "units.py": (
                None,
                '"""What shapes and render both need."""\n\nUNIT = "cm"\nSCALE = 10\n\n\n'
                "def describe():\n"
                '    """The current settings, framed the way the screen shows them."""\n'
                "    import render  # inside the function: no cycle at import time\n\n"
                '    return render.frame("settings")\n',
            )
        },
        fails=("the_cycle_is_gone",),
        says=("units.py", "render", "line 9"),
    ),
    # render.py with a helper that imports shapes when called: frame() itself no longer needs it.
    Variant(
        "shared-module",
        "render-imports-shapes-in-a-helper",
        {
            "render.py": (
                None,
                RENDER_DOC + "from units import SCALE, UNIT\n\n\n"
                'def frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n\n\n'
                "def preview(width, height):\n"
                '    """A shape, framed: for trying render out."""\n'
                "    import shapes\n\n"
                "    return shapes.show(width, height)\n",
            )
        },
        fails=("the_cycle_is_gone",),
        says=("render.py", "shapes"),
    ),
    # units.py reaches render through importlib, by name, in a helper.
    Variant(
        "shared-module",
        "units-imports-render-by-name",
        {
            "units.py": (
                None,
                '"""The settings."""\n\nimport importlib\n\nUNIT = "cm"\nSCALE = 10\n\n\n'
                "def preview():\n"
                '    return importlib.import_module("render").frame("preview")\n',
            )
        },
        fails=("the_cycle_is_gone",),
        says=("units.py", "render"),
    ),
    # The old values kept in render.py under other names, "for reference": copies all the same.
    Variant(
        "shared-module",
        "render-keeps-the-old-values-under-other-names",
        {"render.py": ("from units import SCALE, UNIT\n",
                       "from units import SCALE, UNIT\n\n# before units.py existed\nOLD_SCALE, OLD_UNIT = 10, \"cm\"\n")},
        fails=("both_modules_follow_the_settings_in_units",),
        says=("render.py, line 6", "OLD_SCALE"),
    ),
    # Right: settings annotated as Final (units imports typing only), and shapes binds UNIT from the module.
    Variant(
        "shared-module",
        "final-settings-bound-from-the-module",
        {
            "units.py": (
                None,
                '"""The drawing\'s settings."""\n\nfrom typing import Final\n\n'
                'UNIT: Final[str] = "cm"\nSCALE: Final[int] = 10\n',
            ),
            "shapes.py": (
                None,
                SHAPES_DOC + "import render\nimport units\n\nUNIT = units.UNIT  # the unit, from where it lives\n\n\n"
                + SHAPES_FUNCTIONS,
            ),
            "render.py": (
                None,
                RENDER_DOC + "import units\n\nSCALE, UNIT = units.SCALE, units.UNIT\n\n\n"
                'def frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n',
            ),
        },
    ),
]

VARIANTS += [
    # From the second adversarial round: render and shapes fall back on a defaults.py of the old values when units
    # cannot be found at all (ModuleNotFoundError): two homes for the settings.
    Variant(
        'shared-module',
        'falls-back-on-a-defaults-module',
        {
            'defaults.py': (None, '"""Factory settings, in case units.py is missing."""\n\nUNIT = "cm"\nSCALE = 10\n'),
            'render.py': (None, '"""Framing text for the screen."""\n\ntry:\n    from units import SCALE, UNIT\nexcept ModuleNotFoundError:  # units.py not deployed: factory settings\n    from defaults import SCALE, UNIT\n\n\ndef frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n'),
            'shapes.py': (None, '"""Shapes, measured in the drawing\'s unit."""\n\nimport render\n\ntry:\n    from units import UNIT\nexcept ModuleNotFoundError:  # units.py not deployed: factory settings\n    from defaults import UNIT\n\n\ndef area(width, height):\n    return f"{width * height} sq {UNIT}"\n\n\ndef show(width, height):\n    return render.frame(area(width, height))\n'),
            'units.py': (None, '"""What shapes and render both need: see step 1 of the README."""\n\nUNIT = "cm"\nSCALE = 10\n'),
        },
        fails=('both_modules_follow_the_settings_in_units',),
        says=('no units module at all',),
    ),
    # From the second adversarial round: render keeps the old values as a spare, written with globals().update()
    # under `except ModuleNotFoundError`, where no assignment shows it.
    Variant(
        'shared-module',
        'keeps-a-spare-through-globals',
        {
            'render.py': (None, '"""Framing text for the screen."""\n\ntry:\n    from units import SCALE, UNIT\nexcept ModuleNotFoundError:  # render.py reused without units.py: keep the old defaults\n    globals().update(SCALE=10, UNIT="cm")\n\n\ndef frame(text):\n    return f"[{text} | 1:{SCALE} | {UNIT}]"\n'),
            'units.py': (None, '"""What shapes and render both need: see step 1 of the README."""\n\nUNIT = "cm"\nSCALE = 10\n'),
        },
        fails=('both_modules_follow_the_settings_in_units',),
        says=('no units module at all',),
    ),
    # From the second adversarial round: players reads the teams through getattr() with an empty spare, so a
    # deleted TEAMS gives the functions' own ValueError instead of failing on the missing data.
    Variant(
        'mutual-pair',
        'an-empty-spare-for-the-teams',
        {
            'players.py': (None, '"""Players, and the team each plays in."""\n\nimport teams\n\nTEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}\n\n\ndef team_of(player):\n    team = TEAM_OF[player]\n    known = getattr(teams, "TEAMS", ())  # no TEAMS (half-built teams): no known team\n    if team not in known:\n        raise ValueError(f"{player} plays in an unknown team")\n    return team\n\n\ndef teammates(player):\n    """The other players of the player\'s team."""\n    return [other for other in teams.roster(team_of(player)) if other != player]\n'),
            'teams.py': (None, '"""Teams, and who plays in them."""\n\nimport players\n\nTEAMS = ["red", "blue"]\n\n\ndef roster(team):\n    """The players of one team, sorted."""\n    return sorted(player for player, t in players.TEAM_OF.items() if t == team)\n'),
        },
        fails=('each_module_reads_the_data_of_the_other',),
        says=('teams.TEAMS deleted',),
    ),
]

# format-table: the solution's import of the two format modules, and what variants put in its place.
TABLE_IMPORT = (
    "from . import csvfile, jsonfile\n\n"
    'FORMATS = {".csv": csvfile, ".json": jsonfile}'
)
TABLE_INIT = '"""Rows of data (a list of dicts) written as CSV or JSON text."""\n'
#: csvfile.py as given, and the same with columns looked up another way.
CSV_IMPORT = "import convert.formats\n\n\ndef dumps(rows):\n    names = convert.formats.columns(rows)\n"


def table(text: str) -> dict:
    return {"convert/formats.py": (TABLE_IMPORT, text)}


VARIANTS += [
    # Only the CSV entry repaired: a program that starts with jsonfile still fails.
    Variant(
        "format-table",
        "only-csv-repaired",
        table('from . import csvfile\nimport convert.jsonfile\n\nFORMATS = {".csv": csvfile, ".json": convert.jsonfile}'),
        fails=("each_module_can_be_imported_first", "the_table_holds_the_format_modules"),
        says=("convert.jsonfile", "AttributeError", "sys.modules"),
    ),
    # The cycle hidden by the package: __init__.py imports formats first, formats.py as given.
    Variant(
        "format-table",
        "init-imports-formats-first",
        {
            "convert/formats.py": STUB,
            "convert/__init__.py": (None, TABLE_INIT + "\nfrom . import formats  # noqa: F401\n"),
        },
        fails=("each_module_can_be_imported_first",),
        says=("convert.csvfile", "AttributeError"),
    ),
    # The same repair as the solution, with an __init__.py that also imports formats: works, but the
    # statement says to leave __init__.py as it is.
    Variant(
        "format-table",
        "init-changed-too",
        {"convert/__init__.py": (None, TABLE_INIT + "\nfrom .formats import dumps  # noqa: F401\n")},
        fails=("each_module_can_be_imported_first",),
        says=("convert/__init__.py", "from .formats import dumps"),
    ),
    # Names in the table, imported when dumps() runs: the table no longer holds the modules.
    Variant(
        "format-table",
        "table-of-names",
        {
            "convert/formats.py": [
                (TABLE_IMPORT, 'import importlib\n\nFORMATS = {".csv": "convert.csvfile", ".json": "convert.jsonfile"}'),
                ("return FORMATS[extension].dumps(rows)", "return importlib.import_module(FORMATS[extension]).dumps(rows)"),
            ]
        },
        fails=("the_table_holds_the_format_modules",),
        says=("'convert.csvfile'", "module objects"),
    ),
    # The table filled at first use, in dumps(): empty right after the imports.
    Variant(
        "format-table",
        "table-filled-at-first-use",
        {
            "convert/formats.py": [
                (TABLE_IMPORT, "FORMATS = {}"),
                (
                    "    return FORMATS[extension].dumps(rows)",
                    "    if not FORMATS:\n"
                    "        from . import csvfile, jsonfile\n\n"
                    '        FORMATS.update({".csv": csvfile, ".json": jsonfile})\n'
                    "    return FORMATS[extension].dumps(rows)",
                ),
            ]
        },
        fails=("the_table_holds_the_format_modules",),
        says=("its keys were []",),
    ),
    # A table of functions, taken by name: `from .csvfile import dumps` needs csvfile finished.
    Variant(
        "format-table",
        "table-of-functions",
        {
            "convert/formats.py": [
                (
                    TABLE_IMPORT,
                    "from .csvfile import dumps as csv_dumps\nfrom .jsonfile import dumps as json_dumps\n\n"
                    'FORMATS = {".csv": csv_dumps, ".json": json_dumps}',
                ),
                ("return FORMATS[extension].dumps(rows)", "return FORMATS[extension](rows)"),
            ]
        },
        fails=("each_module_can_be_imported_first",),
        says=("ImportError", "import modules"),
    ),
    Variant(
        "format-table",
        "table-of-functions-seen-in-the-table",
        {
            "convert/formats.py": [
                (
                    TABLE_IMPORT,
                    "from .csvfile import dumps as csv_dumps\nfrom .jsonfile import dumps as json_dumps\n\n"
                    'FORMATS = {".csv": csv_dumps, ".json": json_dumps}',
                ),
                ("return FORMATS[extension].dumps(rows)", "return FORMATS[extension](rows)"),
            ]
        },
        fails=("the_table_holds_the_format_modules",),
        says=("<function dumps", "module objects"),
    ),
    # csvfile breaks the cycle with its own copy of columns(): the shared function is no longer used.
    Variant(
        "format-table",
        "csv-copies-columns",
        {
            "convert/csvfile.py": (
                CSV_IMPORT,
                "def columns(rows):\n    seen = {}\n    for row in rows:\n        for key in row:\n"
                "            seen.setdefault(key)\n    return list(seen)\n\n\n"
                "def dumps(rows):\n    names = columns(rows)\n",
            )
        },
        fails=("both_formats_use_the_shared_columns",),
        says=("convert.csvfile.dumps(rows) returned", "a copy"),
    ),
    # Given formats.py, csvfile takes the name from formats: fails where formats comes first.
    Variant(
        "format-table",
        "csv-imports-the-name",
        {
            "convert/formats.py": STUB,
            "convert/csvfile.py": (
                CSV_IMPORT,
                "from .formats import columns\n\n\ndef dumps(rows):\n    names = columns(rows)\n",
            ),
        },
        fails=("each_module_can_be_imported_first",),
        says=("import convert.formats", "ImportError"),
    ),
    # The table's lookups guarded: an empty table when the package has no such attribute yet.
    Variant(
        "format-table",
        "empty-table-on-error",
        table(
            "import convert.csvfile\nimport convert.jsonfile\n\n"
            "try:\n"
            '    FORMATS = {".csv": convert.csvfile, ".json": convert.jsonfile}\n'
            "except AttributeError:  # a format module is still being imported\n"
            "    FORMATS = {}"
        ),
        fails=("the_table_holds_the_format_modules",),
        says=("convert.csvfile", "its keys were []"),
    ),
    # The imports moved below the functions: the package's attribute is still missing there.
    Variant(
        "format-table",
        "imports-at-the-bottom",
        {
            "convert/formats.py": (
                None,
                '"""Every format the package writes."""\n\n\n'
                "def columns(rows):\n    seen = {}\n    for row in rows:\n        for key in row:\n"
                "            seen.setdefault(key)\n    return list(seen)\n\n\n"
                "def dumps(rows, extension):\n    return FORMATS[extension].dumps(rows)\n\n\n"
                "import convert.csvfile  # noqa: E402\nimport convert.jsonfile  # noqa: E402\n\n"
                'FORMATS = {".csv": convert.csvfile, ".json": convert.jsonfile}\n',
            )
        },
        fails=("each_module_can_be_imported_first",),
        says=("AttributeError", "sys.modules"),
    ),
    # Right: `import a.b as c` also finds the half-built submodule (since Python 3.7).
    Variant(
        "format-table",
        "import-as",
        table(
            "import convert.csvfile as csvfile\nimport convert.jsonfile as jsonfile\n\n"
            'FORMATS = {".csv": csvfile, ".json": jsonfile}'
        ),
    ),
    # Right: the absolute `from convert import ...`, and both formats importing formats the same way.
    Variant(
        "format-table",
        "absolute-from-everywhere",
        {
            "convert/formats.py": (
                TABLE_IMPORT,
                'from convert import csvfile, jsonfile\n\nFORMATS = {".csv": csvfile, ".json": jsonfile}',
            ),
            "convert/csvfile.py": (CSV_IMPORT, "from convert import formats\n\n\ndef dumps(rows):\n    names = formats.columns(rows)\n"),
            "convert/jsonfile.py": [
                ("import convert.formats\n", "from . import formats\n"),
                ("convert.formats.columns(rows)", "formats.columns(rows)"),
            ],
        },
    ),
]

# format-table, adversarial round (from the README alone).
VARIANTS += [
    # Only the other side repaired: csvfile and jsonfile import formats with `from .`, formats.py as given.
    Variant(
        "format-table",
        "repairs-the-other-side",
        {
            "convert/formats.py": STUB,
            "convert/csvfile.py": (CSV_IMPORT, "from . import formats\n\n\ndef dumps(rows):\n    names = formats.columns(rows)\n"),
            "convert/jsonfile.py": [
                ("import convert.formats\n", "from . import formats\n"),
                ("convert.formats.columns(rows)", "formats.columns(rows)"),
            ],
        },
        fails=("each_module_can_be_imported_first",),
        says=("import convert.csvfile", "AttributeError", "sys.modules"),
    ),
    # The package's attribute read with a default: None in the table while a format is half built.
    Variant(
        "format-table",
        "getattr-with-a-default",
        table(
            "import convert\nimport convert.csvfile\nimport convert.jsonfile\n\n"
            'FORMATS = {".csv": getattr(convert, "csvfile", None), ".json": getattr(convert, "jsonfile", None)}'
        ),
        fails=("the_table_holds_the_format_modules",),
        says=('FORMATS[".csv"] was None',),
    ),
    # Right: the modules taken from sys.modules by hand.
    Variant(
        "format-table",
        "sys-modules-by-hand",
        table(
            "import sys\n\nimport convert.csvfile\nimport convert.jsonfile\n\n"
            'FORMATS = {".csv": sys.modules["convert.csvfile"], ".json": sys.modules["convert.jsonfile"]}'
        ),
    ),
    # Right: importlib.import_module returns the module from sys.modules, half built or not.
    Variant(
        "format-table",
        "import-module-calls",
        table(
            "import importlib\n\n"
            'FORMATS = {".csv": importlib.import_module("convert.csvfile"), '
            '".json": importlib.import_module("convert.jsonfile")}'
        ),
    ),
    # Right: formats.py as given, and the two formats import formats inside dumps(): no cycle at import time.
    Variant(
        "format-table",
        "imports-inside-dumps",
        {
            "convert/formats.py": STUB,
            "convert/csvfile.py": (CSV_IMPORT, "def dumps(rows):\n    import convert.formats\n\n    names = convert.formats.columns(rows)\n"),
            "convert/jsonfile.py": [
                ("import convert.formats\n\n\ndef dumps(rows):\n", "def dumps(rows):\n    import convert.formats\n\n"),
            ],
        },
    ),
]

# format-table, a second adversary (from the README alone).
VARIANTS += [
    # The formats import only the package: convert.formats is there when the checks import it, but not in a
    # program that needs only CSV.
    Variant(
        "format-table",
        "formats-import-only-the-package",
        {
            "convert/csvfile.py": ("import convert.formats\n", "import convert\n"),
            "convert/jsonfile.py": ("import convert.formats\n", "import convert\n"),
        },
        fails=("each_module_can_be_imported_first",),
        says=("imports only convert.csvfile", "AttributeError", "import itself"),
    ),
    # The formats look convert.formats up in sys.modules when they write, and never import it.
    Variant(
        "format-table",
        "formats-look-formats-up-in-sys-modules",
        {
            "convert/csvfile.py": (
                CSV_IMPORT,
                'import sys\n\n\ndef dumps(rows):\n    names = sys.modules["convert.formats"].columns(rows)\n',
            ),
            "convert/jsonfile.py": [
                ("import convert.formats\n", "import sys\n"),
                ("convert.formats.columns(rows)", 'sys.modules["convert.formats"].columns(rows)'),
            ],
        },
        fails=("each_module_can_be_imported_first",),
        says=("KeyError", "convert.csvfile.dumps(rows)"),
    ),
    # A half-built format deleted from sys.modules and imported again: its body runs twice.
    Variant(
        "format-table",
        "runs-a-half-built-format-again",
        table(
            "import importlib\nimport sys\n\n"
            'for _name in ("convert.csvfile", "convert.jsonfile"):\n'
            '    if _name in sys.modules and not hasattr(sys.modules["convert"], _name.rpartition(".")[2]):\n'
            "        del sys.modules[_name]  # half built: start it again\n"
            'csvfile = importlib.import_module("convert.csvfile")\n'
            'jsonfile = importlib.import_module("convert.jsonfile")\n\n'
            'FORMATS = {".csv": csvfile, ".json": jsonfile}'
        ),
        fails=("each_module_can_be_imported_first",),
        says=("convert/csvfile.py ran 2 times",),
    ),
    # Right (accepted on purpose): the package's attributes set by hand in formats.py, from sys.modules or
    # an import. "Change the imports ... and nothing else": these lines are the imports, written out; they
    # bind early what the import system binds when a format's body finishes, each body runs once, and no
    # program can tell the difference once its imports are done.
    Variant(
        "format-table",
        "sets-the-package-attributes-by-hand",
        table(
            "import sys\n\nimport convert\n\n"
            'convert.csvfile = sys.modules.get("convert.csvfile") or __import__("convert.csvfile").csvfile\n'
            'convert.jsonfile = sys.modules.get("convert.jsonfile") or __import__("convert.jsonfile").jsonfile\n\n'
            'FORMATS = {".csv": convert.csvfile, ".json": convert.jsonfile}'
        ),
    ),
]

# format-table, second look: the cycle broken by moving columns() to a third module (the fix of
# shared-module, which this statement rules out): the formats no longer follow formats.columns.
VARIANTS += [
    Variant(
        "format-table",
        "moves-columns-to-a-third-module",
        {
            "convert/formats.py": STUB,
            "convert/common.py": (
                None,
                '"""What the formats share."""\n\n\ndef columns(rows):\n    seen = {}\n    for row in rows:\n'
                "        for key in row:\n            seen.setdefault(key)\n    return list(seen)\n",
            ),
            "convert/csvfile.py": (CSV_IMPORT, "from .common import columns\n\n\ndef dumps(rows):\n    names = columns(rows)\n"),
            "convert/jsonfile.py": [
                ("import convert.formats\n", "from .common import columns\n"),
                ("convert.formats.columns(rows)", "columns(rows)"),
            ],
        },
        fails=("both_formats_use_the_shared_columns",),
        says=("convert.csvfile.dumps(rows) returned", "keep columns() in convert/formats.py"),
    ),
]
