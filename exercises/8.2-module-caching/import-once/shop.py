"""The shop's main program: run it with `python shop.py`."""

print("starting shop")

CURRENCY = "EUR"


def main():
    import labels

    print(labels.price_label(12.5))


if __name__ == "__main__":
    main()
