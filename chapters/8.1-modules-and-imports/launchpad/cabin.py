"""The cabin uses the same global names as the engine: they never clash."""

SPEED = 1
fuel = "coffee"
