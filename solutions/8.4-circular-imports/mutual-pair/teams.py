"""Teams, and who plays in them."""

import players  # the module: its names are looked up when roster() runs

TEAMS = ["red", "blue"]


def roster(team):
    """The players of one team, sorted."""
    return sorted(player for player, t in players.TEAM_OF.items() if t == team)
