"""Every format the package writes, by file extension, and what the formats share."""

# `from . import` finds a submodule in sys.modules even while its body is still running (it imported
# this module first); the package's attribute `convert.csvfile` is only set once that body finishes.
from . import csvfile, jsonfile

FORMATS = {".csv": csvfile, ".json": jsonfile}


def columns(rows):
    """The keys of all the rows, in the order they first appear."""
    seen = {}
    for row in rows:
        for key in row:
            seen.setdefault(key)
    return list(seen)


def dumps(rows, extension):
    """The rows as text in the format of `extension` (".csv" or ".json")."""
    return FORMATS[extension].dumps(rows)
