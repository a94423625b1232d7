"""A small command-line toolbox."""
