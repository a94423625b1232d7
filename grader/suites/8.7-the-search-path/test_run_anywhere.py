"""8.7 run-anywhere: `python -m toolbox.cli` from the project folder, and from elsewhere via PYTHONPATH."""

import pytest

from grader import expect

#: Clean flags without -E, so that the check's own PYTHONPATH counts.
WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")



@pytest.mark.points(2)
def test_it_runs_with_dash_m_from_the_project_folder(student):
    done = student.run_module("toolbox.cli", "hello", "world")
    expect(
        done.returncode == 0 and done.stdout.strip() == "HELLO WORLD",
        expected="`python -m toolbox.cli hello world`, from the folder holding toolbox/, to print HELLO WORLD",
        saw=f"it ended with {done.last_line!r}",
        hint="import the helper by its full name: from toolbox.helpers import fmt.",
    )


@pytest.mark.points(2)
def test_it_runs_from_another_folder_with_pythonpath(student):
    (student.path / "elsewhere").mkdir()
    done = student.run_module(
        "toolbox.cli", "hi", cwd="elsewhere", flags=WITH_PYTHONPATH, env={"PYTHONPATH": str(student.path)}
    )
    expect(
        done.returncode == 0 and done.stdout.strip() == "HI",
        expected="`python -m toolbox.cli hi`, run from another folder with the project on PYTHONPATH, to print HI",
        saw=f"it ended with {done.last_line!r}",
        hint="nothing in the code may depend on the current folder or on cli.py's own folder.",
    )


@pytest.mark.points(1)
def test_importing_the_tool_leaves_sys_path_alone(student):
    seen = student.observe(
        """
        import sys
        before = list(sys.path)
        import toolbox.cli
        report(same=sys.path == before, main=callable(getattr(toolbox.cli, "main", None)))
        """,
        doing="`import toolbox.cli` to work",
    )
    expect(
        seen["same"] and seen["main"],
        expected="`import toolbox.cli` to work without changing sys.path",
        saw="sys.path changed",
        hint="remove any sys.path manipulation: the package import needs none.",
    )
