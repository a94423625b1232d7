"""8.2 settings-once: read a file once, in the module body, shared by every importer."""

import pytest

from grader import expect

COUNT_OPENS = """
import builtins
opened = []
real_open = builtins.open


def counting_open(file, *args, **kwargs):
    if str(file).endswith("settings.ini"):
        opened.append(str(file))
    return real_open(file, *args, **kwargs)


builtins.open = counting_open
"""


@pytest.mark.points(2)
def test_the_file_is_read_once_for_the_whole_program(student):
    seen = student.observe(
        COUNT_OPENS
        + """
import billing, shipping
for _ in range(3):
    billing.total(100)
    shipping.cost()
report(opens=len(opened), total=billing.total(100), cost=shipping.cost())
""",
        doing="`import billing, shipping` and calling them to work",
    )
    expect(
        seen["opens"] == 1,
        expected="settings.ini to be opened once while billing and shipping are imported and then called 3 times each",
        saw=f"it was opened {seen['opens']} times",
        hint="read the file in the module body (VALUES = read_file()), not inside get().",
    )
    expect(
        (seen["total"], seen["cost"]) == (120.0, 4.5),
        expected="billing.total(100) to be 120.0 and shipping.cost() 4.5",
        saw=f"they were {seen['total']} and {seen['cost']}",
        hint="get(key) should return VALUES[key].",
    )


@pytest.mark.points(1)
def test_values_holds_every_setting(student):
    # Right after the import, before any get(): step 1 reads the file in the module's body.
    seen = student.observe(
        'import settings\nreport(has=hasattr(settings, "VALUES"), values=getattr(settings, "VALUES", None))',
        doing="`import settings` to work",
    )
    expect(
        seen["values"] == {"currency": "EUR", "tax_rate": "0.2", "shipping_flat": "4.5"},
        expected="settings.VALUES, right after `import settings`, to be the dict read from settings.ini",
        saw=f"settings.VALUES was {seen['values']!r}" if seen["has"] else "settings has no VALUES",
        hint="step 1: VALUES = read_file() at the top level of settings.py, so that importing the module reads the file"
        + (" (not later, in get())." if seen["has"] and seen["values"] is None else "."),
    )


@pytest.mark.points(2)
def test_a_running_program_keeps_the_values_it_read(student):
    running = student.observe(
        """
        import billing
        before = billing.total(100)
        rewrite("settings.ini", "currency = EUR\\ntax_rate = 0.5\\nshipping_flat = 4.5\\n")
        import settings
        report(before=before, after=billing.total(100), direct=settings.get("tax_rate"))
        """,
        doing="billing.total(100) to work",
    )
    expect(
        running["before"] == running["after"] == 120.0 and running["direct"] == "0.2",
        expected="the running program to keep tax_rate 0.2 after settings.ini is edited",
        saw=f"billing.total(100) went from {running['before']} to {running['after']}",
        hint="read the file once into VALUES when the module is imported; never read it again in get().",
    )
    student.write("settings.ini", "currency = EUR\ntax_rate = 0.5\nshipping_flat = 4.5\n")
    fresh = student.observe("import billing\nreport(total=billing.total(100))", doing="billing.total(100) to work")
    expect(
        fresh["total"] == 150.0,
        expected="a new run of the program to read the edited file (tax_rate 0.5)",
        saw=f"billing.total(100) was {fresh['total']}",
        hint="read the file with read_file(), which looks at settings.ini each time the program starts.",
    )
