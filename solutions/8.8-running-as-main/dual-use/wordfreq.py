"""Count words: `python wordfreq.py the cat the` prints each word and how often it comes.

Other programs import this module for count_words(), so importing it must
do nothing but define names.
"""

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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
