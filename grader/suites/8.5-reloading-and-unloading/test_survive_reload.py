"""8.5 survive-reload: module state kept across importlib.reload, while the code itself is updated."""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_counts_survive_a_reload(student):
    seen = student.observe(
        """
        import importlib, visits
        visits.visit("home"); visits.visit("home")
        before = visits.COUNTS
        importlib.reload(visits)
        report(counts=dict(visits.COUNTS), same=visits.COUNTS is before, again=visits.visit("home"))
        """,
        doing="visits.visit and importlib.reload(visits) to work",
    )
    expect(
        seen["counts"] == {"home": 2} and seen["same"] and seen["again"] == 3,
        expected="after two visits and a reload, COUNTS to be the same dict, still {'home': 2}",
        saw=f"COUNTS was {seen['counts']}" + ("" if seen["same"] else ", a new dictionary"),
        hint="create COUNTS only if it does not exist yet (try: COUNTS / except NameError).",
    )


@pytest.mark.points(2)
def test_edited_code_takes_effect_and_counts_stay(student):
    seen = student.observe(
        """
        import importlib, visits
        visits.visit("about")
        source = open("visits.py", encoding="utf-8").read()
        rewrite("visits.py", source + "\\n\\ndef total():\\n    return sum(COUNTS.values())\\n")
        importlib.reload(visits)
        visits.visit("home")
        report(total=visits.total(), counts=dict(visits.COUNTS))
        """,
        doing="a reload of an edited visits.py to work",
    )
    expect(
        seen["total"] == 2 and seen["counts"] == {"about": 1, "home": 1},
        expected="a function added to the source to work after the reload, with the counts kept ({'about': 1, 'home': 1})",
        saw=f"total() was {seen['total']} and COUNTS {seen['counts']}",
        hint="only COUNTS should be kept; everything else is redefined by the reload, as usual.",
    )


@pytest.mark.points(1)
def test_many_reloads_and_a_fresh_start(student):
    kept = student.observe(
        """
        import importlib, visits
        for _ in range(3):
            visits.visit("home")
            importlib.reload(visits)
        report(counts=dict(visits.COUNTS))
        """,
        doing="three visits and reloads to work",
    )
    fresh = student.observe("import visits\nreport(first=visits.visit('home'))", doing="visits.visit to work")
    expect(
        kept["counts"] == {"home": 3} and fresh["first"] == 1,
        expected="three reloads to keep all three visits, and a new program to start from 1",
        saw=f"after the reloads COUNTS was {kept['counts']}; a new program's first visit returned {fresh['first']}",
        hint="the guard keeps the dict within one program only; a new program imports the module afresh.",
    )
