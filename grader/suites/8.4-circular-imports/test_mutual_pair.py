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


def append(student, relative, text):
    """Add lines at the end of a file in the private copy: they replace what the file said before."""
    target = student.file(relative)
    target.write_text(target.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


@pytest.mark.points(2)
def test_each_module_reads_the_data_of_the_other(student):
    # The check's own change to the data: a third team, and bob and a new player in it.
    append(student, "teams.py", 'TEAMS = ["red", "blue", "green"]\n')
    append(student, "players.py", 'TEAM_OF = {"ann": "red", "bob": "green", "cid": "red", "dan": "green"}\n')
    probe = student.probe(
        """
        import players, teams
        report(imported=True)
        report(green=teams.roster("green"))
        report(team=players.team_of("bob"), mates=players.teammates("dan"))
        """
    )
    seen, error = probe.values, probe.error
    raised = f"it raised {error.type}: {error.message}" if error else "it did not finish"
    expect(
        seen.get("imported"),
        expected="`import players, teams` to work",
        saw=raised,
        hint="change only the imports; the two modules may still import each other.",
    )
    expect(
        seen.get("green") == ["bob", "dan"],
        expected='teams.roster to read the current players.TEAM_OF: with "bob" and a new player "dan" in a '
        'team "green", roster("green") should be ["bob", "dan"]',
        saw=f"it was {seen['green']!r}" if "green" in seen else raised,
        hint="teams.py must look TEAM_OF up in players when roster() runs (`players.TEAM_OF`), not keep a copy.",
    )
    expect(
        seen.get("team") == "green" and seen.get("mates") == ["bob"],
        expected='players to read the current teams.TEAMS and use teams.roster: with a team "green" added, '
        'team_of("bob") should be "green" and teammates("dan") ["bob"]',
        saw=f"they were {seen['team']!r} and {seen['mates']!r}" if "team" in seen else raised,
        hint="players.py must use teams.TEAMS and teams.roster through `import teams`, not copies of them.",
    )
