import sys

import helper

print(f"running {__name__!r} with __package__={__package__!r}")
print("sys.path[0] ends with:", sys.path[0].replace("\\", "/").rsplit("/", 1)[-1])
print(helper.MESSAGE)
