"""8.4 mutual-pair: a two-module cycle repaired; each side is imported first, in its own fresh interpreter."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_teams_can_be_imported_first(student):
    seen = student.observe(
        'import teams\nreport(red=teams.roster("red"), blue=teams.roster("blue"))',
        doing="`import teams`, as the first import of a program, to work",
    )
    expect(
        seen == {"red": ["ann", "cid"], "blue": ["bob"]},
        expected='teams.roster("red") to be ["ann", "cid"] and roster("blue") ["bob"]',
        saw=f"they were {seen['red']} and {seen['blue']}",
        hint="change only the imports: roster() should compute what it did before.",
    )


@pytest.mark.points(2)
def test_players_can_be_imported_first(student):
    seen = student.observe(
        'import players\nreport(mates=players.teammates("ann"), team=players.team_of("bob"))',
        doing="`import players`, as the first import of a program, to work",
    )
    expect(
        seen == {"mates": ["cid"], "team": "blue"},
        expected='players.teammates("ann") to be ["cid"] and team_of("bob") "blue"',
        saw=f"they were {seen['mates']} and {seen['team']!r}",
        hint="use teams.roster and teams.TEAMS inside the functions, through `import teams`.",
    )


@pytest.mark.points(1)
def test_teams_uses_the_players_module(student):
    # `import players` at the top and an import inside roster() are both fixes of
    # section 8.4: either way, roster() must have brought in the finished players module.
    seen = student.observe(
        """
        import sys, teams
        teams.roster("red")
        players = sys.modules.get("players")
        report(both=players is not None, team_of=getattr(players, "TEAM_OF", {}).get("cid"),
               teams=getattr(teams, "TEAMS", None))
        """,
        doing='`import teams` and teams.roster("red") to work',
    )
    expect(
        seen["both"] and seen["team_of"] == "red" and seen["teams"] == ["red", "blue"],
        expected='`import teams` and a call of teams.roster("red") to leave both modules fully loaded, '
        "with teams.TEAMS and players.TEAM_OF defined",
        saw="players was never imported" if not seen["both"] else "a module's names are missing",
        hint="roster() must read TEAM_OF from the players module (`import players` at the top of teams.py, "
        "or `from players import TEAM_OF` inside roster()), not from a copy in teams.py.",
    )


@pytest.mark.points(2)
def test_each_module_reads_the_data_of_the_other(student):
    # The check gives both modules new data once they are imported: a third team,
    # and bob and a new player in it. A copy taken at import time keeps the old data.
    probe = student.probe(
        """
        import players, teams
        report(imported=True)
        teams.TEAMS = ["red", "blue", "green"]
        players.TEAM_OF = {"ann": "red", "bob": "green", "cid": "red", "dan": "green"}
        report(green=teams.roster("green"))
        report(team=players.team_of("bob"), mates=players.teammates("dan"))
        """
    )
    seen, error = probe.values, probe.error
    raised = f"it raised {error.summary}" if error else "it did not finish"
    expect(
        seen.get("imported"),
        expected="`import players, teams` to work",
        saw=raised,
        hint="change only the imports; the two modules may still import each other.",
    )
    expect(
        seen.get("green") == ["bob", "dan"],
        expected='teams.roster to read the current players.TEAM_OF: with players.TEAM_OF replaced by one that '
        'puts "bob" and a new player "dan" in a team "green", roster("green") should be ["bob", "dan"]',
        saw=f"it was {seen['green']!r}" if "green" in seen else raised,
        hint="teams.py must look TEAM_OF up in players when roster() runs (`players.TEAM_OF`), not keep a copy.",
    )
    expect(
        seen.get("team") == "green" and seen.get("mates") == ["bob"],
        expected='players to read the current teams.TEAMS: with teams.TEAMS replaced by one with a team "green" added, '
        'team_of("bob") should be "green" and teammates("dan") ["bob"]',
        saw=f"they were {seen['team']!r} and {seen['mates']!r}" if "team" in seen else raised,
        hint="players.py must use teams.TEAMS and teams.roster through `import teams`, not copies of them "
        "taken by a `from teams import ...` at its top.",
    )
