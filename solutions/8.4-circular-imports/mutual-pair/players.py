"""Players, and the team each plays in."""

import teams  # the module: its names are looked up when the functions run

TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}


def team_of(player):
    team = TEAM_OF[player]
    if team not in teams.TEAMS:
        raise ValueError(f"{player} plays in an unknown team")
    return team


def teammates(player):
    """The other players of the player's team."""
    return [other for other in teams.roster(team_of(player)) if other != player]
