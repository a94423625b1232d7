"""A plugin, version 1."""

print("running plugin.py")

VERSION = 1
RETIRED = "only in version 1"


def greet():
    return "hello from version 1"


class Widget:
    pass
