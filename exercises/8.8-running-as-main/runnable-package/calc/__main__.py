"""Run the calculator: python -m calc 2 + 3

Step 1 of the README: write this module.
"""
