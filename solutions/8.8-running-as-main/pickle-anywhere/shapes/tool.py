"""Save a drawing: `python -m shapes.tool FILE X,Y [X,Y ...]` writes the points to FILE.

Other programs load the file with shapes.load(FILE), or with pickle.load.
"""

import sys

# Run with -m, this file is __main__: classes defined here would be saved as __main__.Point.
from shapes.model import Drawing, Point, save


def main(argv):
    if len(argv) < 2:
        print("usage: python -m shapes.tool FILE X,Y [X,Y ...]", file=sys.stderr)
        return 2
    path, pairs = argv[0], argv[1:]
    points = []
    for pair in pairs:
        x, y = pair.split(",")
        points.append(Point(int(x), int(y)))
    save(Drawing(points), path)
    print(f"saved {len(points)} points to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
