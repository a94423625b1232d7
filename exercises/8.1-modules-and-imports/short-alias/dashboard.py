"""Numbers for the team dashboard.

Step 1 of the README: import `statistics` under the name `st`, and only
under that name.
"""

import statistics


def summary(numbers):
    """Return a line like 'mean 4, median 3' for a list of numbers, using st.mean and st.median."""
    raise NotImplementedError
