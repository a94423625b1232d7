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
import json
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


#: What the publishing workflow (.github/workflows/site.yml) gives a build, for a project page on GitHub Pages.
PUBLISHED = {
    "IMPORT_LAB_SITE_URL": "https://example-org.github.io/import-lab/",
    "IMPORT_LAB_REPO_URL": "https://github.com/example-org/import-lab",
    "IMPORT_LAB_EDIT_URI": "edit/main/docs/",
}
SUBPATH = "/import-lab/"


def build(
    destination: Path, solutions: bool = False, published: bool = False, course: Path = REPO
) -> subprocess.CompletedProcess:
    """A strict build of ``course``'s site; ``published`` gives it what the publishing workflow gives."""
    need("mkdocs")
    env = {k: v for k, v in os.environ.items() if k not in PUBLISHED}  # a local build, unless asked
    env.update(IMPORT_LAB_SOLUTIONS="1" if solutions else "0", NO_MKDOCS_2_WARNING="1")
    if published:
        env.update(PUBLISHED)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    destination = tmp_path_factory.mktemp("site")
    done = build(destination)
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    assert "WARNING" not in done.stderr, done.stderr[-5000:]
    return destination


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site as the workflow builds it for https://example-org.github.io/import-lab/."""
    destination = tmp_path_factory.mktemp("published")
    done = build(destination, published=True)
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    assert "WARNING" not in done.stderr, done.stderr[-5000:]
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


def test_a_readmes_version_labels_become_tabs_on_the_site(site):
    """GitHub shows a bold label above each block (``**Python 3.15**``); the site shows the labels as tabs."""
    from tests.transcripts import LABEL

    pages = 0
    for readme in [*REPO.glob("chapters/*/README.md"), *REPO.glob("exercises/*/*/README.md")]:
        labels = [m["label"] for m in map(LABEL.match, readme.read_text(encoding="utf-8").splitlines()) if m]
        if not labels:
            continue
        html = page(site, str(readme.relative_to(REPO))).read_text(encoding="utf-8")
        tabs = re.findall(r"<div class=\"tabbed-labels\">(.*?)</div>", html, re.S)
        shown = [text_of(label) for label in re.findall(r"<label [^>]*>(.*?)</label>", "".join(tabs), re.S)]
        assert shown == labels, f"{readme.relative_to(REPO)}: tabs {shown}, labels {labels}"
        assert "<strong>Python " not in html, f"{readme.relative_to(REPO)}: a label left as bold text"
        checked = re.findall(r'<p class="verified-on">Checked on Python ([0-9., and]+)\.</p>', html)
        assert len(checked) == len(labels), f"{readme.relative_to(REPO)}: {len(checked)} 'checked on' lines"
        pages += 1
    assert pages >= 3
    # Each tab names the releases its transcript ran on: the label's own, less those another tab names exactly.
    html = page(site, "chapters/8.4-circular-imports/README.md").read_text(encoding="utf-8")
    assert "Checked on Python 3.13.0.</p>" in html
    assert "Checked on Python 3.13.18, 3.14.10 and 3.15.2.</p>" in html
    assert "Checked on Python 3.10.13, 3.11.7 and 3.12.1.</p>" in html
    # The student guide's set-up steps, labelled by operating system the same way, are tabs too.
    guide = page(site, "students.md").read_text(encoding="utf-8")
    labels = re.findall(r'<div class="tabbed-labels">(.*?)</div>', guide, re.S)
    assert labels and [text_of(x) for x in re.findall(r"<label [^>]*>(.*?)</label>", labels[0])] == [
        "Linux", "macOS", "Windows"
    ]


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


# -- reading order, titles, the exercise box, copy text, search, publishing --------------------------

#: The pages for instructors, last and in this order (docs/hooks/course.py).
FOR_INSTRUCTORS = ["instructors/", "grading/", "contributing/"]


def reading_order() -> list[str]:
    """Every page in the order a reader meets them: home, student guide, each chapter then its exercises, staff."""
    order = ["", "students/"]
    for chapter, folder in SECTIONS.items():
        order.append(f"chapters/{folder}/")
        order += [f"exercises/{e.path}/" for e in EXERCISES if e.chapter == chapter]
    return order + FOR_INSTRUCTORS


def footer_links(html: str) -> dict[str, str]:
    """{"prev" / "next": the href} of a page's Previous and Next links."""
    found = re.findall(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"', html)
    return {kind: href for href, kind in found}


def test_previous_and_next_follow_the_reading_order(site):
    """Next from the home page walks the course in order, and Previous walks it back: no staff page in between."""
    walked, here = [""], site / "index.html"
    while True:
        nxt = footer_links(here.read_text(encoding="utf-8")).get("next")
        if nxt is None:
            break
        here = (here.parent / nxt / "index.html").resolve()
        walked.append(here.parent.relative_to(site.resolve()).as_posix() + "/")
        assert len(walked) < 200, "Next goes round in a circle"
    assert walked == reading_order()
    for previous, page_path in zip(walked, walked[1:]):
        back = footer_links((site / page_path / "index.html").read_text(encoding="utf-8"))["prev"]
        assert (site / page_path / back).resolve() == (site / previous).resolve(), f"Previous from {page_path}"


def test_the_sidebar_puts_the_instructors_pages_last_in_a_section_of_their_own(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    primary = html[html.index("md-nav--primary") :]
    pages = [href for href in re.findall(r'<a href="([^"#]*)"\s+class="md-nav__link', primary) if href not in ("", ".")]
    assert pages[-len(FOR_INSTRUCTORS) :] == FOR_INSTRUCTORS
    section = re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', primary)
    assert section.index("For instructors") > section.index("Chapters"), "the instructors' pages have a section, last"


def between(html: str, start: str, end: str) -> str:
    """The part of a page from ``start`` to ``end`` ("" if it has none)."""
    if start not in html:
        return ""
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


def test_titles_are_plain_text_in_the_navigation_footer_and_browser_tab(site):
    """A README heading may hold `code`; where no Markdown is rendered, the backticks must not show."""
    with_code = [e for e in EXERCISES if "`" in e.title]
    assert with_code, "no exercise title has code in it: this test checks nothing"
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
        nav = between(html, "md-nav--primary", "md-sidebar--secondary")
        footer = between(html, 'class="md-footer"', "md-footer-meta")
        for where, text in (("<title>", title), ("navigation", nav), ("footer", footer)):
            assert "`" not in unescape(re.sub(r"<code>.*?</code>", "", text)), f"{html_file.relative_to(site)}: a backtick in the {where}"
    for e in with_code:
        html = page(site, f"exercises/{e.path}/README.md").read_text(encoding="utf-8")
        assert f"<title>{e.title.replace('`', '')} - Import Lab</title>" in unescape(html)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["title"] for d in index["docs"] if "`" in d["title"]], "search results show titles too"


def exercise_box(html: str) -> str:
    found = re.search(r'<div class="admonition info exercise">(.*?)</div>', html, re.S)
    assert found, "no exercise box"
    return found[1]


def test_every_exercise_page_says_where_it_sits_and_what_to_edit(site):
    """The box comes from grader/course.py, as grading does: its chapter, N of M, folder, files, where to run."""
    for chapter, folder in SECTIONS.items():
        in_chapter = [e for e in EXERCISES if e.chapter == chapter]
        for number, e in enumerate(in_chapter, 1):
            html_file = page(site, f"exercises/{e.path}/README.md")
            html = html_file.read_text(encoding="utf-8")
            assert html.index('class="admonition info exercise"') < html.index('<h2'), f"{e.id}: the box comes first"
            box = exercise_box(html)
            text = text_of(box)
            assert f"Exercise {number} of {len(in_chapter)} in {chapter}" in text, e.id
            chapter_link = re.search(r'From the chapter <a href="([^"]+)">', box)[1]
            assert (html_file.parent / chapter_link / "index.html").resolve() == page(site, f"chapters/{folder}/README.md").resolve()
            assert f"exercises/{e.path}/" in text
            edit = re.search(r"Files to edit:</strong>(.*?)</li>", box, re.S)[1]
            assert re.findall(r"<code>(.*?)</code>", edit) == list(e.edit), f"{e.id}: the files to edit"
            read = re.search(r"leave as they are:</strong>(.*?)</li>", box, re.S)
            assert (re.findall(r"<code>(.*?)</code>", read[1]) if read else []) == list(e.read), f"{e.id}: the files to read"
            assert f"nox -s grade -- {e.id}" in text and "noxfile.py" in text, f"{e.id}: where to run nox"
            readme = (REPO / "exercises" / e.path / "README.md").read_text(encoding="utf-8")
            if re.search(r"^\s*\$ python", readme, re.M):
                assert f"cd exercises/{e.path}" in text, f"{e.id}: where to run its python commands"


def test_hints_are_folded_hint_boxes_not_notes(site):
    """course.css gives <details class="hint"> its own colours and icon (Material would draw a plain note)."""
    css = (REPO / "docs" / "stylesheets" / "course.css").read_text(encoding="utf-8")
    assert "details.hint" in css and "--md-admonition-icon--tip" in css
    assert 'href="../stylesheets/course.css"' in (site / "students" / "index.html").read_text(encoding="utf-8")


def test_the_copy_text_of_a_transcript_is_its_commands():
    """What docs/hooks/course.py gives a transcript's copy button: commands without prompts, never output."""
    sys.path.insert(0, str(REPO / "docs" / "hooks"))
    try:
        hook = importlib.import_module("course")
    finally:
        sys.path.remove(str(REPO / "docs" / "hooks"))
    shell = (
        '<a id="l1"></a><span class="gp">$ </span><span class="nb">cd</span> cache\n'
        '<a id="l2"></a><span class="gp">$ </span>python3 main.py &gt; out.txt\n'
        '<a id="l3"></a><span class="go">running noisy.py</span>\n'
    )
    assert hook.commands_of(shell) == "cd cache\npython3 main.py > out.txt"
    repl = (
        '<span class="gp">&gt;&gt;&gt; </span><span class="k">for</span> n <span class="ow">in</span> (1, 2):\n'
        '<span class="gp">... </span>    print(n)\n'
        '<span class="gp">...</span>\n'
        '<span class="go">1</span>\n'
        '<span class="gr">Traceback</span> (most recent call last):\n'
        '<span class="gp">&gt;&gt;&gt; </span>"done"\n'
    )
    assert hook.commands_of(repl) == 'for n in (1, 2):\n    print(n)\n\n"done"'
    assert hook.commands_of('<span class="n">x</span> = 1\n') is None, "code without prompts is copied as it is"


def test_every_transcript_on_the_site_copies_its_commands_only(site):
    transcripts = 0
    for html_file in [*site.glob("chapters/**/index.html"), *site.glob("exercises/**/index.html")]:
        for code in re.findall(r"<pre[^>]*>(?:<span></span>)?<code([^>]*)>(.*?)</code></pre>", html_file.read_text(encoding="utf-8"), re.S):
            attributes, body = code
            if 'class="gp"' not in body:
                assert "data-copy" not in attributes
                continue
            transcripts += 1
            copied = unescape(re.search(r'data-copy="([^"]*)"', attributes)[1]).split("\n")
            assert len(copied) == body.count('class="gp"'), f"{html_file}: one line for each prompt, no output"
            assert not [line for line in copied if line.startswith(("$ ", ">>> ", "... "))], f"{html_file}: a prompt is copied"
    assert transcripts >= 40, f"only {transcripts} transcripts found"


def mkdocs_yml() -> dict:
    """mkdocs.yml as data (its !ENV values left out)."""
    yaml = need("yaml")

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def search_words(text: str) -> list[str]:
    """The words the site's search makes of ``text``: split by the separator mkdocs.yml gives the search plugin.

    It is a JavaScript regular expression that Python's re reads the same way
    (character classes, a lookahead, a lookbehind of fixed width).
    """
    search = next(p["search"] for p in mkdocs_yml()["plugins"] if isinstance(p, dict) and "search" in p)
    return [word for word in re.split(search["separator"], text.lower()) if word]


def test_search_splits_python_names_but_keeps_dunder_names_whole():
    assert search_words("importlib.import_module(name)") == ["importlib", "import", "module", "name"]
    assert search_words("__pycache__/noisy.cpython-312.pyc") == ["__pycache__", "noisy", "cpython", "312", "pyc"]
    assert search_words("importlib.util.find_spec") == ["importlib", "util", "find", "spec"]
    assert search_words("__all__ and __main__.py") == ["__all__", "and", "__main__", "py"]
    assert search_words("section 8.1, Python 3.13") == ["section", "8.1", "python", "3.13"]


def test_a_published_site_knows_its_address(published):
    """Under a project path, the 404 page, the sitemap and canonical links need site_url (the workflow sets it)."""
    url = PUBLISHED["IMPORT_LAB_SITE_URL"]
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    located = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert sorted(located) == sorted(url + p for p in reading_order())
    for html_file in published.rglob("index.html"):
        where = html_file.parent.relative_to(published).as_posix()
        where = "" if where == "." else where + "/"
        assert f'<link rel="canonical" href="{url}{where}">' in html_file.read_text(encoding="utf-8"), where
    not_found = (published / "404.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="([^"#]+\.(?:css|js))"', not_found)
    assert assets and all(a.startswith(SUBPATH + "assets/") or a.startswith(SUBPATH + "stylesheets/") for a in assets), assets
    assert (published / "stylesheets" / "course.css").is_file()


def test_a_published_site_links_its_repository_and_edits_the_real_files(published):
    repo_url = PUBLISHED["IMPORT_LAB_REPO_URL"]
    sources = {"": "docs/index.md", "students/": "docs/students.md", **{p: f"docs/{p[:-1]}.md" for p in FOR_INSTRUCTORS}}
    for chapter, folder in SECTIONS.items():
        sources[f"chapters/{folder}/"] = f"chapters/{folder}/README.md"
    for e in EXERCISES:
        sources[f"exercises/{e.path}/"] = f"exercises/{e.path}/README.md"
    for where, source in sources.items():
        html = (published / where / "index.html").read_text(encoding="utf-8")
        assert f'href="{repo_url}" title="Go to repository" class="md-source"' in html, f"{where}: no repository link"
        edit = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
        assert edit, f"{where}: no edit link"
        assert edit[1] == f"{repo_url}/edit/main/{source}", where
        assert (REPO / source).is_file()


def test_a_local_build_has_no_edit_links_to_nowhere(site):
    html = page(site, f"chapters/{SECTIONS['8.1']}/README.md").read_text(encoding="utf-8")
    assert 'title="Edit this page"' not in html and "md-source" not in html


def test_the_workflow_publishes_with_pages_own_address_one_run_at_a_time():
    yaml = need("yaml")
    text = (REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert not [u for u in uses if u.startswith("actions/cache")], "a cache with nothing to cache"
    assert {u.split("@")[0] for u in uses} >= {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}
    publish = next(s for s in steps if s.get("run") == "nox -s publish")
    assert publish["env"]["IMPORT_LAB_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert set(publish["env"]) == set(PUBLISHED)
    build_job = next(job for job in workflow["jobs"].values() if publish in job["steps"])
    assert build_job["if"] == "github.event.repository.has_pages", "a repository without Pages skips the job"
    assert workflow["permissions"] == {"contents": "read"}
    for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith(("site_url:", "repo_url:", "edit_uri:")):
            assert "!ENV" in line and any(name in line for name in PUBLISHED), line
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"mkdocs-material>=9\.\d+,<10"', pyproject), "Material pinned below its next major version"


@pytest.mark.skipif(not HAS_SOLUTIONS, reason="a student template cannot make another")
def test_the_student_template_can_publish_the_site_for_free(tmp_path):
    """The template `nox -s release` writes has the workflow and all the site needs, and builds without solutions."""
    template = tmp_path / "template"
    done = subprocess.run([sys.executable, "-m", "grader.release", str(template)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (template / ".github" / "workflows" / "site.yml").read_bytes() == (REPO / ".github" / "workflows" / "site.yml").read_bytes()
    for needed in ("mkdocs.yml", "docs/hooks/course.py", "docs/stylesheets/course.css", "pyproject.toml", "noxfile.py"):
        assert (template / needed).is_file(), needed
    built = build(tmp_path / "site", published=True, course=template)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr[-5000:]
    assert not (tmp_path / "site" / "solutions").exists()
    for e in EXERCISES:
        assert page(tmp_path / "site", f"exercises/{e.path}/README.md").is_file()
    guide = (REPO / "docs" / "instructors.md").read_text(encoding="utf-8")
    free = guide[guide.index("### Publishing for free") :].split("\n## ")[0]
    assert "template" in free and "public" in free and "**GitHub Actions**" in guide, "the instructor guide says how"


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


def serve(site: Path, prefix: str = "/"):
    """Serve a built site under ``prefix`` as GitHub Pages serves a project: its 404.html, with status 404, for anything missing."""
    import mimetypes

    class Pages(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            target = site / path[len(prefix) :] if path.startswith(prefix) else None
            if target is not None and target.is_dir():
                target = target / "index.html"
            status = 200
            if target is None or not target.is_file() or site.resolve() not in target.resolve().parents:
                status, target = 404, site / "404.html"
            body = target.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", mimetypes.guess_type(target.name)[0] or "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def served(site):
    server, address = serve(site)
    yield address
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


@pytest.fixture(scope="module")
def chromium():
    sync_api = need("playwright.sync_api")
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
            yield browser
        finally:
            browser.close()


def fence_commands(readme: Path, language: str, index: int) -> str:
    """The commands of the ``index``-th ``language`` block of a README, read from the Markdown: prompts removed, output left out."""
    blocks = re.findall(rf"^([ \t]*)```{language}\n(.*?)^\1```", readme.read_text(encoding="utf-8"), re.M | re.S)
    indent, body = blocks[index]
    commands = []
    for line in body.splitlines():
        line = line[len(indent) :]
        for prompt in ("$ ", ">>> ", "... "):
            if line.startswith(prompt):
                commands.append(line[len(prompt) :].rstrip())
                break
        else:
            if line.rstrip() == "...":
                commands.append("")
    return "\n".join(commands)


def search_for(view, query: str, close: bool = True) -> list[str]:
    """The pages the site's search lists for ``query``, best first (every result, loaded by scrolling)."""
    search = view.locator("input.md-search__input")
    search.click()
    search.fill("")
    search.press_sequentially(query, delay=30)  # the search reacts to key presses
    results = view.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for(timeout=30_000)

    def listed() -> list[str]:
        # In one call: the search may redraw the list between a count and a read of its items.
        return [urlsplit(href).path for href in results.evaluate_all("els => els.map(e => e.getAttribute('href'))")]

    # The search answers each key press in turn: the list is the query's once it stops changing.
    # Material shows ten results, then more as the list is scrolled to its end.
    pages, before = listed(), None
    while pages != before:
        before = pages
        view.evaluate(
            "() => { const items = document.querySelectorAll('.md-search-result__item');"
            " if (items.length) items[items.length - 1].scrollIntoView(); }"
        )
        view.wait_for_timeout(500)
        pages = listed()
    if close:
        view.keyboard.press("Escape")
    return list(dict.fromkeys(pages))


def test_a_reader_can_go_from_a_chapter_to_an_exercise_and_search(served, chromium, tmp_path):
    chapter = SECTIONS["8.2"]
    view = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        offsite = []
        view.on("request", lambda r: offsite.append(r.url) if not r.url.startswith(served) else None)
        view.goto(f"{served}/chapters/{chapter}/")
        assert view.locator("h1").first.inner_text().startswith("8.2")

        view.locator(f"article a[href*='exercises/{chapter}/']").first.click()
        view.wait_for_load_state()
        assert f"/exercises/{chapter}/" in view.url
        assert view.locator("details.hint").count() >= 1

        assert len(search_for(view, "modules", close=False)) >= 1

        assert not offsite, f"the site fetched from elsewhere: {offsite[:3]}"
        shot = tmp_path / "search.png"
        view.screenshot(path=str(shot))
        blank = chromium.new_page(viewport={"width": 1280, "height": 900})
        blank.goto("about:blank")
        assert png_colours(shot.read_bytes()) > 20 * png_colours(blank.screenshot())
        blank.close()
        artifacts = os.environ.get("IMPORT_LAB_ARTIFACTS")
        if artifacts:
            Path(artifacts).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(artifacts) / "site-search.png")
    finally:
        view.close()


def test_a_reader_walks_the_course_in_order(served, chromium):
    """Next from the home page: the student guide, the first chapter, its first exercise; titles without backticks; the box."""
    view = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        first = [e for e in EXERCISES if e.chapter == "8.1"]
        view.goto(f"{served}/")
        for expected in ("/students/", f"/chapters/{SECTIONS['8.1']}/", f"/exercises/{first[0].path}/"):
            view.locator("a.md-footer__link--next").click()
            view.wait_for_load_state()
            assert urlsplit(view.url).path == expected
        view.locator("a.md-footer__link--prev").click()
        view.wait_for_load_state()
        assert urlsplit(view.url).path == f"/chapters/{SECTIONS['8.1']}/"

        with_code = next(e for e in EXERCISES if "`" in e.title)
        view.goto(f"{served}/exercises/{with_code.path}/")
        plain_title = with_code.title.replace("`", "")
        assert view.title() == f"{plain_title} - Import Lab"
        assert plain_title in view.locator(".md-nav--primary").inner_text()
        for where in (".md-nav--primary", ".md-footer", ".md-header"):
            assert "`" not in view.locator(where).first.inner_text(), f"a backtick shows in {where}"

        in_chapter = [e for e in EXERCISES if e.chapter == with_code.chapter]
        box = view.locator(".admonition.exercise")
        assert box.is_visible()
        heading = box.locator(".admonition-title").inner_text()
        assert heading == f"Exercise {in_chapter.index(with_code) + 1} of {len(in_chapter)} in {with_code.chapter}"
        assert f"exercises/{with_code.path}/" in box.inner_text()
        assert all(name in box.inner_text() for name in with_code.edit)
        box.locator("a", has_text=with_code.chapter).click()
        view.wait_for_load_state()
        assert urlsplit(view.url).path == f"/chapters/{with_code.section}/"

        view.goto(f"{served}/exercises/{with_code.path}/")
        hint = view.locator("details.hint").first
        colour = hint.evaluate("e => getComputedStyle(e).borderColor")
        note = view.evaluate(
            "() => { const d = document.createElement('details'); d.className = 'note';"
            " document.querySelector('article').append(d); return getComputedStyle(d).borderColor }"
        )
        assert colour != note and colour == "rgb(0, 191, 165)", "a hint is drawn as a hint, not as a note"
    finally:
        view.close()


def test_search_finds_python_names_and_the_copy_button_copies_commands(served, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    view = context.new_page()
    try:
        view.goto(f"{served}/")
        assert f"/chapters/{SECTIONS['8.1']}/" in search_for(view, "import_module"), "8.1 teaches import_module"
        assert f"/chapters/{SECTIONS['8.7']}/" in search_for(view, "find_spec")
        assert f"/chapters/{SECTIONS['8.3']}/" in search_for(view, "__all__")
        assert f"/chapters/{SECTIONS['8.8']}/" in search_for(view, "__main__")

        chapter = REPO / "chapters" / SECTIONS["8.2"] / "README.md"
        view.goto(f"{served}/chapters/{SECTIONS['8.2']}/")
        for language, prompt in (("console", r"^\$"), ("pycon", r"^>>>")):
            block = view.locator("div.highlight").filter(has=view.locator("span.gp", has_text=re.compile(prompt))).first
            block.hover()
            block.locator("button[data-clipboard-target]").click()  # Material's copy button
            copied = view.evaluate("() => navigator.clipboard.readText()")
            assert copied == fence_commands(chapter, language, 0), f"the copy button of the first {language} block"
            assert copied and not re.search(r"^(\$|>>>|\.\.\.) ", copied, re.M)
    finally:
        context.close()


def test_the_404_page_works_under_a_project_path(published, chromium):
    """Published at https://ORG.github.io/REPO/, a missing page gets a styled 404 page whose links stay in the site."""
    server, address = serve(published, SUBPATH)
    view = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        failed = []
        view.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "no-such-page" not in r.url else None)
        response = view.goto(f"{address}{SUBPATH}chapters/no-such-page/")
        assert response.status == 404
        view.wait_for_load_state("networkidle")
        assert not failed, f"the 404 page could not load {failed[:3]}"
        header = view.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header not in ("rgba(0, 0, 0, 0)", "transparent"), "the 404 page has no styles"
        view.locator(".md-header a.md-logo").click()
        view.wait_for_load_state()
        assert urlsplit(view.url).path == SUBPATH
        assert view.locator("h1").first.inner_text().startswith("Import Lab")
    finally:
        view.close()
        server.shutdown()
