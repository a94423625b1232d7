"""Section 8.8, running as the main program."""

from . import Variant

# -- dual-use --------------------------------------------------------------------------------------------------------

#: main ends the program itself on a usage error: `python wordfreq.py` still exits with 2, but main never returns.
DUAL_EXIT_IN_MAIN = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often it comes."""

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if len(argv) == 0:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        sys.exit(2)
    counts = count_words(argv)
    for word in sorted(counts):
        print(word + ": " + str(counts[word]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: Counter.most_common: the most frequent word first, not the words in alphabetical order.
DUAL_MOST_COMMON = '''import sys
from collections import Counter


def count_words(words):
    return dict(Counter(words))


def main(argv):
    if not argv:
        sys.stderr.write("usage: wordfreq.py WORD...\\n")
        return 2
    for word, n in Counter(argv).most_common():
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: "Am I the program?" asked of sys.argv[0]: a program importing wordfreq from its own folder can have that too.
DUAL_GUARD_ON_ARGV0 = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often it comes."""

import os
import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if os.path.basename(sys.argv[0]) == "wordfreq.py":
    sys.exit(main(sys.argv[1:]))
'''

#: The usage error decided in the guard, with sys.exit's message: main([]) returns 0, and the program exits with 1.
DUAL_USAGE_IN_GUARD = '''"""Count words."""

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: wordfreq.py WORD...")
    sys.exit(main(sys.argv[1:]))
'''

#: The counting loop moved into main, and count_words, which other programs import, deleted.
DUAL_COUNT_WORDS_INLINED = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often."""

import sys


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    counts = {}
    for word in argv:
        counts[word] = counts.get(word, 0) + 1
    for word in sorted(counts):
        print(f"{word}: {counts[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: A running total in a default argument: a second call of main in the same program counts the first call's words too.
DUAL_TOTALS_IN_A_DEFAULT = '''"""Count words."""

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv, totals={}):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in count_words(argv).items():
        totals[word] = totals.get(word, 0) + n
    for word in sorted(totals):
        print(f"{word}: {totals[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: count_words fills one dictionary for the whole module: the counts of every call add up.
DUAL_GLOBAL_COUNTS = '''import sys

counts = {}


def count_words(words):
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: Another correct answer: Counter, main() that reads sys.argv itself when given nothing, and raise SystemExit.
DUAL_COUNTER = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often it comes."""

import sys
from collections import Counter


def count_words(words):
    return dict(Counter(words))


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) == 0:
        sys.stderr.write("usage: wordfreq.py WORD...\\n")
        return 2
    counts = count_words(argv)
    for word in sorted(counts):
        sys.stdout.write(f"{word}: {counts[word]}\\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
'''

#: Another correct answer: the streams are parameters, bound when main is defined.
DUAL_STREAMS_AS_DEFAULTS = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often."""

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv, out=sys.stdout, err=sys.stderr):
    if not argv:
        print("usage: wordfreq.py WORD...", file=err)
        return 2
    lines = [f"{word}: {n}" for word, n in sorted(count_words(argv).items())]
    out.write("\\n".join(lines) + "\\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

# -- folder-app ------------------------------------------------------------------------------------------------------

#: Another answer the README allows: `import messages` inside main. The folder is sys.path[0] whenever the program
#: runs; a test that loads the module with runpy.run_path and then calls main has the folder on its path too.
LAZY_GREETAPP = '''"""Greet someone: python greetapp [NAME]"""

import sys


def main(argv):
    from messages import greeting  # beside __main__.py: the folder (or archive) is sys.path[0]

    print(greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: "greetapp is a package": the working directory put on sys.path so that `from greetapp import messages` works.
#: It does, from the exercise folder, but an archive then runs the folder's messages.py, not its own.
GREETAPP_FROM_CWD = '''"""Greet someone: python greetapp [NAME]"""

import os
import sys

sys.path.insert(0, os.getcwd())  # so that the package greetapp is found

from greetapp import messages


def main(argv):
    name = argv[0] if argv else "world"
    print(messages.greeting(name))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: messages.py loaded from a path beside __file__: a file inside a zip archive has no such path.
GREETAPP_BY_FILE_PATH = '''"""Greet someone: python greetapp [NAME]"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("messages", os.path.join(HERE, "messages.py"))
messages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(messages)


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: main returns the greeting, and the guard hands it to sys.exit: printed to stderr again, and the exit status is 1.
GREETAPP_EXITS_WITH_GREETING = '''"""Greet someone: python greetapp [NAME]"""

import sys

import messages


def main(argv):
    text = messages.greeting(argv[0] if argv else "world")
    print(text)
    return text


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: main reads sys.argv itself, so the argv it is given is never used.
GREETAPP_MAIN_READS_SYS_ARGV = '''"""Greet someone: python greetapp [NAME]"""

import sys

import messages


def main(argv):
    name = sys.argv[1] if len(sys.argv) > 1 else "world"
    print(messages.greeting(name))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The greeting copied into __main__.py: no import of messages left to get wrong, and no messages.py used.
GREETAPP_OWN_GREETING = '''"""Greet someone: python greetapp [NAME]"""

import sys


def greeting(name):
    return f"Hello, {name}!"


def main(argv):
    print(greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: messages imported only under the guard: run as the program it works, but main alone finds no messages.
GREETAPP_IMPORT_UNDER_THE_GUARD = '''"""Greet someone: python greetapp [NAME]"""

import sys


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    import messages

    main(sys.argv[1:])
'''

#: Another correct answer: the relative import tried first, the plain one when there is no package.
GREETAPP_TRY_RELATIVE = '''"""Greet someone: python greetapp [NAME]"""

import sys

try:
    from . import messages
except ImportError:  # run as a folder or an archive: no package, but the folder is on sys.path
    import messages


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    name = "world"
    if len(argv) > 0:
        name = argv[0]
    print(messages.greeting(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The folder (or archive) of __file__ put on sys.path again when the module is loaded, and never taken off: a
#: program that loads it keeps that entry.
GREETAPP_PATH_FROM_FILE = '''"""Greet someone: python greetapp [NAME]"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from messages import greeting


def main(argv):
    sys.stdout.write(greeting((argv or ["world"])[0]) + "\\n")


if __name__ == "__main__":
    main(sys.argv[1:])
'''

# -- runnable-package ------------------------------------------------------------------------------------------------

#: The arithmetic done by eval, not by compute: the README's examples come out the same.
CALC_EVAL = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

OPERATORS = ("+", "-", "*", "/")


def main(argv):
    if len(argv) != 3 or argv[1] not in OPERATORS:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(eval(" ".join(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The arithmetic copied from ops.py: right for the real compute, but not calling it.
CALC_OWN_ARITHMETIC = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

from calc.ops import OPERATORS


def main(argv):
    if len(argv) != 3 or argv[1] not in OPERATORS:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    result = OPERATORS[argv[1]](float(argv[0]), float(argv[2]))
    print(int(result) if result.is_integer() else result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: ops.py imported by a path hack: it runs a second time, as a top-level module "ops".
CALC_PATH_HACK = '''"""Run the calculator: python -m calc 2 + 3"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # so that ops.py beside this file is found
from ops import OPERATORS, compute


def main(argv):
    if len(argv) != 3 or argv[1] not in OPERATORS:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(*argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The numbers checked with isdigit: 2.5 and -4 are numbers too.
CALC_ISDIGIT = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

from calc.ops import compute


def main(argv):
    if len(argv) != 3:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    left, op, right = argv
    if not left.isdigit() or not right.isdigit() or op not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(left, op, right))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: "x" accepted for multiplication: an operator other than the four.
CALC_X_FOR_TIMES = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

from calc.ops import compute

SYMBOLS = {"+": "+", "-": "-", "*": "*", "x": "*", "/": "/"}


def main(argv):
    if len(argv) != 3 or argv[1] not in SYMBOLS:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], SYMBOLS[argv[1]], argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: Another correct answer: the module calc.ops imported whole, its own tuple of operators, main() reading sys.argv.
CALC_MODULE_IMPORT = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

import calc.ops

USAGE = "usage: python -m calc NUMBER OPERATOR NUMBER  (OPERATOR: + - * /)"


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        sys.stderr.write(USAGE + "\\n")
        return 2
    left, symbol, right = argv
    sys.stdout.write(f"{calc.ops.compute(left, symbol, right)}\\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
'''

#: Another correct answer: compute's KeyError is the unknown operator; streams bound as parameters.
CALC_KEYERROR_IS_USAGE = '''"""Run the calculator: python -m calc 2 + 3"""

import sys

from . import ops


def main(argv, out=sys.stdout, err=sys.stderr):
    if len(argv) != 3:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=err)
        return 2
    try:
        result = ops.compute(*argv)
    except KeyError:  # not one of the operators compute knows
        print("usage: python -m calc NUMBER (+|-|*|/) NUMBER", file=err)
        return 2
    print(result, file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

# -- the adversarial round: dual-use ---------------------------------------------------------------------------------

#: The usage line in argparse's style, not the README's `usage: wordfreq.py WORD...`.
DUAL_ARGPARSE_STYLE_USAGE = """\"\"\"Count words: `python wordfreq.py the cat the` prints each word and how often it comes.\"\"\"

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("Usage: wordfreq.py WORD [WORD ...]", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: The program's name in the usage taken from sys.argv[0]: right from the shell, wrong when another program calls main.
DUAL_USAGE_FROM_ARGV0 = """\"\"\"Count words.\"\"\"

import os
import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        prog = os.path.basename(sys.argv[0])
        print(f"usage: {prog} WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: A -h/--help option added: `python wordfreq.py -h the` used to count -h as a word.
DUAL_HELP_FLAG = """import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Arguments that look like options skipped: they were words to count before.
DUAL_OPTIONS_SKIPPED = """\"\"\"Count words.\"\"\"

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    words = [word for word in argv if not word.startswith("-")]
    if not words:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(words).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Empty and blank words dropped: the program counted '' as a word before.
DUAL_BLANK_WORDS_SKIPPED = """import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    words = [w for w in argv if w.strip()]
    if not words:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(words).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: The alphabetical order "improved" to ignore case: `B a` used to print B before a.
DUAL_CASEFOLD_SORT = """import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    counts = count_words(argv)
    for word in sorted(counts, key=str.lower):
        print(f"{word}: {counts[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Words lower-cased before they are counted: `The the` used to be two words.
DUAL_WORDS_LOWERED = """import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words([w.lower() for w in argv]).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Another correct answer: stderr bound when the module is imported (`from sys import stderr`): the usage still
#: goes to standard error, like the streams-as-defaults answer.
DUAL_STDERR_FROM_SYS = """\"\"\"Count words.\"\"\"

import sys
from sys import stderr


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Another correct answer (the README asks nothing about the caller's list): main sorts the list it is given in
#: place, and the program's name in the usage comes from __file__, which is always wordfreq.py.
DUAL_SORTS_ITS_ARGUMENT = """\"\"\"Count words.\"\"\"

import os
import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print(f"usage: {os.path.basename(__file__)} WORD...", file=sys.stderr)
        return 2
    argv.sort()
    counts = count_words(argv)
    for word in counts:
        print(f"{word}: {counts[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

# -- the adversarial round: folder-app -------------------------------------------------------------------------------

#: Another answer the README allows: messages imported inside main with importlib.
GREETAPP_IMPORTLIB_IN_MAIN = """\"\"\"Greet someone: python greetapp [NAME]\"\"\"

import importlib
import sys


def main(argv):
    messages = importlib.import_module("messages")
    print(messages.greeting(argv[0] if argv else "world"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Another answer the README allows (it asks nothing of two names): each name greeted on a line of its own.
GREETAPP_GREETS_EACH = """\"\"\"Greet someone: python greetapp [NAME]\"\"\"

import sys

import messages


def main(argv):
    for name in argv or ["world"]:
        print(messages.greeting(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Another answer the README allows (it asks nothing of an empty name): an empty name greets the world.
GREETAPP_EMPTY_NAME_IS_THE_WORLD = """\"\"\"Greet someone: python greetapp [NAME]\"\"\"

import sys

import messages


def main(argv):
    print(messages.greeting(argv and argv[0] or "world"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

# -- the adversarial round: runnable-package -------------------------------------------------------------------------

#: A header for the runnable-package texts below.
_CALC_HEAD = """\"\"\"Run the calculator: python -m calc 2 + 3\"\"\"

import sys

"""
_CALC_TAIL = """

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""

#: Another correct answer: compute imported inside main, by its full name; ops.py runs only when main needs it.
CALC_IMPORT_IN_MAIN = _CALC_HEAD + """
def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    from calc.ops import compute

    print(compute(argv[0], argv[1], argv[2]))
    return 0
""" + _CALC_TAIL

#: The numbers checked with a regular expression: 1e3, .5 and +7 are numbers compute accepts too.
CALC_REGEX_NUMBERS = _CALC_HEAD + """import re

from calc.ops import compute

NUMBER = re.compile(r"-?\\d+(\\.\\d+)?")


def main(argv):
    if (len(argv) != 3 or argv[1] not in ("+", "-", "*", "/")
            or not NUMBER.fullmatch(argv[0]) or not NUMBER.fullmatch(argv[2])):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], argv[1], argv[2]))
    return 0
""" + _CALC_TAIL

#: The numbers checked with the shortcut `lstrip("-").replace(".", "", 1).isdigit()`: no 1e3, no +7.
CALC_DIGITS_CHECKED = _CALC_HEAD + """from calc.ops import compute


def is_number(text):
    return text.lstrip("-").replace(".", "", 1).isdigit()


def main(argv):
    if len(argv) != 3 or argv[1] not in "+-*/" or len(argv[1]) != 1:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    if not (is_number(argv[0]) and is_number(argv[2])):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(*argv))
    return 0
""" + _CALC_TAIL

#: The numbers checked with float() first: a non-number becomes a usage error, where compute raises.
CALC_FLOAT_CHECKED = _CALC_HEAD + """from calc.ops import compute


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/") or not (_is_number(argv[0]) and _is_number(argv[2])):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], argv[1], argv[2]))
    return 0
""" + _CALC_TAIL

#: compute's ValueError (a non-number) turned into the usage error.
CALC_VALUEERROR_IS_USAGE = _CALC_HEAD + """from calc.ops import compute

USAGE = "usage: python -m calc NUMBER OPERATOR NUMBER"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        result = compute(argv[0], argv[1], argv[2])
    except (KeyError, ValueError):
        print(USAGE, file=sys.stderr)
        return 2
    print(result)
    return 0
""" + _CALC_TAIL

#: A division by zero turned into the usage error, before compute can raise for it.
CALC_ZERO_IS_USAGE = _CALC_HEAD + """from calc.ops import compute

USAGE = "usage: python -m calc NUMBER OPERATOR NUMBER"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print(USAGE, file=sys.stderr)
        return 2
    if argv[1] == "/" and float(argv[2]) == 0:
        print(USAGE, file=sys.stderr)
        return 2
    print(compute(*argv))
    return 0
""" + _CALC_TAIL

#: Every error of compute turned into the usage error.
CALC_ANY_ERROR_IS_USAGE = _CALC_HEAD + """from calc import ops


def main(argv):
    try:
        left, symbol, right = argv
        if symbol not in ("+", "-", "*", "/"):
            raise ValueError(symbol)
        print(ops.compute(left, symbol, right))
    except Exception:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    return 0
""" + _CALC_TAIL

#: Another answer the README allows (it asks only that a non-number is not a usage error): compute's error is
#: reported on stderr, with the status 1.
CALC_ERRORS_REPORTED = _CALC_HEAD + """from calc.ops import compute

USAGE = "usage: python -m calc NUMBER OPERATOR NUMBER"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        print(compute(argv[0], argv[1], argv[2]))
    except Exception as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
""" + _CALC_TAIL

#: Another answer the README allows: the numbers converted with float() before compute gets them (the same
#: numbers work, and a non-number still raises ValueError, not a usage error).
CALC_FLOATS_FOR_COMPUTE = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    left, right = float(argv[0]), float(argv[2])
    print(compute(left, argv[1], right))
    return 0
""" + _CALC_TAIL

#: The result formatted with :g, to avoid a trailing .0: 1234500.25 prints as 1.2345e+06.
CALC_FORMAT_G = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(f"{compute(argv[0], argv[1], argv[2]):g}")
    return 0
""" + _CALC_TAIL

#: Spaces (and quotes) around the operator stripped: ' + ' is not one of the four operators.
CALC_OPERATOR_STRIPPED = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3:
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    op = argv[1].strip().strip("'\\"")
    if op not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], op, argv[2]))
    return 0
""" + _CALC_TAIL

#: ops.py loaded by its file path, under the name ops: it runs, but never as the module calc.ops.
CALC_OPS_BY_FILE_PATH = _CALC_HEAD + """import importlib.util
import os

_spec = importlib.util.spec_from_file_location("ops", os.path.join(os.path.dirname(__file__), "ops.py"))
_ops = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ops)


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(_ops.compute(*argv))
    return 0
""" + _CALC_TAIL

#: The plain name tried first, calc.ops only when it fails: any ops.py on sys.path (the working directory's, for
#: -m) answers instead of the package's.
CALC_PLAIN_NAME_FIRST = _CALC_HEAD + """try:
    from ops import compute
except ImportError:
    from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], argv[1], argv[2]))
    return 0
""" + _CALC_TAIL

VARIANTS = [
    # -- dual-use --
    Variant(
        "dual-use",
        "ends-with-exit",
        {"wordfreq.py": ("    sys.exit(main(sys.argv[1:]))", "    exit(main(sys.argv[1:]))")},
    ),
    Variant("dual-use", "counter-and-raise-systemexit", {"wordfreq.py": (None, DUAL_COUNTER)}),
    Variant("dual-use", "streams-bound-as-defaults", {"wordfreq.py": (None, DUAL_STREAMS_AS_DEFAULTS)}),
    Variant(
        "dual-use",
        "misspelt-exit-call",
        {"wordfreq.py": ("    sys.exit(main(sys.argv[1:]))", "    exti(main(sys.argv[1:]))")},
        fails=("it_runs_as_a_script",),
        says=("NameError", "wordfreq.py, line", "exti"),
    ),
    Variant(
        "dual-use",
        "misspelt-count-words-in-main",
        {"wordfreq.py": ("count_words(argv)", "count_word(argv)")},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("NameError", "wordfreq.py, line", "count_word"),
        not_says=("alphabetical", "step 1", "guarded code runs"),
    ),
    Variant(
        "dual-use",
        "sorted-by-count",
        {
            "wordfreq.py": (
                "sorted(count_words(argv).items())",
                "sorted(count_words(argv).items(), key=lambda item: item[1])",
            )
        },
        fails=("main_counts_the_words_it_is_given",),
        says=("alphabetical", "apple: 1"),
    ),
    Variant(
        "dual-use",
        "most-common-first",
        {"wordfreq.py": (None, DUAL_MOST_COMMON)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("alphabetical", "fig: 2"),
    ),
    Variant(
        "dual-use",
        "guard-not-my-import-name",
        {"wordfreq.py": ('if __name__ == "__main__":', 'if __name__ != "wordfreq":')},
        fails=("importing_prints_nothing",),
        says=("wordfreq_copy", "importer: 1", "__name__ == '__main__'"),
        not_says=("raised nothing",),
    ),
    Variant(
        "dual-use",
        "guard-on-argv0",
        {"wordfreq.py": (None, DUAL_GUARD_ON_ARGV0)},
        fails=("importing_prints_nothing",),
        says=("import wordfreq", "SystemExit", "__name__"),
    ),
    Variant(
        "dual-use",
        "guard-on-spec",
        {"wordfreq.py": ('if __name__ == "__main__":', "if __spec__ is None:")},
        fails=("it_runs_with_dash_m", "importing_prints_nothing"),
        says=("__name__",),
    ),
    Variant(
        "dual-use",
        "exits-inside-main",
        {"wordfreq.py": (None, DUAL_EXIT_IN_MAIN)},
        fails=("main_counts_the_words_it_is_given",),
        says=("main([])", "SystemExit", "return 2"),
    ),
    Variant(
        "dual-use",
        "no-words-falls-back-on-sys-argv",
        {"wordfreq.py": ("def main(argv):\n", "def main(argv=None):\n    argv = argv or sys.argv[1:]\n")},
        fails=("main_counts_the_words_it_is_given",),
        says=("main([])", "importer: 1", "sys.argv"),
    ),
    Variant(
        "dual-use",
        "main-counts-sys-argv",
        {"wordfreq.py": ("count_words(argv).items()", "count_words(sys.argv[1:]).items()")},
        fails=("main_counts_the_words_it_is_given",),
        says=("importer: 1", "sys.argv"),
    ),
    Variant(
        "dual-use",
        "main-returns-nothing",
        {"wordfreq.py": ('        print(f"{word}: {n}")\n    return 0\n', '        print(f"{word}: {n}")\n')},
        fails=("main_counts_the_words_it_is_given",),
        says=("returned None", "return 0"),
    ),
    Variant(
        "dual-use",
        "usage-decided-in-the-guard",
        {"wordfreq.py": (None, DUAL_USAGE_IN_GUARD)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("2",),
    ),
    Variant(
        "dual-use",
        "usage-on-stdout",
        {"wordfreq.py": ("WORD...\", file=sys.stderr)", "WORD...\")")},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("stderr", "usage"),
    ),
    Variant(
        "dual-use",
        "status-not-passed-on",
        {"wordfreq.py": ("    sys.exit(main(sys.argv[1:]))", "    main(sys.argv[1:])")},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m"),
        says=("exit", "2"),
    ),
    Variant(
        "dual-use",
        "count-words-inlined",
        {"wordfreq.py": (None, DUAL_COUNT_WORDS_INLINED)},
        fails=("main_counts_the_words_it_is_given",),
        says=("count_words",),
    ),
    Variant(
        "dual-use",
        "running-total-in-a-default",
        {"wordfreq.py": (None, DUAL_TOTALS_IN_A_DEFAULT)},
        fails=("main_counts_the_words_it_is_given",),
        says=("called next", "fig: 3", "left over"),
    ),
    Variant(
        "dual-use",
        "counts-shared-by-every-call",
        {"wordfreq.py": (None, DUAL_GLOBAL_COUNTS)},
        fails=("main_counts_the_words_it_is_given",),
        says=("fig: 3",),
    ),
    Variant(
        "dual-use",
        "main-skips-the-first-word",
        {
            "wordfreq.py": [
                ("count_words(argv).items()", "count_words(argv[1:]).items()"),
                ("sys.exit(main(sys.argv[1:]))", "sys.exit(main(sys.argv))"),
            ]
        },
        fails=("main_counts_the_words_it_is_given",),
        says=("pear: 1", "apple: 1\\nfig: 2'"),
    ),
    # -- folder-app --
    Variant(
        "folder-app",
        "imports-messages-inside-main",
        {"greetapp/__main__.py": (None, LAZY_GREETAPP)},
    ),
    Variant("folder-app", "relative-import-tried-first", {"greetapp/__main__.py": (None, GREETAPP_TRY_RELATIVE)}),
    Variant(
        "folder-app",
        "path-from-file",
        {"greetapp/__main__.py": (None, GREETAPP_PATH_FROM_FILE)},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("sys.path", "greetapp", "change neither"),
    ),
    Variant(
        "folder-app",
        "unguarded-exit-call",
        {
            "greetapp/__main__.py": (
                'if __name__ == "__main__":\n    main(sys.argv[1:])',
                "sys.exit(main(sys.argv[1:]))",
            )
        },
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("SystemExit", "__main__.py, line", "if __name__ == '__main__'"),
        not_says=("plain name",),
    ),
    Variant(
        "folder-app",
        "misspelt-greeting-in-main",
        {"greetapp/__main__.py": ("messages.greeting(", "messages.greting(")},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("AttributeError", "__main__.py, line", "greting"),
        not_says=("printed None",),
    ),
    Variant(
        "folder-app",
        "package-found-from-the-working-directory",
        {"greetapp/__main__.py": (None, GREETAPP_FROM_CWD)},
        fails=("a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("greetapp/messages.py",),
    ),
    Variant(
        "folder-app",
        "world-greeted-without-messages",
        {
            "greetapp/__main__.py": (
                'print(messages.greeting(argv[0] if argv else "world"))',
                'print(messages.greeting(argv[0]) if argv else "Hello, world!")',
            )
        },
        fails=("the_folder_runs",),
        says=("`python greetapp`", "messages.greeting"),
    ),
    Variant(
        "folder-app",
        "messages-loaded-by-file-path",
        {"greetapp/__main__.py": (None, GREETAPP_BY_FILE_PATH)},
        fails=("a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("NotADirectoryError", "no path of its own"),
    ),
    Variant(
        "folder-app",
        "exits-with-the-greeting",
        {"greetapp/__main__.py": (None, GREETAPP_EXITS_WITH_GREETING)},
        fails=("the_folder_runs",),
        says=("exited with code 1", "exit status"),
    ),
    Variant(
        "folder-app",
        "main-reads-sys-argv",
        {"greetapp/__main__.py": (None, GREETAPP_MAIN_READS_SYS_ARGV)},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("main(['Bo'])", "Hello, Eve!"),
    ),
    Variant(
        "folder-app",
        "greeting-copied-into-main",
        {"greetapp/__main__.py": (None, GREETAPP_OWN_GREETING)},
        fails=("the_folder_runs", "a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("messages",),
    ),
    Variant(
        "folder-app",
        "relative-import-kept",
        {"greetapp/__main__.py": ("import messages  # beside", "from . import messages  # beside")},
        fails=(
            "the_folder_runs",
            "a_zip_of_the_folder_runs",
            "a_zipapp_runs",
            "loading_it_under_another_name_prints_nothing",
        ),
        says=("ImportError", "plain name"),
    ),
    Variant(
        "folder-app",
        "folder-put-on-the-path",
        {"greetapp/__main__.py": ("import messages  # beside", "sys.path.insert(0, 'greetapp')\nimport messages  #")},
        fails=("a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("Greetings from the folder", "its own files"),
    ),
    Variant(
        "folder-app",
        "messages-imported-under-the-guard",
        {"greetapp/__main__.py": (None, GREETAPP_IMPORT_UNDER_THE_GUARD)},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("main(['Bo'])", "NameError", "only under the guard"),
    ),
    Variant(
        "folder-app",
        "guard-against-the-readme-name",
        {"greetapp/__main__.py": ('if __name__ == "__main__":', 'if __name__ != "greetapp_entry":')},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("greeter_under_test", "Hello, Eve!", "__name__ == '__main__'"),
    ),
    Variant(
        "folder-app",
        "names-joined",
        {"greetapp/__main__.py": ('argv[0] if argv else "world"', '" ".join(argv) or "world"')},
    ),
    # -- runnable-package --
    Variant(
        "runnable-package",
        "relative-import",
        {"calc/__main__.py": ("from calc.ops import", "from .ops import")},
    ),
    Variant("runnable-package", "module-import-and-own-operators", {"calc/__main__.py": (None, CALC_MODULE_IMPORT)}),
    Variant("runnable-package", "keyerror-is-a-usage-error", {"calc/__main__.py": (None, CALC_KEYERROR_IS_USAGE)}),
    Variant(
        "runnable-package",
        "usage-checks-only-the-count",
        {"calc/__main__.py": ("if len(argv) != 3 or argv[1] not in OPERATORS:", "if len(argv) != 3:")},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("KeyError", "usage"),
    ),
    Variant(
        "runnable-package",
        "operator-tested-as-substring",
        {"calc/__main__.py": ("argv[1] not in OPERATORS", 'argv[1] not in "+-*/"')},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("KeyError", "'+-'", "exactly one of"),
    ),
    Variant(
        "runnable-package",
        "imports-ops-by-plain-name",
        {"calc/__main__.py": ("from calc.ops import", "from ops import")},
        fails=("the_package_runs_with_dash_m", "importing_the_main_module_runs_nothing"),
        says=("ModuleNotFoundError", "calc/__main__.py, line", "'ops'", "calc.ops"),
        not_says=("if __name__", "step 1", "define main"),
    ),
    Variant(
        "runnable-package",
        "guard-not-my-import-name",
        {"calc/__main__.py": ('if __name__ == "__main__":', 'if __name__ != "calc.__main__":')},
        fails=("importing_the_main_module_runs_nothing",),
        says=("calc_entry", "SystemExit", "__name__ == '__main__'"),
    ),
    Variant(
        "runnable-package",
        "eval-instead-of-compute",
        {"calc/__main__.py": (None, CALC_EVAL)},
        fails=("main_prints_what_compute_returns",),
        says=("compute", "42"),
    ),
    Variant(
        "runnable-package",
        "arithmetic-copied-from-ops",
        {"calc/__main__.py": (None, CALC_OWN_ARITHMETIC)},
        fails=("main_prints_what_compute_returns",),
        says=("compute",),
    ),
    Variant(
        "runnable-package",
        "ops-found-by-a-path-hack",
        {"calc/__main__.py": (None, CALC_PATH_HACK)},
        fails=("ops_runs_once_as_part_of_the_package",),
        says=("ops",),
    ),
    Variant(
        "runnable-package",
        "numbers-checked-with-isdigit",
        {"calc/__main__.py": (None, CALC_ISDIGIT)},
        fails=("main_prints_what_compute_returns",),
        says=("2.5",),
    ),
    Variant(
        "runnable-package",
        "x-accepted-for-times",
        {"calc/__main__.py": (None, CALC_X_FOR_TIMES)},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("'x'",),
    ),
    Variant(
        "runnable-package",
        "exits-inside-main",
        {"calc/__main__.py": ("        return 2\n", "        sys.exit(2)\n")},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("SystemExit", "return 2"),
    ),
    Variant(
        "runnable-package",
        "extra-arguments-ignored",
        {
            "calc/__main__.py": [
                ("if len(argv) != 3 or", "if len(argv) < 3 or"),
                ("print(compute(*argv))", "print(compute(argv[0], argv[1], argv[2]))"),
            ]
        },
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("4",),
    ),
    Variant(
        "runnable-package",
        "no-arguments-falls-back-on-sys-argv",
        {"calc/__main__.py": ("def main(argv):\n", "def main(argv=None):\n    argv = argv or sys.argv[1:]\n")},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("main([])", "sys.argv"),
    ),
    Variant(
        "runnable-package",
        "usage-on-stdout",
        {"calc/__main__.py": ('NUMBER", file=sys.stderr)', 'NUMBER")')},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("stderr",),
    ),
    Variant(
        "runnable-package",
        "status-not-passed-on",
        {"calc/__main__.py": ("    sys.exit(main(sys.argv[1:]))", "    main(sys.argv[1:])")},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("exit", "2"),
    ),
    Variant(
        "runnable-package",
        "operator-tested-before-the-count",
        {
            "calc/__main__.py": (
                "if len(argv) != 3 or argv[1] not in OPERATORS:",
                "if argv[1] not in OPERATORS or len(argv) != 3:",
            )
        },
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("main([])", "IndexError"),
    ),
    Variant(
        "runnable-package",
        "main-returns-nothing",
        {"calc/__main__.py": ("    print(compute(*argv))\n    return 0\n", "    print(compute(*argv))\n")},
        fails=("main_prints_what_compute_returns",),
        says=("returned None", "return 0"),
    ),
    Variant(
        "runnable-package",
        "result-rounded",
        {"calc/__main__.py": ("print(compute(*argv))", "print(round(compute(*argv), 2))")},
        fails=("main_prints_what_compute_returns",),
        says=("1.375", "1.38"),
    ),
    Variant(
        "runnable-package",
        "whole-results-printed-as-int",
        {
            "calc/__main__.py": (
                "print(compute(*argv))",
                "result = compute(*argv)\n    print(int(result) if result == int(result) else result)",
            )
        },
    ),
    # -- the adversarial round --
    Variant(
        "dual-use",
        "usage-in-argparse-style",
        {"wordfreq.py": (None, DUAL_ARGPARSE_STYLE_USAGE)},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("usage: wordfreq.py WORD...", "Usage: wordfreq.py WORD [WORD ...]"),
    ),
    Variant(
        "dual-use",
        "usage-names-sys-argv0",
        {"wordfreq.py": (None, DUAL_USAGE_FROM_ARGV0)},
        fails=("main_counts_the_words_it_is_given",),
        says=("usage: wordfreq.py WORD...", "importer.py"),
    ),
    Variant(
        "dual-use",
        "usage-without-the-file-suffix",
        {"wordfreq.py": ('"usage: wordfreq.py WORD..."', '"usage: wordfreq WORD..."')},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("usage: wordfreq.py WORD...",),
    ),
    Variant(
        "dual-use",
        "help-option-added",
        {"wordfreq.py": (None, DUAL_HELP_FLAG)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("-h", "every argument"),
    ),
    Variant(
        "dual-use",
        "options-skipped",
        {"wordfreq.py": (None, DUAL_OPTIONS_SKIPPED)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("-h", "every argument"),
    ),
    Variant(
        "dual-use",
        "blank-words-skipped",
        {"wordfreq.py": (None, DUAL_BLANK_WORDS_SKIPPED)},
        fails=("main_counts_the_words_it_is_given",),
        says=(": 2", "an empty one"),
    ),
    Variant(
        "dual-use",
        "order-ignores-case",
        {"wordfreq.py": (None, DUAL_CASEFOLD_SORT)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("capitals first", "ignoring case"),
    ),
    Variant(
        "dual-use",
        "words-lower-cased",
        {"wordfreq.py": (None, DUAL_WORDS_LOWERED)},
        fails=("it_runs_as_a_script", "main_counts_the_words_it_is_given"),
        says=("every argument", "capitals"),
    ),
    Variant("dual-use", "stderr-imported-from-sys", {"wordfreq.py": (None, DUAL_STDERR_FROM_SYS)}),
    Variant("dual-use", "sorts-its-argument-in-place", {"wordfreq.py": (None, DUAL_SORTS_ITS_ARGUMENT)}),
    Variant(
        "folder-app",
        "imports-messages-with-importlib-in-main",
        {"greetapp/__main__.py": (None, GREETAPP_IMPORTLIB_IN_MAIN)},
    ),
    Variant("folder-app", "greets-each-name", {"greetapp/__main__.py": (None, GREETAPP_GREETS_EACH)}),
    Variant("folder-app", "empty-name-is-the-world", {"greetapp/__main__.py": (None, GREETAPP_EMPTY_NAME_IS_THE_WORLD)}),
    Variant("runnable-package", "imports-compute-in-main", {"calc/__main__.py": (None, CALC_IMPORT_IN_MAIN)}),
    Variant("runnable-package", "errors-of-compute-reported", {"calc/__main__.py": (None, CALC_ERRORS_REPORTED)}),
    Variant("runnable-package", "floats-for-compute", {"calc/__main__.py": (None, CALC_FLOATS_FOR_COMPUTE)}),
    Variant(
        "runnable-package",
        "numbers-checked-with-a-regex",
        {"calc/__main__.py": (None, CALC_REGEX_NUMBERS)},
        fails=("main_prints_what_compute_returns",),
        says=("1e3", "no checking of your own"),
    ),
    Variant(
        "runnable-package",
        "numbers-checked-digit-by-digit",
        {"calc/__main__.py": (None, CALC_DIGITS_CHECKED)},
        fails=("main_prints_what_compute_returns",),
        says=("1e3",),
    ),
    Variant(
        "runnable-package",
        "numbers-checked-with-float",
        {"calc/__main__.py": (None, CALC_FLOAT_CHECKED)},
        fails=("main_prints_what_compute_returns",),
        says=("'two'", "usage", "not a usage error"),
    ),
    Variant(
        "runnable-package",
        "valueerror-is-a-usage-error",
        {"calc/__main__.py": (None, CALC_VALUEERROR_IS_USAGE)},
        fails=("main_prints_what_compute_returns",),
        says=("'two'", "not a usage error"),
    ),
    Variant(
        "runnable-package",
        "division-by-zero-is-a-usage-error",
        {"calc/__main__.py": (None, CALC_ZERO_IS_USAGE)},
        fails=("main_prints_what_compute_returns",),
        says=("['1', '/', '0']", "not a usage error"),
    ),
    Variant(
        "runnable-package",
        "any-error-is-a-usage-error",
        {"calc/__main__.py": (None, CALC_ANY_ERROR_IS_USAGE)},
        fails=("main_prints_what_compute_returns",),
        says=("'two'", "not a usage error"),
    ),
    Variant(
        "runnable-package",
        "result-formatted-with-g",
        {"calc/__main__.py": (None, CALC_FORMAT_G)},
        fails=("main_prints_what_compute_returns",),
        says=("1234500.25", "1.2345e+06"),
    ),
    Variant(
        "runnable-package",
        "operator-stripped",
        {"calc/__main__.py": (None, CALC_OPERATOR_STRIPPED)},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("' + '",),
    ),
    Variant(
        "runnable-package",
        "ops-loaded-by-file-path",
        {"calc/__main__.py": (None, CALC_OPS_BY_FILE_PATH)},
        fails=("ops_runs_once_as_part_of_the_package",),
        says=("not as the module calc.ops",),
    ),
    Variant(
        "runnable-package",
        "plain-name-tried-first",
        {"calc/__main__.py": (None, CALC_PLAIN_NAME_FIRST)},
        fails=("ops_runs_once_as_part_of_the_package",),
        says=("ops.py beside calc/", "full name"),
    ),
]

# -- the second adversarial round: dual-use --------------------------------------------------------------------------

#: The head of wordfreq.py, as the stub has it: the texts below add main and the guard.
_WORDFREQ_HEAD = '''"""Count words: `python wordfreq.py the cat the` prints each word and how often it comes.

Other programs import this module for count_words(), so importing it must
do nothing but define names.
"""

import sys


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts

'''

#: One word taken for a usage error: `python wordfreq.py the` printed `the: 1` before.
DUAL_USAGE_FOR_ONE_WORD = _WORDFREQ_HEAD + '''
def main(argv):
    if len(argv) < 2:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: `not any(argv)`: a list holding only empty words is taken for no words at all.
DUAL_ONLY_EMPTY_IS_USAGE = _WORDFREQ_HEAD + '''
def main(argv):
    if not any(argv):
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The words joined to decide whether there are any: '' alone joins to nothing.
DUAL_JOINED_WORDS_TESTED = _WORDFREQ_HEAD + '''
def main(argv):
    if not "".join(argv):
        sys.stderr.write("usage: wordfreq.py WORD...\\n")
        return 2
    counts = count_words(argv)
    for word in sorted(counts):
        print(f"{word}: {counts[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: A debugging line left in the guard: every run writes it to stderr.
DUAL_DEBUG_LINE_IN_THE_GUARD = _WORDFREQ_HEAD + '''
def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    print(f"[wordfreq] {len(sys.argv) - 1} word(s)", file=sys.stderr)
    sys.exit(main(sys.argv[1:]))
'''

#: main reports on stderr how many words it counts, before the counts.
DUAL_COUNT_REPORTED_ON_STDERR = _WORDFREQ_HEAD + '''
def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    print(f"counting {len(argv)} words", file=sys.stderr)
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: An error line before the usage line, in argparse's habit.
DUAL_ERROR_LINE_BEFORE_THE_USAGE = _WORDFREQ_HEAD + '''
def main(argv):
    if not argv:
        print("wordfreq.py: error: no words given", file=sys.stderr)
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: A line of help after the usage line.
DUAL_HELP_AFTER_THE_USAGE = _WORDFREQ_HEAD + '''
USAGE = """usage: wordfreq.py WORD...
  prints each WORD and how often it comes"""


def main(argv):
    if not argv:
        print(USAGE, file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The old loop kept, with main's words written into sys.argv first: the caller's sys.argv is overwritten.
DUAL_WORDS_WRITTEN_INTO_SYS_ARGV = _WORDFREQ_HEAD + '''
def main(argv):
    sys.argv[1:] = argv
    if len(sys.argv) < 2:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(sys.argv[1:]).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The same, with sys.argv rebound to a new list for the old loop.
DUAL_SYS_ARGV_REBOUND = _WORDFREQ_HEAD + '''
def main(argv):
    sys.argv = ["wordfreq.py"] + list(argv)
    words = sys.argv[1:]
    if not words:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(words).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The module's own folder put on sys.path when it is imported, "so that it is always found".
DUAL_OWN_FOLDER_ON_THE_PATH = '''"""Count words."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: Another answer the README allows: the lines joined with no final newline, the usage written without one either.
DUAL_NO_FINAL_NEWLINE = _WORDFREQ_HEAD + '''
def main(argv):
    if not argv:
        sys.stderr.write("usage: wordfreq.py WORD...")
        return 2
    counts = count_words(argv)
    sys.stdout.write("\\n".join(f"{word}: {counts[word]}" for word in sorted(counts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: Another answer the checks accept: count_words returns a Counter (a dict, with the same counts).
DUAL_COUNT_WORDS_AS_COUNTER = '''"""Count words: `python wordfreq.py the cat the` prints each word and its count."""

import sys
from collections import Counter


def count_words(words):
    return Counter(words)


def main(argv):
    if not argv:
        print("usage: wordfreq.py WORD...", file=sys.stderr)
        return 2
    for word, n in sorted(count_words(argv).items()):
        print(f"{word}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

VARIANTS += [
    Variant(
        "dual-use",
        "usage-for-one-word",
        {"wordfreq.py": (None, DUAL_USAGE_FOR_ONE_WORD)},
        fails=("main_counts_the_words_it_is_given", "it_runs_with_dash_m"),
        says=("one word is words to count", "usage"),
    ),
    Variant(
        "dual-use",
        "only-empty-words-is-usage",
        {"wordfreq.py": (None, DUAL_ONLY_EMPTY_IS_USAGE)},
        fails=("main_counts_the_words_it_is_given",),
        says=("main([''])", ": 1", "empty word"),
    ),
    Variant(
        "dual-use",
        "joined-words-tested",
        {"wordfreq.py": (None, DUAL_JOINED_WORDS_TESTED)},
        fails=("main_counts_the_words_it_is_given",),
        says=("main([''])", "empty word"),
    ),
    Variant(
        "dual-use",
        "debug-line-in-the-guard",
        {"wordfreq.py": (None, DUAL_DEBUG_LINE_IN_THE_GUARD)},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m"),
        says=("nothing to stderr", "[wordfreq] ", "debugging line"),
    ),
    Variant(
        "dual-use",
        "count-reported-on-stderr",
        {"wordfreq.py": (None, DUAL_COUNT_REPORTED_ON_STDERR)},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("nothing to stderr", "counting"),
    ),
    Variant(
        "dual-use",
        "error-line-before-the-usage",
        {"wordfreq.py": (None, DUAL_ERROR_LINE_BEFORE_THE_USAGE)},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("and nothing else", "no words given", "no other message"),
    ),
    Variant(
        "dual-use",
        "help-after-the-usage",
        {"wordfreq.py": (None, DUAL_HELP_AFTER_THE_USAGE)},
        fails=("it_runs_as_a_script", "it_runs_with_dash_m", "main_counts_the_words_it_is_given"),
        says=("and nothing else", "prints each WORD"),
    ),
    Variant(
        "dual-use",
        "words-written-into-sys-argv",
        {"wordfreq.py": (None, DUAL_WORDS_WRITTEN_INTO_SYS_ARGV)},
        fails=("main_counts_the_words_it_is_given",),
        says=("sys.argv", "'importer.py', 'pear'", "leaves sys.argv alone"),
    ),
    Variant(
        "dual-use",
        "sys-argv-rebound",
        {"wordfreq.py": (None, DUAL_SYS_ARGV_REBOUND)},
        fails=("main_counts_the_words_it_is_given",),
        says=("sys.argv", "'wordfreq.py', 'pear'"),
    ),
    Variant(
        "dual-use",
        "own-folder-put-on-the-path",
        {"wordfreq.py": (None, DUAL_OWN_FOLDER_ON_THE_PATH)},
        fails=("importing_prints_nothing",),
        says=("sys.path", "import wordfreq"),
    ),
    Variant("dual-use", "no-final-newline", {"wordfreq.py": (None, DUAL_NO_FINAL_NEWLINE)}),
    Variant("dual-use", "count-words-returns-a-counter", {"wordfreq.py": (None, DUAL_COUNT_WORDS_AS_COUNTER)}),
]

# -- the second adversarial round: folder-app ------------------------------------------------------------------------

#: The name "tidied" with capitalize(): `python greetapp McAda` greets Mcada.
GREETAPP_NAME_CAPITALIZED = '''"""Greet someone: python greetapp [NAME]"""

import sys

import messages


def main(argv):
    name = argv[0].strip().capitalize() if argv else "world"
    print(messages.greeting(name))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The name title-cased: `zoe` becomes Zoe.
GREETAPP_NAME_TITLED = '''"""Greet someone: python greetapp [NAME]"""

import sys

from messages import greeting


def main(argv):
    print(greeting(argv[0].title() if argv else "world"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: A debugging line left in the guard: every run writes where it runs from to stderr.
GREETAPP_DEBUG_LINE = '''"""Greet someone: python greetapp [NAME]"""

import sys

import messages


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    print(f"[greetapp] running from {sys.path[0]}", file=sys.stderr)
    main(sys.argv[1:])
'''

#: The relative import tried first, and its failure reported on stderr on every run.
GREETAPP_IMPORT_FAILURE_REPORTED = '''"""Greet someone: python greetapp [NAME]"""

import sys

try:
    from . import messages
except ImportError as error:
    print(f"note: {error}; using plain import", file=sys.stderr)
    import messages


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: The folder of __file__ appended to sys.path, "so that messages is always found": loaded by runpy, that entry
#: stays in the caller's sys.path.
GREETAPP_FOLDER_APPENDED = '''"""Greet someone: python greetapp [NAME]"""

import os
import sys

sys.path.append(os.path.dirname(__file__))
import messages  # noqa: E402


def main(argv):
    print(messages.greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

#: Another answer the README allows: `from messages import greeting`, the name unpacked, sys.exit(0) in the guard.
GREETAPP_UNPACKED = '''"""Greet someone: python greetapp [NAME]"""

import sys

from messages import greeting


def main(argv: list[str]) -> None:
    name, *_ = argv or ["world"]
    print(greeting(name))


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)
'''

VARIANTS += [
    Variant(
        "folder-app",
        "name-capitalized",
        {"greetapp/__main__.py": (None, GREETAPP_NAME_CAPITALIZED)},
        fails=("the_folder_runs", "a_zip_of_the_folder_runs"),
        says=("as it is given",),
    ),
    Variant(
        "folder-app",
        "name-title-cased",
        {"greetapp/__main__.py": (None, GREETAPP_NAME_TITLED)},
        fails=("the_folder_runs", "a_zip_of_the_folder_runs"),
        says=("as it is given",),
    ),
    Variant(
        "folder-app",
        "debug-line-on-stderr",
        {"greetapp/__main__.py": (None, GREETAPP_DEBUG_LINE)},
        fails=("the_folder_runs", "a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("nothing else", "[greetapp] running from", "debugging line"),
    ),
    Variant(
        "folder-app",
        "import-failure-reported",
        {"greetapp/__main__.py": (None, GREETAPP_IMPORT_FAILURE_REPORTED)},
        fails=("the_folder_runs", "a_zip_of_the_folder_runs", "a_zipapp_runs"),
        says=("nothing else", "note:"),
    ),
    Variant(
        "folder-app",
        "folder-appended-to-the-path",
        {"greetapp/__main__.py": (None, GREETAPP_FOLDER_APPENDED)},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("sys.path", "'greetapp'"),
    ),
    Variant("folder-app", "greeting-imported-and-name-unpacked", {"greetapp/__main__.py": (None, GREETAPP_UNPACKED)}),
]

# -- the second adversarial round: runnable-package ------------------------------------------------------------------

#: Trailing zeros "tidied" off the text of the result: 10 prints as 1.
CALC_ZEROS_STRIPPED = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(str(compute(argv[0], argv[1], argv[2])).rstrip("0").rstrip("."))
    return 0
""" + _CALC_TAIL

#: A division by zero answered with infinity, and success.
CALC_ZERO_IS_INFINITY = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    try:
        result = compute(argv[0], argv[1], argv[2])
    except ZeroDivisionError:
        result = float("inf")
    print(result)
    return 0
""" + _CALC_TAIL

#: compute's error printed as if it were the result, and success.
CALC_ERROR_PRINTED_AS_RESULT = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    try:
        print(compute(*argv))
    except (ValueError, ZeroDivisionError) as exc:
        print(f"error: {exc}")
    return 0
""" + _CALC_TAIL

#: compute's error reported on stderr, then main falls off its end: None, which is exit status 0.
CALC_ERROR_REPORTED_WITHOUT_STATUS = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    try:
        result = compute(argv[0], argv[1], argv[2])
    except Exception as exc:
        print(f"calc: {exc}", file=sys.stderr)
        return
    print(result)
    return 0
""" + _CALC_TAIL

#: The folder above calc/ put first on sys.path "to make the import work from anywhere": an importer keeps it.
CALC_PARENT_ON_THE_PATH = _CALC_HEAD + """import os

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from calc.ops import compute  # noqa: E402


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(compute(argv[0], argv[1], argv[2]))
    return 0
""" + _CALC_TAIL

#: The same, with the parent written with os.pardir and appended.
CALC_PARDIR_APPENDED = _CALC_HEAD + """import os

sys.path.append(os.path.join(os.path.dirname(__file__), os.pardir))

from calc import ops  # noqa: E402


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(ops.compute(*argv))
    return 0
""" + _CALC_TAIL

#: Another answer the checks accept: a whole result printed as an int (the real compute returns it so already).
CALC_WHOLE_AS_INT = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    result = compute(argv[0], argv[1], argv[2])
    if float(result).is_integer():
        result = int(result)
    print(result)
    return 0
""" + _CALC_TAIL

#: Another correct answer: a match statement, and compute imported only when main needs it.
CALC_MATCH_LAZY = _CALC_HEAD + """
def main(argv):
    match list(argv):
        case [left, ("+" | "-" | "*" | "/") as op, right]:
            from calc.ops import compute

            print(compute(left, op, right))
            return 0
        case _:
            print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
            return 2
""" + _CALC_TAIL

VARIANTS += [
    Variant(
        "runnable-package",
        "zeros-stripped-off-the-result",
        {"calc/__main__.py": (None, CALC_ZEROS_STRIPPED)},
        fails=("main_prints_what_compute_returns",),
        says=("['9.5', '+', '0.25']", "10", "printed '1'"),
    ),
    Variant(
        "runnable-package",
        "division-by-zero-is-infinity",
        {"calc/__main__.py": (None, CALC_ZERO_IS_INFINITY)},
        fails=("main_prints_what_compute_returns",),
        says=("['1', '/', '0']", "not to succeed", "'inf'", "returned 0"),
    ),
    Variant(
        "runnable-package",
        "error-printed-as-the-result",
        {"calc/__main__.py": (None, CALC_ERROR_PRINTED_AS_RESULT)},
        fails=("main_prints_what_compute_returns",),
        says=("['2', '+', 'two']", "not to succeed", "returned 0"),
    ),
    Variant(
        "runnable-package",
        "error-reported-without-a-status",
        {"calc/__main__.py": (None, CALC_ERROR_REPORTED_WITHOUT_STATUS)},
        fails=("main_prints_what_compute_returns",),
        says=("not to succeed", "returned None"),
    ),
    Variant(
        "runnable-package",
        "parent-put-on-the-path",
        {"calc/__main__.py": (None, CALC_PARENT_ON_THE_PATH)},
        fails=("importing_the_main_module_runs_nothing",),
        says=("import calc.__main__", "sys.path", "first"),
    ),
    Variant(
        "runnable-package",
        "pardir-appended-to-the-path",
        {"calc/__main__.py": (None, CALC_PARDIR_APPENDED)},
        fails=("importing_the_main_module_runs_nothing",),
        says=("import calc.__main__", "sys.path", ".."),
    ),
    Variant("runnable-package", "whole-result-as-int", {"calc/__main__.py": (None, CALC_WHOLE_AS_INT)}),
    Variant("runnable-package", "match-and-import-in-main", {"calc/__main__.py": (None, CALC_MATCH_LAZY)}),
]

#: The result formatted to ten significant digits "so that long fractions stay readable": 0.5833333333333333 is cut.
CALC_TEN_DIGITS = _CALC_HEAD + """from calc.ops import compute


def main(argv):
    if len(argv) != 3 or argv[1] not in ("+", "-", "*", "/"):
        print("usage: python -m calc NUMBER OPERATOR NUMBER", file=sys.stderr)
        return 2
    print(format(compute(argv[0], argv[1], argv[2]), ".10g"))
    return 0
""" + _CALC_TAIL

VARIANTS += [
    Variant(
        "runnable-package",
        "result-to-ten-digits",
        {"calc/__main__.py": (None, CALC_TEN_DIGITS)},
        fails=("main_prints_what_compute_returns",),
        says=("0.5833333333333333", "0.5833333333"),
    ),
]

# -- pickle-anywhere -------------------------------------------------------------------------------------------------

_SHAPES_INIT = "from .model import Drawing, Point, load"
_SHAPES_TOOL_IMPORT = "from shapes.model import Drawing, Point, save"

_SHAPES_CLASSES = '''

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Drawing:
    def __init__(self, points):
        self.points = list(points)
'''

_SHAPES_MAIN = '''

def main(argv):
    if len(argv) < 2:
        print("usage: python -m shapes.tool FILE X,Y [X,Y ...]", file=sys.stderr)
        return 2
    points = [Point(*map(int, pair.split(","))) for pair in argv[1:]]
    save(Drawing(points), argv[0])
    print(f"saved {len(points)} points to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

#: The classes moved, but tool.py keeps its own copies "for the command line": -m saves __main__'s again.
SHAPES_COPIES_LEFT = "import sys\n\nfrom shapes.model import save\n" + _SHAPES_CLASSES + _SHAPES_MAIN

#: The old cure for pickles made by a script: the guard imports the module by its name and calls its main, so the
#: objects come from shapes.tool's classes. They load, but the classes never moved, and the tool runs twice.
SHAPES_REIMPORT_IN_GUARD = (
    "import pickle\nimport sys\n"
    + _SHAPES_CLASSES
    + '''

def save(drawing, path):
    with open(path, "wb") as file:
        pickle.dump(drawing, file)


def load(path):
    with open(path, "rb") as file:
        return pickle.load(file)
'''
    + _SHAPES_MAIN.replace(
        "    sys.exit(main(sys.argv[1:]))", "    import shapes.tool\n\n    sys.exit(shapes.tool.main(sys.argv[1:]))"
    )
)

#: The classes stay under the guard's eyes: the tool defines its own, and only when it is __main__ swaps in the
#: model's. Started with -m the files are right; called by an importing program they name shapes.tool's classes.
SHAPES_SWAP_UNDER_GUARD = "import sys\n\nfrom shapes.model import save\n" + _SHAPES_CLASSES + _SHAPES_MAIN.replace(
    'if __name__ == "__main__":\n',
    'if __name__ == "__main__":\n    from shapes.model import Drawing, Point\n\n',
)

#: Files "any program can read": plain lists of pairs instead of the objects, rebuilt by load.
SHAPES_MODEL_AS_PAIRS = (
    '"""Points and drawings, saved as plain pairs."""\n\nimport pickle\n'
    + _SHAPES_CLASSES
    + '''

def save(drawing, path):
    with open(path, "wb") as file:
        pickle.dump([(p.x, p.y) for p in drawing.points], file)


def load(path):
    with open(path, "rb") as file:
        return Drawing(Point(x, y) for x, y in pickle.load(file))
'''
)

#: A right answer: dataclasses in the model, the tool taking it relatively as a module, load written in the package.
SHAPES_DATACLASS_MODEL = '''"""Points and drawings."""

from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Drawing:
    points: list = field(default_factory=list)

    def __post_init__(self):
        self.points = list(self.points)
'''
SHAPES_TOOL_WITH_SAVE = '''"""Save a drawing: python -m shapes.tool FILE X,Y [X,Y ...]."""

import pickle
import sys

from . import model


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: python -m shapes.tool FILE X,Y [X,Y ...]\\n")
        return 2
    drawing = model.Drawing([model.Point(int(a), int(b)) for a, b in (pair.split(",") for pair in argv[1:])])
    with open(argv[0], "wb") as file:
        pickle.dump(drawing, file)
    print("saved", len(drawing.points), "points to", argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''
SHAPES_INIT_WITH_LOAD = '''"""Shapes: points and drawings."""

import pickle

from shapes.model import Drawing, Point


def load(path):
    with open(path, "rb") as file:
        return pickle.load(file)
'''

VARIANTS += [
    Variant(
        "pickle-anywhere",
        "init-still-imports-the-tool",
        {"shapes/__init__.py": (_SHAPES_INIT, "from .tool import Drawing, Point\nfrom .model import load")},
        fails=("dash_m_runs_the_tool_once_without_a_warning", "the_package_offers_the_model_classes"),
        says=("shapes/__init__.py",),
    ),
    Variant(
        "pickle-anywhere",
        "init-imports-the-tool-module-too",
        {"shapes/__init__.py": (_SHAPES_INIT, "from . import tool\n" + _SHAPES_INIT)},
        fails=("dash_m_runs_the_tool_once_without_a_warning", "the_package_offers_the_model_classes"),
        says=("shapes.tool",),
    ),
    Variant(
        "pickle-anywhere",
        "warning-silenced-in-the-package",
        {"shapes/__init__.py": (
            "from .model import Drawing, Point, load",
            "import warnings\n\nwarnings.filterwarnings('ignore', category=RuntimeWarning)\n"
            "from .model import Drawing, Point, load\nfrom . import tool",
        )},
        fails=("dash_m_runs_the_tool_once_without_a_warning",),
        says=("2 times",),
    ),
    Variant(
        "pickle-anywhere",
        "tool-keeps-copies-of-the-classes",
        {"shapes/tool.py": (None, SHAPES_COPIES_LEFT)},
        fails=("a_drawing_saved_with_dash_m_loads_anywhere", "a_drawing_saved_by_an_importing_program_loads_anywhere"),
        says=("shapes.model.Drawing", "model.py"),
    ),
    Variant(
        "pickle-anywhere",
        "guard-reimports-the-tool",
        {
            "shapes/tool.py": (None, SHAPES_REIMPORT_IN_GUARD),
            "shapes/model.py": (None, "from shapes.tool import Drawing, Point, load, save\n"),
        },
        fails=(
            "a_drawing_saved_with_dash_m_loads_anywhere",
            "a_drawing_saved_by_an_importing_program_loads_anywhere",
            "dash_m_runs_the_tool_once_without_a_warning",
        ),
        says=("shapes.model",),
    ),
    Variant(
        "pickle-anywhere",
        "model-swapped-in-only-under-the-guard",
        {"shapes/tool.py": (None, SHAPES_SWAP_UNDER_GUARD)},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("shapes.tool.Drawing", "model.py"),
    ),
    Variant(
        "pickle-anywhere",
        "model-imported-as-a-top-level-module",
        {"shapes/tool.py": ("from shapes.model import Drawing, Point, save", "from model import Drawing, Point, save")},
        fails=("a_drawing_saved_with_dash_m_loads_anywhere", "a_drawing_saved_by_an_importing_program_loads_anywhere"),
        says=("model",),
    ),
    Variant(
        "pickle-anywhere",
        "init-left-empty",
        {"shapes/__init__.py": (None, '"""Shapes: points and drawings."""\n')},
        fails=("the_package_offers_the_model_classes",),
        says=("from shapes import",),
    ),
    Variant(
        "pickle-anywhere",
        "files-hold-plain-pairs",
        {"shapes/model.py": (None, SHAPES_MODEL_AS_PAIRS)},
        fails=("a_drawing_saved_with_dash_m_loads_anywhere", "a_drawing_saved_by_an_importing_program_loads_anywhere"),
        says=("shapes.model.Drawing",),
    ),
    Variant(
        "pickle-anywhere",
        "dataclasses-and-load-in-the-package",
        {
            "shapes/model.py": (None, SHAPES_DATACLASS_MODEL),
            "shapes/tool.py": (None, SHAPES_TOOL_WITH_SAVE),
            "shapes/__init__.py": (None, SHAPES_INIT_WITH_LOAD),
        },
    ),
    Variant(
        "pickle-anywhere",
        "relative-imports-and-a-star",
        {
            "shapes/tool.py": (_SHAPES_TOOL_IMPORT, "from .model import Drawing, Point, save"),
            "shapes/__init__.py": ("from .model import Drawing, Point, load", "from shapes.model import *"),
        },
    ),
]

# pickle-anywhere, adversarial round (written from the README and the stubs alone)

#: The classes stay in tool.py, told to call themselves shapes.model's; model.py re-exports them. Run with -m, the
#: __main__ copy's classes claim a name that already belongs to the copy imported as shapes.tool: pickle refuses.
SHAPES_MODULE_RENAMED = (
    "import pickle\nimport sys\n"
    + _SHAPES_CLASSES
    + '''

Point.__module__ = Drawing.__module__ = "shapes.model"


def save(drawing, path):
    with open(path, "wb") as file:
        pickle.dump(drawing, file)


def load(path):
    with open(path, "rb") as file:
        return pickle.load(file)
'''
    + _SHAPES_MAIN
)

#: A right answer from another chapter: the package gives load through a module __getattr__, so importing shapes
#: does not import the tool, and load and save stay in tool.py.
SHAPES_TOOL_WITH_LOAD = (
    '"""Save a drawing."""\n\nimport pickle\nimport sys\n\nfrom shapes.model import Drawing, Point\n'
    + '''

def save(drawing, path):
    with open(path, "wb") as file:
        pickle.dump(drawing, file)


def load(path):
    with open(path, "rb") as file:
        return pickle.load(file)
'''
    + _SHAPES_MAIN
)
SHAPES_INIT_GETATTR = '''"""Shapes: points and drawings."""

from shapes.model import Drawing, Point


def __getattr__(name):
    if name == "load":
        from shapes.tool import load

        return load
    raise AttributeError(name)
'''

VARIANTS += [
    Variant(
        "pickle-anywhere",
        "tool-classes-renamed-to-the-model",
        {
            "shapes/tool.py": (None, SHAPES_MODULE_RENAMED),
            "shapes/model.py": (None, "from shapes.tool import Drawing, Point, load, save  # noqa: F401\n"),
        },
        fails=("a_drawing_saved_with_dash_m_loads_anywhere", "dash_m_runs_the_tool_once_without_a_warning"),
        says=("python -m shapes.tool",),
    ),
    Variant(
        "pickle-anywhere",
        "load-through-a-module-getattr",
        {
            "shapes/model.py": (None, _SHAPES_CLASSES.lstrip()),
            "shapes/tool.py": (None, SHAPES_TOOL_WITH_LOAD),
            "shapes/__init__.py": (None, SHAPES_INIT_GETATTR),
        },
    ),
]

# pickle-anywhere, second adversarial round (an adversary's, from the README alone)

_SOLUTION_TOOL_MAIN_LINE = '    print(f"saved {len(points)} points to {path}")'

#: The copies stay in tool.py above the import of the model's, which hides them: every file names the model's
#: classes, but tool.py still has "a copy of its own".
SHAPES_COPIES_HIDDEN_BY_IMPORT = (
    "import sys\n" + _SHAPES_CLASSES + "\n\nfrom shapes.model import Drawing, Point, save  # noqa: E402\n"
)

#: The tool keeps its own classes and has copyreg pickle them as the model's: the files are right, the copies stay.
SHAPES_COPIES_SAVED_AS_THE_MODEL = (
    "import copyreg\nimport sys\n\nfrom shapes import model\nfrom shapes.model import save\n"
    + _SHAPES_CLASSES
    + """

copyreg.pickle(Point, lambda p: (model.Point, (p.x, p.y)))
copyreg.pickle(Drawing, lambda d: (model.Drawing, (d.points,)))
"""
)

VARIANTS += [
    Variant(
        "pickle-anywhere",
        "tool-copies-hidden-by-a-later-import",
        {"shapes/tool.py": (_SHAPES_TOOL_IMPORT, SHAPES_COPIES_HIDDEN_BY_IMPORT)},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("class statement", "step 1"),
    ),
    Variant(
        "pickle-anywhere",
        "tool-copies-pickled-as-the-model-s",
        {"shapes/tool.py": (_SHAPES_TOOL_IMPORT, SHAPES_COPIES_SAVED_AS_THE_MODEL)},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("class statement", "step 1"),
    ),
    Variant(
        "pickle-anywhere",
        "one-point-said-in-the-singular",
        {"shapes/tool.py": (
            _SOLUTION_TOOL_MAIN_LINE,
            "    print(f\"saved {len(points)} point{'' if len(points) == 1 else 's'} to {path}\")",
        )},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("saved 1 points to one.pkl",),
    ),
    Variant(
        "pickle-anywhere",
        "usage-on-stdout-with-status-1",
        {"shapes/tool.py": (
            '        print("usage: python -m shapes.tool FILE X,Y [X,Y ...]", file=sys.stderr)\n        return 2',
            '        print("usage: python -m shapes.tool FILE X,Y [X,Y ...]")\n        return 1',
        )},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("usage", "stderr"),
    ),
    Variant(
        "pickle-anywhere",
        "main-ends-the-program-after-saving",
        {"shapes/tool.py": [
            ("    return 0\n", "    sys.exit(0)\n"),
            ("    sys.exit(main(sys.argv[1:]))", "    main(sys.argv[1:])"),
        ]},
        fails=("a_drawing_saved_by_an_importing_program_loads_anywhere",),
        says=("SystemExit",),
    ),
    # Accepted on purpose: main ends the program on a usage error, with the usage on stderr and status 2, as the
    # README's command line does; the README asks main to return (0) only after saving.
    Variant(
        "pickle-anywhere",
        "usage-error-ends-the-program",
        {"shapes/tool.py": (
            "file=sys.stderr)\n        return 2\n",
            "file=sys.stderr)\n        sys.exit(2)\n",
        )},
    ),
]
