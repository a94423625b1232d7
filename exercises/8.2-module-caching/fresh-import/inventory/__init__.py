import runlog

from . import stock  # noqa: F401  (the package always loads its stock)

runlog.RUNS.append(__name__)
