import pets.cat

KINDS = {"cat": pets.cat}  # asks the package for its attribute `cat`
