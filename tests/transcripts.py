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
* A block inside a content tab whose label names Python versions is only
  run on the releases the label names; every other block runs on every version.
  READMEs write a tab as a line of its own in bold, ``**Python 3.15**``, then
  its block (GitHub shows ``===`` as text): :func:`as_tabs` reads that as the
  tab ``=== "Python 3.15"``, as the site's hook renders it.
  A label is ``Python`` and items joined by ``, `` or `` and ``: ``3.N`` (every
  release of 3.N), ``3.N.P`` (that release only), ``3.N to 3.M`` (every release
  of those minors): ``=== "Python 3.13.0"``, ``=== "Python 3.10 to 3.12"``.
  A release that one tab of a group names exactly is left out of the group's
  other tabs (beside ``Python 3.13.0``, ``Python 3.13 to 3.15`` means 3.13.1 on).
  From the oldest release a group names up to the newest in VERIFIED, every
  release has exactly one tab of the group (tests/test_transcripts.py).
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


# The releases the course's text is verified on: every transcript is run on
# each of them (docs/contributing.md, "When a new Python is released").
# The first four are pyenv's on the course's machines, the last three the
# newest of their minor, run through ../shared/tools/newer-pythons.
VERIFIED = (
    (3, 10, 13),
    (3, 11, 7),
    (3, 12, 1),
    (3, 13, 0),
    (3, 13, 18),
    (3, 14, 10),
    (3, 15, 2),
)

Release = tuple[int, int, int]

# A version tab's label: "Python " and items joined by ", " or " and ", each
# "3.N" (every release of 3.N), "3.N.P" (that release only) or "3.N to 3.M"
# (every release of those minors).
_ITEM = r"3\.\d+ to 3\.\d+|3\.\d+\.\d+|3\.\d+"
VERSION_LABEL = re.compile(rf"Python (?:{_ITEM})(?:(?:, | and )(?:{_ITEM}))*")
LABEL_SCHEME = (
    '"Python " and items joined by ", " or " and ": 3.N (every release of 3.N), '
    "3.N.P (that release only), 3.N to 3.M (every release of those minors)"
)


@dataclass(frozen=True)
class Versions:
    """What a version tab's label names."""

    label: str
    minors: frozenset[tuple[int, int]] = frozenset()
    releases: frozenset[Release] = frozenset()
    error: str = ""  # the label looks like a version label but breaks the scheme

    def names(self, release: Release, excluded: frozenset[Release] = frozenset()) -> bool:
        return release in self.releases or (tuple(release[:2]) in self.minors and release not in excluded)


def is_version_label(label: str) -> bool:
    """Tabs whose label starts with "Python" and a number say which Pythons they are for; others ("Linux") do not."""
    return re.match(r"Python\s*v?\d", label) is not None


def parse_label(label: str) -> Versions:
    if not VERSION_LABEL.fullmatch(label):
        return Versions(label, error=f'the tab label "{label}" does not follow the scheme: {LABEL_SCHEME}')
    minors, releases = set(), set()
    for item in re.split(r", | and ", label.removeprefix("Python ")):
        numbers = [int(n) for n in re.findall(r"\d+", item)]
        if " to " in item:
            low, high = numbers[1], numbers[3]
            if low >= high:
                error = f'"{item}" in the tab label "{label}" is not a range from an older minor to a newer one'
                return Versions(label, error=error)
            minors.update((3, minor) for minor in range(low, high + 1))
        elif len(numbers) == 3:
            releases.add((3, numbers[1], numbers[2]))
        else:
            minors.add((3, numbers[1]))
    return Versions(label, frozenset(minors), frozenset(releases))


@dataclass
class TabGroup:
    """Content tabs side by side (``=== "..."`` lines at one indent): the reader sees one of them."""

    path: Path
    line: int  # 1-based line of the first tab
    tabs: list[tuple[int, Versions | None]]  # (line, what the label names; None for a label that names no version)

    def excluded(self, line: int) -> frozenset[Release]:
        """Releases that another tab of the group names exactly: the tab at ``line`` leaves them to it."""
        return frozenset(r for at, v in self.tabs if at != line and v is not None for r in v.releases)

    def tabs_for(self, release: Release) -> list[int]:
        """Lines of the group's tabs that show what ``release`` prints."""
        return [at for at, v in self.tabs if v is not None and not v.error and v.names(release, self.excluded(at))]

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO) if self.path.is_relative_to(REPO) else self.path}:{self.line}"


@dataclass
class Block:
    path: Path  # the Markdown file
    line: int  # 1-based line of the opening fence
    kind: str  # "console" or "pycon"
    text: str  # the block's content, dedented
    versions: Versions | None  # the innermost version tab's label; None = every version
    cwd: str = "."
    skip: bool = False
    excluded: frozenset[Release] = frozenset()  # named exactly by another tab of the same group

    def applies_to(self, version: tuple[int, ...]) -> bool:
        """Whether the block shows what this release prints (a bare minor means this interpreter's release of it)."""
        if self.versions is None or self.versions.error:
            return True  # runs, and check() reports the label
        release = tuple(version[:3])
        if len(release) == 2:
            release = tuple(sys.version_info[:3]) if release == tuple(sys.version_info[:2]) else (*release, 0)
        return self.versions.names(release, self.excluded)

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO) if self.path.is_relative_to(REPO) else self.path}:{self.line}"


#: A version label as a README writes it, for GitHub and editors to show: a line of its own in bold
#: (``**Python 3.10 to 3.14**``), then the block for those versions. The site's hook
#: (docs/hooks/course.py) turns a run of them into content tabs; so does :func:`as_tabs`, here.
LABEL = re.compile(r"^\*\*(?P<label>Python [0-9][^*]*)\*\*[ \t]*$")


def as_tabs(lines: list[str]) -> list[str]:
    """A README's labelled blocks written as content tabs, line for line (the same line numbers).

    A label, then blank lines or ``<!-- transcript: ... -->`` lines, then a
    fenced block at the left margin: the label becomes ``=== "label"`` and
    what follows it, up to the block's closing fence, is indented under it.
    """
    out = list(lines)
    i = 0
    while i < len(out):
        label = LABEL.match(out[i])
        j = i + 1
        while label and j < len(out) and (not out[j].strip() or DIRECTIVE.fullmatch(out[j].strip())):
            j += 1
        fence = FENCE.match(out[j]) if label and j < len(out) else None
        if not fence or fence.group("indent"):
            i += 1
            continue
        end = j + 1
        while end < len(out) and out[end].rstrip() != fence.group("fence"):
            end += 1
        out[i] = f'=== "{label.group("label").strip()}"'
        out[i + 1 : end + 1] = ["    " + line if line.strip() else "" for line in out[i + 1 : end + 1]]
        i = end + 1
    return out


def parse(path: Path) -> tuple[list[Block], list[TabGroup]]:
    """Every console and pycon block in a Markdown file, with the versions it applies to, and its tab groups."""
    lines = as_tabs(path.read_text(encoding="utf-8").splitlines())
    blocks: list[Block] = []
    groups: list[TabGroup] = []
    tabs: list[tuple[int, int, Versions | None, TabGroup]] = []  # (indent, line, label, group) of the enclosing tabs
    open_groups: dict[int, TabGroup] = {}  # by indent: a tab there now joins the group
    in_tab: list[tuple[Block, tuple]] = []  # blocks and the version tab they are in
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip():
            indent = len(line) - len(line.lstrip())
            tabs = [t for t in tabs if t[0] < indent]  # a line at or left of a tab closes it
            m = TAB.match(line)
            # Any other line at or left of a group's tabs ends the group; a tab's own content is indented further.
            open_groups = {d: g for d, g in open_groups.items() if d < indent or (m and d == indent)}
            if m:
                label = m.group("label")
                versions = parse_label(label) if is_version_label(label) else None
                group = open_groups.get(indent)
                if group is None:
                    group = open_groups[indent] = TabGroup(path, i + 1, [])
                    groups.append(group)
                group.tabs.append((i + 1, versions))
                tabs.append((indent, i + 1, versions, group))
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
            # The innermost version tab decides (a tab inside an operating system's tab, say).
            version_tab = next((t for t in reversed(tabs) if t[2] is not None), None)
            cwd, skip = ".", False
            previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            if d := DIRECTIVE.search(previous):
                for arg in d.group("args").split():
                    if arg == "skip":
                        skip = True
                    elif arg.startswith("cwd="):
                        cwd = arg[4:]
            blocks.append(Block(path, i + 1, kind, "\n".join(body), None, cwd, skip))
            if version_tab is not None:
                in_tab.append((blocks[-1], version_tab))
        i = j + 1
    # What a tab leaves to the other tabs of its group is known once the whole group has been read.
    for block, (_, at, versions, group) in in_tab:
        block.versions, block.excluded = versions, group.excluded(at)
    return blocks, groups


def extract(path: Path) -> list[Block]:
    """Every console and pycon block in a Markdown file, with the versions it applies to."""
    return parse(path)[0]


def version_groups(path: Path) -> list[TabGroup]:
    """The file's tab groups whose labels name Python versions."""
    return [g for g in parse(path)[1] if any(v is not None for _, v in g.tabs)]


def coverage_problems(group: TabGroup, releases=VERIFIED) -> list[str]:
    """How a version tab group fails to give each release exactly one tab.

    From the oldest release a group names up to the newest verified one, the
    reader of every release finds exactly one tab; older releases may have none
    (a feature they do not have). A newer release left without a tab is a gap.
    """
    where = group.where.rsplit(":", 1)[0]
    problems = [f"{where}:{at}: {v.error}" for at, v in group.tabs if v is not None and v.error]
    named = [r for r in releases if any(v is not None and v.names(r) for _, v in group.tabs)]
    if problems or not named:
        return problems
    for release in releases:
        if release < named[0]:
            continue
        found = group.tabs_for(release)
        shown = ".".join(map(str, release))
        if len(found) != 1:
            which = "no tab" if not found else "tabs at lines " + ", ".join(map(str, found))
            problems.append(f"{group.where}: Python {shown} has {which} in this group (labels: "
                            + "; ".join(v.label for _, v in group.tabs if v is not None) + ")")
    return problems


# -- running ---------------------------------------------------------------


def python_version(python: str) -> Release:
    out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:3])"], capture_output=True, text=True, check=True)
    major, minor, micro = out.stdout.split()
    return int(major), int(minor), int(micro)


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
# uses changed its arguments in a 3.13 bug-fix release (3.13.0 and 3.13.18 differ).
#
# 3.13 and later: the new prompt (_pyrepl) reads an input, names it
# ``<python-input-N>``, keeps its source for tracebacks, runs its statements in
# turn and shows the value of the last one only, and stops at the first error.
# Before 3.13: the classic prompt, one statement at a time, named ``<stdin>``,
# with no source lines in tracebacks. (One difference is left: 3.13.18 and later
# prompts file an input's lines under its code objects, so a session's own
# ``linecache.getline("<python-input-0>", 1)`` finds nothing there and the line
# here. What tests/test_transcripts.py expects of the replay, a value, a
# traceback, two statements on a line, is what the real prompt printed in a
# terminal on 3.14.10 and 3.15.2.)
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
    if block.versions is not None and block.versions.error:
        return [f"{block.where}: {block.versions.error}"]
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
    for path in files:
        for group in version_groups(path):
            for problem in coverage_problems(group):
                failures += 1
                print(f"[tabs] {problem}\n")
    for python in args.python or [sys.executable]:
        version = python_version(python)
        for path in files:
            for block in extract(path):
                if block.skip or not block.applies_to(version):
                    continue
                for problem in check(block, python):
                    failures += 1
                    print(f"[Python {'.'.join(map(str, version))}] {problem}\n")
    print("transcripts: " + ("all current" if not failures else f"{failures} stale"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
