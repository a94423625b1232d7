print("running the body of paints.brushes")


def stroke():
    return "swish"
