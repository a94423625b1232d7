"""8.7 locate-module: find_spec follows the search order of the interpreter it runs in.

The search-order check starts two fresh interpreters, with PYTHONPATH in
each order: only an answer that follows sys.path gets both right.
"""

import os

import pytest

from grader import CheckFailed, StudentError, expect

#: Clean flags without -E, so that the check's own PYTHONPATH counts.
WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")


@pytest.mark.points(2)
def test_the_file_is_found_without_running_it(student):
    seen = student.observe(
        """
        import os, sys, locate
        found = locate.where("loud")
        report(found=found, expected=os.path.abspath("loud.py"), ran=os.path.exists("loud-ran.txt") or "loud" in sys.modules)
        """,
        doing='locate.where("loud") to work',
    )
    expect(
        seen["found"] == seen["expected"],
        expected='where("loud") to be the path of loud.py',
        saw=f"it was {seen['found']!r}",
        hint="return importlib.util.find_spec(name).origin.",
    )
    expect(
        not seen["ran"],
        expected="loud.py not to run",
        saw="its body ran (it left loud-ran.txt, or it is in sys.modules)",
        hint="find_spec locates a module without importing it; import_module would run it.",
    )


@pytest.mark.points(2)
def test_the_answer_follows_the_search_order(student):
    answers = []
    for order in (("first", "second"), ("second", "first")):
        pythonpath = os.pathsep.join(str(student.path / folder) for folder in order)
        seen = student.observe(
            "import locate\nreport(found=locate.where('tools'))",
            doing="locate.where('tools') to work",
            flags=WITH_PYTHONPATH,
            env={"PYTHONPATH": pythonpath},
        )
        answers.append(os.path.basename(os.path.dirname(seen["found"] or "")))
    expect(
        answers == ["first", "second"],
        expected="where('tools') to name first/tools.py with PYTHONPATH=first:second, and second/tools.py the other way round",
        saw=f"it named the tools.py in {answers[0] or 'nothing'!r} and then in {answers[1] or 'nothing'!r}",
        hint="use the interpreter's own search (find_spec), not a fixed list of folders.",
    )


@pytest.mark.points(1)
def test_missing_and_built_in_modules(student):
    doing = "locate.where for missing and built-in modules to work"
    try:
        seen = student.observe(
            """
            import locate
            report(builtin=locate.where("sys"))
            report(missing=locate.where("no_such_module"))
            report(parent=locate.where("no_such_package.sub"))
            """,
            doing=doing,
        )
    except StudentError as failure:
        # The check's own missing modules: where() must answer None for them, not let the error out.
        error = failure.error
        if not (error.isinstance("ModuleNotFoundError") and error.name in ("no_such_module", "no_such_package")):
            raise
        if error.name == "no_such_module":
            call, hint = "no_such_module", "return None when find_spec finds nothing; never import the module to look."
        else:
            call, hint = "no_such_package.sub", "catch ModuleNotFoundError (a parent package is missing): return None."
        raise CheckFailed(
            'None for "no_such_module" and "no_such_package.sub", and "built-in" for "sys"',
            f'where("{call}") raised {error.summary}',
            hint,
        ) from None
    expect(
        seen == {"missing": None, "parent": None, "builtin": "built-in"},
        expected='None for "no_such_module" and "no_such_package.sub", and "built-in" for "sys"',
        saw=f"it gave {seen['missing']!r}, {seen['parent']!r} and {seen['builtin']!r}",
        hint="catch ModuleNotFoundError for a missing parent; spec.origin is 'built-in' for sys.",
    )


@pytest.mark.points(1)
def test_packages_and_submodules_are_found(student):
    seen = student.observe(
        """
        import importlib.util, os, locate
        names = ("json", "json.decoder")
        answers = {name: locate.where(name) for name in names}
        expected = {name: importlib.util.find_spec(name).origin for name in names}
        same = {name: isinstance(answers[name], str) and os.path.realpath(answers[name]) == os.path.realpath(expected[name])
                for name in names}
        report(answers=answers, expected=expected, same=same)
        """,
        doing='locate.where("json") and locate.where("json.decoder") to work',
    )
    expect(
        all(seen["same"].values()),
        expected=(
            'where("json") to be the package\'s json/__init__.py, and where("json.decoder") the file of the submodule, '
            f"{seen['expected']}"
        ),
        saw=f"it gave {seen['answers']}",
        hint="a package's spec.origin is its __init__.py, and find_spec searches a dotted name inside its parent package.",
    )
