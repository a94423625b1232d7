"""A package whose __all__ names a submodule that this file does not import."""

__all__ = ["VERSION", "brushes"]

VERSION = "2.1"
