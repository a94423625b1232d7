"""The shop's main program: run it with `python shop.py`."""

import labels

print("starting shop")


def main():
    print(labels.price_label(12.5))


if __name__ == "__main__":
    main()
