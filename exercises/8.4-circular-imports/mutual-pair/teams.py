"""Teams, and who plays in them."""

from players import TEAM_OF

TEAMS = ["red", "blue"]


def roster(team):
    """The players of one team, sorted."""
    return sorted(player for player, t in TEAM_OF.items() if t == team)
