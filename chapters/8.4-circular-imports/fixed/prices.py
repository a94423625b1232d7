from counts import COUNT

TOTAL = COUNT * 2
