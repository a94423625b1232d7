print("scores.py running")
import game  # noqa: E402  (the main script, imported by its name: a second copy)


def best():
    return game.LIVES * 100
