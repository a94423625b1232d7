"""Greet someone: python greetapp [NAME]"""

import sys

import messages  # beside __main__.py: the folder (or archive) is sys.path[0]


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
