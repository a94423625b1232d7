"""Older code that imports statistics by its real name. Leave this file as it is."""

import statistics


def spread(numbers):
    return statistics.pstdev(numbers)
