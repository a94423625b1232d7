"""8.5 survive-reload: module state kept across importlib.reload, while the code itself is updated.

Each check works in one fresh interpreter; the check about a new program starts a second one in the
same private copy, after the first has visited pages (so that counts kept in a file would show).
Counts kept elsewhere in the process (builtins, sys, a module of the student's own, even in a table
keyed by the module object, which a fresh import does not find) are seen by the names other modules
gained and by the namespaces, other than visits', that hold COUNTS a few steps away.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: the first import creates COUNTS, an empty dictionary.
  -> counts_survive_a_reload
- Step 1: a reload keeps the existing dictionary, the same object with its counts, an empty one
  too, through any number of reloads.
  -> counts_survive_a_reload, many_reloads_and_a_fresh_start
- Step 2: visit(page) stays a top-level function that a reload updates: an edit of visit() and a
  function added to the source take effect after a reload, while the counts stay.
  -> edited_code_takes_effect_and_counts_stay
- The counts live in the module itself: a fresh import after visits was removed from sys.modules
  (a new module object) starts from zero, and so does a new run of the program.
  -> many_reloads_and_a_fresh_start
- The counts are not kept in builtins or another module (not even in a table keyed by the module
  object, which a fresh import would not find): no other module gains a name, and no other
  module's namespace holds COUNTS, a few steps away (in a table, a table's table, an attribute).
  -> many_reloads_and_a_fresh_start
"""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_counts_survive_a_reload(student):
    seen = student.observe(
        """
        import importlib, visits
        empty = vars(visits).get("COUNTS")
        report(created=isinstance(empty, dict) and not empty,
               start=repr(empty)[:60] if "COUNTS" in vars(visits) else None)
        if isinstance(empty, dict):
            importlib.reload(visits)  # before any visit: an empty dict must be kept too
            report(empty_kept=visits.COUNTS is empty)
            visits.visit("home"); visits.visit("home")
            before = visits.COUNTS
            importlib.reload(visits)
            report(counts=dict(visits.COUNTS), same=visits.COUNTS is before, again=visits.visit("home"))
        """,
        doing="visits.visit and importlib.reload(visits) to work",
    )
    expect(
        seen["created"],
        expected="`import visits` to create COUNTS, an empty dictionary",
        saw="visits had no COUNTS after the first import"
        if seen["start"] is None
        else f"visits.COUNTS was {seen['start']} after the first import",
        hint="on the first import the module's namespace holds nothing of yours yet: that is when COUNTS = {} "
        "must run (step 1); only a reload finds COUNTS there already.",
    )
    # Counts kept through a reload first (step 1): only code that keeps them, but not an empty
    # dict, tests COUNTS for being empty instead of for existing (`or {}`).
    # Whoever holds visits.COUNTS (a report page, say) keeps its link only if the object stays the same.
    expect(
        seen["counts"] == {"home": 2} and seen["same"] and seen["again"] == 3,
        expected="after two visits and a reload, COUNTS to be the same dict, still {'home': 2}",
        saw=f"COUNTS was {seen['counts']}" + ("" if seen["same"] else ", a new dictionary"),
        hint="keep COUNTS through a reload (step 1): create COUNTS only when the name does not "
        "exist yet in the module.",
    )
    expect(
        seen["empty_kept"],
        expected="a reload before any visit to keep COUNTS as the same (still empty) dictionary",
        saw="after that reload visits.COUNTS was a new dictionary (a dict with counts was kept)",
        hint="decide by whether COUNTS exists, not by whether it is empty: `or {}` replaces an empty dict too.",
    )


# The check's edit of visits.py: visit() now counts page names in capitals, and a
# new function total() is added. Made on the syntax tree, so that it finds visit()
# wherever the student's file defines it (the first `def visit` from the top).
EDIT_AND_RELOAD = """
import ast, importlib, visits
visits.visit("about")
tree = ast.parse(open("visits.py", encoding="utf-8").read())
visit = next((node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "visit"), None)
arg = visit and (visit.args.posonlyargs + visit.args.args)[:1]
if arg:
    visit.body.insert(0, ast.parse(f"{arg[0].arg} = {arg[0].arg}.upper()").body[0])
tree.body += ast.parse("def total():\\n    return sum(COUNTS.values())").body
rewrite("visits.py", ast.unparse(ast.fix_missing_locations(tree)) + "\\n")
importlib.reload(visits)
visits.visit("home")
report(edited=bool(arg), total=visits.total(), counts=dict(visits.COUNTS))
"""


@pytest.mark.points(2)
def test_edited_code_takes_effect_and_counts_stay(student):
    seen = student.observe(EDIT_AND_RELOAD, doing="a reload of an edited visits.py to work")
    expect(
        seen["edited"],
        expected="visits.py to define visit(page) with `def`, for the check to edit",
        saw="the check found no `def visit(page)` in it",
        hint="keep visit(page) as it is in the stub.",
    )
    # The count from before the reload first: if it was lost, the edit cannot be judged by the counts.
    expect(
        seen["counts"].get("about") == 1,
        expected='the count of visit("about"), made before the reload of the edited visits.py, to be kept',
        saw=f"after the reload COUNTS was {seen['counts']}",
        hint="keep COUNTS through a reload (step 1): create COUNTS only when the name does not "
        "exist yet in the module.",
    )
    old_visit = seen["counts"] == {"about": 1, "home": 1}
    expect(
        seen["counts"] == {"about": 1, "HOME": 1},
        expected="an edit of visit() to take effect after the reload: the check edited visit() to count page "
        'names in capitals, so visit("home") after the reload should make COUNTS '
        "{'about': 1, 'HOME': 1}",
        saw=f"COUNTS was {seen['counts']}" + (": the reload left the old visit() in place" if old_visit else ""),
        hint=(
            "define visit() at the top level, outside the guard: only COUNTS should be kept; "
            "everything else is redefined by the reload, as usual."
            if old_visit
            else "keep visit(page) as it is in the stub (step 2): it counts one visit of page and returns the count."
        ),
    )
    expect(
        seen["total"] == 2,
        expected="a function added to the source (total(), the sum of the counts) to work after the reload",
        saw=f"total() was {seen['total']}",
        hint="only COUNTS should be kept; everything else is redefined by the reload, as usual.",
    )


#: The start of a probe: left_outside(module) then tells where the module's COUNTS is kept outside it, by the
#: names other modules (builtins, sys, ...) gained since, and by the namespaces of other modules that hold COUNTS
#: (a few steps away: in a table, a table's table, an object's attribute).
LEFT_OUTSIDE = """
import gc as _gc, sys as _sys, types as _types
_before = {name: set(vars(m)) for name, m in list(_sys.modules.items()) if isinstance(m, _types.ModuleType)}


def left_outside(module):
    spots = []
    for name, keys in _before.items():
        other = _sys.modules.get(name)
        for key in sorted(set(vars(other)) - keys) if other is not None else ():
            if not key.startswith("__") and not isinstance(vars(other)[key], _types.ModuleType):
                spots.append(f"{name}.{key}")
    homes = {id(vars(m)): name for name, m in list(_sys.modules.items())
             if isinstance(m, _types.ModuleType) and m is not module}
    skip, level = {id(vars(module)), id(globals())}, [vars(module).get("COUNTS")]
    for _ in range(6 if level[0] is not None else 0):
        skip.add(id(level))
        above = [r for r in _gc.get_referrers(*level)
                 if id(r) not in skip and not isinstance(r, (_types.FrameType, _types.ModuleType))]
        skip.update(id(r) for r in above)
        spots += [f"the namespace of module {homes[id(r)]}" for r in above if id(r) in homes
                  and not any(spot.startswith(homes[id(r)] + ".") for spot in spots)]
        level = [r for r in above if id(r) not in homes][:50]
        if not level:
            break
    return spots
"""


@pytest.mark.points(1)
def test_many_reloads_and_a_fresh_start(student):
    kept = student.observe(
        LEFT_OUTSIDE
        + """
import importlib, sys, visits
for _ in range(3):
    visits.visit("home")
    importlib.reload(visits)
report(counts=dict(visits.COUNTS), outside=left_outside(visits))
old = visits
del sys.modules["visits"]  # unloaded: the next import makes a new module object
import visits
report(new_module=visits is not old, first=visits.visit("home"))
""",
        doing="three visits and reloads, then a fresh import of visits, to work",
    )
    fresh = student.observe("import visits\nreport(first=visits.visit('home'))", doing="visits.visit to work")
    expect(
        kept["counts"] == {"home": 3},
        expected="three visits, each followed by a reload, to leave COUNTS at {'home': 3}",
        saw=f"after the reloads COUNTS was {kept['counts']}",
        hint="keep COUNTS through every reload (step 1): create COUNTS only when the name does not "
        "exist yet in the module.",
    )
    expect(
        kept["new_module"] and kept["first"] == 1,
        expected="a fresh import of visits, after `del sys.modules['visits']` made Python forget it, to start "
        "counting from zero: its first visit('home') should return 1",
        saw=f"it returned {kept['first']!r}: the counts of the old module object were kept outside it",
        hint="keep the counts in the module's own namespace only: what builtins, another module or a file "
        "hold outlives the module object, so a fresh import (a new module object) finds it again.",
    )
    expect(
        fresh["first"] == 1,
        expected="a new program to start counting from zero: its first visit('home') should return 1",
        saw=f"a new program's first visit returned {fresh['first']!r}",
        hint="keep the counts only in the module's COUNTS (not in a file): a new program imports visits "
        "afresh, so COUNTS starts empty.",
    )
    expect(
        not kept["outside"],
        expected="the counts to live in visits itself only, not in builtins or another module",
        saw=f"after the visits and reloads, state of visits was kept outside it: {', '.join(kept['outside'])}",
        hint="keep the counts in the module's own namespace only: a reload finds them there already, "
        "so they need no other home (and what builtins or another module holds outlives the module object).",
    )
