"""Run me: python3 mission.py"""

import cabin
import engine

print("engine.SPEED =", engine.SPEED, "| cabin.SPEED =", cabin.SPEED)
print("after a burn: engine.fuel =", engine.burn(30), "| cabin.fuel =", cabin.fuel)
