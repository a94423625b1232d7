"""Run the calculator: python -m calc 2 + 3"""

import sys

from calc.ops import OPERATORS, compute


def main(argv):
    if len(argv) != 3 or argv[1] not in OPERATORS:
        print("usage: python -m calc NUMBER (+|-|*|/) NUMBER", file=sys.stderr)
        return 2
    print(compute(*argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
