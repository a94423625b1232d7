import stock

TOTAL = stock.COUNT * 2  # needs stock to be finished already
