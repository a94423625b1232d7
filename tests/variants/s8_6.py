"""Section 8.6, module compilation."""

from . import Variant

# -- no-bytecode ---------------------------------------------------------------------------------------------------

LAUNCH_DOC = '''"""Run Python programs without leaving bytecode next to their sources."""
'''

VARIANTS = [
    Variant(
        "no-bytecode",
        "python-from-path",
        {"launch.py": ('[sys.executable, "-E", *options, script, *args]', '["python", "-E", *options, script, *args]')},
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only", "arguments_and_exit_code"),
        says=("sys.executable", "'python', a program the check put on PATH"),
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
        {"launch.py": ('[sys.executable, "-E", *options, script, *args]', '[sys.executable, "-E", *options, script, " ".join(args)]')},
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
                '    return subprocess.run([sys.executable, "-E", *options, script, *args]).returncode',
                '    subprocess.run([sys.executable, "-E", *options, script, *args])\n'
                '    return subprocess.call([sys.executable, "-E", *options, script, *args])',
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
        {"launch.py": ('[sys.executable, "-E", *options, script, *args]', '[sys.executable, "-E", script, *options, *args]')},
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only"),
        says=("sys.pycache_prefix was None",),
    ),
    # check=True: a program that exits with a code other than 0 makes run raise instead of returning it.
    Variant(
        "no-bytecode",
        "check-true",
        {"launch.py": ('[sys.executable, "-E", *options, script, *args]).returncode', '[sys.executable, "-E", *options, script, *args], check=True).returncode')},
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
                '        flags = ["-E", "-X", "pycache_prefix=%s" % cache_dir]\n'
                "    else:\n"
                '        flags = ["-E", "-B"]\n'
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
                '    options = ["-EB"] if cache_dir is None else ["-E", "-X", "pycache_prefix=" + cache_dir]\n'
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
    # From scratch: -B or -X pycache_prefix, but the caller's PYTHON* variables still reach the new interpreter.
    Variant(
        "no-bytecode",
        "caller-variables-not-ignored",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir is None:\n"
                '        options = ["-B"]\n'
                "    else:\n"
                '        options = ["-X", f"pycache_prefix={cache_dir}"]\n'
                "    return subprocess.run([sys.executable, *options, script, *args]).returncode\n",
            )
        },
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only"),
        says=("caller's environment", "took its setting", "hint 2"),
    ),
    # An environment for the child with one variable set, the other left as the caller has it.
    Variant(
        "no-bytecode",
        "one-variable-set-the-other-inherited",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    env = os.environ.copy()\n"
                "    if cache_dir is None:\n"
                '        env["PYTHONDONTWRITEBYTECODE"] = "1"\n'
                "    else:\n"
                '        env["PYTHONPYCACHEPREFIX"] = os.fspath(cache_dir)\n'
                "    return subprocess.run([sys.executable, script, *args], env=env).returncode\n",
            )
        },
        fails=("no_bytecode_at_all", "bytecode_under_the_cache_folder_only"),
        says=("took its setting from it",),
    ),
    # -E given only where no cache folder is asked for: PYTHONDONTWRITEBYTECODE still turns the cache off.
    Variant(
        "no-bytecode",
        "minus-e-in-one-mode-only",
        {
            "launch.py": (
                '    options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                "    # -E: PYTHONDONTWRITEBYTECODE or PYTHONPYCACHEPREFIX in the caller's environment must not decide.\n"
                '    return subprocess.run([sys.executable, "-E", *options, script, *args]).returncode',
                '    options = ["-E", "-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                "    return subprocess.run([sys.executable, *options, script, *args]).returncode",
            )
        },
        fails=("bytecode_under_the_cache_folder_only",),
        says=("PYTHONDONTWRITEBYTECODE", "sys.dont_write_bytecode was True"),
    ),
    # Only one of the two variables taken out of the child's environment.
    Variant(
        "no-bytecode",
        "only-one-variable-removed",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}\n'
                '    options = ["-B"] if cache_dir is None else ["-X", "pycache_prefix=" + str(cache_dir)]\n'
                "    return subprocess.call([sys.executable, *options, script, *args], env=env)\n",
            )
        },
        fails=("no_bytecode_at_all",),
        says=("PYTHONPYCACHEPREFIX", "the caller's cache"),
    ),
    # "To start faster next time": run memoized, so a second call with the same arguments runs nothing.
    Variant(
        "no-bytecode",
        "memoized-run",
        {
            "launch.py": [
                ("import subprocess\n", "import functools\nimport subprocess\n"),
                ("def run(script, *args, cache_dir=None):", "@functools.lru_cache(maxsize=None)\ndef run(script, *args, cache_dir=None):"),
            ]
        },
        fails=("arguments_and_exit_code",),
        says=("ran 1 time", "earlier call"),
    ),
    # From scratch: exit codes kept in a dict, per script and arguments.
    Variant(
        "no-bytecode",
        "exit-codes-kept-per-command",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n_codes = {}\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    flags = ["-E", "-B"] if cache_dir is None else ["-E", "-X", f"pycache_prefix={cache_dir}"]\n'
                "    command = (sys.executable, *flags, script, *args)\n"
                "    if command not in _codes:\n"
                "        _codes[command] = subprocess.call(list(command))\n"
                "    return _codes[command]\n",
            )
        },
        fails=("arguments_and_exit_code",),
        says=("once per call", "earlier call"),
    ),
    # A time limit on the wait, "so that the tool never hangs": a long program raises TimeoutExpired.
    Variant(
        "no-bytecode",
        "time-limit-on-the-wait",
        {
            "launch.py": (
                '[sys.executable, "-E", *options, script, *args]).returncode',
                '[sys.executable, "-E", *options, script, *args], timeout=10).returncode',
            )
        },
        fails=("arguments_and_exit_code",),
        says=("TimeoutExpired", "no time limit"),
        not_says=("seconds",),
    ),
    # From scratch: a generous time limit, the program killed and -1 returned when it runs out.
    Variant(
        "no-bytecode",
        "killed-after-an-hour",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    options = ["-E", "-B"] if cache_dir is None else ["-E", "-X", "pycache_prefix=" + cache_dir]\n'
                "    process = subprocess.Popen([sys.executable, *options, script, *args])\n"
                "    try:\n"
                "        return process.wait(timeout=3600)\n"
                "    except subprocess.TimeoutExpired:\n"
                "        process.kill()\n"
                "        process.wait()\n"
                "        return -1\n",
            )
        },
        fails=("arguments_and_exit_code",),
        says=("no time limit",),
    ),
    # Right: the caller's environment copied without the two variables (no -E), and subprocess.call.
    Variant(
        "no-bytecode",
        "environment-without-the-two-variables",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    env = {key: value for key, value in os.environ.items()\n"
                '           if key not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}\n'
                '    options = ["-B"] if cache_dir is None else ["-X", "pycache_prefix=" + os.fspath(cache_dir)]\n'
                "    return subprocess.call([sys.executable, *options, os.fspath(script), *args], env=env)\n",
            )
        },
    ),
    # Right: -I would drop the script's folder from sys.path, but -E -s does not; output captured and passed on.
    Variant(
        "no-bytecode",
        "output-captured-and-printed",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    command = [sys.executable, "-E", "-s"]\n'
                "    if cache_dir is None:\n"
                '        command += ["-B"]\n'
                "    else:\n"
                '        command += ["-X", "pycache_prefix=" + str(cache_dir)]\n'
                "    finished = subprocess.run(command + [script, *args], capture_output=True, text=True)\n"
                '    print(finished.stdout, end="")\n'
                '    print(finished.stderr, end="", file=sys.stderr)\n'
                "    return finished.returncode\n",
            )
        },
    ),
    # -- second adversarial round: the caller's own variables, a run retried, a program found by name, a path
    # resolved against launch.py's folder, the caller's settings reset to the defaults.
    # The caller's PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX taken out of its own os.environ "so they cannot
    # override the options": a caller that had them set loses them.
    Variant(
        "no-bytecode",
        "caller-variables-popped",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):\n'
                "        os.environ.pop(name, None)\n"
                '    options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                "    return subprocess.run([sys.executable, *options, script, *args]).returncode\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("os.environ", "PYTHONPYCACHEPREFIX", "env argument"),
    ),
    # The settings given through the caller's own os.environ, "cleaned up" afterwards by deleting both variables.
    Variant(
        "no-bytecode",
        "variables-set-then-deleted",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir is None:\n"
                '        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"\n'
                '        os.environ.pop("PYTHONPYCACHEPREFIX", None)\n'
                "    else:\n"
                '        os.environ["PYTHONPYCACHEPREFIX"] = str(cache_dir)\n'
                '        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)\n'
                "    try:\n"
                "        return subprocess.run([sys.executable, script, *args]).returncode\n"
                "    finally:\n"
                '        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)\n'
                '        os.environ.pop("PYTHONPYCACHEPREFIX", None)\n',
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("os.environ", "PYTHONDONTWRITEBYTECODE"),
    ),
    # With a cache folder, a program that fails is run once more with the variable "for older Pythons".
    Variant(
        "no-bytecode",
        "retried-when-it-fails",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    if cache_dir is None:\n"
                '        return subprocess.run([sys.executable, "-E", "-B", script, *args]).returncode\n'
                '    done = subprocess.run([sys.executable, "-E", "-X", f"pycache_prefix={cache_dir}", script, *args])\n'
                "    if done.returncode != 0:  # an older Python may not know -X pycache_prefix: try the variable\n"
                "        env = dict(os.environ, PYTHONPYCACHEPREFIX=os.fspath(cache_dir))\n"
                '        env.pop("PYTHONDONTWRITEBYTECODE", None)\n'
                "        done = subprocess.run([sys.executable, script, *args], env=env)\n"
                "    return done.returncode\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("ran 3 times", "run it again"),
    ),
    # The two variables cleared in the caller's os.environ and "restored" as value or "": one that was not there
    # is there afterwards, empty.
    Variant(
        "no-bytecode",
        "variables-restored-as-empty",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    names = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")\n'
                "    saved = {name: os.environ.pop(name, None) for name in names}\n"
                "    try:\n"
                '        options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                "        return subprocess.run([sys.executable, *options, script, *args]).returncode\n"
                "    finally:\n"
                "        for name, value in saved.items():\n"
                '            os.environ[name] = value or ""\n',
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("os.environ", "PYTHONDONTWRITEBYTECODE': ''"),
    ),
    # "python3" as typed in a shell, found on PATH, with sys.executable only as a fallback.
    Variant(
        "no-bytecode",
        "python3-found-on-path",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import shutil\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    python = shutil.which("python3") or sys.executable\n'
                '    options = ["-E", "-B"] if cache_dir is None else ["-E", "-X", f"pycache_prefix={cache_dir}"]\n'
                "    return subprocess.run([python, *options, script, *args]).returncode\n",
            )
        },
        fails=(
            "no_bytecode_at_all",
            "bytecode_under_the_cache_folder_only",
            "arguments_and_exit_code",
            "the_caller_is_left_as_it_was",
        ),
        says=("sys.executable", "'python3', a program the check put on PATH"),
    ),
    # "The same version as mine": python3.X by name, found on PATH.
    Variant(
        "no-bytecode",
        "python-of-the-same-version-by-name",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    python = "python{}.{}".format(*sys.version_info)\n'
                '    options = ["-B"] if cache_dir is None else ["-X", "pycache_prefix=" + cache_dir]\n'
                '    return subprocess.call([python, "-E", *options, script, *args])\n',
            )
        },
        fails=("no_bytecode_at_all", "arguments_and_exit_code"),
        says=("sys.executable",),
    ),
    # The script looked for beside launch.py ("the scripts live next to the launcher"), not in the caller's folder.
    Variant(
        "no-bytecode",
        "script-beside-launch-py",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\nfrom pathlib import Path\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    script = Path(__file__).resolve().parent / script\n"
                '    options = ["-E", "-B"] if cache_dir is None else ["-E", f"-Xpycache_prefix={cache_dir}"]\n'
                "    return subprocess.run([sys.executable, *options, str(script), *args]).returncode\n",
            )
        },
        fails=("arguments_and_exit_code",),
        says=("never", "current folder"),
    ),
    # The caller's settings changed "for the child", then put back to the defaults rather than to what was there.
    Variant(
        "no-bytecode",
        "caller-settings-reset-to-defaults",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    sys.dont_write_bytecode = cache_dir is None\n"
                "    sys.pycache_prefix = cache_dir\n"
                "    try:\n"
                '        options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]\n'
                '        return subprocess.run([sys.executable, "-E", *options, script, *args]).returncode\n'
                "    finally:\n"
                "        sys.dont_write_bytecode, sys.pycache_prefix = False, None\n",
            )
        },
        fails=("the_caller_is_left_as_it_was",),
        says=("sys.dont_write_bytecode", "<the caller's prefix>"),
    ),
    # Right (the reviewer's): both variables set to "" in the child's copy of the environment, which Python reads
    # as unset; the options decide.
    Variant(
        "no-bytecode",
        "empty-variables-for-the-child",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                '    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="", PYTHONPYCACHEPREFIX="")\n'
                '    opts = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={os.path.abspath(cache_dir)}"]\n'
                "    return subprocess.call([sys.executable, *opts, script, *args], env=env)\n",
            )
        },
    ),
    # Right: the script's path made absolute first (against the caller's current folder), and the variables saved
    # and put back exactly as they were around a child that inherits them.
    Variant(
        "no-bytecode",
        "absolute-script-and-variables-put-back",
        {
            "launch.py": (
                None,
                LAUNCH_DOC + "import os\nimport subprocess\nimport sys\n\n_NAMES = (\"PYTHONDONTWRITEBYTECODE\", \"PYTHONPYCACHEPREFIX\")\n\n\n"
                "def run(script, *args, cache_dir=None):\n"
                "    script = os.path.abspath(script)\n"
                "    saved = {name: os.environ.pop(name) for name in _NAMES if name in os.environ}\n"
                "    try:\n"
                '        options = ["-B"] if cache_dir is None else ["-X", "pycache_prefix=" + os.path.abspath(cache_dir)]\n'
                "        return subprocess.run([sys.executable, *options, script, *args]).returncode\n"
                "    finally:\n"
                "        os.environ.update(saved)\n",
            )
        },
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
                '    if header["magic"] != importlib.util.MAGIC_NUMBER:\n',
                '    if header["flags"] == 1:\n        return True\n    if header["magic"] != importlib.util.MAGIC_NUMBER:\n',
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
    # Right, from scratch: struct.unpack_from, int.from_bytes, pathlib, flag bits, and try/except for a missing or short file.
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
                "    except (FileNotFoundError, ValueError):  # no .pyc, or too short for a header\n"
                "        return False\n"
                "    if header[\"magic\"] != importlib.util.MAGIC_NUMBER:\n"
                "        return False\n"
                "    if header[\"flags\"] & ~0b11 or header[\"flags\"] == 0b10:  # no rule for these\n"
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
    # Right: os.path.getmtime and getsize, the 32-bit wrap-around as a remainder, and isfile first.
    Variant(
        "pyc-header",
        "getmtime-and-getsize",
        {
            "pycinfo.py": [
                (
                    "        st = os.stat(source)\n"
                    '        return header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF and header["size"] == st.st_size & 0xFFFFFFFF',
                    '        return (header["mtime"], header["size"]) == (\n'
                    "            int(os.path.getmtime(source)) % 2**32, os.path.getsize(source) % 2**32)",
                ),
                ("    if not os.path.exists(cached):", "    if not os.path.isfile(cached):"),
            ]
        },
    ),
    # Right (accepted): whole seconds by math.floor, the same as int() after 1970, one second less before.
    # No check dates a source before 1970: the README before this week's changes never asked about it.
    Variant(
        "pyc-header",
        "floored-time",
        {
            "pycinfo.py": [
                ("import os\n", "import math\nimport os\n"),
                ('header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF', 'header["mtime"] == math.floor(st.st_mtime) & 0xFFFFFFFF'),
            ]
        },
    ),
    # Right (accepted): the seconds taken from st_mtime_ns by floor division; it differs from int(st_mtime) only
    # before 1970 (and where the float rounds up a hair below a whole second), which no check asks about.
    Variant(
        "pyc-header",
        "time-from-nanoseconds",
        {"pycinfo.py": ('header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF', 'header["mtime"] == (st.st_mtime_ns // 10**9) & 0xFFFFFFFF')},
    ),
    # Right (accepted), from scratch: the time and size compared as they are, not as the 32 bits the header
    # keeps; it differs only before 1970 and after 2106, which the README before this week never asked about.
    Variant(
        "pyc-header",
        "unmasked-time",
        {
            "pycinfo.py": (
                None,
                '"""Look inside cached bytecode files."""\n\n'
                "import importlib.util\nimport os\nimport struct\n\n\n"
                "def read_header(path):\n"
                '    with open(path, "rb") as f:\n'
                "        data = f.read(16)\n"
                "    if len(data) < 16:\n"
                '        raise ValueError("a .pyc header has 16 bytes")\n'
                '    flags = struct.unpack("<I", data[4:8])[0]\n'
                "    if flags == 0:\n"
                '        mtime, size = struct.unpack("<II", data[8:16])\n'
                '        return {"magic": data[:4], "flags": 0, "mtime": mtime, "size": size}\n'
                '    return {"magic": data[:4], "flags": flags, "hash": data[8:16]}\n\n\n'
                "def is_current(source):\n"
                "    cached = importlib.util.cache_from_source(source)\n"
                "    try:\n"
                "        header = read_header(cached)\n"
                "    except (OSError, ValueError):\n"
                "        return False\n"
                '    if header["magic"] != importlib.util.MAGIC_NUMBER:\n'
                "        return False\n"
                '    if header["flags"] == 0:\n'
                "        st = os.stat(source)\n"
                '        return header["mtime"] == int(st.st_mtime) and header["size"] == st.st_size\n'
                '    if header["flags"] == 1:\n'
                "        return True\n"
                '    if header["flags"] == 3:\n'
                '        with open(source, "rb") as f:\n'
                '            return header["hash"] == importlib.util.source_hash(f.read())\n'
                "    return False\n",
            )
        },
    ),
    # Right (accepted): read_header's ValueError for a short .pyc let through is_current. The README before this
    # week said only that read_header raises it, and the reference let it through then.
    Variant(
        "pyc-header",
        "short-pyc-raises",
        {
            "pycinfo.py": (
                "    try:\n        header = read_header(cached)\n    except ValueError:  # too short to hold a header: Python compiles again\n        return False\n",
                "    header = read_header(cached)\n",
            )
        },
    ),
    # Right (accepted): every flags but 0 and 3 taken for "unchecked". The docstring has rules for flags 0, 1 and
    # 3 only, so is_current may say anything for others (Python refuses flags 4).
    Variant(
        "pyc-header",
        "unknown-flags-used",
        {"pycinfo.py": ('    return header["flags"] == 1  # any other flags: not a .pyc Python would use\n', "    return True\n")},
    ),
    # Right (accepted): flag bits as CPython's loader reads them; flags the docstring has no rule for (2, 4)
    # make is_current raise KeyError, which no check asks about.
    Variant(
        "pyc-header",
        "flag-bits-crash-on-unknown-flags",
        {
            "pycinfo.py": (
                '    if header["flags"] == 0:\n'
                "        # Python records int(st_mtime) (cut towards zero) and the size, each as 32 bits.\n"
                "        st = os.stat(source)\n",
                '    if not header["flags"] & 1:\n'
                "        st = os.stat(source)\n",
            )
        },
    ),
    # Only the first two bytes of the magic number compared ("bytes 2-3 are always \r\n").
    Variant(
        "pyc-header",
        "magic-word-only",
        {"pycinfo.py": ('    if header["magic"] != importlib.util.MAGIC_NUMBER:', '    if header["magic"][:2] != importlib.util.MAGIC_NUMBER[:2]:')},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("magic wrong in bytes 2-3", "all four bytes"),
    ),
    # From scratch: "no copies", memoryview slices and native-order casts; equal to the bytes, not bytes.
    Variant(
        "pyc-header",
        "memoryview-values",
        {
            "pycinfo.py": (
                "    with open(path, \"rb\") as f:\n        header = f.read(16)\n"
                "    if len(header) < 16:\n",
                "    with open(path, \"rb\") as f:\n        header = memoryview(f.read(16))\n"
                "    if len(header) < 16:\n",
            )
        },
        fails=("a_timestamp_header_is_decoded", "a_hash_header_is_decoded"),
        says=("memoryview", "another type"),
    ),
    # A bytearray read in: magic and hash come out as bytearrays.
    Variant(
        "pyc-header",
        "bytearray-values",
        {
            "pycinfo.py": (
                "    with open(path, \"rb\") as f:\n        header = f.read(16)\n",
                "    header = bytearray(16)\n    with open(path, \"rb\") as f:\n        header = header[: f.readinto(header)]\n",
            )
        },
        fails=("a_timestamp_header_is_decoded", "a_hash_header_is_decoded"),
        says=("bytearray", "expected bytes"),
    ),
    # read_header decides by bit 0, as CPython's loader does: flags 0x104 is read as time and size.
    Variant(
        "pyc-header",
        "flags-bit-0-decides",
        {"pycinfo.py": ("    if flags == 0:\n        mtime, size", "    if not flags & 1:\n        mtime, size")},
        fails=("a_hash_header_is_decoded",),
        says=("0x104", "whatever else they are"),
        not_says=("flags 1)",),
    ),
    # The flags taken from byte 4 alone ("0, 1 or 3 fit in a byte").
    Variant(
        "pyc-header",
        "flags-from-one-byte",
        {"pycinfo.py": ('    (flags,) = struct.unpack("<I", header[4:8])', "    flags = header[4]")},
        fails=("a_hash_header_is_decoded",),
        says=("expected 260, got 4", "all four bytes"),
    ),
    # Right, from scratch: os.open and os.read in a loop, '<L' codes, getmtime and getsize, no flags 2 rule.
    Variant(
        "pyc-header",
        "os-read-loop",
        {
            "pycinfo.py": (
                None,
                '"""Look inside cached bytecode files."""\n\n'
                "import importlib.util\nimport os\nimport struct\n\n\n"
                "def read_header(path):\n"
                "    fd = os.open(path, os.O_RDONLY)\n"
                "    try:\n"
                '        data = b""\n'
                "        while len(data) < 16:\n"
                "            chunk = os.read(fd, 16 - len(data))\n"
                "            if not chunk:\n"
                '                raise ValueError("truncated .pyc header")\n'
                "            data += chunk\n"
                "    finally:\n"
                "        os.close(fd)\n"
                '    fields = {"magic": bytes(data[0:4]), "flags": struct.unpack("<L", data[4:8])[0]}\n'
                '    if fields["flags"]:\n'
                '        fields["hash"] = bytes(data[8:16])\n'
                "    else:\n"
                '        fields["mtime"], fields["size"] = struct.unpack("<LL", data[8:16])\n'
                "    return fields\n\n\n"
                "def is_current(source):\n"
                "    pyc = importlib.util.cache_from_source(os.fspath(source))\n"
                "    if not os.path.exists(pyc):\n"
                "        return False\n"
                "    try:\n"
                "        fields = read_header(pyc)\n"
                "    except ValueError:\n"
                "        return False\n"
                '    if fields["magic"] != importlib.util.MAGIC_NUMBER:\n'
                "        return False\n"
                '    flags = fields["flags"]\n'
                "    if flags == 0:\n"
                '        return (fields["mtime"], fields["size"]) == (\n'
                "            int(os.path.getmtime(source)) & 0xFFFFFFFF,\n"
                "            os.path.getsize(source) & 0xFFFFFFFF,\n"
                "        )\n"
                "    if flags == 3:\n"
                '        with open(source, "rb") as f:\n'
                '            return fields["hash"] == importlib.util.source_hash(f.read())\n'
                "    return flags == 1\n",
            )
        },
    ),
    # Right: the .pyc found through spec_from_file_location(...).cached, the header read from raw bytes.
    Variant(
        "pyc-header",
        "spec-cached-and-raw-bytes",
        {
            "pycinfo.py": (
                "    cached = importlib.util.cache_from_source(source)\n"
                "    if not os.path.exists(cached):\n"
                "        return False\n"
                "    try:\n"
                "        header = read_header(cached)\n"
                "    except ValueError:  # too short to hold a header: Python compiles again\n"
                "        return False\n",
                '    cached = importlib.util.spec_from_file_location("_whichever", source).cached\n'
                "    try:\n"
                '        with open(cached, "rb") as f:\n'
                "            head = f.read(16)\n"
                "    except FileNotFoundError:\n"
                "        return False\n"
                "    if len(head) < 16:\n"
                "        return False\n"
                '    header = {"magic": head[:4], "flags": int.from_bytes(head[4:8], "little"),\n'
                '              "mtime": int.from_bytes(head[8:12], "little"), "size": int.from_bytes(head[12:16], "little"),\n'
                '              "hash": head[8:16]}\n',
            )
        },
    ),
    # -- second adversarial round: a source reached through a symbolic link to a file.
    # The source's real path given to cache_from_source: Python keeps the .pyc beside the link.
    Variant(
        "pyc-header",
        "real-path-given-to-cache-from-source",
        {"pycinfo.py": ("    cached = importlib.util.cache_from_source(source)\n", "    cached = importlib.util.cache_from_source(os.path.realpath(source))\n")},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("symbolic link", "beside the link"),
    ),
    # os.lstat "to look at the file itself": for a link, that is the link's own time and size.
    Variant(
        "pyc-header",
        "lstat-of-the-source",
        {"pycinfo.py": ("        st = os.stat(source)\n", "        st = os.lstat(source)\n")},
        fails=("is_current_follows_the_rules_python_uses",),
        says=("symbolic link", "os.stat"),
    ),
    # From scratch, pathlib: the source resolved first, "to have a canonical path", which follows the link.
    Variant(
        "pyc-header",
        "resolved-pathlib-source",
        {
            "pycinfo.py": (
                None,
                '"""Look inside cached bytecode files."""\n\n'
                "import importlib.util\nimport struct\nfrom pathlib import Path\n\n\n"
                "def read_header(path):\n"
                "    data = Path(path).read_bytes()[:16]\n"
                "    if len(data) < 16:\n"
                '        raise ValueError("not a .pyc header")\n'
                '    magic, flags = data[:4], struct.unpack("<I", data[4:8])[0]\n'
                "    if flags == 0:\n"
                '        mtime, size = struct.unpack("<II", data[8:16])\n'
                '        return {"magic": magic, "flags": flags, "mtime": mtime, "size": size}\n'
                '    return {"magic": magic, "flags": flags, "hash": data[8:16]}\n\n\n'
                "def is_current(source):\n"
                "    source = Path(source).resolve()\n"
                "    cached = Path(importlib.util.cache_from_source(source))\n"
                "    if not cached.exists():\n"
                "        return False\n"
                "    try:\n"
                "        header = read_header(cached)\n"
                "    except ValueError:\n"
                "        return False\n"
                '    if header["magic"] != importlib.util.MAGIC_NUMBER:\n'
                "        return False\n"
                '    if header["flags"] == 0:\n'
                "        st = source.stat()\n"
                '        return (header["mtime"], header["size"]) == (int(st.st_mtime) & 0xFFFFFFFF, st.st_size & 0xFFFFFFFF)\n'
                '    if header["flags"] == 3:\n'
                '        return header["hash"] == importlib.util.source_hash(source.read_bytes())\n'
                '    return header["flags"] == 1\n',
            )
        },
        fails=("is_current_follows_the_rules_python_uses",),
        says=("verknüpft.py", "beside the link"),
    ),
    # Right: the path made absolute (which keeps a link as it is), and pathlib's stat (which follows it).
    Variant(
        "pyc-header",
        "absolute-path-and-pathlib-stat",
        {
            "pycinfo.py": [
                ("import os\n", "import os\nfrom pathlib import Path\n"),
                ("    cached = importlib.util.cache_from_source(source)\n", "    cached = importlib.util.cache_from_source(os.path.abspath(source))\n"),
                ("        st = os.stat(source)\n", "        st = Path(source).stat()\n"),
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
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
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
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
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
        {"sourcetools.py": ('    with open(path, "w", encoding="utf-8", newline="") as f:', '    with open(path, "r+" if os.path.exists(path) else "w", encoding="utf-8", newline="") as f:')},
        fails=("a_module_never_imported_is_fine",),
        says=("exactly that text", "existing.py"),
    ),
    # The file written as text mode writes it on Windows: each \n as \r\n (newline="\r\n" does it everywhere).
    Variant(
        "stale-bytecode",
        "windows-line-ends",
        {"sourcetools.py": ('encoding="utf-8", newline="") as f:', 'encoding="utf-8", newline="\\r\\n") as f:')},
        fails=("a_reload_runs_the_new_code", "a_new_interpreter_runs_the_new_code", "a_module_never_imported_is_fine"),
        says=("\\r\\n", "text mode on Windows", 'newline=""'),
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
                '    Path(path).write_text(text, encoding="utf-8", newline="")\n',
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
    # A checked-hash .pyc compiled at once, so no time can fool it: but a text that does not compile gets
    # no new .pyc, and the old one, checked by time and size, stays usable.
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
        fails=("a_reload_runs_the_new_code",),
        says=("SyntaxError", "old bytecode", "PyCompileError"),
    ),
    # From scratch: the bytecode written again with py_compile instead of removed (it only prints a syntax error).
    Variant(
        "stale-bytecode",
        "recompiled-instead-of-removed",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import py_compile\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
                "        f.write(text)\n"
                "    py_compile.compile(path)  # fresh bytecode for the new text, where this Python keeps it\n",
            )
        },
        fails=("a_reload_runs_the_new_code",),
        says=("does not compile", "ran the old bytecode"),
        not_says=("safe_rewrite raised",),
    ),
    # The text compiled first "to refuse broken code": a text that does not compile is never written.
    Variant(
        "stale-bytecode",
        "compiled-before-writing",
        {"sourcetools.py": ('    with open(path, "w", encoding="utf-8", newline="") as f:', '    compile(text, path, "exec")\n    with open(path, "w", encoding="utf-8", newline="") as f:')},
        fails=("a_reload_runs_the_new_code",),
        says=("exactly that text", "safe_rewrite raised SyntaxError"),
    ),
    # The .pyc of the file's real path: under a prefix, Python filed it by the path the module was imported through.
    Variant(
        "stale-bytecode",
        "real-path-of-the-source",
        {"sourcetools.py": ("os.remove(importlib.util.cache_from_source(path))", "os.remove(importlib.util.cache_from_source(os.path.realpath(path)))")},
        fails=("a_reload_runs_the_new_code",),
        says=("symbolic link", "path as given"),
    ),
    # From scratch, pathlib: the path resolved first "to be safe", which follows the link too.
    Variant(
        "stale-bytecode",
        "resolved-pathlib-path",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import importlib.util\nfrom pathlib import Path\n\n\n"
                "def safe_rewrite(path, text):\n"
                "    source = Path(path).resolve()\n"
                '    source.write_text(text, encoding="utf-8", newline="")\n'
                "    Path(importlib.util.cache_from_source(source)).unlink(missing_ok=True)\n",
            )
        },
        fails=("a_reload_runs_the_new_code",),
        says=("gen link", "links and all"),
    ),
    # From scratch: the .pyc found by the module's name (find_spec searches sys.path, not the file given).
    Variant(
        "stale-bytecode",
        "found-by-module-name",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import contextlib\nimport importlib.util\nimport os\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
                "        f.write(text)\n"
                "    name = os.path.splitext(os.path.basename(path))[0]\n"
                "    spec = importlib.util.find_spec(name)\n"
                "    if spec is not None and spec.cached:\n"
                "        with contextlib.suppress(FileNotFoundError):\n"
                "            os.remove(spec.cached)\n",
            )
        },
        fails=("a_new_interpreter_runs_the_new_code",),
        says=("sys.path", "path you are given"),
    ),
    # Right: the stale .pyc removed first, then a checked-hash one compiled, when the text compiles at all.
    Variant(
        "stale-bytecode",
        "removed-then-checked-hash-compiled",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import contextlib\nimport importlib.util\nimport os\nimport py_compile\n\n\n"
                "def safe_rewrite(path, text):\n"
                "    with contextlib.suppress(FileNotFoundError):\n"
                "        os.remove(importlib.util.cache_from_source(path))\n"
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
                "        f.write(text)\n"
                "    try:\n"
                "        py_compile.compile(path, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH, doraise=True)\n"
                "    except py_compile.PyCompileError:\n"
                "        pass  # the next import reports it\n",
            )
        },
    ),
    # Right: the .pyc emptied rather than removed (a .pyc without a magic number is never used).
    Variant(
        "stale-bytecode",
        "pyc-truncated-to-nothing",
        {"sourcetools.py": ("        os.remove(importlib.util.cache_from_source(path))", "        os.truncate(importlib.util.cache_from_source(path), 0)")},
    ),
    # Right, from scratch: os.open with O_TRUNC, function-level imports, and the .pyc of every optimization level.
    Variant(
        "stale-bytecode",
        "low-level-write-every-level",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n\n'
                "def safe_rewrite(path, text):\n"
                "    import importlib.util\n"
                "    import os\n\n"
                '    data = text.encode("utf-8")\n'
                "    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)\n"
                "    try:\n"
                "        view = memoryview(data)\n"
                "        while view:\n"
                "            view = view[os.write(fd, view):]\n"
                "    finally:\n"
                "        os.close(fd)\n"
                '    for level in ("", 1, 2):\n'
                "        try:\n"
                "            os.unlink(importlib.util.cache_from_source(path, optimization=level))\n"
                "        except FileNotFoundError:\n"
                "            pass\n",
            )
        },
    ),
    # -- second adversarial round: the caller's own pycache prefix, and a file that is sure to exist.
    # Both .pyc files removed by switching sys.pycache_prefix in a loop, and the caller's prefix never put back.
    Variant(
        "stale-bytecode",
        "prefix-switched-in-a-loop",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import importlib.util\nimport os\nimport sys\n\n\n"
                "def safe_rewrite(path, text):\n"
                '    with open(path, "w", encoding="utf-8", newline="") as f:\n'
                "        f.write(text)\n"
                "    for prefix in (sys.pycache_prefix, None):\n"
                "        sys.pycache_prefix = prefix\n"
                "        try:\n"
                "            os.remove(importlib.util.cache_from_source(path))\n"
                "        except FileNotFoundError:\n"
                "            pass\n",
            )
        },
        fails=("safe_rewrite_leaves_the_interpreter_alone",),
        says=("sys.pycache_prefix", "the caller's own prefix before, None after", "put back"),
    ),
    # The prefix taken away for a moment to find the plain .pyc too, then "restored" to None, the default.
    Variant(
        "stale-bytecode",
        "prefix-reset-to-none",
        {
            "sourcetools.py": [
                ("import os\n", "import os\nimport sys\n"),
                (
                    "    try:\n        os.remove(importlib.util.cache_from_source(path))\n    except FileNotFoundError:\n        pass\n",
                    "    candidates = [importlib.util.cache_from_source(path)]\n"
                    "    sys.pycache_prefix = None\n"
                    "    try:\n"
                    "        candidates.append(importlib.util.cache_from_source(path))\n"
                    "    finally:\n"
                    "        sys.pycache_prefix = None\n"
                    "    for cached in candidates:\n"
                    "        if os.path.exists(cached):\n"
                    "            os.remove(cached)\n",
                ),
            ]
        },
        fails=("safe_rewrite_leaves_the_interpreter_alone",),
        says=("sys.pycache_prefix", "put back"),
    ),
    # Right (the reviewer's): the file opened with O_WRONLY | O_TRUNC, without O_CREAT (the path is a file that
    # exists: the README never said otherwise), and the .pyc of every optimization level removed.
    Variant(
        "stale-bytecode",
        "opened-without-o-creat",
        {
            "sourcetools.py": (
                None,
                '"""Rewrite Python source files safely."""\n\n'
                "import contextlib\nimport importlib.util\nimport os\n\n\n"
                "def safe_rewrite(path, text):\n"
                "    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)\n"
                '    with os.fdopen(fd, "wb") as f:\n'
                '        f.write(text.encode("utf-8"))\n'
                "    candidates = {importlib.util.cache_from_source(path)}\n"
                '    for level in ("", 1, 2):\n'
                "        candidates.add(importlib.util.cache_from_source(path, optimization=level))\n"
                "    for pyc in candidates:\n"
                "        with contextlib.suppress(FileNotFoundError):\n"
                "            os.unlink(pyc)\n",
            )
        },
    ),
    # Right: the prefix taken away for a moment to remove the plain .pyc as well, and put back as it was.
    Variant(
        "stale-bytecode",
        "prefix-switched-and-put-back",
        {
            "sourcetools.py": [
                ("import os\n", "import os\nimport sys\n"),
                (
                    "    try:\n        os.remove(importlib.util.cache_from_source(path))\n    except FileNotFoundError:\n        pass\n",
                    "    saved = sys.pycache_prefix\n"
                    "    try:\n"
                    "        for prefix in {saved, None}:\n"
                    "            sys.pycache_prefix = prefix\n"
                    "            if os.path.exists(importlib.util.cache_from_source(path)):\n"
                    "                os.remove(importlib.util.cache_from_source(path))\n"
                    "    finally:\n"
                    "        sys.pycache_prefix = saved\n",
                ),
            ]
        },
    ),
]

# -- quick-start -----------------------------------------------------------------------------------------------------

_JOT_IMPORT = "from jot import store\n"
_JOT_PARSE = "    args = parser().parse_args(argv)\n"
_JOT_EAGER = [(_JOT_IMPORT, "from jot import report, store\n"), ("        from jot import report\n\n", "")]
_JOT_STATS = '''        # Only this command needs report, and the statistics module it imports: `--help`, add and list
        # start without them (python -X importtime -m jot --help shows what each import costs).
        from jot import report

        print(report.summary(store.notes()))'''

#: 3.15's compatible spelling, and nothing else: before 3.15 the list changes nothing.
JOT_LAZY_MODULES = [
    (_JOT_IMPORT, '__lazy_modules__ = ["jot"]\n\nfrom jot import report, store  # noqa: E402\n'),
    (_JOT_STATS, "        print(report.summary(store.notes()))"),
]

VARIANTS += [
    Variant(
        "quick-start",
        "lazy-modules-alone",
        {"jot/cli.py": JOT_LAZY_MODULES},
        fails=(
            "help_loads_within_the_budget",
            "add_and_list_load_within_the_budget",
            "main_loads_statistics_only_for_stats",
        ),
        says=("__lazy_modules__", "3.15", "ordinary list"),
        pythons=((3, 10), (3, 14)),
    ),
    Variant("quick-start", "lazy-modules-on-3.15", {"jot/cli.py": JOT_LAZY_MODULES}, pythons=((3, 15), (3, 99))),
    Variant(
        "quick-start",
        "lazy-from-import-on-3.15",
        {"jot/cli.py": [(_JOT_IMPORT, "lazy from jot import report\nfrom jot import store\n"),
                        (_JOT_STATS, "        print(report.summary(store.notes()))")]},
        pythons=((3, 15), (3, 99)),
    ),
    Variant(
        "quick-start",
        "import-moved-into-the-parser",
        {"jot/cli.py": [
            ("def parser():\n", "def parser():\n    from jot import report  # noqa: F401\n\n"),
        ]},
        fails=("help_loads_within_the_budget",),
        says=("jot.report", "statistics", "importtime"),
    ),
    Variant(
        "quick-start",
        "import-at-the-top-of-main",
        {"jot/cli.py": [
            (_JOT_PARSE, "    from jot import report\n\n" + _JOT_PARSE),
            ("        from jot import report\n\n", ""),
        ]},
        fails=("help_loads_within_the_budget", "add_and_list_load_within_the_budget"),
        says=("statistics",),
    ),
    Variant(
        "quick-start",
        "import-after-parsing",
        {"jot/cli.py": [
            (_JOT_PARSE, _JOT_PARSE + "    from jot import report\n"),
            ("        from jot import report\n\n", ""),
        ]},
        fails=("add_and_list_load_within_the_budget",),
        says=("statistics", "python -m jot add"),
    ),
    Variant(
        "quick-start",
        "help-answered-before-the-imports",
        {
            "jot/__main__.py": (None, '''import sys

if sys.argv[1:] in (["--help"], ["-h"]):
    print("usage: jot [-h] {add,list,stats} ...")
    print("commands: add, list, stats")
    sys.exit(0)

from jot.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
'''),
            "jot/cli.py": _JOT_EAGER,
        },
        fails=("add_and_list_load_within_the_budget", "main_loads_statistics_only_for_stats"),
        says=("statistics",),
    ),
    Variant(
        "quick-start",
        "stats-command-dropped",
        {"jot/cli.py": [
            ('    commands.add_parser("stats", help="how long the notes are")\n', ""),
        ]},
        fails=("help_loads_within_the_budget", "main_loads_statistics_only_for_stats"),
        says=("stats",),
    ),
    Variant(
        "quick-start",
        "report-imported-by-its-plain-name",
        {"jot/cli.py": ("        from jot import report\n", "        import report\n")},
        fails=("main_loads_statistics_only_for_stats",),
        says=("ModuleNotFoundError", 'main(["stats"])'),
    ),
    Variant(
        "quick-start",
        "statistics-deferred-inside-report",
        {
            "jot/cli.py": _JOT_EAGER,
            "jot/report.py": [
                ("import statistics\n\n\n", ""),
                ("    words = [", "    import statistics\n\n    words = ["),
            ],
        },
    ),
    Variant(
        "quick-start",
        "importlib-in-a-helper",
        {"jot/cli.py": [
            (_JOT_IMPORT, "import importlib\n\nfrom jot import store\n"),
            ("        from jot import report\n\n", "        report = importlib.import_module(\"jot.report\")\n"),
        ]},
    ),
]

# quick-start, adversarial round (written from the README and the stubs alone)
VARIANTS += [
    Variant(
        "quick-start",
        "import-decided-by-sys-argv",
        {"jot/cli.py": [
            (_JOT_IMPORT, 'import sys\n\nfrom jot import store\n\nif "stats" in sys.argv:\n'
                          '    from jot import report\n'),
            ("        from jot import report\n\n", ""),
        ]},
        fails=("main_loads_statistics_only_for_stats",),
        says=('main(["stats"])', "NameError"),
    ),
    Variant(
        "quick-start",
        "dunder-import-returns-the-package",
        {"jot/cli.py": ("        from jot import report\n", '        report = __import__("jot.report")\n')},
        fails=("main_loads_statistics_only_for_stats",),
        says=("stats",),
    ),
    Variant(
        "quick-start",
        "every-import-inside-main",
        {"jot/cli.py": [
            ("import argparse\n\nfrom jot import store\n", ""),
            ("def parser():\n", "def parser():\n    import argparse\n\n"),
            (_JOT_PARSE, "    from jot import store\n\n" + _JOT_PARSE),
        ]},
    ),
]

# quick-start, second adversarial round (an adversary's, from the README alone)

_JOT_REPORT_HEAD = "import statistics\n"

#: The stats line with a grammar fix nobody asked for: "1 note". The checks' own two notes never show it.
JOT_SINGULAR = ('        f"{len(notes)} notes, ', '        f"{len(notes)} note{\'\' if len(notes) == 1 else \'s\'}, ')

#: argparse replaced by a hand-written parser that copies its help: `add` with no words stores an empty note.
JOT_HANDROLLED = '''"""The command line of jot."""

import sys

from jot import store

HELP = """usage: jot [-h] {add,list,stats} ...

Notes on the command line.

commands: add (add a note), list (show the notes, oldest first), stats (how long the notes are)"""


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(HELP)
        return 0
    command, words = argv[0], argv[1:]
    if command == "add":
        store.add(" ".join(words))
    elif command == "list":
        for number, note in enumerate(store.notes(), 1):
            print(f"{number}. {note}")
    elif command == "stats":
        from jot import report

        print(report.summary(store.notes()))
    else:
        print(f"jot: unknown command {command!r}", file=sys.stderr)
        return 2
    return 0
'''

#: "In case report fails": every error of stats becomes "no notes yet", a file it cannot read too.
JOT_SWALLOW = (
    _JOT_STATS,
    "        try:\n            from jot import report\n\n            print(report.summary(store.notes()))\n"
    "        except Exception:\n            print(\"no notes yet\")",
)

#: statistics through importlib.util.LazyLoader: its code waits for the first use, but the module is in sys.modules
#: at once (and on 3.12 and later LazyLoader brings threading with it, beyond the budget).
JOT_LAZYLOADER_REPORT = (
    _JOT_REPORT_HEAD,
    "import importlib.util\nimport sys\n\n_spec = importlib.util.find_spec(\"statistics\")\n"
    "_spec.loader = importlib.util.LazyLoader(_spec.loader)\n"
    "statistics = importlib.util.module_from_spec(_spec)\nsys.modules[\"statistics\"] = statistics\n"
    "_spec.loader.exec_module(statistics)\n",
)

#: Imports everything at the top, then takes what report brought out of sys.modules again "to stay light".
JOT_SCRUB = [
    (_JOT_IMPORT, "import sys\n\n_before = set(sys.modules)\nfrom jot import report, store  # noqa: E402\n\n"
                  "for _name in set(sys.modules) - _before - {\"jot.store\", \"jot.cli\"}:\n"
                  "    del sys.modules[_name]\n"),
    ("        from jot import report\n\n", ""),
]

#: A right answer: report.py computes the mean and median itself, and needs no statistics at all.
JOT_BY_HAND_REPORT = '''"""Statistics about the notes, computed by hand: nothing to import."""


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def summary(notes):
    if not notes:
        return "no notes yet"
    words = [len(note.split()) for note in notes]
    return (
        f"{len(notes)} notes, {sum(words) / len(words):.1f} words on average "
        f"(median {_median(words)}, longest {max(words)})"
    )
'''

VARIANTS += [
    Variant(
        "quick-start",
        "one-note-in-the-singular",
        {"jot/report.py": JOT_SINGULAR},
        fails=("main_loads_statistics_only_for_stats",),
        says=("1 notes", "word for word"),
    ),
    Variant(
        "quick-start",
        "hand-written-parser",
        {"jot/cli.py": (None, JOT_HANDROLLED)},
        fails=("main_loads_statistics_only_for_stats",),
        says=('main(["add"])', "exit status 2"),
    ),
    Variant(
        "quick-start",
        "stats-errors-swallowed",
        {"jot/cli.py": JOT_SWALLOW},
        fails=("main_loads_statistics_only_for_stats",),
        says=("UTF-8", "no notes yet"),
    ),
    Variant(
        "quick-start",
        "statistics-through-lazyloader",
        {"jot/cli.py": _JOT_EAGER, "jot/report.py": JOT_LAZYLOADER_REPORT},
        fails=("main_loads_statistics_only_for_stats",),
        says=("sys.modules", "LazyLoader"),
    ),
    Variant(
        "quick-start",
        "imported-then-taken-out-of-sys-modules",
        {"jot/cli.py": JOT_SCRUB},
        fails=(
            "help_loads_within_the_budget",
            "add_and_list_load_within_the_budget",
            "main_loads_statistics_only_for_stats",
        ),
        says=("statistics",),
    ),
    # Accepted on purpose: the README lets report.py change, and asks only that statistics be loaded for stats
    # "if at all"; the line printed is the same.
    Variant(
        "quick-start",
        "mean-and-median-by-hand",
        {"jot/cli.py": _JOT_EAGER, "jot/report.py": (None, JOT_BY_HAND_REPORT)},
    ),
]
