"""A hit counter whose count survives importlib.reload."""

try:
    HITS  # already defined: this is a reload, keep the count
except NameError:
    HITS = 0


def hit():
    global HITS
    HITS += 1
    return HITS
