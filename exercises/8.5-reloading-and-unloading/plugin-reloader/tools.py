"""A plugin with two commands. The checks edit this file while it is loaded."""


def greet(name):
    return f"hello, {name}"


def shout(text):
    return text.upper()
