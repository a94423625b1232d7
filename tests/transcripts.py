"""Run the transcripts shown in the course's Markdown and compare them with what Python prints.

Conventions (docs/contributing.md states them for authors):

* A fenced block marked ``console`` is a shell session: ``$ command`` lines,
  each followed by the exact output (stdout and stderr, interleaved).
  Commands run in bash, in a fresh copy of the folder that holds the
  Markdown file, with ``python``/``python3`` meaning the Python under test.
* A block marked ``pycon`` is an interactive session (``>>>`` and ``...``),
  replayed the way that version's REPL runs it, in a fresh interpreter
  started in that folder.
* Blocks marked anything else (``sh``, ``python``, ``text``) are not run:
  use ``sh`` for commands to type whose output is not shown.
* A block inside a content tab whose label names Python versions
  (``=== "Python 3.13"``, ``=== "Python 3.10-3.12"``, ``=== "Python 3.11+"``)
  is only run on those versions; every other block runs on every version.
* ``<!-- transcript: cwd=SUBDIR -->`` on the line before a block runs it
  from SUBDIR of that folder; ``<!-- transcript: skip -->`` leaves it out
  (for output that cannot be reproduced, such as timings: use sparingly).

Paths: the folder is copied to ``<tmp>/import-lab/<path in the repo>``, and
``<tmp>/import-lab`` is shown as ``/home/student/import-lab`` in the text.

Run it by hand while writing: ``python tests/transcripts.py FILE.md [--python PATH]``;
``--fix`` rewrites the outputs in the file with what that Python prints
(then check the other versions, and tab the blocks where they differ).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DISPLAY_ROOT = "/home/student/import-lab"
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```+|~~~+)\s*(?P<info>[^\n]*)$")
TAB = re.compile(r'^(?P<indent>\s*)===\+?\s+"(?P<label>[^"]*)"')
DIRECTIVE = re.compile(r"<!--\s*transcript:\s*(?P<args>.*?)\s*-->")
RUN_KINDS = ("console", "pycon")


@dataclass
class Block:
    path: Path  # the Markdown file
    line: int  # 1-based line of the opening fence
    kind: str  # "console" or "pycon"
    text: str  # the block's content, dedented
    versions: tuple[tuple[int, int], tuple[int, int]] | None  # inclusive range, None = all
    cwd: str = "."
    skip: bool = False

    def applies_to(self, version: tuple[int, int]) -> bool:
        if self.versions is None:
            return True
        low, high = self.versions
        return low <= version <= high

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO) if self.path.is_relative_to(REPO) else self.path}:{self.line}"


def parse_versions(label: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The Python versions a tab label names, as an inclusive range; None if it names none."""
    v = r"3\.(\d+)"
    if m := re.search(v + r"\s*(?:-|–|to)\s*" + v, label):
        return (3, int(m.group(1))), (3, int(m.group(2)))
    if m := re.search(v + r"\s*(?:\+|and later|or later|and newer|or newer)", label):
        return (3, int(m.group(1))), (3, 99)
    if m := re.search(v + r"\s*(?:and earlier|or earlier|and older|or older)", label):
        return (3, 0), (3, int(m.group(1)))
    if m := re.search(v + r"(?!\.\d)", label):
        return (3, int(m.group(1))), (3, int(m.group(1)))
    return None


def extract(path: Path) -> list[Block]:
    """Every console and pycon block in a Markdown file, with the versions it applies to."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    tabs: list[tuple[int, str]] = []  # (indent, label) of the enclosing content tabs
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip():
            indent = len(line) - len(line.lstrip())
            tabs = [(d, lab) for d, lab in tabs if d < indent]  # a line at or left of a tab closes it
            if m := TAB.match(line):
                tabs.append((indent, m.group("label")))
        m = FENCE.match(line)
        if not m:
            i += 1
            continue
        indent, fence, info = m.group("indent"), m.group("fence"), m.group("info").strip()
        body, j = [], i + 1
        while j < len(lines) and not re.match(rf"^{re.escape(indent)}{re.escape(fence)}\s*$", lines[j]):
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        kind = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        if kind in RUN_KINDS:
            versions = None
            for _, label in tabs:
                versions = parse_versions(label) or versions
            cwd, skip = ".", False
            previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            if d := DIRECTIVE.search(previous):
                for arg in d.group("args").split():
                    if arg == "skip":
                        skip = True
                    elif arg.startswith("cwd="):
                        cwd = arg[4:]
            blocks.append(Block(path, i + 1, kind, "\n".join(body), versions, cwd, skip))
        i = j + 1
    return blocks


# -- running ---------------------------------------------------------------


def python_version(python: str) -> tuple[int, int]:
    out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True, text=True, check=True)
    major, minor = out.stdout.split()
    return int(major), int(minor)


class Workspace:
    """A fresh copy of the Markdown file's folder, placed where the text says it is."""

    def __init__(self, block: Block, python: str):
        self.python = python
        self.tmp = Path(tempfile.mkdtemp(prefix="transcript-"))
        self.root = self.tmp / "import-lab"
        folder = block.path.parent
        relative = folder.relative_to(REPO) if folder.is_relative_to(REPO) else Path(folder.name)
        self.folder = self.root / relative
        shutil.copytree(folder, self.folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        self.cwd = (self.folder / block.cwd).resolve()
        self.bin = self.tmp / "bin"
        self.bin.mkdir()
        for name in ("python", "python3"):
            # A wrapper, not a symlink: a link to a virtualenv's python does not find the virtualenv.
            (self.bin / name).write_text(f'#!/bin/sh\nexec "{python}" "$@"\n')
            (self.bin / name).chmod(0o755)
        (self.tmp / "home").mkdir()
        self.env = {
            "PATH": f"{self.bin}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(self.tmp / "home"),
            "TMPDIR": str(self.tmp),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "dumb",
            "NO_COLOR": "1",
            "PYTHON_COLORS": "0",
        }

    def normalize(self, text: str) -> str:
        for real in {str(self.root.resolve()), str(self.root)}:
            text = text.replace(real, DISPLAY_ROOT)
        # The interpreter under test is shown as the reader's /usr/bin/python3.
        for name in (self.python, str(Path(self.python).parent / "python3")):
            text = text.replace(name, "/usr/bin/python3")
        text = text.replace(str(self.bin / "python3"), "/usr/bin/python3").replace(str(self.bin / "python"), "/usr/bin/python")
        lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines)

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def split_console(text: str) -> list[tuple[str, str]]:
    """[(command, expected output)] from a console block."""
    steps: list[list] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            steps.append([line[2:], []])
        elif line.startswith("> ") and steps and not steps[-1][1]:
            steps[-1][0] += "\n" + line[2:]
        elif steps:
            steps[-1][1].append(line)
    return [(cmd, "\n".join(out)) for cmd, out in steps]


MARK = "@@transcript-step-{}@@"


def run_console(block: Block, ws: Workspace, timeout: float = 60) -> list[tuple[str, str, str]]:
    steps = split_console(block.text)
    script = ["set +e"]
    for n, (cmd, _) in enumerate(steps):
        script.append(f"printf '%s\\n' '{MARK.format(n)}'")
        script.append(f"{{ {cmd}\n}} 2>&1")
    output = run_marked(["bash", "--noprofile", "--norc", "-c", "\n".join(script)], ws, timeout)
    return compare_steps(steps, output, ws, label=lambda cmd: cmd)


def run_marked(argv: list[str], ws: Workspace, timeout: float) -> str:
    """Run a program that prints MARK lines between steps; its output, stdout and stderr together."""
    proc = subprocess.run(
        argv, cwd=ws.cwd, env=ws.env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        timeout=timeout,
    )
    return proc.stdout.decode("utf-8", errors="replace")


def compare_steps(steps: list[tuple[str, str]], output: str, ws: Workspace, label) -> list[tuple[str, str, str]]:
    """[(step label, expected, seen)]: the output cut at the MARK lines, next to what the text shows."""
    results = []
    for n, (step, expected) in enumerate(steps):
        start = output.find(MARK.format(n))
        end = output.find(MARK.format(n + 1)) if n + 1 < len(steps) else len(output)
        seen = output[start + len(MARK.format(n)) + 1 : end] if start >= 0 else "<this step did not run>"
        results.append((label(step), ws.normalize(expected), ws.normalize(seen)))
    return results


def split_pycon(text: str) -> list[tuple[str, str]]:
    """[(source, expected output)] from a pycon block."""
    steps: list[list] = []
    for line in text.splitlines():
        if line.startswith(">>> ") or line == ">>>":
            steps.append([line[4:], []])
        elif (line.startswith("... ") or line == "...") and steps and not steps[-1][1]:
            steps[-1][0] += "\n" + line[4:]
        elif steps:
            steps[-1][1].append(line)
    return [(src, "\n".join(out)) for src, out in steps]


# Replays statements the way the interactive prompt of the running version
# does, with public APIs only (code, ast, linecache's cache of source lines),
# so that it works on every release: a private helper that the prompt itself
# uses changed its arguments between 3.13.0 and 3.13.1.
#
# 3.13 and later: the new prompt (_pyrepl) reads an input, names it
# ``<python-input-N>``, keeps its source for tracebacks, runs its statements in
# turn and shows the value of the last one only, and stops at the first error.
# Before 3.13: the classic prompt, one statement at a time, named ``<stdin>``,
# with no source lines in tracebacks.
REPL_DRIVER = r"""
def _replay():
    import ast, code, json, linecache, sys
    steps = json.load(open(sys.argv[1], encoding="utf-8"))
    mark = sys.argv[2]
    sys.argv[:] = [""]
    sys.stderr = sys.stdout
    namespace = sys.modules["__main__"].__dict__
    for key in [k for k in namespace if k not in ("__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__")]:
        del namespace[key]
    console = code.InteractiveConsole(namespace, filename="<stdin>")

    def run_like_the_new_prompt(source, filename):
        # What the prompt keeps for tracebacks; mtime None marks it as not a file.
        linecache.cache[filename] = (len(source), None, [line + "\n" for line in source.splitlines()], filename)
        try:
            tree = ast.parse(source, filename)
        except (SyntaxError, OverflowError, ValueError):
            console.showsyntaxerror(filename, source=source)
            return
        for stmt in tree.body:
            last = stmt is tree.body[-1]
            item = ast.Interactive([stmt]) if last else ast.Module([stmt], type_ignores=[])
            try:
                compiled = console.compile.compiler(item, filename, "single" if last else "exec")
            except (SyntaxError, OverflowError, ValueError):
                console.showsyntaxerror(filename, source=source)
                return
            try:
                exec(compiled, namespace)
            except SystemExit:
                raise
            except BaseException:
                console.showtraceback()
                return

    for n, source in enumerate(steps):
        print(mark.format(n), flush=True)
        if sys.version_info >= (3, 13):
            run_like_the_new_prompt(source, f"<python-input-{n}>")
        else:
            console.runsource(source + "\n", "<stdin>", "single")
        sys.stdout.flush()
_replay()
"""


def run_pycon(block: Block, ws: Workspace, timeout: float = 60) -> list[tuple[str, str, str]]:
    steps = split_pycon(block.text)
    steps_file = ws.tmp / "steps.json"
    steps_file.write_text(json.dumps([src for src, _ in steps]), encoding="utf-8")
    output = run_marked([str(ws.bin / "python3"), "-c", REPL_DRIVER, str(steps_file), MARK], ws, timeout)
    return compare_steps(steps, output, ws, label=lambda src: ">>> " + src.replace("\n", "\n... "))


def check(block: Block, python: str) -> list[str]:
    """Differences between the block and what ``python`` prints; empty when it is current."""
    ws = Workspace(block, python)
    try:
        runner = run_console if block.kind == "console" else run_pycon
        problems = []
        for cmd, expected, seen in runner(block, ws):
            if expected != seen:
                diff = "\n".join(
                    difflib.unified_diff(expected.splitlines(), seen.splitlines(), "in the text", "printed", lineterm="")
                )
                problems.append(f"{block.where} ({block.kind}): {cmd}\n{diff}")
        return problems
    finally:
        ws.close()


def fixed_text(block: Block, python: str) -> str:
    """The block's content with every step's output replaced by what ``python`` prints."""
    ws = Workspace(block, python)
    try:
        if block.kind == "console":
            steps = split_console(block.text)
            results = run_console(block, ws)
            parts = []
            for (cmd, _), (_, _, seen) in zip(steps, results):
                first, *more = cmd.split("\n")
                parts.append("\n".join([f"$ {first}", *(f"> {m}" for m in more)] + ([seen] if seen else [])))
        else:
            steps = split_pycon(block.text)
            results = run_pycon(block, ws)
            parts = []
            for (src, _), (_, _, seen) in zip(steps, results):
                first, *more = src.split("\n")
                lines = [f">>> {first}".rstrip(), *(f"... {m}".rstrip() for m in more)]
                parts.append("\n".join(lines + ([seen] if seen else [])))
        return "\n".join(parts)
    finally:
        ws.close()


def fix(path: Path, python: str) -> int:
    """Rewrite the outputs of every block that applies to ``python`` in place; returns how many changed."""
    version = python_version(python)
    lines = path.read_text(encoding="utf-8").split("\n")
    changed = 0
    for block in sorted(extract(path), key=lambda b: -b.line):  # bottom up: line numbers stay valid
        if block.skip or not block.applies_to(version):
            continue
        new = fixed_text(block, python)
        if new == block.text:
            continue
        indent = re.match(r"\s*", lines[block.line - 1]).group(0)
        end = block.line
        while lines[end].strip() not in ("```", "~~~") or not lines[end].startswith(indent + lines[block.line - 1].strip()[:3]):
            end += 1
        lines[block.line : end] = [(indent + line) if line else "" for line in new.split("\n")]
        changed += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def markdown_files() -> list[Path]:
    """Every Markdown file whose transcripts the tests run."""
    found = sorted(REPO.glob("chapters/*/README.md")) + sorted(REPO.glob("exercises/*/*/README.md"))
    found += sorted((REPO / "docs").rglob("*.md")) if (REPO / "docs").is_dir() else []
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", type=Path, help="Markdown files (default: the whole course)")
    p.add_argument("--python", action="append", help="interpreter(s) to run (default: this one)")
    p.add_argument("--fix", action="store_true", help="rewrite the outputs in the files with what the (first) Python prints")
    args = p.parse_args(argv)
    files = [f.resolve() for f in args.files] or markdown_files()
    if args.fix:
        python = (args.python or [sys.executable])[0]
        for path in files:
            print(f"{path}: {fix(path, python)} block(s) rewritten")
        return 0
    failures = 0
    for python in args.python or [sys.executable]:
        version = python_version(python)
        for path in files:
            for block in extract(path):
                if block.skip or not block.applies_to(version):
                    continue
                for problem in check(block, python):
                    failures += 1
                    print(f"[Python {version[0]}.{version[1]}] {problem}\n")
    print("transcripts: " + ("all current" if not failures else f"{failures} stale"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
