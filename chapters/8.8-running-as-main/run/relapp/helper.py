MESSAGE = "never reached"
