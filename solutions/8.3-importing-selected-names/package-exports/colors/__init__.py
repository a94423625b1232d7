"""Colours: `from colors import hex_to_rgb`, `from colors import palette`, or `from colors import *`."""

from .convert import hex_to_rgb

# `palette` is a submodule that `import colors` does not load; listing it here
# makes `from colors import *` import it.
__all__ = ["hex_to_rgb", "palette"]
