from . import helper  # a relative import: relative to which package?

print(helper.MESSAGE)
