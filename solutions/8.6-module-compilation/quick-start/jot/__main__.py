import sys

from jot.cli import main

sys.exit(main(sys.argv[1:]))
