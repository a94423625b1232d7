from . import cat

KINDS = {"cat": cat}  # the module itself, found in sys.modules even when half built
