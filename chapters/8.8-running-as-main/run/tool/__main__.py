from tool.core import shout

print(f"tool/__main__.py runs as {__name__!r}, spec {__spec__.name!r}")
print(shout("package"))
