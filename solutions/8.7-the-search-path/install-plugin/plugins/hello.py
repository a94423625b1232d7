"""A plugin that came with the tool."""

TITLE = "Hello"


def render(name):
    return f"Hello, {name}!"
