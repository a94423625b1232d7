"""A program with one module: python app.py [EXIT_CODE]"""

import sys

import helper

print(helper.shout("app ran"))
sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
