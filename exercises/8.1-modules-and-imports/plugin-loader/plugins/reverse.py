"""Read it backwards."""


def transform(text):
    return text[::-1]
