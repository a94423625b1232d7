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
def test_either_import_brings_in_both_finished_modules(student):
    seen = student.observe(
        """
        import sys, teams
        players = sys.modules.get("players")
        report(both=players is not None, team_of=getattr(players, "TEAM_OF", {}).get("cid"),
               teams=getattr(teams, "TEAMS", None))
        """,
        doing="`import teams` to work",
    )
    expect(
        seen["both"] and seen["team_of"] == "red" and seen["teams"] == ["red", "blue"],
        expected="`import teams` to leave both modules fully loaded, with TEAMS and TEAM_OF defined",
        saw="players was not imported" if not seen["both"] else "a module's names are missing",
        hint="keep the two modules importing each other with `import teams` / `import players`.",
    )
