"""The crew: a package, a folder of modules with an __init__.py."""
