"""Verdicts in words a learner can act on: what was expected, what was seen, a hint."""

from __future__ import annotations

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
        """One sentence on what this kind of error usually means."""
        msg = self.message
        if self.type == "NotImplementedError":
            return "That part is still the unedited stub: replace `raise NotImplementedError` with your code."
        if self.isinstance("SyntaxError"):
            return "Python could not read the file at all: look at that line (and the one before it) for a typo."
        # The words for these two differ between versions (3.13 may say "consider
        # renaming" for both): the harness looks at the traceback instead.
        if self.trouble == "shadow" or "standard library module" in msg:
            return (
                "One of your files has the same name as a standard-library module, so Python imported your "
                "file instead of the library: rename it (see section 8.7 on shadowing)."
            )
        if self.trouble == "cycle" or "circular import" in msg or "partially initialized" in msg:
            return (
                "Two modules import each other and one asked for a name before the other had defined it: "
                "see section 8.4 on circular imports."
            )
        if self.type == "ModuleNotFoundError":
            return f"Python found no module named {self.name!r} on its search path: check the spelling and where the file is."
        if self.isinstance("ImportError"):
            return "The module was found, but the name asked for is not defined in it (check spelling and order)."
        if self.type == "AttributeError":
            return "The object has no attribute by that name: check that your module defines it at the top level."
        if self.type == "NameError":
            return "A name is used before it was defined, or is misspelled."
        if self.type == "RecursionError":
            return "A function (or an import) keeps calling itself without end."
        if self.type == "SystemExit":
            return "The code called sys.exit() (or raised SystemExit) while being imported or run by the check."
        if self.type == "KeyboardInterrupt":
            return "The code raised KeyboardInterrupt itself; nobody pressed Ctrl-C."
        if self.type == "MemoryError":
            return "The code tried to use more memory than the grader allows."
        return "Read the message above: it names what went wrong."


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
