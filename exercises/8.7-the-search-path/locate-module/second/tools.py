WHICH = "second"
