"""Section 8.8, running as the main program."""

from . import Variant

VARIANTS = [
    Variant(
        "dual-use",
        "ends-with-exit",
        {"wordfreq.py": ("    sys.exit(main(sys.argv[1:]))", "    exit(main(sys.argv[1:]))")},
    ),
    Variant(
        "dual-use",
        "misspelt-exit-call",
        {"wordfreq.py": ("    sys.exit(main(sys.argv[1:]))", "    exti(main(sys.argv[1:]))")},
        fails=("it_runs_as_a_script",),
        says=("NameError", "wordfreq.py, line", "exti"),
    ),
]
