"""Verdicts in words a learner can act on: what was expected, what was seen, a hint."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class CheckFailed(AssertionError):
    """A check did not see what it expected. Worth zero points, never a grader error."""

    status = "fail"

    def __init__(self, expected: str, saw: str, hint: str | None = None):
        self.expected, self.saw, self.hint = expected, saw, hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"Expected {self.expected}, but {self.saw}."
        if self.hint:
            text += f" Hint: {self.hint}"
        return text


class StudentTimeout(CheckFailed):
    """The student's code ran past its time limit."""

    status = "timeout"


#: The hint when a program a check ran stopped with an exception the check was not about.
FIX_THE_NAMED_LINE = "fix the line that the exception names: the program must run to its end."


def expect(condition: object, *, expected: str, saw: str, hint: str | None = None) -> None:
    """Fail the check with a learner's message unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(expected, saw, hint)


@dataclass(frozen=True)
class ErrorInfo:
    """An exception raised by the student's code, as the probe harness saw it."""

    type: str  # class name, e.g. "ModuleNotFoundError"
    classes: tuple[str, ...]  # class names up the hierarchy, to ask "is it an ImportError?"
    message: str
    name: str | None = None  # ImportError.name / NameError.name / AttributeError.name
    filename: str | None = None  # the student's file (relative to the exercise) or "<check>"
    lineno: int | None = None
    line: str | None = None  # the source line, when known
    frames: tuple[tuple[str, int, str], ...] = field(default_factory=tuple)
    #: "cycle": it asked a module for a name while that module's body was still running;
    #: "shadow": that module is a file of the student's named like a standard-library module.
    trouble: str | None = None

    def __post_init__(self):
        # Read from a printed traceback, the message carries what the display adds for the grader's own
        # flags (3.15, a missing module under -S); and 3.15 words a missing standard module without "named".
        message = GRADERS_OWN_WORDS.sub("", self.message)
        object.__setattr__(self, "message", message)
        if self.name is None and self.type == "ModuleNotFoundError" and (m := MISSING_STANDARD_MODULE.match(message)):
            object.__setattr__(self, "name", m.group(1))

    @classmethod
    def from_dict(cls, data: dict) -> "ErrorInfo":
        return cls(
            type=data["type"],
            classes=tuple(data.get("classes", ())),
            message=data.get("message", ""),
            name=data.get("name"),
            filename=data.get("filename"),
            lineno=data.get("lineno"),
            line=data.get("line"),
            frames=tuple(tuple(f) for f in data.get("frames", ())),
            trouble=data.get("trouble"),
        )

    def isinstance(self, type_name: str) -> bool:
        return type_name in self.classes

    @property
    def where(self) -> str:
        if self.filename == "<check>":
            return f"while the check ran `{self.line}`" if self.line else "while the check ran"
        if self.filename:
            return f"in {self.filename}, line {self.lineno}"
        return "before reaching any of your files"

    @property
    def summary(self) -> str:
        """The exception, where it was raised and its message, for a check's ``saw``: "NameError in app.py, line 3: ..."."""
        return f"{self.type} {self.where}" + (f": {self.message}" if self.message else "")

    def explain(self) -> str:
        """One sentence on what this kind of error usually means (the words are in EXPLAINED)."""
        msg = self.message
        if self.type == "NotImplementedError":
            return STUB_EXPLAINED
        if self.isinstance("SyntaxError"):
            return EXPLAINED["syntax"]
        # The words for these two differ between versions (3.13 may say "consider
        # renaming" for both): the harness looks at the traceback instead.
        if self.trouble == "shadow" or "standard library module" in msg:
            return EXPLAINED["shadow"]
        if self.trouble == "cycle" or "circular import" in msg or "partially initialized" in msg:
            return EXPLAINED["cycle"]
        if self.type == "ModuleNotFoundError":
            return EXPLAINED["ModuleNotFoundError"].format(name=repr(self.name))
        if self.isinstance("ImportError"):
            return EXPLAINED["ImportError"]
        if self.type in EXPLAINED:
            return EXPLAINED[self.type]
        if self.filename and self.filename != "<check>":
            return EXPLAINED["at a line"].format(file=self.filename, line=self.lineno)
        return EXPLAINED["other"]


#: What an interpreter's traceback adds to an error because the grader started it with -S (no site), not
#: because of the student's code: on 3.15, "No module named 'x'. Site initialization is disabled, did you
#: forget to add the site-packages directory to sys.path or to enable your virtual environment?"
GRADERS_OWN_WORDS = re.compile(r"\. Site initialization is disabled, did you forget to add the site-packages\b.*$")
#: 3.15's display of a missing standard-library module (sys.stdlib_module_names) in place of "No module named 'x'".
MISSING_STANDARD_MODULE = re.compile(r"Standard library module '([\w.]+)' was not found")

#: The unedited stub's exception. Not in EXPLAINED: for an exercise not started yet, a pointer to its
#: README says more (grader.report).
STUB_EXPLAINED = "That part is still the unedited stub: replace `raise NotImplementedError` with your code."

#: What ErrorInfo.explain() says about an error, whatever the exercise: general knowledge about Python,
#: never a step of an exercise, so it is shown even before a student has started (see is_general).
EXPLAINED = {
    "syntax": "Python could not read the file at all: look at that line (and the one before it) for a typo.",
    "shadow": "One of your files has the same name as a standard-library module, so Python imported your "
    "file instead of the library: rename it (see section 8.7 on shadowing).",
    "cycle": "Two modules import each other and one asked for a name before the other had defined it: "
    "see section 8.4 on circular imports (Python 3.13 and later may suggest renaming the file; "
    "the cause is the cycle).",
    "ModuleNotFoundError": "Python found no module named {name} on its search path: check the spelling and where "
    "the file is.",
    "ImportError": "The module was found, but the name asked for is not defined in it (check spelling and order).",
    "AttributeError": "The object has no attribute by that name: check that your module defines it at the top level.",
    "NameError": "A name is used before it was defined, or is misspelled.",
    "RecursionError": "A function (or an import) keeps calling itself without end.",
    "SystemExit": "The code called sys.exit() (or raised SystemExit) while being imported or run by the check.",
    "KeyboardInterrupt": "The code raised KeyboardInterrupt itself; nobody pressed Ctrl-C.",
    "MemoryError": "The code tried to use more memory than the grader allows.",
    # input() under the grader: stdin is empty, so input() raises EOFError at once.
    "EOFError": "input() got nothing to read: nobody types while the checks run your code. Ask for input only "
    "when the file runs as a program (under `if __name__ == \"__main__\":`), never while it is imported or "
    "while a function of it is called.",
    "at a line": "Look at {file}, line {line}: the exception's message, after its name, says what went wrong there.",
    "other": "The exception's message, after its name, says what went wrong.",
}

_GENERAL = [
    re.compile(re.escape(text).replace(r"\{name\}", ".*").replace(r"\{file\}", ".*").replace(r"\{line\}", ".*") + "$")
    for text in (*EXPLAINED.values(), FIX_THE_NAMED_LINE)
]


def is_general(hint: str | None) -> bool:
    """Whether a hint is one of the explanations any error gets (see ErrorInfo.explain), not an exercise's own."""
    return bool(hint) and any(pattern.match(hint) for pattern in _GENERAL)


class StudentError(CheckFailed):
    """The student's code raised an exception the check did not ask for."""

    def __init__(self, error: ErrorInfo, doing: str | None = None):
        self.error = error
        saw = f"your code raised {error.summary}"
        expected = doing or "your code to run without an exception"
        super().__init__(expected, saw, error.explain())


class StudentCrash(CheckFailed):
    """The interpreter running the student's code ended without reporting back."""

    def __init__(self, doing: str, how: str, output: str = ""):
        saw = f"the Python process ended before the check could observe anything: {how}"
        tail = output.strip().splitlines()[-1:] if output else []
        if tail:
            saw += f" (last output: {tail[0][:200]!r})"
        hint = "Look for os._exit(), sys.exit() or an endless loop in code that runs at import time."
        super().__init__(doing, saw, hint)
