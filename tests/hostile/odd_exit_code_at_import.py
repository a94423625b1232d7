"""SystemExit with a value that is not an exit status.
expect: value=fail call=fail
message: SystemExit
"""
raise SystemExit(3.5)
