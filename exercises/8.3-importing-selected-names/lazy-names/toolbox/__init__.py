"""Toolbox: small helpers, each in a submodule of its own.

Programs use them as `from toolbox import mean`, or as `toolbox.slugify(...)`.
"""

__version__ = "2.1"

from .charts import bar
from .slugs import slugify
from .stats import mean
