import sys


def main():
    print("hello from inside a .pyz, arguments:", sys.argv[1:])
    return 3  # an exit status for the shell, if anything passes it on
