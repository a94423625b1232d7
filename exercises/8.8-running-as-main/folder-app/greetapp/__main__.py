"""Greet someone: python greetapp [NAME]"""

import sys

from . import messages

print(messages.greeting(sys.argv[1] if len(sys.argv) > 1 else "world"))
