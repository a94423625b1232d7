"""What both stock and prices need, in a module that imports neither."""

COUNT = 3
