WHICH = "first"
