"""Never finishes importing.
expect: value=timeout call=skipped
message: mod.py, line
"""
VALUE = 1
while True:
    pass
