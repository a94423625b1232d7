"""Statistics about the notes. The statistics module takes a while to import, with all it imports itself."""

import statistics


def summary(notes):
    if not notes:
        return "no notes yet"
    words = [len(note.split()) for note in notes]
    return (
        f"{len(notes)} notes, {statistics.mean(words):.1f} words on average "
        f"(median {statistics.median(words)}, longest {max(words)})"
    )
