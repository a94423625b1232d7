"""Two modules import noisy, then so do we: how often does its body run?"""

import sys

import first
import noisy
import second

print("visits:", noisy.VISITS)
print("one object:", noisy is sys.modules["noisy"] is first.noisy is second.noisy)
