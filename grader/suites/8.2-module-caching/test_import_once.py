"""8.2 import-once: the main script must not be imported again under its own name.

The checks run the shop as its author does (`python shop.py`), and as the runpy module runs a script; they
import labels and shop as other programs would, and load shop.py under a name of their own, where a guard
that only rules out the name "shop" lets the program run. What money.py says is changed in the private copy,
so a labels.py with a currency of its own shows; the program that imports money and labels has a CURRENCY of its
own, so a money.py or labels.py that takes it from `__main__` shows too. A shop.py that re-exports money's CURRENCY
(`from money import CURRENCY`) is accepted: it defines no CURRENCY of its own, which is what step 3 asks.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: money.py defines CURRENCY = "EUR" itself: it takes nothing from the program that imports it (a
  CURRENCY of that program's __main__ changes nothing).
  -> labels_take_the_currency_from_money
- Step 2: labels.py takes CURRENCY from money, whatever money.py says, and never from shop nor from the program
  that imports it.
  -> labels_take_the_currency_from_money
- Step 3: shop.py no longer defines a CURRENCY of its own.
  -> the_tidied_shop_has_no_currency_and_keeps_its_guard
- Step 3: the `if __name__ == "__main__":` guard stays around main(): loaded under any other name, shop.py
  never runs the program (imported by another program, loaded as shop_copy, or imported as shop while
  `python shop.py` is the running program, as in the README's story).
  -> the_tidied_shop_has_no_currency_and_keeps_its_guard
- Afterwards `python shop.py` prints `starting shop` and `12.50 EUR`, exactly once each.
  -> running_the_shop_runs_its_body_once
- Afterwards the program runs to its end and never imports its own file under the name shop.
  -> the_main_script_is_never_imported_by_name, running_the_shop_runs_its_body_once
- Afterwards `import labels` in another program never starts the shop (no shop module, nothing printed).
  -> labels_take_the_currency_from_money
"""

import pytest

from grader import StudentError, expect

RUN_SHOP = "running `python shop.py`"


@pytest.mark.points(2)
def test_running_the_shop_runs_its_body_once(student):
    # A run that stops with an exception fails here, with that exception's own message and hint.
    result = student.run_script("shop.py", doing=RUN_SHOP + " to work")
    expect(
        result.returncode == 0,
        expected=RUN_SHOP + " to work",
        saw=result.describe_end(),
        hint="Look for sys.exit() or os._exit() in shop.py and the modules it imports.",
    )
    starts = result.stdout.count("starting shop")
    expect(
        starts == 1,
        expected=f"{RUN_SHOP} to print 'starting shop' exactly once",
        saw="it never printed it" if not starts else f"it printed it {'twice' if starts == 2 else f'{starts} times'}",
        hint="labels.py must not import shop: importing the main script by name runs its body a second time."
        if starts
        else "keep the line that prints 'starting shop' in shop.py's body: the shop still starts, once.",
    )
    expect(
        result.stdout.count("12.50 EUR") == 1,
        expected=f"{RUN_SHOP} to print the label '12.50 EUR' once",
        saw=f"the output was {result.stdout.strip()!r}",
        hint="keep the call to labels.price_label(12.5) in shop.py.",
    )


@pytest.mark.points(1)
def test_the_main_script_is_never_imported_by_name(student):
    # A script may end with sys.exit(main()), exit(main()) or raise SystemExit(main()):
    # SystemExit with code 0 or None is how `python shop.py` ends normally.
    seen = student.observe(
        """
        import runpy, sys
        try:
            runpy.run_path("shop.py", run_name="__main__")
        except SystemExit as stop:
            code = stop.code
        else:
            code = None
        report(code=code if code is None or isinstance(code, int) else repr(code)[:100],
               cached=sorted(name for name in ("shop", "labels", "money") if name in sys.modules))
        """,
        doing=RUN_SHOP + " to work",
    )
    expect(
        seen["code"] in (None, 0),
        expected=RUN_SHOP + " to end normally (exit code 0)",
        saw=f"it stopped with SystemExit({seen['code']}), which exits with code "
        + (str(seen["code"]) if isinstance(seen["code"], int) else f"1 after printing {seen['code']}"),
        hint="main() returns None: end with plain main() (or sys.exit(main())), not sys.exit(1) or another value.",
    )
    expect(
        "shop" not in seen["cached"],
        expected="no module called 'shop' in sys.modules after the program ran",
        saw=f"sys.modules had {seen['cached']}",
        hint="some module still does `import shop` or `from shop import ...`.",
    )


@pytest.mark.points(2)
def test_labels_take_the_currency_from_money(student):
    seen = student.observe(
        """
        import contextlib, io, sys
        # This program has a CURRENCY of its own, as any program may: the shared modules must not take it.
        sys.modules["__main__"].CURRENCY = "USD"
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            import money, labels
            label = labels.price_label(3)
        report(
            currency=getattr(money, "CURRENCY", None),
            label=label,
            shop_started="shop" in sys.modules,
            printed=printed.getvalue()[:200],
        )
        """,
        doing="`import money, labels` to work",
    )
    from_main = "the CURRENCY of the program that imported it (its __main__), which the check set to 'USD'"
    expect(
        seen["currency"] == "EUR",
        expected="money.py to define CURRENCY = 'EUR', whatever the program that imports it defines",
        saw=f"money.CURRENCY was {seen['currency']!r}" + (f", {from_main}" if seen["currency"] == "USD" else ""),
        hint="step 1: a module that several modules share takes nothing from the program around it (Hint 2): "
        "money.py says CURRENCY = \"EUR\" itself."
        if seen["currency"] == "USD"
        else "step 1: move the line `CURRENCY = \"EUR\"` from shop.py into money.py.",
    )
    expect(
        not seen["shop_started"] and not seen["printed"],
        expected="`import labels` and a call of price_label() not to import shop, nor to print anything",
        saw="importing labels also imported shop, and so ran the shop's body"
        if seen["shop_started"]
        else f"they printed {seen['printed']!r}",
        hint="step 2: labels.py should import money, not shop.",
    )
    expect(
        seen["label"] == "3.00 EUR",
        expected="labels.price_label(3) to return '3.00 EUR', whatever the program that imports labels defines",
        saw=f"it returned {seen['label']!r}" + (f", with {from_main}" if "USD" in str(seen["label"]) else ""),
        hint="step 2: labels.py takes CURRENCY from money, never from the program around it (its __main__)."
        if "USD" in str(seen["label"])
        else "change only where labels.py finds CURRENCY, not how price_label formats the amount.",
    )
    # The check's own change, at the end of the private copy of money.py:
    # labels must show whatever currency money.py says.
    money = student.file("money.py")
    money.write_text(money.read_text(encoding="utf-8") + '\nCURRENCY = "CHF"\n', encoding="utf-8")
    seen = student.observe("import labels\nreport(label=labels.price_label(3))", doing="`import labels` to work")
    expect(
        seen["label"] == "3.00 CHF",
        expected="labels to use the currency that money.py defines: with CURRENCY = 'CHF' there, "
        "price_label(3) should be '3.00 CHF'",
        saw=f"it returned {seen['label']!r}",
        hint="step 2: labels.py must take CURRENCY from money, and not define its own.",
    )


@pytest.mark.points(1)
def test_the_tidied_shop_has_no_currency_and_keeps_its_guard(student):
    probe = student.probe(
        """
        import contextlib, io, runpy
        import money
        money.CURRENCY = "CHF"  # the check's own value: a CURRENCY that shop.py defines itself says otherwise
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            import shop
        report(has=hasattr(shop, "CURRENCY"), currency=getattr(shop, "CURRENCY", None), imported=printed.getvalue())
        # Loaded under a name that is neither "__main__" nor "shop": still not the program.
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                runpy.run_path("shop.py", run_name="shop_copy")
        except SystemExit as stop:
            printed.write(f" (and it raised SystemExit({stop.code!r}))")
        report(other=printed.getvalue())
        # The README's own story: `python shop.py` is running (its __main__ is shop.py, its argv ["shop.py"]) when
        # something imports shop by name. That copy, called shop, must not start the program a second time.
        import os, sys, types
        running = types.ModuleType("__main__")
        running.__file__ = os.path.abspath("shop.py")
        saved = sys.modules["__main__"], sys.argv[:]
        sys.modules["__main__"], sys.argv[:] = running, ["shop.py"]
        sys.modules.pop("shop", None)
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                import shop
        except SystemExit as stop:
            printed.write(f" (and it raised SystemExit({stop.code!r}))")
        finally:
            sys.modules["__main__"], sys.argv[:] = saved
        report(during=printed.getvalue())
        """
    )
    if probe.error is not None:
        raise StudentError(probe.error, "`import shop` to work")
    seen = probe.values
    expect(
        "during" in seen,
        expected="`import shop` to work",
        saw=probe.completed.describe_end(),
        hint="Look for sys.exit() or os._exit() in shop.py and the modules it imports.",
    )
    expect(
        not seen["has"] or seen["currency"] == "CHF",
        expected="shop.py no longer to define CURRENCY itself (step 3): the value lives in money.py only",
        saw=f"shop.py still sets its own CURRENCY = {seen['currency']!r}",
        hint="step 3: delete the line `CURRENCY = \"EUR\"` from shop.py; labels.py takes it from money.",
    )
    # main() prints the price label: loading shop under any name but __main__ must not print it.
    for how, printed, more in (
        ("`import shop`", seen["imported"], ""),
        ("`import shop` while `python shop.py` is the running program (its __main__)", seen["during"],
         ": a test of which file or argv[0] the program was started with is true for the copy called shop too"),
        ("shop.py, loaded under another name ('shop_copy'),", seen["other"],
         "; a test against the module's own name ('shop'), or against __spec__, lets it run under other names"),
    ):
        expect(
            "12.50" not in printed,
            expected=f"{how} not to run main(): only `python shop.py`, where the module's name is '__main__', "
            "runs the program",
            saw=f"loading it printed {printed.strip()!r}, so main() ran",
            hint='step 3: keep the call to main() inside `if __name__ == "__main__":`' + more + ".",
        )
