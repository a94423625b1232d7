"""A lazy import of a module that does not exist (Python 3.15 and later)."""

lazy import rocket_booster

print("the lazy import statement ran")


def boost():
    return rocket_booster.THRUST


boost()
