"""A package with one module, util."""
