"""8.1 short-alias: `import statistics as st` binds `st`, only in the dashboard."""

import pytest

from grader import expect

IMPORT = "`import dashboard` to work"


@pytest.mark.points(2)
def test_summary_uses_mean_and_median(student):
    seen = student.observe(
        """
        import dashboard
        report(small=dashboard.summary([1, 3, 8]), halves=dashboard.summary([1, 2, 3, 4]))
        """,
        doing="dashboard.summary([1, 3, 8]) to return a summary",
    )
    expect(
        seen == {"small": "mean 4, median 3", "halves": "mean 2.5, median 2.5"},
        expected="summary([1, 3, 8]) to be 'mean 4, median 3' and summary([1, 2, 3, 4]) 'mean 2.5, median 2.5'",
        saw=f"they were {seen['small']!r} and {seen['halves']!r}",
        hint="format both numbers with :g, as step 2 of the README shows.",
    )


@pytest.mark.points(2)
def test_only_the_alias_is_bound_in_the_dashboard(student):
    seen = student.observe(
        """
        import sys, dashboard
        names = vars(dashboard)
        st = names.get("st")
        report(has_st=st is sys.modules.get("statistics"), has_long="statistics" in names,
               bound="st" in names, st_type=type(st).__name__, st_name=getattr(st, "__name__", None))
        """,
        doing=IMPORT,
    )
    if not seen["bound"]:
        saw = "dashboard.py has no name `st`"
    elif seen["st_type"] == "module":  # another module under the alias (a typo such as `import stat as st`)
        saw = f"`st` was the module {seen['st_name']!r}"
    else:
        saw = f"`st` was a {seen['st_type']}, not a module"
    expect(
        seen["has_st"],
        expected="the name `st` in dashboard.py to be the statistics module",
        saw=saw,
        hint="write `import statistics as st` at the top of dashboard.py.",
    )
    expect(
        not seen["has_long"],
        expected="no name `statistics` left in dashboard.py",
        saw="dashboard.py still binds `statistics` too",
        hint="remove the plain `import statistics` line: the alias alone imports the module.",
    )


@pytest.mark.points(1)
def test_other_modules_still_use_the_real_name(student):
    seen = student.observe(
        """
        import sys, dashboard, legacy
        report(same=getattr(dashboard, "st", None) is legacy.statistics, alias_filed="st" in sys.modules,
               spread=legacy.spread([2, 4]))
        """,
        doing="`import dashboard, legacy` to work",
    )
    expect(
        seen["same"],
        expected="dashboard.st and legacy.statistics to be one module object",
        saw="dashboard.st is not the module legacy.py uses",
        hint="an alias is only a name in dashboard.py; import the module with `import statistics as st`.",
    )
    expect(
        not seen["alias_filed"],
        expected="the statistics module to be filed in sys.modules as 'statistics' only",
        saw="sys.modules has an entry called 'st'",
        hint="an alias is only a name in dashboard.py: do not put anything into sys.modules yourself.",
    )
    # legacy.py is the check's witness that the real name still works: step 3 says to leave it alone.
    expect(
        seen["spread"] == 1.0,
        expected="legacy.spread([2, 4]) to be 1.0, as legacy.py computes it when left unchanged (step 3)",
        saw=f"it was {seen['spread']!r}",
        hint="put legacy.py back as it was given: it must keep using statistics.pstdev under its real name.",
    )
