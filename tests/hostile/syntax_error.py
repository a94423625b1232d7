"""Not Python at all.
expect: value=fail call=fail
message: SyntaxError
"""
VALUE = 1
def work(:
    return 42
