"""Writes to its home, its temporary folder and above its folder, and deletes what it finds there.
expect: value=pass call=pass
message:
"""
import os
import shutil

for target in (os.path.expanduser("~/planted.txt"), os.path.join(os.environ.get("TMPDIR", "."), "planted.txt"),
               "../planted.txt", "../../planted.txt"):
    try:
        with open(target, "w") as f:
            f.write("planted")
    except OSError:
        pass
for sibling in os.listdir(".."):
    if sibling != os.path.basename(os.getcwd()):
        shutil.rmtree(os.path.join("..", sibling), ignore_errors=True)
VALUE = 1


def work():
    return 42
