import prices  # noqa: F401

COUNT = 3
