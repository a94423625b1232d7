"""Facts about money that several modules share.

Step 1 of the README: move CURRENCY here.
"""
