"""Rows as JSON: a list of objects, each with every column (null where a row has none)."""

import json

import convert.formats


def dumps(rows):
    names = convert.formats.columns(rows)
    return json.dumps([{name: row.get(name) for name in names} for row in rows])
