"""A small library, shipped as a zip archive."""
