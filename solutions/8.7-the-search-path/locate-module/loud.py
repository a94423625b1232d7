"""Leaves a trace whenever its body runs."""

with open("loud-ran.txt", "w") as trace:
    trace.write("loud.py ran\n")
