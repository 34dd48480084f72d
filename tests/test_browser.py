"""The built site in a real browser: Debian's Chromium driven by Playwright, served on localhost.

`make test` installs Chromium (`make browser`); Playwright's own browser download is not used.
Screenshots go to build/screenshots/ (printed at the end of the run).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import sync_playwright

from budget_portal.metadata.registry import FIELDS

from .conftest import ROOT, Links

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "build" / "screenshots"
PAGES = {
    "home": "index.html",
    "document": "documents/handanshi-316-2023.html",
    "department": "departments/handanshi-316.html",
    "compare": "compare/index.html",
    "code": "codes/208.html",
    "codes": "codes/index.html",
    "data": "data/index.html",
    "dictionary": "data/dictionary.html",
    "quality": "quality/index.html",
    "execution": "execution/index.html",
    "glossary": "glossary/index.html",
    "about": "about.html",
    "documents": "documents/index.html",
    "departments": "departments/index.html",
    "places": "places/index.html",
    "place": "places/130400.html",  # 邯郸市: its districts and counties, their departments
}
READER_PAGES = ["home", "document", "department", "places", "place", "quality", "execution",
                "compare"]  # fmt: skip


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (Debian's chromium package)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str, width: int = 1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return page, errors


def wait_for(page, expression: str, timeout: float = 20) -> None:
    """Poll `expression` until it is true (Playwright's wait_for_function evaluates a string
    with eval, which the site's Content-Security-Policy forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.1)


def draw_every_chart(page) -> int:
    """Point at each chart (as a reader does) and wait until the interactive version has
    replaced it."""
    figures = page.locator("figure.chart")
    for i in range(figures.count()):
        figures.nth(i).scroll_into_view_if_needed()
        figures.nth(i).hover()
    wait_for(
        page,
        "[...document.querySelectorAll('figure.chart')].every(f => f.dataset.state === 'interactive')",
    )
    return figures.count()


@pytest.mark.parametrize("kind", PAGES)
def test_each_kind_of_page_opens_without_errors_and_draws_its_charts(browser, server, kind):
    page, errors = open_page(browser, server + PAGES[kind])
    assert page.locator("h1").count() == 1
    static = page.evaluate(
        "[...document.querySelectorAll('figure.chart img')].map(i => i.getAttribute('src'))"
    )
    charts = draw_every_chart(page)
    assert len(static) == charts
    drawn = page.locator("figure.chart .chart-interactive svg.marks").count()
    assert drawn == charts
    assert page.locator("figure.chart img:visible").count() == 0  # replaced, not doubled
    assert errors == []
    page.close()


def test_opening_a_page_does_not_load_the_chart_runtime(browser, server):
    """The ~300 KB gzip Vega runtime waits for the reader: not loaded until a scroll or a
    pointer reaches a chart."""
    page, errors = open_page(browser, server + PAGES["document"])
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not any("vega-bundle" in url for url in loaded)
    page.locator("figure.chart").first.hover()
    wait_for(page, "document.querySelector('figure.chart').dataset.state === 'interactive'")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert any("vega-bundle" in url for url in loaded)
    assert errors == []
    page.close()


def test_charts_are_visible_as_svg_before_any_script_runs(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGES["document"])
    images = page.locator("figure.chart img")
    assert images.count() == 2
    for i in range(images.count()):
        images.nth(i).scroll_into_view_if_needed()
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    context.close()


def test_charts_redraw_after_instant_navigation(browser, server):
    page, errors = open_page(browser, server + PAGES["documents"])
    page.locator("article a[href$='handanshi-316-2023.html']").first.click()
    page.wait_for_url("**/handanshi-316-2023.html")
    assert draw_every_chart(page) == 2
    assert errors == []
    page.close()


def test_the_content_security_policy_blocks_inline_scripts_but_not_the_site(browser, server):
    """Every page declares the policy; the theme, search and interactive charts work under it
    (the other tests see no console error, where a violation would show), and a script
    injected into the page does not run."""
    page, errors = open_page(browser, server + PAGES["document"])
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'sha256-" in policy and "unsafe" not in policy
    page.evaluate(
        "() => { window.violations = []; document.addEventListener('securitypolicyviolation',"
        " e => window.violations.push(e.violatedDirective)); }"
    )
    assert draw_every_chart(page) == 2
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
        " document.head.appendChild(s); }"
    )
    wait_for(page, "window.violations.length > 0")
    assert page.evaluate("window.injected") is None
    assert page.evaluate("window.violations") == ["script-src-elem"]
    assert [e for e in errors if "Content Security Policy" not in e] == []
    page.close()


def test_search_finds_chinese_terms(browser, server):
    page, errors = open_page(browser, server + PAGES["home"])
    page.locator("input.md-search__input").click()
    page.keyboard.type("一般公共预算")
    page.keyboard.press("End")  # Material searches on key-up; typed CJK text sends none
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30000)
    assert results.count() > 0
    assert "一般公共预算" in page.locator(".md-search-result").inner_text()
    assert errors == []
    page.close()


def test_every_internal_link_and_download_is_served(built_site, server):
    targets: set[str] = set()
    for html in built_site.site.rglob("*.html"):
        page_url = urljoin(server, html.relative_to(built_site.site).as_posix())
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for link in parser.links:
            url = urljoin(page_url, link).split("#")[0]
            if urlparse(url).netloc == urlparse(server).netloc:
                targets.add(url)
    failed = []
    for url in sorted(targets):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as response:
                assert response.status == 200
        except Exception as error:
            failed.append(f"{url}: {error}")
    downloads = {
        urljoin(server, p.relative_to(built_site.site).as_posix())
        for p in (built_site.site / "downloads").rglob("*")
        if p.is_file()
    }
    assert downloads <= targets  # every file of every package is linked from some page
    assert not failed, failed[:10]


@pytest.mark.parametrize("kind", READER_PAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_at_phone_and_desktop_widths(browser, server, kind, width, request):
    page, errors = open_page(browser, server + PAGES[kind], width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    # a table wider than the screen scrolls in its own box, its first column kept in view
    boxes = page.evaluate(
        "[...document.querySelectorAll('.md-typeset .grid')].map(g => "
        "[g.scrollWidth > g.clientWidth, getComputedStyle(g).overflowX, "
        "getComputedStyle(g.querySelector('td, th') || g).position])"
    )
    for wider, overflow, first in boxes:
        assert not wider or (overflow == "auto" and first == "sticky")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{kind}-{width}.png"
    page.screenshot(path=str(path), full_page=False)
    request.config.stash.setdefault(SCREENSHOT_KEY, []).append(path)
    assert errors == []
    page.close()


SCREENSHOT_KEY = pytest.StashKey[list]()


MIN_TEXT = 11  # px: the smallest chart text a phone shows


@pytest.mark.parametrize("kind", ["home", "document", "department", "compare", "code"])
def test_chart_text_is_at_least_11_px_on_a_phone(browser, server, kind):
    """Each chart is drawn at most as wide as the screen allows; scaled to fit, its smallest
    text stays readable."""
    page, errors = open_page(browser, server + PAGES[kind], 390)
    charts = page.evaluate(
        "[...document.querySelectorAll('figure.chart img')].map(i => "
        "[i.src, i.getBoundingClientRect().width / parseFloat(i.getAttribute('width'))])"
    )
    assert charts
    for src, scale in charts:
        with urllib.request.urlopen(src) as response:
            svg = response.read().decode("utf-8")
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg)]
        assert sizes and min(sizes) * scale >= MIN_TEXT, (src, min(sizes), scale)
    assert errors == []
    page.close()


def code_values() -> set[str]:
    """The values of the registry's coded fields (unit, division, fail …) as stored in CSV."""
    return {v for f in FIELDS.values() for v in (f.enum or ()) if re.fullmatch(r"[a-z][a-z_]+", v)}


@pytest.mark.parametrize("kind", READER_PAGES)
def test_reader_pages_show_labels_not_code_values(browser, server, kind):
    page, errors = open_page(browser, server + PAGES[kind])
    cells = page.evaluate(
        "[...document.querySelectorAll('article td, article th, article li')]"
        ".map(c => c.innerText.trim())"
    )
    assert cells
    assert not [c for c in cells if c in code_values()]
    assert "Made with" not in page.locator("footer").inner_text()  # the theme's footer too
    assert errors == []
    page.close()


# An amount with decimals but no thousands separators (371514655.00), and one shown in 万元.
UNSEPARATED = re.compile(r"^-?\d{4,}\.\d+$")
WAN = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2}$")


@pytest.mark.parametrize("kind", ["home", "document", "department", "compare", "execution", "code"])
def test_numbers_are_shown_with_separators_and_two_decimals_in_wan_yuan(browser, server, kind):
    page, errors = open_page(browser, server + PAGES[kind])
    cells = page.evaluate(
        "[...document.querySelectorAll('article td')].map(c => c.innerText.trim())"
    )
    assert not [c for c in cells if UNSEPARATED.match(c)]
    if kind == "document":  # the main numbers, in 万元: two decimals, the exact one on hover
        shown = page.evaluate(
            "[...[...document.querySelectorAll('.grid')].find(g => g.querySelector('th')"
            ".innerText === '指标').querySelectorAll('tbody td:nth-child(2)')]"
            ".map(c => c.innerText.trim())"
        )
        assert shown
        assert all(WAN.match(c) for c in shown if c[:1] != "（"), shown
    assert errors == []
    page.close()
