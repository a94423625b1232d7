"""The data of shapes: the classes whose objects the tool saves, and the files that hold them.

A pickle names each object's class by its module and name. Defined here, the
classes are shapes.model.Point and shapes.model.Drawing however the tool was
started, and any program can import them to load a file.
"""

import pickle


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
