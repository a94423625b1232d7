print("shelf/paper.py runs")


def fold(sheet):
    return f"folded {sheet}"
