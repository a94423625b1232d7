print("shelf/__init__.py runs")


def __getattr__(name):
    # Python calls this only for a name the module does not have.
    if name == "fold":
        from shelf.paper import fold

        return fold
    raise AttributeError(f"module 'shelf' has no attribute {name!r}")
