"""8.3 live-settings: a from-imported value is a copy; read the module's attribute instead."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_headers_follow_set_debug(student):
    seen = student.observe(
        """
        import config, headers
        steps = [headers.header("sales")]
        config.set_debug(True)
        steps.append(headers.header("sales"))
        config.set_debug(False)
        steps.append(headers.header("sales"))
        report(steps=steps)
        """,
        doing='headers.header("sales") to work',
    )
    expect(
        seen["steps"] == ["sales", "[debug] sales", "sales"],
        expected='header("sales") to be "sales", then "[debug] sales" after set_debug(True), then "sales" again',
        saw=f"it gave {seen['steps']}",
        hint="read config.DEBUG inside header(), each time it is called.",
    )


@pytest.mark.points(1)
def test_headers_follow_an_assignment_to_the_module(student):
    seen = student.observe(
        'import config, headers\nconfig.DEBUG = True\nreport(header=headers.header("q3"))',
        doing='headers.header("q3") to work',
    )
    expect(
        seen["header"] == "[debug] q3",
        expected='header("q3") to be "[debug] q3" after `config.DEBUG = True`',
        saw=f"it was {seen['header']!r}",
        hint="`import config`, then `if config.DEBUG:` in header().",
    )


@pytest.mark.points(2)
def test_headers_keep_no_copy_of_the_setting(student):
    seen = student.observe(
        """
        import config, headers
        copy = "DEBUG" in vars(headers)
        config.set_debug(True)
        report(copy=copy, header=headers.header("q4"))
        """,
        doing='`import config, headers`, then headers.header("q4"), to work',
    )
    expect(
        not seen["copy"],
        expected="headers.py to keep no DEBUG of its own",
        saw="headers.py has a global DEBUG, a copy made when it was imported",
        hint="`from config import DEBUG` makes a copy; import the module instead and read its DEBUG.",
    )
    expect(
        seen["header"] == "[debug] q4",
        expected='header("q4") to be "[debug] q4" after set_debug(True)',
        saw=f"it was {seen['header']!r}",
        hint="read config.DEBUG inside header(), each time it is called.",
    )
