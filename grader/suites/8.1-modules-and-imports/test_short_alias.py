"""8.1 short-alias: `import statistics as st` binds `st`, only in the dashboard.

Lists whose mean and median print the same whichever way they are worked
out cannot tell st.mean from a sum divided by a length. So the summary check
also puts stand-ins for st.mean and st.median into the statistics module for
one call, returning numbers of its own: the summary must show exactly those,
formatted with :g. That call is for a list summed up before, so that a
summary which keeps its results from earlier calls shows the old ones.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the name `st` at the top of dashboard.py is the statistics module (the one in sys.modules).
  -> only_the_alias_is_bound_in_the_dashboard
- Step 1: st is the dashboard's only name for the module: no `statistics`, no second alias.
  -> only_the_alias_is_bound_in_the_dashboard
- Step 2: summary returns "mean M, median D" for the README's lists and others.
  -> summary_uses_mean_and_median
- Step 2: M and D are what st.mean and st.median return when summary calls them.
  -> summary_uses_mean_and_median
- Step 2: summary calls st.mean and st.median each time it runs (a list summed up before too:
  no result kept from an earlier call).
  -> summary_uses_mean_and_median
- Step 2: both are formatted with :g.
  -> summary_uses_mean_and_median
- Step 3: legacy.py keeps its `statistics` name and its pstdev spread.
  -> other_modules_still_use_the_real_name
- Step 3: dashboard and legacy share the one statistics module, filed in sys.modules under its
  real name only.
  -> other_modules_still_use_the_real_name
- The README's opening: the module keeps its real name everywhere else: importing the dashboard
  leaves the shared statistics module as it is (its __name__, its __spec__.name, its functions).
  -> other_modules_still_use_the_real_name
- The README's opening: an alias binds its name only in the file that wrote it: importing the
  dashboard puts nothing into builtins (where every module would see `st`), nor a name for the
  module into legacy.
  -> other_modules_still_use_the_real_name
- Step 3: legacy.py is left alone: its statements are the ones it was given (its docstrings and
  comments aside): `import statistics` and spread() with statistics.pstdev, and nothing else.
  -> other_modules_still_use_the_real_name
"""

import ast

import pytest

from grader import expect

IMPORT = "`import dashboard` to work"

#: Real lists, and the summaries st.mean and st.median give for them.
#: The last one is summed up again with the stand-ins in place.
LISTS = (([1, 3, 8], "mean 4, median 3"), ([1, 2, 3, 4], "mean 2.5, median 2.5"), ([2, 1, 2], "mean 1.66667, median 2"),
         ([7, 5, 6], "mean 6, median 6"))

#: What the stand-ins return, and the summary that makes: :g shows 6 significant digits, and no ".0".
STAND_IN_MEAN, STAND_IN_MEDIAN = 1234567.0, 0.000123456789
STAND_IN_SUMMARY = "mean 1.23457e+06, median 0.000123457"
STAND_IN_DATA = LISTS[-1][0]

#: legacy.py as the exercise gives it: step 3 says to leave it alone.
GIVEN_LEGACY = """
import statistics


def spread(numbers):
    return statistics.pstdev(numbers)
"""


def statements(text: str):
    """What a module does, as source lines: its docstrings (and so its comments, which ast drops) left out."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
            del body[0]
            if not body and not isinstance(node, ast.Module):
                body.append(ast.Pass())
    return [ast.unparse(node) for node in tree.body]


@pytest.mark.points(2)
def test_summary_uses_mean_and_median(student):
    seen = student.observe(
        f"""
        import statistics
        import dashboard
        report(real=[dashboard.summary(numbers) for numbers, _ in {LISTS!r}])
        calls = []

        def stand_in(kind, value):
            def function(data, *args, **kwargs):
                calls.append(kind)
                return value
            return function

        real_mean, real_median = statistics.mean, statistics.median
        statistics.mean = stand_in("mean", {STAND_IN_MEAN!r})
        statistics.median = stand_in("median", {STAND_IN_MEDIAN!r})
        try:
            report(stand_ins=dashboard.summary({STAND_IN_DATA!r}))
        finally:
            statistics.mean, statistics.median = real_mean, real_median
        report(calls=sorted(set(calls)))
        """,
        doing="dashboard.summary([1, 3, 8]) to return a summary",
    )
    for (numbers, wanted), got in zip(LISTS, seen["real"]):
        expect(
            got == wanted,
            expected=f"summary({numbers}) to be {wanted!r}",
            saw=f"it was {got!r}",
            hint="format both numbers with :g, as step 2 of the README shows.",
        )
    missing = [f"st.{kind}" for kind in ("mean", "median") if kind not in seen["calls"]]
    expect(
        not missing,
        expected=f"summary({STAND_IN_DATA}) to call st.mean and st.median each time it runs",
        saw=f"with stand-ins for the two in the statistics module, a second summary({STAND_IN_DATA}) "
        f"never called {' or '.join(missing)}"
        + (f" (it returned {seen['stand_ins']!r}, as the first call did)" if seen["stand_ins"] == LISTS[-1][1] else ""),
        hint="M and D are what the statistics module's mean and median return: ask that module, under its alias, "
        "every time summary runs; keep no results from earlier calls, work nothing out yourself, "
        "and use no other function.",
    )
    expect(
        seen["stand_ins"] == STAND_IN_SUMMARY,
        expected=f"summary to show what st.mean and st.median return, formatted with :g: with st.mean returning "
        f"{STAND_IN_MEAN!r} and st.median {STAND_IN_MEDIAN!r}, {STAND_IN_SUMMARY!r}",
        saw=f"it returned {seen['stand_ins']!r}",
        hint="format each result with :g as it is (no rounding or other changes first): :g keeps 6 significant "
        "digits and drops a trailing .0.",
    )


@pytest.mark.points(2)
def test_only_the_alias_is_bound_in_the_dashboard(student):
    seen = student.observe(
        """
        import sys, dashboard
        names = vars(dashboard)
        st = names.get("st")
        real = sys.modules.get("statistics")
        report(has_st=real is not None and st is real, has_long="statistics" in names,
               others=sorted(k for k, v in names.items() if v is real and k != "st"),
               bound="st" in names, st_type=type(st).__name__, st_name=getattr(st, "__name__", None))
        """,
        doing=IMPORT,
    )
    if not seen["bound"]:
        saw = "dashboard.py has no name `st`"
    elif seen["st_name"] == "statistics":  # a module object that sys.modules does not hold
        saw = "`st` was a statistics module, but not the one in sys.modules['statistics'] that every importer gets"
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
    expect(
        not seen["others"],
        expected="`st` to be dashboard.py's only name for the statistics module",
        saw=f"it has other names for it too: {', '.join(seen['others'])}",
        hint="one alias is enough: use `st` everywhere in dashboard.py.",
    )


@pytest.mark.points(1)
def test_other_modules_still_use_the_real_name(student):
    seen = student.observe(
        """
        import builtins, sys, statistics
        own, own_builtins = dict(vars(statistics)), dict(vars(builtins))
        import dashboard, legacy
        report(builtins_changed=sorted(k for k in set(own_builtins) | set(vars(builtins))
                                       if own_builtins.get(k, own) is not vars(builtins).get(k, own)))
        now = vars(statistics)
        changed = sorted(k for k in set(own) | set(now) if own.get(k, own) is not now.get(k, own))
        spec = getattr(getattr(statistics, "__spec__", None), "name", None)
        report(changed=changed, names=[statistics.__name__ if isinstance(statistics.__name__, str) else None, spec])
        real = sys.modules.get("statistics")
        report(dashboard_filed=real is not None and getattr(dashboard, "st", None) is real,
               legacy_filed=real is not None and getattr(legacy, "statistics", None) is real,
               legacy_names=sorted(k for k, v in vars(legacy).items() if real is not None and v is real),
               st_name=getattr(getattr(dashboard, "st", None), "__name__", None),
               alias_filed="st" in sys.modules, spread=legacy.spread([2, 4]))
        """,
        doing="`import dashboard, legacy` to work",
    )
    expect(
        seen["legacy_filed"],
        expected="legacy.py to keep using the statistics module under its real name, `statistics` (step 3)",
        saw=f"legacy.py calls it {', '.join(seen['legacy_names'])}" if seen["legacy_names"]
        else "legacy.py has no name `statistics` for the module in sys.modules",
        hint="put legacy.py back as it was given: the alias belongs to dashboard.py alone.",
    )
    expect(
        seen["dashboard_filed"],
        expected="dashboard.st and legacy.statistics to be one module object, the one in sys.modules",
        saw="dashboard.py has no name `st`" if seen["st_name"] is None
        else f"dashboard.st is the module {seen['st_name']!r}" if seen["st_name"] != "statistics"
        else "dashboard.st is not the module legacy.py uses: sys.modules['statistics'] holds another one",
        hint="an alias is only a name in dashboard.py: leave sys.modules alone, so that every importer "
        "gets the same module.",
    )
    renamed = [f"{attribute} is {value!r}" for attribute, value in zip(("__name__", "__spec__.name"), seen["names"])
               if value != "statistics"]
    expect(
        not renamed and not seen["changed"],
        expected="the statistics module to keep its real name and its contents: importing dashboard "
        "changes nothing in the module that legacy.py shares",
        saw=f"after `import dashboard`, legacy.statistics.{' and '.join(renamed)}" if renamed
        else f"`import dashboard` changed the statistics module itself: {', '.join(seen['changed'][:5])}",
        hint="an alias is only a name in dashboard.py: it neither renames the module nor changes it, "
        "and every other importer sees the module as it was.",
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
    expect(
        not seen["builtins_changed"],
        expected="`st` to be a name of dashboard.py only: importing dashboard adds nothing to builtins",
        saw=f"after `import dashboard`, builtins has {', '.join(seen['builtins_changed'])} too, so every module "
        "sees it",
        hint="an alias binds its name in the file that wrote it, and nowhere else: legacy.py and every other module "
        "must not see the dashboard's `st`. Leave the builtins module alone.",
    )
    given, now = statements(GIVEN_LEGACY), statements(student.read("legacy.py"))
    expect(
        now == given,
        expected="legacy.py to be left as it was given (step 3): `import statistics`, and spread() returning "
        "statistics.pstdev(numbers), and nothing else (comments and docstrings aside)",
        saw="it no longer parses" if now is None
        else "it now does: " + "; ".join(" ".join(line.split()) for line in now if line not in given)
        if any(line not in given for line in now)
        else "it now does: " + "; ".join(" ".join(line.split()) for line in now),
        hint="put legacy.py back as it was given: it is the other importer, which imports statistics by its real "
        "name itself. The alias and the task are dashboard.py's alone.",
    )
    expect(
        seen["legacy_names"] == ["statistics"],
        expected="legacy to have one name for the statistics module, the one legacy.py binds: `statistics`",
        saw=f"after `import dashboard, legacy`, legacy had more names for it: {', '.join(seen['legacy_names'])}: "
        "another module put them into legacy",
        hint="an alias binds its name in the file that wrote it, and nowhere else: dashboard.py has no business "
        "in legacy's namespace.",
    )
