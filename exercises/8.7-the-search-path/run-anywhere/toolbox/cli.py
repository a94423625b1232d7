"""Shout the words given on the command line: python -m toolbox.cli hello world"""

import sys

from helpers import fmt  # found only when this file is run as a script: its folder is then sys.path[0]


def main(argv):
    print(fmt(" ".join(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
