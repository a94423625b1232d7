"""8.8 folder-app: an application run as a folder, as a zip archive, and as a zipapp, each in a fresh interpreter."""

import zipfile

import pytest

from grader import expect



@pytest.mark.points(2)
def test_the_folder_runs(student):
    named, default = student.run_script("greetapp", "Ada"), student.run_script("greetapp")
    expect(
        (named.stdout.strip(), default.stdout.strip()) == ("Hello, Ada!", "Hello, world!"),
        expected="`python greetapp Ada` to print 'Hello, Ada!' (and 'Hello, world!' with no name)",
        saw=f"it ended with {named.last_line!r}",
        hint="the folder is not a package when it is run: import messages by its plain name.",
    )


@pytest.mark.points(2)
def test_a_zip_of_the_folder_runs(student):
    with zipfile.ZipFile(student.path / "greetapp.zip", "w") as archive:
        for name in ("__main__.py", "messages.py"):
            archive.write(student.path / "greetapp" / name, name)
    done = student.run_script("greetapp.zip", "Zoe")
    expect(
        done.stdout.strip() == "Hello, Zoe!",
        expected="`python greetapp.zip Zoe`, a zip of the folder's files, to print 'Hello, Zoe!'",
        saw=f"it ended with {done.last_line!r}",
        hint="in an archive too, messages.py sits at the top of sys.path[0].",
    )


@pytest.mark.points(1)
def test_a_zipapp_runs(student):
    made = student.python_run("-m", "zipapp", "greetapp", "-o", "greet.pyz")
    done = student.run_script("greet.pyz", "Max")
    expect(
        made.returncode == 0 and done.stdout.strip() == "Hello, Max!",
        expected="`python -m zipapp greetapp -o greet.pyz`, then `python greet.pyz Max`, to print 'Hello, Max!'",
        saw=f"it ended with {done.last_line!r}",
        hint="zipapp keeps your __main__.py as the archive's entry point.",
    )
