"""Pets, and a registry of every kind."""
