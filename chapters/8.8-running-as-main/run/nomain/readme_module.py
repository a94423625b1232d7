print("no __main__ here")
