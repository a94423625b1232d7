"""The notes, one a line, in the file notes.txt in the current folder."""

import os

FILE = "notes.txt"


def add(note):
    with open(FILE, "a", encoding="utf-8") as file:
        file.write(note.replace("\n", " ") + "\n")


def notes():
    if not os.path.exists(FILE):
        return []
    with open(FILE, encoding="utf-8") as file:
        return [line.rstrip("\n") for line in file]
