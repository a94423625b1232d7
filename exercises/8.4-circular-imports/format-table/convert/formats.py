"""Every format the package writes, by file extension, and what the formats share."""

import convert.csvfile
import convert.jsonfile

FORMATS = {".csv": convert.csvfile, ".json": convert.jsonfile}


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
