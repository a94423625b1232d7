"""Named palettes. Big in real life: load it only when someone asks for it."""

WARM = ["#ff8000", "#ffd000", "#e03000"]
COOL = ["#0080ff", "#00d0ff", "#3000e0"]
