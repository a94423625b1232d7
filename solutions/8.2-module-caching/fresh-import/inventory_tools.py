"""Not part of the inventory package: its name only starts the same way."""

import runlog

runlog.RUNS.append(__name__)
