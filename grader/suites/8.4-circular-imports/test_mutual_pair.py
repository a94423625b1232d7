"""8.4 mutual-pair: a two-module cycle repaired by changing the imports only.

Each module is imported first in a fresh interpreter of its own. Then the checks give the modules
data of their own (teams and players the README never shows) and watch both modules follow it, in
both orders of import: a `from ... import` keeps what the name meant at import time. Then the data
are emptied and deleted, one module's at a time: a module that still answers holds a copy (a
getattr() default, a fallback under `except` or after `or`), used only when the data are missing.
A name of one module that holds a collection equal to the other's data is a copy too, used or not.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `import teams` works in a fresh interpreter, and then teams.roster("red") is ["ann", "cid"].
  -> teams_can_be_imported_first
- Step 2: `import players` works in a fresh interpreter, and then players.teammates("ann") is ["cid"]
  and players.team_of("bob") is "blue".
  -> players_can_be_imported_first
- Step 2: it works whichever module comes first (both modules, in both orders, in one program).
  -> teams_can_be_imported_first, players_can_be_imported_first, each_module_reads_the_data_of_the_other
- Step 3: each module reads the other's data from the other module: teams.roster() imports players,
  players' functions import teams (no copy for when the other module was never imported).
  -> teams_can_be_imported_first, players_can_be_imported_first
- Step 3: teams reads players' data and keeps no copy: it follows a new players.TEAM_OF.
  -> each_module_reads_the_data_of_the_other
- Step 3: players reads teams' data and keeps no copy: it follows a new teams.TEAMS.
  -> each_module_reads_the_data_of_the_other
- Step 3: no copy even as a fallback: with the other's data empty, a module follows it, and with the
  other's data deleted, a module fails instead of answering; no name of one module holds the other's data.
  -> each_module_reads_the_data_of_the_other
- Intro: only the imports change, not what the functions compute: roster() sorts, teammates() leaves
  the player out, team_of() raises KeyError for an unknown player and ValueError for a team that is
  not in TEAMS.
  -> the_functions_compute_what_they_did
"""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_teams_can_be_imported_first(student):
    seen = student.observe(
        'import sys, teams\nreport(red=teams.roster("red"), blue=teams.roster("blue"), read="players" in sys.modules)',
        doing="`import teams`, as the first import of a program, to work",
    )
    expect(
        (seen["red"], seen["blue"]) == (["ann", "cid"], ["bob"]),
        expected='teams.roster("red") to be ["ann", "cid"] and roster("blue") ["bob"]',
        saw=f"they were {seen['red']} and {seen['blue']}",
        hint="change only the imports: roster() should compute what it did before.",
    )
    expect(
        seen["read"],
        expected="teams.roster() to read the players' table from the players module: after `import teams` and "
        'teams.roster("red"), players should have been imported',
        saw="players was never imported: roster() answered from data that teams.py keeps itself",
        hint="step 3: the table lives in players.py only; teams.py reads it from there and keeps no copy of it.",
    )


@pytest.mark.points(2)
def test_players_can_be_imported_first(student):
    seen = student.observe(
        'import sys, players\nreport(mates=players.teammates("ann"), team=players.team_of("bob"), '
        'read="teams" in sys.modules)',
        doing="`import players`, as the first import of a program, to work",
    )
    expect(
        (seen["mates"], seen["team"]) == (["cid"], "blue"),
        expected='players.teammates("ann") to be ["cid"] and team_of("bob") "blue"',
        saw=f"they were {seen['mates']} and {seen['team']!r}",
        hint="change only the imports: teammates() and team_of() should compute what they did before.",
    )
    expect(
        seen["read"],
        expected="players to read the list of teams and the rosters from the teams module: after `import players`, "
        'players.teammates("ann") and team_of("bob"), teams should have been imported',
        saw="teams was never imported: players.py answered from data that it keeps itself",
        hint="step 3: the list of teams and roster() live in teams.py only; players.py uses them from there and "
        "keeps no copy of them.",
    )


#: Each call in its own try: ["ok", value] or ["raised", [class names of the exception]].
ATTEMPT = """
def attempt(call):
    try:
        return ["ok", call()]
    except Exception as exc:
        return ["raised", [c.__name__ for c in type(exc).__mro__]]
"""


def said(outcome) -> str:
    """What one attempt() gave, in words: "returned ['bob']" or "raised KeyError"."""
    if not outcome:
        return "was never reached"
    kind, value = outcome
    return f"returned {value!r}" if kind == "ok" else f"raised {value[0]}"


# The check's own data, which a copy taken at import time (or at the first call) cannot hold: blue
# is dropped from the teams, green is new, and dan and zoe play in it.
FOLLOW = (
    ATTEMPT
    + """
import {first}, {second}
report(imported=True)
# A name of one module that holds the other's data (or a collection equal to it): a copy, used or not.
def copies(module, data):
    found = {{}}
    for name, value in vars(module).items():
        if name.startswith("__") or not isinstance(value, (list, tuple, set, frozenset, dict)):
            continue
        try:
            same = value == data or (not isinstance(value, dict) and sorted(value) == sorted(data))
        except Exception:
            same = False
        if same:
            found[f"{{module.__name__}}.{{name}}"] = repr(value)
    return found
report(copies={{**copies(teams, players.TEAM_OF), **copies(players, teams.TEAMS)}})
before = [attempt(lambda: teams.roster("green")), attempt(lambda: players.team_of("bob"))]
teams.TEAMS = ["red", "green"]
players.TEAM_OF = {{"ann": "red", "bob": "blue", "dan": "green", "zoe": "green"}}
report(
    green=attempt(lambda: teams.roster("green")),
    dan=attempt(lambda: players.team_of("dan")),
    mates=attempt(lambda: players.teammates("dan")),
    bob=attempt(lambda: players.team_of("bob")),
)
# Then no data at all: empty, then gone. An answer from either module now comes from a copy of its own.
teams.TEAMS = []
players.TEAM_OF = {{"ann": "red"}}
empty = [attempt(lambda: players.team_of("ann"))]
players.TEAM_OF = {{}}
report(empty=empty + [attempt(lambda: teams.roster("red"))])
players.TEAM_OF = {{"ann": "red"}}
del teams.TEAMS
report(no_teams=attempt(lambda: players.team_of("ann")))
teams.TEAMS = ["red", "green"]
del players.TEAM_OF
report(no_players=attempt(lambda: teams.roster("red")))
"""
)

# Players first (the order in which a copy in players.py imports), then teams first.
ORDERS = [("players", "teams"), ("teams", "players")]


@pytest.mark.points(2)
def test_each_module_reads_the_data_of_the_other(student):
    failed = []
    for first, second in ORDERS:
        probe = student.probe(FOLLOW.format(first=first, second=second))
        seen, error = probe.values, probe.error
        if not seen.get("imported"):
            failed.append((first, second, f"it raised {error.summary}" if error else "it did not finish", error))
            continue
        expect(
            seen.get("green") == ["ok", ["dan", "zoe"]],
            expected=f"teams.roster to read the current players.TEAM_OF: after `import {first}, {second}`, with "
            'players.TEAM_OF replaced by one that puts "dan" and "zoe" in a new team "green", '
            'teams.roster("green") should be ["dan", "zoe"]',
            saw=f"it {said(seen.get('green'))}",
            hint="teams.py must look TEAM_OF up in players when roster() runs; a `from players import TEAM_OF` "
            "at the top of teams.py keeps a copy of the table as it was at import time.",
        )
        follows = seen.get("dan") == ["ok", "green"] and seen.get("mates") == ["ok", ["zoe"]]
        drops = seen.get("bob", ["ok"])[0] == "raised" and "ValueError" in seen["bob"][1]
        expect(
            follows and drops,
            expected=f"players to read the current teams.TEAMS: after `import {first}, {second}`, with teams.TEAMS "
            'replaced by ["red", "green"], team_of("dan") should be "green", teammates("dan") ["zoe"], and '
            'team_of("bob") should raise ValueError (blue is no longer a team)',
            saw=f"team_of(\"dan\") {said(seen.get('dan'))}, teammates(\"dan\") {said(seen.get('mates'))} "
            f"and team_of(\"bob\") {said(seen.get('bob'))}",
            hint="players.py must use teams.TEAMS and teams.roster through the teams module when its functions run, "
            "not copies of them taken by a `from teams import ...` at import time.",
        )
        copies = seen.get("copies", {})
        expect(
            not copies,
            expected="each module to keep no copy of the other's data: no name of teams.py holding what "
            "players.TEAM_OF holds, and no name of players.py holding what teams.TEAMS holds",
            saw="after `import {}, {}`, ".format(first, second)
            + ", ".join(f"{name} was {value}" for name, value in copies.items()),
            hint="step 3: the data live in one module only; the other reads them through that module, and keeps "
            "nothing of them, not even a spare copy.",
        )
        empty = seen.get("empty") or [None, None]
        expect(
            raised(empty[0], "ValueError") and empty[1] == ["ok", []],
            expected=f"both modules to follow the other's data when it is empty: after `import {first}, {second}`, "
            'with teams.TEAMS = [] players.team_of("ann") should raise ValueError, and with players.TEAM_OF = {} '
            'teams.roster("red") should be []',
            saw=f"team_of(\"ann\") {said(empty[0])} and roster(\"red\") {said(empty[1])}",
            hint="step 3: an empty table is still the other module's data; a module that answers from a table of "
            "its own instead keeps a copy.",
        )
        gone = {"teams.TEAMS": ('players.team_of("ann")', seen.get("no_teams")),
                "players.TEAM_OF": ('teams.roster("red")', seen.get("no_players"))}
        # A ValueError is the functions' own answer for a team they do not know: an empty spare gave it.
        answered = {data: (call, outcome) for data, (call, outcome) in gone.items()
                    if not outcome or outcome[0] == "ok" or "ValueError" in outcome[1]}
        expect(
            not answered,
            expected=f"each module to have nothing of the other's data to fall back on: after `import {first}, "
            f"{second}`, with teams.TEAMS deleted players.team_of(\"ann\") should fail, and with players.TEAM_OF "
            f"deleted teams.roster(\"red\") should fail",
            saw=", and ".join(f"with {data} deleted, {call} {said(outcome)}" for data, (call, outcome) in answered.items()),
            hint="step 3: a default or a fallback that holds the other module's data (in a getattr(), an except "
            "or an `or`) is a copy of it: read the data from the other module, and only from there.",
        )
    for first, second, saw, error in failed:
        expect(
            False,
            expected=f"`import {first}, {second}` to work, so that the check can give both modules new data",
            saw=saw,
            hint=error.explain() if error else "change only the imports; the two modules may still import each other.",
        )


# The check's own table, changed in place (so that any module holding the table sees it): three
# players of red, out of alphabetical order, and eve in a team that teams.TEAMS does not know.
COMPUTE = (
    ATTEMPT
    + """
import players, teams
table = players.TEAM_OF
table.clear()
table.update({"zoe": "red", "ann": "red", "max": "red", "bob": "blue", "eve": "purple"})
report(
    red=attempt(lambda: teams.roster("red")),
    pink=attempt(lambda: teams.roster("pink")),
    mates=attempt(lambda: players.teammates("max")),
    eve=attempt(lambda: players.team_of("eve")),
    eve_mates=attempt(lambda: players.teammates("eve")),
    nobody=attempt(lambda: players.team_of("nobody")),
    nobody_mates=attempt(lambda: players.teammates("nobody")),
)
"""
)


def raised(outcome, name: str) -> bool:
    return bool(outcome) and outcome[0] == "raised" and name in outcome[1]


@pytest.mark.points(1)
def test_the_functions_compute_what_they_did(student):
    seen = student.observe(COMPUTE, doing="`import players, teams` to work")
    expect(
        seen["red"] == ["ok", ["ann", "max", "zoe"]] and seen["pink"] == ["ok", []]
        and seen["mates"] == ["ok", ["ann", "zoe"]],
        expected='roster() and teammates() to compute what they did: with players.TEAM_OF holding "zoe", "ann" '
        'and "max" (in that order) in team "red", teams.roster("red") should be ["ann", "max", "zoe"] (sorted), '
        'roster("pink") [] and players.teammates("max") ["ann", "zoe"]',
        saw=f"roster(\"red\") {said(seen['red'])}, roster(\"pink\") {said(seen['pink'])} and "
        f"teammates(\"max\") {said(seen['mates'])}",
        hint="change only the imports: roster() still sorts the names, and teammates() still takes them "
        "from teams.roster().",
    )
    expect(
        raised(seen["eve"], "ValueError") and raised(seen["eve_mates"], "ValueError"),
        expected='players.team_of("eve") and teammates("eve") to raise ValueError, as before, for a player whose '
        'team ("purple") is not in teams.TEAMS',
        saw=f"team_of(\"eve\") {said(seen['eve'])} and teammates(\"eve\") {said(seen['eve_mates'])}",
        hint="change only the imports: team_of() must still check the team against the list of teams.",
    )
    expect(
        raised(seen["nobody"], "KeyError") and raised(seen["nobody_mates"], "KeyError"),
        expected='players.team_of("nobody") and teammates("nobody") to raise KeyError, as before, for a player '
        "who is not in players.TEAM_OF",
        saw=f"team_of(\"nobody\") {said(seen['nobody'])} and teammates(\"nobody\") {said(seen['nobody_mates'])}",
        hint="change only the imports: team_of() must still look the player up with TEAM_OF[player].",
    )
