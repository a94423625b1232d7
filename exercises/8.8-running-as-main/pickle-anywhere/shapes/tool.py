"""Save a drawing: `python -m shapes.tool FILE X,Y [X,Y ...]` writes the points to FILE.

Other programs load the file with shapes.load(FILE), or with pickle.load.
"""

import pickle
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Drawing:
    def __init__(self, points):
        self.points = list(points)

    def __repr__(self):
        return f"Drawing({self.points})"


def save(drawing, path):
    with open(path, "wb") as file:
        pickle.dump(drawing, file)


def load(path):
    with open(path, "rb") as file:
        return pickle.load(file)


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
