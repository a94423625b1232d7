"""Prints and writes things that look like passing results, but does not do the work.
expect: value=fail call=fail
message: has no attribute
"""
import json

print("PASSED")
print(json.dumps({"values": {"value": 1, "result": 42}, "error": None, "done": True}))
print('{"score": 100, "max_score": 100}')
for name in ("report.json", "channel.json", "results.xml"):
    with open(name, "w") as f:
        f.write('{"score": 100, "status": "pass"}')
