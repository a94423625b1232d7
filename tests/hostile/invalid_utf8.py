"""Not valid UTF-8, and no encoding declared.
expect: value=fail call=fail
message: SyntaxError
"""
VALUE = "ÿþ"
