print("orders: start")
lazy from customers import name_of  # noqa: E402  (Python 3.15: looked up at the first call of name_of)

OWNERS = {"#100": 1, "#101": 2, "#102": 1}


def label(order):
    return f"{order} for {name_of(OWNERS[order])}"


print("orders: end")
