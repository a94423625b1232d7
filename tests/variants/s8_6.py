"""Section 8.6, module compilation."""

from . import Variant

# -- no-bytecode ---------------------------------------------------------------------------------------------------

LAUNCH_DOC = '''"""Run Python programs without leaving bytecode next to their sources."""
'''

VARIANTS = [
    Variant(
        "no-bytecode",
        "python-from-path",
        {"launch.py": ("[sys.executable, *options, script, *args]", '["python", *options, script, *args]')},
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only", "arguments_and_exit_code"),
        says=("sys.executable", "FileNotFoundError", "launch.py, line"),
    ),
    # One command line for a shell: a path or an argument with a space in it falls apart.
    Variant(
        "no-bytecode",
        "a-shell-command-line",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir is None:\n"
                '        option = "-B"\n'
                "    else:\n"
                '        option = "-X pycache_prefix=" + cache_dir\n'
                '    command = f"{sys.executable} {option} {script} " + " ".join(args)\n'
                "    return subprocess.run(command, shell=True).returncode\n",
            )
        },
        fails=("arguments_and_exit_code", "no_bytecode_at_all"),
        says=("never", "one item"),
    ),
    # The arguments glued into one.
    Variant(
        "no-bytecode",
        "arguments-joined-into-one",
        {"launch.py": ("[sys.executable, *options, script, *args]", '[sys.executable, *options, script, " ".join(args)]')},
        fails=("arguments_and_exit_code",),
        says=("arguments",),
    ),
    # os.system, every word quoted, but its wait status (exit code * 256) returned as the exit code.
    Variant(
        "no-bytecode",
        "os-system-wait-status",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport shlex\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    flags = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                "    return os.system(shlex.join([sys.executable, *flags, script, *args]))\n",
            )
        },
        fails=("arguments_and_exit_code",),
        says=("returned 9472", "wait status"),
    ),
    # The program run twice: once to run it, once more for its exit code.
    Variant(
        "no-bytecode",
        "runs-the-program-twice",
        {
            "launch.py": (
                "    return subprocess.run([sys.executable, *options, script, *args]).returncode",
                "    subprocess.run([sys.executable, *options, script, *args])\n"
                "    return subprocess.call([sys.executable, *options, script, *args])",
            )
        },
        fails=("arguments_and_exit_code",),
        says=("once",),
    ),
    # The settings asked for through variables set in the caller's own environment: they stay there.
    Variant(
        "no-bytecode",
        "settings-left-in-os-environ",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir is None:\n"
                '        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"\n'
                "    else:\n"
                '        os.environ["PYTHONPYCACHEPREFIX"] = os.path.abspath(cache_dir)\n'
                "    return subprocess.call([sys.executable, script, *args])\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("os.environ", "PYTHONDONTWRITEBYTECODE"),
    ),
    # No new interpreter at all: the settings changed in the caller, and the script run there with runpy.
    Variant(
        "no-bytecode",
        "runs-the-script-in-the-caller",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport runpy\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    old = sys.argv, sys.dont_write_bytecode, sys.pycache_prefix, list(sys.path)\n"
                "    sys.argv = [script, *args]\n"
                "    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))\n"
                "    sys.dont_write_bytecode = cache_dir is None\n"
                "    sys.pycache_prefix = cache_dir\n"
                "    try:\n"
                '        runpy.run_path(script, run_name="__main__")\n'
                "    except SystemExit as stop:\n"
                "        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)\n"
                "    finally:\n"
                "        sys.argv, sys.dont_write_bytecode, sys.pycache_prefix, sys.path[:] = old\n"
                "    return 0\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("new interpreter", "process"),
    ),
    # -B in both modes: with a cache folder, nothing is written at all.
    Variant(
        "no-bytecode",
        "always-minus-b",
        {
            "launch.py": (
                '    options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]',
                '    options = ["-B"] if cache_dir is None else ["-B", "-X", f"pycache_prefix={cache_dir}"]',
            )
        },
        fails=("bytecode_under_the_cache_folder_only",),
        says=("sys.dont_write_bytecode was True", "-B"),
    ),
    # The option after the script: it becomes one of the program's arguments.
    Variant(
        "no-bytecode",
        "option-after-the-script",
        {"launch.py": ("[sys.executable, *options, script, *args]", "[sys.executable, script, *options, *args]")},
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only"),
        says=("sys.pycache_prefix was None",),
    ),
    # check=True: a program that exits with a code other than 0 makes run raise instead of returning it.
    Variant(
        "no-bytecode",
        "check-true",
        {"launch.py": ("[sys.executable, *options, script, *args]).returncode", "[sys.executable, *options, script, *args], check=True).returncode")},
        fails=("arguments_and_exit_code",),
        says=("CalledProcessError", "return its code"),
    ),
    # The bytecode written as usual, and the __pycache__ folders deleted afterwards.
    Variant(
        "no-bytecode",
        "cleans-up-afterwards",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport shutil\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    command = [sys.executable, script, *args]\n"
                "    if cache_dir is not None:\n"
                '        command[1:1] = ["-X", "pycache_prefix=" + cache_dir]\n'
                "    code = subprocess.run(command).returncode\n"
                "    folder = os.path.dirname(os.path.abspath(script))\n"
                "    for root, dirs, _ in os.walk(folder):\n"
                '        if "__pycache__" in dirs:\n'
                '            shutil.rmtree(os.path.join(root, "__pycache__"))\n'
                "    return code\n",
            )
        },
        fails=("no_bytecode_at_all",),
        says=("sys.dont_write_bytecode was False", "deleting the files afterwards"),
    ),
    # Right: the two variables, set for the new interpreter only, and subprocess.call.
    Variant(
        "no-bytecode",
        "variables-for-the-child-only",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    env = dict(os.environ)\n"
                "    if cache_dir is None:\n"
                '        env["PYTHONDONTWRITEBYTECODE"] = "1"\n'
                '        env.pop("PYTHONPYCACHEPREFIX", None)\n'
                "    else:\n"
                '        env.pop("PYTHONDONTWRITEBYTECODE", None)\n'
                '        env["PYTHONPYCACHEPREFIX"] = os.path.abspath(cache_dir)\n'
                "    return subprocess.call([sys.executable, script, *args], env=env)\n",
            )
        },
    ),
    # Right: -E, the option glued to -X, a list built step by step, and Popen(...).wait().
    Variant(
        "no-bytecode",
        "popen-and-wait",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\nfrom pathlib import Path\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    command = [sys.executable, "-E"]\n'
                "    if cache_dir is not None:\n"
                '        command.append("-Xpycache_prefix=" + str(Path(cache_dir).resolve()))\n'
                "    else:\n"
                '        command.append("-B")\n'
                "    command.append(script)\n"
                "    command.extend(args)\n"
                "    with subprocess.Popen(command) as process:\n"
                "        return process.wait()\n",
            )
        },
    ),
    # Right: os.spawnv waits and returns the exit code.
    Variant(
        "no-bytecode",
        "os-spawnv",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir:\n"
                '        flags = ["-X", "pycache_prefix=%s" % cache_dir]\n'
                "    else:\n"
                '        flags = ["-B"]\n'
                "    return os.spawnv(os.P_WAIT, sys.executable, [sys.executable] + flags + [script] + list(args))\n",
            )
        },
    ),
    # Right: a shell after all, with every word quoted, and the wait status turned into an exit code.
    Variant(
        "no-bytecode",
        "os-system-quoted",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport shlex\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    options = ["-B"] if cache_dir is None else ["-X", "pycache_prefix=" + cache_dir]\n'
                "    status = os.system(shlex.join([sys.executable, *options, script, *args]))\n"
                "    return os.waitstatus_to_exitcode(status)\n",
            )
        },
    ),
    # A fork of the caller instead of a new interpreter: the settings changed in the copy, the script run there.
    Variant(
        "no-bytecode",
        "runs-the-script-in-a-fork",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport runpy\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    pid = os.fork()\n"
                "    if pid == 0:\n"
                "        code = 0\n"
                "        sys.argv = [script, *args]\n"
                "        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))\n"
                "        sys.dont_write_bytecode = cache_dir is None\n"
                "        sys.pycache_prefix = cache_dir\n"
                "        try:\n"
                '            runpy.run_path(script, run_name="__main__")\n'
                "        except SystemExit as stop:\n"
                "            code = stop.code if isinstance(stop.code, int) else 1\n"
                "        sys.stdout.flush()\n"
                "        os._exit(code)\n"
                "    _, status = os.waitpid(pid, 0)\n"
                "    return os.waitstatus_to_exitcode(status)\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("new interpreter", "launch was already imported"),
    ),
    # -- pyc-header ----------------------------------------------------------------------------------------------
    Variant(
        "pyc-header",
        "big-endian-time-and-size",
        {"pycinfo.py": ('struct.unpack("<II", header[8:16])', 'struct.unpack(">II", header[8:16])')},
        fails=("a_timestamp_header_is_decoded",),
        says=("mtime", "size", "expected", "got"),
        not_says=("magic:", "flags:"),  # only the values that differ are named
    ),
    Variant(
        "pyc-header",
        "big-endian-flags",
        {"pycinfo.py": ('struct.unpack("<I", header[4:8])', 'struct.unpack(">I", header[4:8])')},
        fails=("a_hash_header_is_decoded",),
        says=("flags", "expected 3", "got 50331648"),
        not_says=("magic:", "hash:"),
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
    # The magic number of the running Python instead of the file's: right for every file this Python wrote.
    Variant(
        "pyc-header",
        "magic-of-this-python",
        {"pycinfo.py": ('{"magic": header[:4], "flags": flags, "mtime"', '{"magic": importlib.util.MAGIC_NUMBER, "flags": flags, "mtime"')},
        fails=("a_timestamp_header_is_decoded",),
        says=("magic",),
    ),
    # Signed numbers: right until 2038.
    Variant(
        "pyc-header",
        "signed-time-and-size",
        {"pycinfo.py": ('struct.unpack("<II", header[8:16])', 'struct.unpack("<ii", header[8:16])')},
        fails=("a_timestamp_header_is_decoded",),
        says=("mtime", "unsigned"),
    ),
    # Only flags 3 read as a hash: an unchecked .pyc (flags 1) is decoded as time and size.
    Variant(
        "pyc-header",
        "hash-only-for-flags-3",
        {"pycinfo.py": ("    if flags == 0:\n        mtime, size", "    if flags != 3:\n        mtime, size")},
        fails=("a_hash_header_is_decoded",),
        says=("flags 1", "hash"),
    ),
    # A length check that lets 8 to 15 bytes through: a hash-based header is cut short silently.
    Variant(
        "pyc-header",
        "length-check-too-short",
        {"pycinfo.py": ("    if len(header) < 16:", "    if len(header) < 8:")},
        fails=("a_short_file_is_refused",),
        says=("ValueError", "12 bytes"),
    ),
    # A file of exactly 16 bytes refused.
    Variant(
        "pyc-header",
        "length-check-too-strict",
        {"pycinfo.py": ("    if len(header) < 16:", "    if len(header) <= 16:")},
        fails=("a_timestamp_header_is_decoded",),
        says=("16 bytes",),
    ),
    # Whole seconds by rounding: a time of x.7 s is recorded as x.
    Variant(
        "pyc-header",
        "rounded-time",
        {"pycinfo.py": ('header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF', 'header["mtime"] == round(st.st_mtime) & 0xFFFFFFFF')},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("just compiled", "whole seconds"),
    ),
    # The source hashed as text: its line ends and its encoding are no longer the file's bytes.
    Variant(
        "pyc-header",
        "hash-of-the-text",
        {
            "pycinfo.py": (
                '        with open(source, "rb") as f:\n            return header["hash"] == importlib.util.source_hash(f.read())',
                "        with open(source, encoding=\"utf-8\", errors=\"replace\") as f:\n"
                "            return header[\"hash\"] == importlib.util.source_hash(f.read().encode())",
            )
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("checked hash", "bytes"),
    ),
    # The size counted in characters: right only for ASCII sources.
    Variant(
        "pyc-header",
        "size-in-characters",
        {
            "pycinfo.py": (
                ' and header["size"] == st.st_size & 0xFFFFFFFF',
                ' and header["size"] == len(open(source, encoding="utf-8", errors="replace").read())',
            )
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("just compiled", "st_size"),
    ),
    # The path of the .pyc built by hand: no -O, no -X pycache_prefix.
    Variant(
        "pyc-header",
        "hand-built-cache-path",
        {
            "pycinfo.py": [
                ("import struct\n", "import struct\nimport sys\n"),
                (
                    "    cached = importlib.util.cache_from_source(source)",
                    "    folder, name = os.path.split(source)\n"
                    "    cached = os.path.join(folder, '__pycache__', name[:-3] + '.' + sys.implementation.cache_tag + '.pyc')",
                ),
            ]
        },
        fails=("is_current_finds_the_pyc_python_uses",),
        says=("cache_from_source", "pycache_prefix"),
    ),
    # The .pyc looked for beside the working directory's files: right only for a source in the current folder.
    Variant(
        "pyc-header",
        "cache-path-of-the-base-name",
        {"pycinfo.py": ("importlib.util.cache_from_source(source)", "importlib.util.cache_from_source(os.path.basename(source))")},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("lib",),
    ),
    # The magic number checked for timestamp-based files only: a hash-based .pyc of another Python counts as current.
    Variant(
        "pyc-header",
        "magic-checked-for-timestamps-only",
        {
            "pycinfo.py": [
                ('    if header["magic"] != importlib.util.MAGIC_NUMBER:\n        return False\n', ""),
                (
                    '        return header["mtime"] ==',
                    '        return header["magic"] == importlib.util.MAGIC_NUMBER and header["mtime"] ==',
                ),
            ]
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("checked hash, other magic", "magic number"),
    ),
    # An unchecked .pyc taken as current before its magic number is looked at.
    Variant(
        "pyc-header",
        "unchecked-used-whatever-its-magic",
        {
            "pycinfo.py": (
                "    header = read_header(cached)\n",
                '    header = read_header(cached)\n    if header["flags"] == 1:\n        return True\n',
            )
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("unchecked, other magic", "magic number"),
    ),
    # "Helpful": a missing .pyc compiled on the spot, so that there is one next time.
    Variant(
        "pyc-header",
        "compiles-when-missing",
        {
            "pycinfo.py": [
                ("import os\n", "import os\nimport py_compile\n"),
                ("    if not os.path.exists(cached):\n        return False\n",
                 "    if not os.path.exists(cached):\n        py_compile.compile(source)\n        return False\n"),
            ]
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("only to read", "compiled"),
    ),
    # Right, from scratch: struct.unpack_from, int.from_bytes, pathlib, flag bits, and try/except for the missing file.
    Variant(
        "pyc-header",
        "unpack-from-and-flag-bits",
        {
            "pycinfo.py": (
                None,
                '"""Look inside cached bytecode files."""\n\n'
                "import importlib.util\nimport os\nimport struct\nfrom pathlib import Path\n\n\n"
                "def read_header(path):\n"
                "    data = Path(path).read_bytes()\n"
                "    if len(data) < 16:\n"
                '        raise ValueError("not a .pyc: " + str(path))\n'
                '    magic, flags = struct.unpack_from("<4sI", data)\n'
                "    info = {\"magic\": magic, \"flags\": flags}\n"
                "    if flags:\n"
                '        info["hash"] = data[8:16]\n'
                "    else:\n"
                '        info["mtime"] = int.from_bytes(data[8:12], "little")\n'
                '        info["size"] = int.from_bytes(data[12:16], "little")\n'
                "    return info\n\n\n"
                "def is_current(source):\n"
                "    try:\n"
                "        header = read_header(importlib.util.cache_from_source(source))\n"
                "    except FileNotFoundError:\n"
                "        return False\n"
                "    if header[\"magic\"] != importlib.util.MAGIC_NUMBER:\n"
                "        return False\n"
                "    if header[\"flags\"] & 0b01:  # hash-based\n"
                "        if not header[\"flags\"] & 0b10:  # not checked\n"
                "            return True\n"
                "        return importlib.util.source_hash(Path(source).read_bytes()) == header[\"hash\"]\n"
                "    info = os.stat(source)\n"
                "    return (header[\"mtime\"], header[\"size\"]) == (int(info.st_mtime) % 2**32, info.st_size % 2**32)\n",
            )
        },
    ),
    # Right: os.path.getmtime and getsize, math.floor, a mask-free comparison, and isfile first.
    Variant(
        "pyc-header",
        "getmtime-and-getsize",
        {
            "pycinfo.py": [
                ("import os\n", "import math\nimport os\n"),
                (
                    "        st = os.stat(source)\n"
                    '        return header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF and header["size"] == st.st_size & 0xFFFFFFFF',
                    '        return header["mtime"] == math.floor(os.path.getmtime(source)) and header["size"] == os.path.getsize(source)',
                ),
                ("    if not os.path.exists(cached):", "    if not os.path.isfile(cached):"),
            ]
        },
    ),
    # -- stale-bytecode -------------------------------------------------------------------------------------------
    # The time moved on: the check sets it back, as cp -p does.
    Variant(
        "stale-bytecode",
        "time-moved-on",
        {
            "sourcetools.py": (
                "    try:\n        os.remove(importlib.util.cache_from_source(path))\n    except FileNotFoundError:\n        pass\n",
                "    later = os.stat(path).st_mtime + 2\n    os.utime(path, (later, later))\n",
            )
        },
        fails=("a_reload_runs_the_new_code", "a_new_interpreter_runs_the_new_code"),
        says=("old bytecode",),
    ),
    # A comment added to change the size.
    Variant(
        "stale-bytecode",
        "size-changed-with-a-comment",
        {
            "sourcetools.py": [
                ("        f.write(text)\n", '        f.write(text + "# rewritten\\n")\n'),
                ("    try:\n        os.remove(importlib.util.cache_from_source(path))\n    except FileNotFoundError:\n        pass\n", ""),
            ]
        },
        fails=("a_reload_runs_the_new_code",),
        says=("exactly that text",),
    ),
    # From scratch: the __pycache__ of the working directory removed, whatever folder the source is in.
    Variant(
        "stale-bytecode",
        "the-working-directorys-pycache",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\nimport shutil\n\n\n'
                "def safe_rewrite(path, text):\n"
                '    with open(path, "w", encoding="utf-8") as f:\n'
                "        f.write(text)\n"
                '    shutil.rmtree("__pycache__", ignore_errors=True)\n',
            )
        },
        fails=("a_reload_runs_the_new_code", "a_new_interpreter_runs_the_new_code"),
        says=("old bytecode",),
    ),
    # The .pyc path built by hand: right for a plain run, wrong with -O or -X pycache_prefix.
    Variant(
        "stale-bytecode",
        "hand-built-pyc-path",
        {
            "sourcetools.py": [
                ("import os\n", "import os\nimport sys\n"),
                (
                    "        os.remove(importlib.util.cache_from_source(path))",
                    "        folder, name = os.path.split(path)\n"
                    "        stem = os.path.splitext(name)[0]\n"
                    '        os.remove(os.path.join(folder, "__pycache__", f"{stem}.{sys.implementation.cache_tag}.pyc"))',
                ),
            ]
        },
        fails=("a_reload_runs_the_new_code", "a_new_interpreter_runs_the_new_code"),
        says=("old bytecode", "importlib"),
    ),
    # No guard for a module that was never imported.
    Variant(
        "stale-bytecode",
        "no-guard-for-a-missing-pyc",
        {
            "sourcetools.py": (
                "    try:\n        os.remove(importlib.util.cache_from_source(path))\n    except FileNotFoundError:\n        pass\n",
                "    os.remove(importlib.util.cache_from_source(path))\n",
            )
        },
        fails=("a_module_never_imported_is_fine",),
        says=("FileNotFoundError", "nothing to remove"),
    ),
    # "Make sure" by reloading the module in safe_rewrite: its body runs one more time.
    Variant(
        "stale-bytecode",
        "reloads-it-to-make-sure",
        {
            "sourcetools.py": [
                ("import importlib.util\n", "import importlib\nimport importlib.util\nimport sys\n"),
                (
                    "    except FileNotFoundError:\n        pass\n",
                    "    except FileNotFoundError:\n        pass\n"
                    "    for module in list(sys.modules.values()):\n"
                    '        if getattr(module, "__file__", None) and os.path.samefile(module.__file__, path):\n'
                    "            importlib.reload(module)\n",
                ),
            ]
        },
        fails=("safe_rewrite_leaves_the_interpreter_alone",),
        says=("ran",),
    ),
    # Bytecode writing turned off for the rest of the program, "so that it cannot go stale again".
    Variant(
        "stale-bytecode",
        "turns-bytecode-off-for-good",
        {
            "sourcetools.py": [
                ("import os\n", "import os\nimport sys\n"),
                ("    try:\n        os.remove", "    sys.dont_write_bytecode = True\n    try:\n        os.remove"),
            ]
        },
        fails=("safe_rewrite_leaves_the_interpreter_alone",),
        says=("sys.dont_write_bytecode",),
    ),
    # A final newline added when the text has none.
    Variant(
        "stale-bytecode",
        "adds-a-final-newline",
        {"sourcetools.py": ("        f.write(text)\n", '        f.write(text if text.endswith("\\n") else text + "\\n")\n')},
        fails=("a_module_never_imported_is_fine",),
        says=("exactly that text",),
    ),
    # Only a module imported in this interpreter is thought to have bytecode: its __cached__ is removed.
    Variant(
        "stale-bytecode",
        "only-modules-imported-here",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import os\nimport sys\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    with open(path, "w", encoding="utf-8") as f:\n'
                "        f.write(text)\n"
                "    for module in list(sys.modules.values()):\n"
                '        cached = getattr(module, "__cached__", None)\n'
                '        source = getattr(module, "__file__", None)\n'
                "        if cached and source and os.path.abspath(source) == os.path.abspath(path):\n"
                "            if os.path.exists(cached):\n"
                "                os.remove(cached)\n",
            )
        },
        fails=("a_new_interpreter_runs_the_new_code",),
        says=("old bytecode", "earlier run"),
    ),
    # The file overwritten in place, without truncating it: a shorter text leaves the old one's tail behind.
    Variant(
        "stale-bytecode",
        "overwrites-without-truncating",
        {"sourcetools.py": ('    with open(path, "w", encoding="utf-8") as f:', '    with open(path, "r+" if os.path.exists(path) else "w", encoding="utf-8") as f:')},
        fails=("a_module_never_imported_is_fine",),
        says=("exactly that text", "existing.py"),
    ),
    # Right: pathlib, the cached file removed first, missing_ok.
    Variant(
        "stale-bytecode",
        "pathlib-unlink-first",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import importlib.util\nfrom pathlib import Path\n\n\n"
                "def safe_rewrite(path, text):\n"
                "    Path(importlib.util.cache_from_source(path)).unlink(missing_ok=True)\n"
                '    Path(path).write_text(text, encoding="utf-8")\n',
            )
        },
    ),
    # Right: the whole folder of cached files removed (more than needed, but nothing the README forbids), time moved on.
    Variant(
        "stale-bytecode",
        "removes-the-cache-folder",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import importlib.util\nimport os\nimport shutil\nimport time\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    with open(path, "wb") as f:\n'
                '        f.write(text.encode("utf-8"))\n'
                "    now = time.time()\n"
                "    os.utime(path, (now, now))\n"
                "    shutil.rmtree(os.path.dirname(importlib.util.cache_from_source(path)), ignore_errors=True)\n",
            )
        },
    ),
    # Right: a checked-hash .pyc compiled at once, so no time can fool it; the file replaced atomically.
    Variant(
        "stale-bytecode",
        "compiles-a-checked-hash-pyc",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import os\nimport py_compile\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    temporary = path + ".tmp"\n'
                '    with open(temporary, "w", encoding="utf-8", newline="") as f:\n'
                "        f.write(text)\n"
                "    os.replace(temporary, path)\n"
                "    py_compile.compile(path, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH, doraise=True)\n",
            )
        },
    ),
]
