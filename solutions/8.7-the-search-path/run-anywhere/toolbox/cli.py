"""Shout the words given on the command line: python -m toolbox.cli hello world"""

import sys

from toolbox.helpers import fmt  # the package is found on sys.path, wherever Python starts


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
