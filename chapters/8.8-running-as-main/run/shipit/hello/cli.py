import sys


def main():
    print("hello from inside a .pyz, arguments:", sys.argv[1:])
