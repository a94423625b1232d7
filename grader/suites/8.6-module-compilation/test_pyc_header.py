"""8.6 pyc-header: decode real .pyc files, written by a fresh interpreter in the check."""

import pytest

from grader import expect
from grader.sandbox import expect_completed

TIMESTAMPED = """
import importlib.util, os, struct, pycinfo
import greet  # writes __pycache__/greet.<tag>.pyc
cached = importlib.util.cache_from_source("greet.py")
raw = open(cached, "rb").read(16)
got = pycinfo.read_header(cached)
"""

#: Which values of read_header's dict differ from the header's: {key: [expected, got]}, as reprs.
DIFFERENCES = """
def differences(got, expected):
    if not isinstance(got, dict):
        return repr(got)
    missing = object()
    shown = lambda value: "no such key" if value is missing else repr(value)
    return {key: [shown(expected.get(key, missing)), shown(got.get(key, missing))]
            for key in sorted(set(got) | set(expected), key=str) if got.get(key, missing) != expected.get(key, missing)}
"""


def returned(differences) -> str:
    """What read_header gave, for a message: the values that differ, else the non-dict it returned."""
    if isinstance(differences, str):
        return f"it returned {differences}"
    if not differences:  # the header's own size field disagrees with the file on disk
        return "it returned the header's values, but the size recorded there is not the size of greet.py"
    wrong = "; ".join(f"{key}: expected {want}, got {got}" for key, (want, got) in differences.items())
    return f"these values differ from the file's header: {wrong}"


@pytest.mark.points(2)
def test_a_timestamp_header_is_decoded(student):
    seen = student.observe(
        TIMESTAMPED
        + DIFFERENCES
        + """
expected = {"magic": raw[:4], "flags": 0, "mtime": struct.unpack("<I", raw[8:12])[0], "size": struct.unpack("<I", raw[12:16])[0]}
report(same=got == expected, differences=differences(got, expected),
       size_ok=got.get("size") == os.stat("greet.py").st_size if isinstance(got, dict) else False)
""",
        doing="pycinfo.read_header on greet's .pyc to work",
    )
    expect(
        seen["same"] and seen["size_ok"],
        expected="read_header to give the magic number, flags 0, and the recorded time and size of greet.py",
        saw=returned(seen["differences"]),
        hint="bytes 0-3 are the magic number; struct.unpack('<I', ...) reads bytes 4-7, 8-11 and 12-15.",
    )


@pytest.mark.points(1)
def test_a_hash_header_is_decoded(student):
    seen = student.observe(
        DIFFERENCES
        + """
import importlib.util, py_compile, pycinfo
cached = py_compile.compile("greet.py", invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
got = pycinfo.read_header(cached)
expected = {"magic": importlib.util.MAGIC_NUMBER, "flags": 3,
            "hash": importlib.util.source_hash(open("greet.py", "rb").read())}
report(same=got == expected, differences=differences(got, expected))
""",
        doing="pycinfo.read_header on a hash-based .pyc to work",
    )
    expect(
        seen["same"],
        expected="read_header of a checked-hash .pyc to give the magic number, flags 3 and the 8-byte hash",
        saw=returned(seen["differences"]),
        hint=(
            "the flags are little-endian too: struct.unpack('<I', header[4:8])."
            if isinstance(seen["differences"], dict) and "flags" in seen["differences"]
            else "when the flags are not 0, bytes 8-15 are the hash: return them under 'hash'."
        ),
    )


@pytest.mark.points(1)
def test_a_short_file_is_refused(student):
    student.write("broken.pyc", "tiny")
    probe = student.probe(
        """
        import pycinfo
        try:
            pycinfo.read_header('broken.pyc')
        except BaseException as exc:  # its full name: struct's error is called plain "error"
            kind = type(exc)
            module = "" if kind.__module__ == "builtins" else kind.__module__ + "."
            report(kind=module + kind.__qualname__)
            raise
        """
    )
    expect_completed(probe.completed, "read_header('broken.pyc') to finish", probe.stuck)
    error = probe.error
    # error.summary, with the exception's full name (struct.error, not "error")
    raised = error and f"{probe.values.get('kind', error.type)} {error.where}"
    raised = raised and raised + (error.message and f": {error.message}")
    expect(
        error is not None and error.isinstance("ValueError"),
        expected="read_header of a 4-byte file to raise ValueError",
        saw=f"it raised {raised}" if error else "it raised nothing",
        hint="read 16 bytes, and raise ValueError when fewer come back.",
    )


@pytest.mark.points(2)
def test_is_current_follows_the_rules_python_uses(student):
    seen = student.observe(
        """
        import importlib.util, os, py_compile, pycinfo
        answers = {"no pyc": pycinfo.is_current("greet.py")}
        import greet
        answers["just imported"] = pycinfo.is_current("greet.py")
        st = os.stat("greet.py")
        os.utime("greet.py", ns=(st.st_atime_ns, st.st_mtime_ns + 10 * 10**9))  # the same size, 10 s later
        answers["time moved"] = pycinfo.is_current("greet.py")
        os.utime("greet.py", ns=(st.st_atime_ns, st.st_mtime_ns))
        answers["time put back"] = pycinfo.is_current("greet.py")
        cached = importlib.util.cache_from_source("greet.py")
        with open(cached, "rb") as f:
            pyc = f.read()
        version = int.from_bytes(pyc[:2], "little")
        with open(cached, "wb") as f:  # the magic number of another Python version, all else unchanged
            f.write((version - 1).to_bytes(2, "little") + pyc[2:])
        answers["other magic"] = pycinfo.is_current("greet.py")
        with open(cached, "wb") as f:
            f.write(pyc)
        with open("greet.py", "a") as f:
            f.write("# a comment that changes the size\\n")
        answers["source grew"] = pycinfo.is_current("greet.py")
        os.utime("greet.py", ns=(st.st_atime_ns, st.st_mtime_ns))  # the recorded time again, but not the size
        answers["size changed, time put back"] = pycinfo.is_current("greet.py")
        py_compile.compile("greet.py", invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
        answers["checked hash"] = pycinfo.is_current("greet.py")
        with open("greet.py", "a") as f:
            f.write("# another\\n")
        answers["hash differs"] = pycinfo.is_current("greet.py")
        py_compile.compile("greet.py", invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
        with open("greet.py", "a") as f:
            f.write("# and another\\n")
        answers["unchecked"] = pycinfo.is_current("greet.py")
        report(answers=answers)
        """,
        doing="pycinfo.is_current to work",
    )
    expected = {
        "no pyc": False,
        "just imported": True,
        "time moved": False,
        "time put back": True,
        "other magic": False,
        "source grew": False,
        "size changed, time put back": False,
        "checked hash": True,
        "hash differs": False,
        "unchecked": True,
    }
    wrong = {case: answer for case, answer in seen["answers"].items() if answer != expected[case]}
    expect(
        not wrong,
        expected=f"is_current to answer {expected}",
        saw=f"it answered differently for {wrong}",
        hint=(
            "with flags 0, the recorded size must match the source's size too (os.stat(source).st_size), "
            "not only the time."
            if list(wrong) == ["size changed, time put back"]
            else "follow the docstring case by case: no file, magic number, then the rule for the flags."
        ),
    )
