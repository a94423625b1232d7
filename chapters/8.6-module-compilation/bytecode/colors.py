def in_rainbow(color):
    return color in {"red", "orange", "yellow", "green", "blue", "violet"}
