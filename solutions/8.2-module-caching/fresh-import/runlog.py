"""Every module of this exercise notes here when its body runs. Leave it as it is."""

RUNS = []
