"""Reload a module whose new source fails on its third line, then look at the module."""

import importlib
import os
import shutil
import sys
import tempfile

OLD = 'CURRENCY = "EUR"\nRATES = {"USD": 1.08}\nFEE = 0.5\n'
NEW = 'CURRENCY = "USD"\nRATES = {"EUR": 0.93}\nFEE = 1 / 0\nBONUS = 2\n'  # a different size: no stale .pyc

folder = tempfile.mkdtemp()  # a fresh folder, removed again at the end
sys.path.insert(0, folder)
path = os.path.join(folder, "prices.py")
with open(path, "w") as f:
    f.write(OLD)
import prices  # noqa: E402

with open(path, "w") as f:
    f.write(NEW)
try:
    importlib.reload(prices)
except ZeroDivisionError as error:
    print("reload failed:", type(error).__name__)
print("still in sys.modules:", sys.modules.get("prices") is prices)
print(prices.CURRENCY, prices.RATES, prices.FEE, hasattr(prices, "BONUS"))

shutil.rmtree(folder)
