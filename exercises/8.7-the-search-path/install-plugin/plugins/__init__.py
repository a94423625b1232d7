"""The plugins of the report tool: one module per plugin, written by installer.install()."""
