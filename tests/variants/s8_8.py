"""Section 8.8, running as the main program."""

from . import Variant

#: folder-app's __main__.py with `import messages` inside main: the folder is sys.path[0] whenever it runs.
LAZY_GREETAPP = '''"""Greet someone: python greetapp [NAME]"""

import sys


def main(argv):
    from messages import greeting  # beside __main__.py: the folder (or archive) is sys.path[0]

    print(greeting(argv[0] if argv else "world"))


if __name__ == "__main__":
    main(sys.argv[1:])
'''

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
    Variant(
        "dual-use",
        "misspelt-count-words-in-main",
        {"wordfreq.py": ("count_words(argv)", "count_word(argv)")},
        fails=("it_runs_as_a_script", "importing_prints_nothing", "it_runs_with_dash_m_but_not_from_runpy_by_name"),
        says=("NameError", "wordfreq.py, line", "count_word"),
        not_says=("alphabetical", "step 1", "guarded code runs"),
    ),
    Variant("folder-app", "imports-messages-inside-main", {"greetapp/__main__.py": (None, LAZY_GREETAPP)}),
    Variant(
        "dual-use",
        "sorted-by-count",
        {
            "wordfreq.py": (
                "sorted(count_words(argv).items())",
                "sorted(count_words(argv).items(), key=lambda item: item[1])",
            )
        },
        fails=("importing_prints_nothing",),
        says=("alphabetical", "b: 1"),
    ),
    Variant(
        "folder-app",
        "unguarded-exit-call",
        {
            "greetapp/__main__.py": (
                'if __name__ == "__main__":\n    main(sys.argv[1:])',
                "sys.exit(main(sys.argv[1:]))",
            )
        },
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("SystemExit", "__main__.py, line", "if __name__ == '__main__'"),
        not_says=("plain name",),
    ),
    Variant(
        "folder-app",
        "misspelt-greeting-in-main",
        {"greetapp/__main__.py": ("messages.greeting(", "messages.greting(")},
        fails=("loading_it_under_another_name_prints_nothing",),
        says=("AttributeError", "__main__.py, line", "greting"),
        not_says=("printed None",),
    ),
    Variant(
        "runnable-package",
        "usage-checks-only-the-count",
        {"calc/__main__.py": ("if len(argv) != 3 or argv[1] not in OPERATORS:", "if len(argv) != 3:")},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("python -m calc 2 % 3", "KeyError", "usage"),
    ),
    Variant(
        "runnable-package",
        "operator-tested-as-substring",
        {"calc/__main__.py": ("argv[1] not in OPERATORS", 'argv[1] not in "+-*/"')},
        fails=("a_wrong_command_line_is_a_usage_error",),
        says=("python -m calc 2 +- 3", "KeyError", "OPERATORS"),
    ),
    Variant(
        "runnable-package",
        "imports-ops-by-plain-name",
        {"calc/__main__.py": ("from calc.ops import", "from ops import")},
        fails=("the_package_runs_with_dash_m", "importing_the_main_module_runs_nothing"),
        says=("ModuleNotFoundError", "calc/__main__.py, line", "'ops'", "calc.ops"),
        not_says=("if __name__", "step 1", "define main"),
    ),
    Variant(
        "dual-use",
        "guard-not-my-import-name",
        {"wordfreq.py": ('if __name__ == "__main__":', 'if __name__ != "wordfreq":')},
        fails=("importing_prints_nothing",),
        says=("wordfreq_copy", "loader: 1", "__name__ == '__main__'"),
        not_says=("raised nothing",),
    ),
    Variant(
        "runnable-package",
        "guard-not-my-import-name",
        {"calc/__main__.py": ('if __name__ == "__main__":', 'if __name__ != "calc.__main__":')},
        fails=("importing_the_main_module_runs_nothing",),
        says=("calc_entry", "SystemExit", "__name__ == '__main__'"),
    ),
    Variant(
        "runnable-package",
        "relative-import",
        {"calc/__main__.py": ("from calc.ops import", "from .ops import")},
    ),
]
