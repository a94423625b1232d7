"""Players, and the team each plays in."""

from teams import TEAMS, roster

TEAM_OF = {"ann": "red", "bob": "blue", "cid": "red"}


def team_of(player):
    team = TEAM_OF[player]
    if team not in TEAMS:
        raise ValueError(f"{player} plays in an unknown team")
    return team


def teammates(player):
    """The other players of the player's team."""
    return [other for other in roster(team_of(player)) if other != player]
