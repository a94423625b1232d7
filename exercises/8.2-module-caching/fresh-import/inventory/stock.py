import runlog

runlog.RUNS.append(__name__)
ITEMS = {"apples": 3, "pears": 5}
