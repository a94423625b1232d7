"""The course site: a strict build, a page for every chapter and exercise, links that resolve, and a real browser.

These tests need the `docs` dependency group (and Playwright with Chromium for
the browser test). `nox -s site_tests` installs them; elsewhere they are
skipped, unless IMPORT_LAB_REQUIRE_SITE=1 (set by .ci/run), which turns a missing
tool into a failure.
"""

from __future__ import annotations

import functools
import importlib
import http.server
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import zlib
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .course import EXERCISES, HAS_SOLUTIONS, REPO, SECTIONS

REQUIRED = os.environ.get("IMPORT_LAB_REQUIRE_SITE") == "1"


def need(module: str):
    if REQUIRED:
        return importlib.import_module(module)
    return pytest.importorskip(module)


def build(destination: Path, solutions: bool = False) -> subprocess.CompletedProcess:
    need("mkdocs")
    env = {**os.environ, "IMPORT_LAB_SOLUTIONS": "1" if solutions else "0"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    destination = tmp_path_factory.mktemp("site")
    done = build(destination)
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    return destination


def page(site: Path, source: str) -> Path:
    """The HTML file built from a Markdown source (README.md is the folder's index)."""
    folder = source[: -len("README.md")] if source.endswith("README.md") else source[: -len(".md")] + "/"
    return site / folder / "index.html"


def text_of(html: str) -> str:
    """What a reader sees of a page: the HTML without its tags."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_strict_build_has_every_chapter_and_exercise(site):
    for folder in SECTIONS.values():
        assert page(site, f"chapters/{folder}/README.md").is_file(), folder
    for e in EXERCISES:
        html = page(site, f"exercises/{e.path}/README.md").read_text(encoding="utf-8")
        assert f"nox -s grade -- {e.id}" in text_of(html), "the exercise page shows the command that grades it"
        assert '<details class="hint"' in html, "hints are folded away"
    for guide in ("students", "instructors", "grading", "contributing"):
        assert (site / guide / "index.html").is_file()
    assert (site / "index.html").is_file() and (site / "search" / "search_index.json").is_file()


def test_pages_show_the_readmes_code_and_fold_each_hint(site):
    """The site renders what GitHub shows: each demo file written in a chapter, each hint of an exercise folded.

    A chapter writes its demo code in titled blocks (tests/test_readmes.py keeps
    them identical to the files), which become titled code boxes; an exercise's
    <details class="hint" markdown="1"> blocks become folded hint boxes whose
    text is rendered Markdown (md_in_html), one for each hint `nox -s hint` reads.
    """
    from grader.hints import parse_hints

    from .test_readmes import titled_blocks

    for html in [*site.glob("chapters/**/*.html"), *site.glob("exercises/**/*.html")]:
        assert "--8&lt;--" not in html.read_text(encoding="utf-8"), f"an unresolved snippet include in {html}"
    for folder in SECTIONS.values():
        html = page(site, f"chapters/{folder}/README.md").read_text(encoding="utf-8")
        for block in titled_blocks(REPO / "chapters" / folder / "README.md"):
            assert f'<span class="filename">{block.title}</span>' in html, f"{folder}: no code box titled {block.title}"
    for e in EXERCISES:
        hints = parse_hints((REPO / "exercises" / e.path / "README.md").read_text(encoding="utf-8"))
        html = page(site, f"exercises/{e.path}/README.md").read_text(encoding="utf-8")
        folded = re.findall(r'<details class="hint">\s*<summary>(.*?)</summary>(.*?)</details>', html, re.S)
        assert len(folded) == len(hints) >= 1, f"{e.id}: {len(folded)} folded hints on the page, {len(hints)} in the README"
        assert 'markdown="1"' not in html, f"{e.id}: md_in_html did not read a hint's markdown attribute"
        for number, ((title, _), (summary, body)) in enumerate(zip(hints, folded), 1):
            assert text_of(summary) == f"Hint {number}: {title.replace('`', '')}", f"{e.id}: hint {number}'s title"
            outside_code = text_of(re.sub(r"<pre.*?</pre>|<code>.*?</code>", "", body, flags=re.S))
            assert body.lstrip().startswith("<") and "`" not in outside_code, f"{e.id}: hint {number} is not rendered Markdown"


def test_the_navigation_lists_exercises_in_the_course_order(site):
    """The one course order (grader/course.py: as each chapter lists them), not the folders' alphabetical order."""
    html = (site / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="(?:\./)?exercises/([^/"]+)/([^/"#]+)/"', html)
    assert list(dict.fromkeys(ex_id for _, ex_id in linked)) == [e.id for e in EXERCISES]


def test_solutions_are_not_published_by_default(site):
    assert not (site / "solutions").exists()
    assert not list(site.rglob("solutions/**/*.py"))


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template has no solutions")
def test_an_instructor_build_has_a_solution_page_per_exercise(tmp_path):
    done = build(tmp_path / "site", solutions=True)
    assert done.returncode == 0, done.stderr[-5000:]
    for e in EXERCISES:
        solution = tmp_path / "site" / "solutions" / e.path / "index.html"
        html = solution.read_text(encoding="utf-8")
        solved = (REPO / "solutions" / e.path / e.files[0]).read_text(encoding="utf-8")
        first_line = next(line for line in solved.splitlines() if line.strip())
        assert first_line.strip() in text_of(html)


class _Watched:
    """A stand-in for `mkdocs serve`'s server: the paths it is asked to watch."""

    def __init__(self):
        self.paths: list[Path] = []

    def watch(self, path, func=None, *, recursive=True):
        self.paths.append(Path(path).resolve())


@pytest.mark.parametrize("solutions", [False, True])
def test_serve_reloads_when_any_page_source_changes(solutions, monkeypatch):
    """Every folder a page is made from (chapters/, exercises/, solutions/ when shown) is watched."""
    need("mkdocs")
    from mkdocs.config import load_config

    monkeypatch.setenv("IMPORT_LAB_SOLUTIONS", "1" if solutions else "0")
    config = load_config(str(REPO / "mkdocs.yml"))
    server = _Watched()
    config.plugins.on_serve(server, config=config, builder=lambda: None)  # as `mkdocs serve` does
    watched = [*server.paths, Path(config.docs_dir).resolve(), *(Path(p).resolve() for p in config.watch)]
    sources = ["chapters", "exercises", *(["solutions"] if solutions and HAS_SOLUTIONS else [])]
    for folder in sources:
        assert (REPO / folder).resolve() in watched, f"`mkdocs serve` does not reload when {folder}/ changes"
    includes = set()
    for md in [*REPO.glob("docs/**/*.md"), *REPO.glob("chapters/**/*.md"), *REPO.glob("exercises/**/*.md")]:
        includes.update(re.findall(r'--8<-- "([^"]+)"', md.read_text(encoding="utf-8")))
    for include in includes:
        path = (REPO / include).resolve()
        assert any(folder == path or folder in path.parents for folder in watched), f"{include} is not watched"


def test_the_home_page_says_to_get_the_course_first():
    home = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    start = home[home.index("## Start") :].split("```sh")[0]
    assert "clone" in start, "the quick start begins with getting the course"
    assert "two commands" not in home


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_internal_link_resolves(site):
    broken = []
    for html in site.rglob("*.html"):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "data:")):
                continue
            base = site if parts.path.startswith("/") else html.parent  # 404.html links from the root
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(site)} -> {link}")
    assert not broken, "\n".join(broken[:30])


# -- a real browser ----------------------------------------------------------------------------


def png_colours(data: bytes) -> int:
    """How many distinct colours an 8-bit RGB(A) PNG has (enough to tell a page from a blank)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    previous, colours = bytearray(stride), set()
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        if y % 4 == 0:
            colours.update(bytes(row[i : i + 3]) for i in range(0, stride, channels * 4))
        previous = row
    return len(colours)


@pytest.fixture
def served(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def chromium_path() -> str:
    found = os.environ.get("IMPORT_LAB_CHROMIUM") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome"))), None
    )
    if not found:
        if REQUIRED:
            pytest.fail("Chromium is required (IMPORT_LAB_REQUIRE_SITE=1) but not installed")
        pytest.skip("Chromium is not installed")
    return found


def test_a_reader_can_go_from_a_chapter_to_an_exercise_and_search(served, tmp_path):
    sync_api = need("playwright.sync_api")
    chapter = SECTIONS["8.2"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        try:
            view = browser.new_page(viewport={"width": 1280, "height": 900})
            offsite = []
            view.on("request", lambda r: offsite.append(r.url) if not r.url.startswith(served) else None)
            view.goto(f"{served}/chapters/{chapter}/")
            assert view.locator("h1").first.inner_text().startswith("8.2")

            view.locator(f"article a[href*='exercises/{chapter}/']").first.click()
            view.wait_for_load_state()
            assert f"/exercises/{chapter}/" in view.url
            assert view.locator("details.hint").count() >= 1

            search = view.locator("input.md-search__input")
            search.click()
            search.press_sequentially("modules", delay=30)  # the search reacts to key presses
            results = view.locator(".md-search-result__item")
            results.first.wait_for(timeout=15_000)
            assert results.count() >= 1

            assert not offsite, f"the site fetched from elsewhere: {offsite[:3]}"
            shot = tmp_path / "search.png"
            view.screenshot(path=str(shot))
            blank = browser.new_page(viewport={"width": 1280, "height": 900})
            blank.goto("about:blank")
            assert png_colours(shot.read_bytes()) > 20 * png_colours(blank.screenshot())
            artifacts = os.environ.get("IMPORT_LAB_ARTIFACTS")
            if artifacts:
                Path(artifacts).mkdir(parents=True, exist_ok=True)
                shutil.copy(shot, Path(artifacts) / "site-search.png")
        finally:
            browser.close()
