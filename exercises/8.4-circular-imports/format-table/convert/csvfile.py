"""Rows as comma-separated values: a header line, then one line per row."""

import convert.formats


def dumps(rows):
    names = convert.formats.columns(rows)
    lines = [",".join(names)]
    for row in rows:
        lines.append(",".join(str(row.get(name, "")) for name in names))
    return "\n".join(lines) + "\n"
