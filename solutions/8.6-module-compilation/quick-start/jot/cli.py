"""The command line of jot: `python -m jot add WORDS...`, `list`, or `stats`."""

import argparse

from jot import store


def parser():
    jot = argparse.ArgumentParser(prog="jot", description="Notes on the command line.")
    commands = jot.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add a note")
    add.add_argument("words", nargs="+", help="the note")
    commands.add_parser("list", help="show the notes, oldest first")
    commands.add_parser("stats", help="how long the notes are")
    return jot


def main(argv):
    args = parser().parse_args(argv)
    if args.command == "add":
        store.add(" ".join(args.words))
    elif args.command == "list":
        for number, note in enumerate(store.notes(), 1):
            print(f"{number}. {note}")
    else:
        # Only this command needs report, and the statistics module it imports: `--help`, add and list
        # start without them (python -X importtime -m jot --help shows what each import costs).
        from jot import report

        print(report.summary(store.notes()))
    return 0
