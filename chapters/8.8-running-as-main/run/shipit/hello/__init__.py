"""A package shipped as a zip application."""
