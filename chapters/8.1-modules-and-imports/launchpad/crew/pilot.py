"""A submodule of the crew package."""

NAME = "Sally"
