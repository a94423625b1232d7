# -*- coding: klingon -*-
"""Declares an encoding Python does not know.
expect: value=fail call=fail
message: SyntaxError
"""
VALUE = 1
