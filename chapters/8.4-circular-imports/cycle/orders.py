print("orders: start")
from customers import name_of  # noqa: E402

OWNERS = {"#100": 1, "#101": 2, "#102": 1}


def label(order):
    return f"{order} for {name_of(OWNERS[order])}"


print("orders: end")
