"""Prints how it is being run."""

spec = __spec__.name if __spec__ is not None else None
print(f"__name__={__name__!r} __spec__.name={spec!r} __package__={__package__!r}")
