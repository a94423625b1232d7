"""The data of shapes: the classes whose objects the tool saves (see the exercise's README)."""
