"""8.6 pyc-header: decode real .pyc files, written by a fresh interpreter in the check, and headers of the check's own.

The real files come from importing greet and from py_compile, with times
beyond 2**31 seconds and a fraction of a second, so that signed numbers,
rounded times and a float compared with an int all show. The check's own
headers carry another Python's magic number and numbers no file of this
Python has, so that an answer taken from the running Python instead of the
file shows too; one has flags no Python writes (0x104), which the README's
rule still reads as a hash. The values must have the docstring's types (bytes,
int): a memoryview equal to the bytes is not bytes. is_current is asked about
greet.py, about a source of the check's own, in a sub-folder, with a non-ASCII
name, Latin-1 text and CRLF line ends, and about a symbolic link to a source
in another folder (where links can be made), whose .pyc Python keeps beside
the link, stamped with the time and size of the file it points to (os.stat,
not os.lstat, nor the real path); with .pyc files Python refuses (a magic
number wrong in its last two bytes, where the answer is False, and a file cut
to 10 bytes, where it is False or read_header's ValueError let through); and
under -O with -X pycache_prefix, where the .pyc is not in __pycache__ beside
the source.

Left to the student, as answers right by the README before this week's
changes differ there: sources dated before 1970 or after 2106 (int() against
floor, st_mtime_ns // 10**9, or no 32-bit mask: they differ only there), and
flags other than 0, 1 and 3 in is_current (the docstring has rules for those
three only; flags 2, 4, ... may give True, False or an error). read_header
still reads any flags but 0 as a hash (the README says so).

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: read_header decodes magic number (bytes 0-3), flags (4-7) and, with flags 0, time and size, as
  unsigned little-endian 32-bit numbers read from the file (not this Python's own magic number).
  -> a_timestamp_header_is_decoded
- Step 1: with flags 1 or 3 (unchecked or checked hash), read_header gives the 8-byte hash (8-15).
  -> a_hash_header_is_decoded
- Step 1: any flags but 0 mean the hash, flags this Python never writes too; the flags are all of bytes 4-7.
  -> a_hash_header_is_decoded
- Step 1 (the docstring): magic and hash are bytes, the numbers are ints.
  -> a_timestamp_header_is_decoded, a_hash_header_is_decoded
- Step 1: a file shorter than 16 bytes raises ValueError (a file of exactly 16 bytes is decoded).
  -> a_short_file_is_refused, a_timestamp_header_is_decoded
- Step 2: is_current follows the docstring's rules: no .pyc, magic number, time in whole seconds and size
  in bytes for flags 0, the hash of the source's bytes for flags 3, no check for flags 1.
  -> is_current_follows_the_rules_python_uses
- Step 2: with flags 0, the time is compared in whole seconds, cut (not rounded), as the unsigned number the
  header records (a time beyond 2**31 seconds too).
  -> is_current_follows_the_rules_python_uses
- Step 2: a .pyc whose magic number is wrong in any of its four bytes gives False, not an error; one shorter
  than 16 bytes gives False or read_header's ValueError, nothing else.
  -> is_current_follows_the_rules_python_uses
- Step 2: is_current looks at the .pyc this Python uses (importlib.util.cache_from_source), for a source
  anywhere, and with -O or -X pycache_prefix too.
  -> is_current_finds_the_pyc_python_uses, is_current_follows_the_rules_python_uses
- Step 2: for a source reached through a symbolic link to a file, as Python does: the .pyc of the path as given
  (beside the link), and the time and size of the file the link points to (os.stat follows it).
  -> is_current_follows_the_rules_python_uses
- Step 2: is_current only reads: it imports, runs and compiles nothing, and changes no file.
  -> is_current_follows_the_rules_python_uses
"""

import pytest

from grader import expect
from grader.sandbox import CLEAN_FLAGS

#: In a probe: call a function and keep either its result or a description of what it raised.
ATTEMPT = """
def attempt(function, *args):
    try:
        return {"value": function(*args)}
    except Exception as exc:
        kind = type(exc)
        name = kind.__qualname__ if kind.__module__ == "builtins" else kind.__module__ + "." + kind.__qualname__
        line, tb = None, exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith("pycinfo.py"):
                line = tb.tb_lineno
            tb = tb.tb_next
        where = f" in pycinfo.py, line {line}" if line else ""
        return {"error": f"{name}{where}" + (f": {exc}" if str(exc) else ""), "type": kind.__name__,
                "classes": [c.__name__ for c in kind.__mro__]}

def decoded(label, path, expected):  # read_header(path) against the expected dict: what differs, as reprs
    got = attempt(pycinfo.read_header, path)
    got["label"] = label
    if "value" in got:
        value = got.pop("value")
        got["returned"] = repr(value)
        if isinstance(value, dict):
            missing = object()
            shown = lambda v: "no such key" if v is missing else repr(v)
            got["diff"] = [[str(key), shown(expected.get(key, missing)), shown(value.get(key, missing))]
                           for key in sorted(set(value) | set(expected), key=str)
                           if value.get(key, missing) != expected.get(key, missing)]
            for key, want in (("magic", bytes), ("hash", bytes), ("flags", int), ("mtime", int), ("size", int)):
                have = value.get(key, missing)  # equal in value, but of the docstring's type?
                if key in expected and have == expected[key] and (not isinstance(have, want) or isinstance(have, bool)):
                    got["diff"].append([key, want.__name__, f"{type(have).__name__} (equal in value, another type)"])
            got["negative"] = any(isinstance(v, int) and v < 0 for v in value.values())
    return got
"""

#: In a probe: the magic number of another Python version than this one (an older one).
OTHER_MAGIC = """
import importlib.util
OTHER_MAGIC = (int.from_bytes(importlib.util.MAGIC_NUMBER[:2], "little") - 7).to_bytes(2, "little") + b"\\r\\n"
"""


def problem(got) -> str | None:
    """None if read_header gave what was expected; else what it did, in words."""
    label = got["label"]
    if "error" in got:
        return f"for {label} it raised {got['error']}"
    if "diff" not in got:
        return f"for {label} it returned {got['returned']}"
    wrong = "; ".join(f"{key}: expected {want}, got {have}" for key, want, have in got["diff"])
    return f"for {label} these values differ from the file's header: {wrong}" if wrong else None


STUB_HINT = "That part is still the unedited stub: replace `raise NotImplementedError` with your code."

#: The hint when a value is right but of another type than the docstring's.
TYPES_HINT = (
    "the docstring asks for bytes (the magic number, the hash) and ints (the numbers): a memoryview or a "
    "bytearray compares equal to bytes, but it is another type, and code that uses the result may rely on it."
)


#: greet.py's time for the timestamp checks: in 2039, beyond 2**31 seconds, and 0.7 s into its second.
GREET_TIME_NS = 2_200_000_000_700_000_000


@pytest.mark.points(2)
def test_a_timestamp_header_is_decoded(student):
    seen = student.observe(
        OTHER_MAGIC
        + "import os, struct, pycinfo\n"
        + ATTEMPT
        + f"""
os.utime("greet.py", ns=({GREET_TIME_NS}, {GREET_TIME_NS}))
import greet  # writes __pycache__/greet.<tag>.pyc
cached = importlib.util.cache_from_source("greet.py")
with open(cached, "rb") as f:
    raw = f.read(16)
with open("other Python é.pyc", "wb") as f:  # a header alone, exactly 16 bytes
    f.write(OTHER_MAGIC + struct.pack("<III", 0, 4_000_000_001, 3_000_000_123))
report(cases=[
    decoded("greet's .pyc", cached,
            {{"magic": raw[:4], "flags": 0, "mtime": {GREET_TIME_NS // 10**9}, "size": os.stat("greet.py").st_size}}),
    decoded("a 16-byte header written by another Python (other Python é.pyc)", "other Python é.pyc",
            {{"magic": OTHER_MAGIC, "flags": 0, "mtime": 4_000_000_001, "size": 3_000_000_123}}),
])
""",
        doing="pycinfo.read_header on greet's .pyc to work",
    )
    problems = [p for p in map(problem, seen["cases"]) if p]
    if any(got.get("negative") for got in seen["cases"]):
        hint = "the numbers are unsigned: a time after 2038 is above 2**31 ('<I', not '<i')."
    elif any("NotImplementedError" in p for p in problems):
        hint = STUB_HINT
    elif any("another type" in p for p in problems):
        hint = TYPES_HINT
    elif any("magic: expected" in p for p in problems):
        hint = "bytes 0-3 of the file are its magic number: read them from the file, whichever Python wrote it."
    elif any("ValueError" in p for p in problems):
        hint = "a header of exactly 16 bytes is complete: only a file shorter than 16 bytes is refused."
    else:
        hint = "bytes 0-3 are the magic number; struct.unpack('<I', ...) reads bytes 4-7, 8-11 and 12-15."
    expect(
        not problems,
        expected="read_header to give the magic number, flags 0, and the recorded time and size of each file",
        saw="; and ".join(problems),
        hint=hint,
    )


@pytest.mark.points(1)
def test_a_hash_header_is_decoded(student):
    seen = student.observe(
        OTHER_MAGIC
        + "import py_compile, struct, pycinfo\n"
        + ATTEMPT
        + """
modes = py_compile.PycInvalidationMode
checked = py_compile.compile("greet.py", cfile="checked.pyc", invalidation_mode=modes.CHECKED_HASH, doraise=True)
unchecked = py_compile.compile("greet.py", cfile="unchecked.pyc", invalidation_mode=modes.UNCHECKED_HASH, doraise=True)
with open("greet.py", "rb") as f:
    digest = importlib.util.source_hash(f.read())
made_hash = bytes([0, 255, 16, 128]) + b"hash"
with open("other Python é.pyc", "wb") as f:
    f.write(OTHER_MAGIC + struct.pack("<I", 3) + made_hash + b"code follows")
with open("later flags.pyc", "wb") as f:  # flags no Python writes, in two of the four bytes: not 0, so a hash
    f.write(OTHER_MAGIC + struct.pack("<I", 0x104) + made_hash[::-1])
report(cases=[
    decoded("a checked-hash .pyc (flags 3)", checked, {"magic": importlib.util.MAGIC_NUMBER, "flags": 3, "hash": digest}),
    decoded("an unchecked-hash .pyc (flags 1)", unchecked, {"magic": importlib.util.MAGIC_NUMBER, "flags": 1, "hash": digest}),
    decoded("a checked-hash header written by another Python (other Python é.pyc)", "other Python é.pyc",
            {"magic": OTHER_MAGIC, "flags": 3, "hash": made_hash}),
    decoded("a header with flags 0x104, which no Python writes (later flags.pyc)", "later flags.pyc",
            {"magic": OTHER_MAGIC, "flags": 0x104, "hash": made_hash[::-1]}),
])
""",
        doing="pycinfo.read_header on hash-based .pyc files to work",
    )
    problems = [p for p in map(problem, seen["cases"]) if p]
    if any("NotImplementedError" in p for p in problems):
        hint = STUB_HINT
    elif any("another type" in p for p in problems):
        hint = TYPES_HINT
    elif any("flags: expected" in p for p in problems):
        hint = "the flags are a little-endian 32-bit number too, all four bytes 4-7: struct.unpack('<I', header[4:8])."
    elif any("(flags 1)" in p for p in problems) and not any("(flags 3)" in p for p in problems):
        hint = "flags 1 is a hash-based .pyc too (its hash is not checked): any flags but 0 mean bytes 8-15 are the hash."
    elif any("magic: expected" in p for p in problems):
        hint = "bytes 0-3 of the file are its magic number: read them from the file, whichever Python wrote it."
    else:
        hint = (
            "when the flags are not 0, whatever else they are (even bits no Python uses yet), bytes 8-15 are the "
            "hash: return them under 'hash'."
        )
    expect(
        not problems,
        expected="read_header of a hash-based .pyc to give the magic number, the flags (any but 0) and the 8-byte hash",
        saw="; and ".join(problems),
        hint=hint,
    )


#: Files shorter than 16 bytes: (name, content). Some have whole flags, so that a partial check lets them through.
SHORT = [
    ("empty.pyc", b""),
    ("broken.pyc", b"tiny"),
    ("12 bytes.pyc", b"\x55\x0d\x0d\x0a" + b"\x03\x00\x00\x00" + b"hash"),
    ("15 bytes.pyc", b"\x55\x0d\x0d\x0a" + b"\x00\x00\x00\x00" + b"\x01\x02\x03\x04" + b"\x05\x06\x07"),
    ("15 bytes, hash.pyc", b"\x55\x0d\x0d\x0a" + b"\x01\x00\x00\x00" + b"1234567"),
]


@pytest.mark.points(1)
def test_a_short_file_is_refused(student):
    seen = student.observe(
        ATTEMPT
        + f"""
import pycinfo
results = {{}}
for name, data in {SHORT!r}:
    with open(name, "wb") as f:
        f.write(data)
    results[name] = got = attempt(pycinfo.read_header, name)
    if "value" in got:
        got["value"] = repr(got["value"])
report(results=results)
""",
        doing="read_header on files shorter than 16 bytes to finish",
    )
    sizes = {name: len(data) for name, data in SHORT}
    wrong = {
        name: got
        for name, got in seen["results"].items()
        if "ValueError" not in got.get("classes", ())
    }
    outcomes = {name: f"raised {got['error']}" if "error" in got else f"returned {got['value']}" for name, got in wrong.items()}
    if len(wrong) == len(SHORT) and len(set(outcomes.values())) == 1:
        described = [f"for every one of them it {next(iter(outcomes.values()))}"]
    else:
        described = [f"for {name!r} ({sizes[name]} bytes) it {outcome}" for name, outcome in outcomes.items()]
    expect(
        not wrong,
        expected="read_header of each file shorter than 16 bytes (0, 4, 12 and 15 bytes) to raise ValueError",
        saw="; ".join(described),
        hint=STUB_HINT
        if any("NotImplementedError" in d for d in described)
        else "read 16 bytes, and raise ValueError when fewer come back, before decoding anything.",
    )


#: The cases is_current is asked about, in order, and the answer Python's own rules give.
CASES = {
    "no pyc": False,
    "just compiled": True,
    "time moved": False,
    "time put back": True,
    "other magic": False,
    "magic wrong in bytes 2-3": False,
    "cut to 10 bytes": False,  # or read_header's ValueError, let through (see answered_as_python_does)
    "source grew": False,
    "size changed, time put back": False,
    "checked hash": True,
    "checked hash, other magic": False,
    "hash differs": False,
    "unchecked": True,
    "unchecked, other magic": False,
}

#: greet.py, as the README says; and a source of the check's own, in Latin-1 with CRLF line ends.
OTHER_FOLDER = "lib ü"
OTHER_SOURCE = f"{OTHER_FOLDER}/grüße.py"
OTHER_TEXT = b"# -*- coding: latin-1 -*-\r\nGREETING = 'gr\xfc\xdfe, \xe9t\xe9'\r\n"
#: A symbolic link in OTHER_FOLDER to a source in another folder: Python keeps its .pyc beside the link, named
#: after it, and stamps it with the time and size of the file it points to (os.stat follows the link).
LINKED_SOURCE = f"{OTHER_FOLDER}/verknüpft.py"
LINK_TARGET = "echt ö/ziel.py"

RULES = (
    ATTEMPT
    + f"""
import importlib.util, os, py_compile, sys, pycinfo

watching, ran = [], []
def audit(event, args):
    if not watching:
        return
    if event == "exec" and getattr(args[0], "co_filename", "").endswith(watching[0]):
        ran.append("ran")
    elif event == "compile" and isinstance(args[1], str) and args[1].endswith(watching[0]):
        ran.append("compiled")
sys.addaudithook(audit)

def state(source):
    cached = importlib.util.cache_from_source(source)
    def read(path):
        with open(path, "rb") as f:
            return f.read()
    return read(cached) if os.path.exists(cached) else None, read(source), os.stat(source).st_mtime_ns

def cases(source, compile_it, start_ns):
    answers, touched = {{}}, {{}}
    def ask(case):
        before = state(source)
        watching.append(os.path.basename(source))
        del ran[:]
        try:
            got = attempt(pycinfo.is_current, source)  # an answer, or what it raised
        finally:
            watching.pop()
        answers[case] = {{"value": got["value"]}} if "value" in got else {{"error": got["error"], "classes": got["classes"]}}
        if state(source) != before or ran:
            touched[case] = sorted(set(ran)) + (["changed a file"] if state(source) != before else [])
    os.utime(source, ns=(start_ns, start_ns))
    ask("no pyc")
    compile_it()
    ask("just compiled")
    os.utime(source, ns=(start_ns, start_ns + 10 * 10**9))  # the same size, 10 s later
    ask("time moved")
    os.utime(source, ns=(start_ns, start_ns))
    ask("time put back")
    cached = importlib.util.cache_from_source(source)
    with open(cached, "rb") as f:
        pyc = f.read()
    version = int.from_bytes(pyc[:2], "little")
    def damaged(case, data):  # ask with the .pyc replaced by data, then put it back
        with open(cached, "wb") as f:
            f.write(data)
        ask(case)
        with open(cached, "wb") as f:
            f.write(pyc)
    damaged("other magic", (version - 1).to_bytes(2, "little") + pyc[2:])  # another Python version's number
    damaged("magic wrong in bytes 2-3", pyc[:2] + b"\\0\\0" + pyc[4:])  # this version's word, not its \\r\\n
    damaged("cut to 10 bytes", pyc[:10])  # too short for a header
    with open(source, "ab") as f:
        f.write(b"# a comment that changes the size\\r\\n")
    ask("source grew")
    os.utime(source, ns=(start_ns, start_ns))  # the recorded time again, but not the size
    ask("size changed, time put back")
    modes = py_compile.PycInvalidationMode
    py_compile.compile(source, invalidation_mode=modes.CHECKED_HASH, doraise=True)
    ask("checked hash")
    with open(cached, "rb") as f:
        pyc = f.read()
    damaged("checked hash, other magic", (version - 1).to_bytes(2, "little") + pyc[2:])
    with open(source, "ab") as f:
        f.write(b"# another\\r\\n")
    ask("hash differs")
    py_compile.compile(source, invalidation_mode=modes.UNCHECKED_HASH, doraise=True)
    with open(source, "ab") as f:
        f.write(b"# and another\\r\\n")
    ask("unchecked")
    with open(cached, "rb") as f:
        pyc = f.read()
    damaged("unchecked, other magic", (version - 1).to_bytes(2, "little") + pyc[2:])
    return {{"answers": answers, "touched": touched}}

def import_greet():
    import greet

os.makedirs({OTHER_FOLDER!r})
with open({OTHER_SOURCE!r}, "wb") as f:
    f.write({OTHER_TEXT!r})
modes = py_compile.PycInvalidationMode
def compiler(source):
    return lambda: py_compile.compile(source, invalidation_mode=modes.TIMESTAMP, doraise=True)
greet = cases("greet.py", import_greet, {GREET_TIME_NS})
other = cases({OTHER_SOURCE!r}, compiler({OTHER_SOURCE!r}), 1_234_567_890_700_000_000)
os.makedirs(os.path.dirname({LINK_TARGET!r}))
with open({LINK_TARGET!r}, "wb") as f:
    f.write(b"GREETING = 'hello from the other folder'\\n")
try:
    os.symlink(os.path.relpath({LINK_TARGET!r}, {OTHER_FOLDER!r}), {LINKED_SOURCE!r})
except (OSError, NotImplementedError):  # no symbolic links here (Windows without the privilege)
    linked = None
else:  # a time of its own, long before the link itself was made
    linked = cases({LINKED_SOURCE!r}, compiler({LINKED_SOURCE!r}), 1_111_111_111_300_000_000)
report(greet=greet, other=other, linked=linked)
"""
)


def said(answer) -> str:
    """is_current's answer, or what it raised, in words."""
    return repr(answer["value"]) if "value" in answer else f"raised {answer['error']}"


def answered_as_python_does(case, answer) -> bool:
    """Python's answer; for a .pyc too short for a header, read_header's ValueError let through will do too
    (the README before this week's changes said only that read_header raises it)."""
    if case == "cut to 10 bytes" and "ValueError" in answer.get("classes", ()):
        return True
    return answer == {"value": CASES[case]}


@pytest.mark.points(2)
def test_is_current_follows_the_rules_python_uses(student):
    seen = student.observe(RULES, doing="pycinfo.is_current to work")
    sources = {
        "greet": "greet.py",
        "other": f"{OTHER_SOURCE} (Latin-1 text, CRLF line ends)",
    }
    if seen["linked"] is not None:
        sources["linked"] = f"{LINKED_SOURCE} (a symbolic link to {LINK_TARGET})"
    touched = {sources[key]: seen[key]["touched"] for key in sources if seen[key]["touched"]}
    expect(
        not touched,
        expected="is_current only to read files: not to import, run or compile the module, nor change any file",
        saw=f"for these sources and cases it did: {touched}",
        hint="is_current answers a question about the files as they are: read the header and the source, "
        "and compare; leave compiling to the next import.",
    )
    wrong = {
        key: {case: answer for case, answer in seen[key]["answers"].items() if not answered_as_python_does(case, answer)}
        for key in sources
    }
    wrong = {key: cases for key, cases in wrong.items() if cases}
    everywhere = {case for cases in wrong.values() for case in cases}
    compiled = {key for key in sources if "just compiled" in wrong.get(key, {})}
    if any("NotImplementedError" in answer.get("error", "") for cases in wrong.values() for answer in cases.values()):
        hint = STUB_HINT
    elif set(wrong) == {"linked"} and "checked hash" in wrong["linked"]:  # no .pyc found: looked elsewhere
        hint = (
            f"for {LINKED_SOURCE}, a symbolic link: Python looks for the .pyc of the path as it is given, beside "
            "the link and named after it, not beside the file the link points to."
        )
    elif set(wrong) == {"linked"}:
        hint = (
            f"for {LINKED_SOURCE}, a symbolic link: Python compares the time and size of the file the link points "
            "to, as os.stat gives them (os.lstat describes the link itself)."
        )
    elif everywhere == {"size changed, time put back"}:
        hint = "with flags 0, the recorded size must match the source's size too (os.stat(source).st_size), not only the time."
    elif "cut to 10 bytes" in everywhere:
        hint = (
            "a .pyc too short to hold a header is one Python cannot use: it compiles again, so is_current "
            "answers False, or lets read_header's ValueError through; not True, and no other error."
        )
    elif "magic wrong in bytes 2-3" in everywhere:
        hint = "the magic number is all four bytes 0-3: a .pyc whose bytes 2-3 differ from this Python's is not used either."
    elif everywhere <= {"other magic", "checked hash, other magic", "unchecked, other magic"}:
        hint = "a .pyc written by another Python version is never used, whatever its flags: check the magic number first."
    elif "checked hash" in everywhere:
        hint = "hash the source file's bytes as they are on disk (open it in binary mode): text mode changes line ends and characters."
    elif {"greet", "other"} <= compiled:
        hint = (
            "a .pyc just written must count as current: compare its time with the source's time cut to whole "
            "seconds (cut, not rounded), both as whole numbers."
        )
    elif compiled == {"greet"}:
        hint = "greet.py's time is in 2039, beyond 2**31 seconds: the header's numbers are unsigned."
    elif "other" in compiled:
        hint = (
            f"for {OTHER_SOURCE}: find its .pyc from the path as given (it is in a sub-folder), and compare the "
            "size in bytes on disk (st_size), not a count of characters."
        )
    else:
        hint = "follow the docstring case by case: no file, magic number, then the rule for the flags."
    answers = {said(answer) for cases in wrong.values() for answer in cases.values()}
    if sum(map(len, wrong.values())) == sum(len(seen[key]["answers"]) for key in sources) and len(answers) == 1:
        saw = f"for every source and case it {next(iter(answers))}"  # the same error every time, once
    else:
        saw = "it answered wrongly for " + "; and for ".join(
            f"{sources[key]}: "
            + ", ".join(f"{case!r} (Python: {CASES[case]}, is_current: {said(answer)})" for case, answer in cases.items())
            for key, cases in wrong.items()
        )
    expect(
        not wrong,
        expected=(
            "is_current to answer as this Python decides, case by case, for " + ", ".join(sources.values()) + ", "
            "with False for a .pyc Python refuses (magic wrong in bytes 2-3; cut to 10 bytes: False or "
            "read_header's ValueError)"
        ),
        saw=saw,
        hint=hint,
    )


#: Python run with -O and -X pycache_prefix: the .pyc this Python uses is neither in __pycache__ nor plain.
STORE = "bytecode störe"
OPTIMIZED = CLEAN_FLAGS + ("-S", "-O", "-X", f"pycache_prefix={STORE}")


@pytest.mark.points(1)
def test_is_current_finds_the_pyc_python_uses(student):
    seen = student.observe(
        """
        import importlib.util, os, struct, sys, pycinfo
        import greet  # with -O and a prefix: <prefix>/<this folder>/greet.<tag>.opt-1.pyc
        real = importlib.util.cache_from_source("greet.py")
        with open(real, "rb") as f:
            pyc = f.read()
        # Where a run without those options keeps it: a file of another Python, which this one would never use.
        decoy = os.path.join("__pycache__", "greet." + sys.implementation.cache_tag + ".pyc")
        os.makedirs("__pycache__", exist_ok=True)
        with open(decoy, "wb") as f:
            f.write(bytes([pyc[0] ^ 1]) + pyc[1:])
        answers = {"the .pyc just written": pycinfo.is_current("greet.py")}
        # The source moves on: the real .pyc is stale, and the decoy is made to match it.
        st = os.stat("greet.py")
        os.utime("greet.py", (st.st_atime, st.st_mtime + 10))
        with open(decoy, "wb") as f:
            f.write(pyc[:8] + struct.pack("<I", int(os.stat("greet.py").st_mtime) & 0xFFFFFFFF) + pyc[12:])
        answers["the same .pyc once the source has changed"] = pycinfo.is_current("greet.py")
        report(answers=answers, real=os.path.relpath(real).replace(os.sep, "/"))
        """,
        doing="pycinfo.is_current to work under python -O -X pycache_prefix=...",
        flags=OPTIMIZED,
    )
    expected = {"the .pyc just written": True, "the same .pyc once the source has changed": False}
    where = f"{STORE}/…/{seen['real'].rpartition('/')[2]}"
    expect(
        seen["answers"] == expected,
        expected=(
            f"is_current, in a Python run with -O and -X pycache_prefix={STORE!r}, to answer {expected} "
            f"about the .pyc that Python uses: {where}"
        ),
        saw=f"it answered {seen['answers']}",
        hint="the .pyc is not always __pycache__/NAME.<tag>.pyc beside the source: -O and -X pycache_prefix "
        "change its name and folder. Ask importlib for the path (cache_from_source) instead of building it.",
    )
