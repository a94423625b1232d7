WHERE = "extra/helpers.py"
