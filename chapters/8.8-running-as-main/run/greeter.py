"""Both a module to import and a program to run."""

import sys


def greet(name):
    return f"hello, {name}!"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    for name in argv or ["world"]:
        print(greet(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
