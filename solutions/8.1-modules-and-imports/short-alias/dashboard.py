"""Numbers for the team dashboard."""

import statistics as st


def summary(numbers):
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    return f"mean {st.mean(numbers):g}, median {st.median(numbers):g}"
