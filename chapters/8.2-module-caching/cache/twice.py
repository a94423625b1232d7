"""One file, reachable under two names: tools.util and, with tools/ on the path, util."""

import sys

sys.path.insert(0, "tools")  # a path hack of the kind that causes this

import tools.util  # noqa: E402
import util  # noqa: E402

util.REGISTRY["key"] = "value"
print("same object?", util is tools.util)
print("tools.util.REGISTRY:", tools.util.REGISTRY)
