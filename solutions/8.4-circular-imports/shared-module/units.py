"""What shapes and render both need, in a module that imports neither."""

UNIT = "cm"
SCALE = 10
