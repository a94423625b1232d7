"""Averages. The statistics module it needs takes a while to import."""

import statistics


def mean(values):
    return statistics.fmean(values)
