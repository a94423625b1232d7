"""The engine: an ordinary file, and so a module, with global names of its own."""

print(f"running the body of {__name__}")

SPEED = 3
fuel = 100


def burn(amount):
    """Use some fuel; return what is left. `fuel` means this module's fuel."""
    global fuel
    fuel -= amount
    return fuel
