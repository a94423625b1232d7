"""Section 8.6, module compilation."""

from . import Variant

VARIANTS = [
    Variant(
        "no-bytecode",
        "python-from-path",
        {"launch.py": ("[sys.executable, *options, script, *args]", '["python", *options, script, *args]')},
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only", "arguments_and_exit_code"),
        says=("sys.executable", "FileNotFoundError", "launch.py, line"),
    ),
    Variant(
        "pyc-header",
        "big-endian-time-and-size",
        {"pycinfo.py": ('struct.unpack("<II", header[8:16])', 'struct.unpack(">II", header[8:16])')},
        fails=("a_timestamp_header_is_decoded",),
        says=("mtime", "size", "expected", "got"),
        not_says=("'magic'", "'flags'"),  # only the values that differ are named
    ),
    Variant(
        "pyc-header",
        "big-endian-flags",
        {"pycinfo.py": ('struct.unpack("<I", header[4:8])', 'struct.unpack(">I", header[4:8])')},
        fails=("a_hash_header_is_decoded",),
        says=("flags", "expected 3", "got 50331648"),
        not_says=("'magic'", "hash:"),
    ),
    Variant(
        "pyc-header",
        "no-length-check",
        {
            "pycinfo.py": (
                '    if len(header) < 16:\n        raise ValueError(f"{path} is too short to be a .pyc file")\n',
                "",
            )
        },
        fails=("a_short_file_is_refused",),
        says=("struct.error", "pycinfo.py, line", "ValueError"),
        not_says=("raised error",),
    ),
    # The size left out of the flags-0 rule: a source whose size changed but whose time was set back.
    Variant(
        "pyc-header",
        "is-current-ignores-the-size",
        {"pycinfo.py": (' and header["size"] == st.st_size & 0xFFFFFFFF', "")},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("size changed, time put back", "st_size"),
    ),
]
