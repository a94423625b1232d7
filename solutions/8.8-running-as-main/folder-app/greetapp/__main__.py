"""Greet someone: python greetapp [NAME]"""

import sys

import messages  # beside __main__.py: the folder (or archive) is sys.path[0]

print(messages.greeting(sys.argv[1] if len(sys.argv) > 1 else "world"))
