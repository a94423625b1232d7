"""A package: an attribute of its own, and two submodules that are imported only when asked for."""

VERSION = "1.4"
