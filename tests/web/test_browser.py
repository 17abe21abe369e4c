"""The page in real headless Chromium (Debian's package) against a live server.

The app runs for real on a free port (werkzeug's server in a thread) over a
temporary SQLite store: once filled with the sample events (exercising the
page's behaviour on hostile text and every grain), once with the repository's
seed articles through the real pipeline.
"""
from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it via skip_or_fail
    expect = None

from tests.conftest import skip_or_fail
from tests.web.sample_events import sample_timeline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
ARTIFACTS = REPO / "test-results" / "web"


# ---- fixtures ----------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serve(app):
    """Run `app` on a free port; returns (base_url, stop)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        thread.join(timeout=10)
        app.extensions["timeline_store"].dispose()

    return f"http://127.0.0.1:{server.server_port}", stop


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    from api import create_app

    folder = tmp_path_factory.mktemp("sample-store")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'page.db'}", "TIMELINE_SEED_DIR": "none"})
    app.extensions["timeline_store"].store_parsed(*sample_timeline())
    base_url, stop = serve(app)
    yield base_url
    stop()


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"the event pipeline is not available yet: {error}")
    from api import create_app

    folder = tmp_path_factory.mktemp("seed-store")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'seeds.db'}", "TIMELINE_SEED_DIR": str(SEEDS)})
    base_url, stop = serve(app)
    yield base_url
    stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    problems = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.problems = problems
    yield tab
    context.close()


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready]:not([aria-busy])")
    return page


def shown_events(page):
    """(id, start, end) of the events on the page, in page order."""
    return page.eval_on_selector_all(
        "li.event", "items => items.map(i => [i.dataset.eventId, i.dataset.start, i.dataset.end])")


def save_screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept after the run for people to look at
    shutil.copy(path, ARTIFACTS / path.name)
    assert path.stat().st_size > 1000
    return path


def api_events(page, base_url, query=""):
    return page.evaluate(
        """async (url) => {
             let events = [], next = url;
             while (next) { const body = await (await fetch(next)).json();
                            events.push(...body.data); next = body.next_url; }
             return events; }""",
        f"{base_url}/api/v1/events?limit=500{'&' + query if query else ''}")


# ---- the page's behaviour over the sample events --------------------------------

def test_sample_events_appear_in_date_order_grouped_by_day(page, sample_server, tmp_path):
    open_page(page, sample_server + "/")
    ids = [event_id for event_id, _, _ in shown_events(page)]
    assert ids == [e["id"] for e in api_events(page, sample_server)]
    assert ids == ["evt_1945", "evt_war", "evt_spring", "evt_night", "evt_formula", "evt_parade"]
    headings = page.locator("h2.day-heading").all_inner_texts()
    assert headings == ["1945", "Thursday 24 Feb 2022", "spring 2023", "Tuesday 2 May 2023",
                        "Wednesday 3 May 2023", "Tuesday 9 May 2023"]
    night = page.locator("li.event[data-event-id=evt_night] .event-date").inner_text()
    assert night == "night of 2\u20133 May 2023"
    assert page.locator("li.event[data-event-id=evt_war] .event-date").inner_text() == "since 24 Feb 2022"
    assert "1 event" not in page.locator("#status").inner_text()
    save_screenshot(page, tmp_path, "sample-timeline")
    assert page.problems == []


def test_a_long_timeline_comes_a_page_at_a_time(page, sample_server):
    open_page(page, sample_server + "/?limit=4")
    assert [i for i, _, _ in shown_events(page)] == ["evt_1945", "evt_war", "evt_spring", "evt_night"]
    assert "; more follow." in page.locator("#status").inner_text()
    page.focus("#more")
    page.keyboard.press("Enter")
    expect(page.locator("li.event")).to_have_count(6)
    assert [i for i, _, _ in shown_events(page)] == [e["id"] for e in api_events(page, sample_server)]
    assert page.locator("#more").is_hidden()
    assert page.locator("#status").inner_text() == "6 events."
    focused = page.evaluate("document.activeElement.closest('li.event').dataset.eventId")
    assert focused == "evt_formula"  # keyboard users continue at the first new event
    page.fill("#from", "2023")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"\?from=2023&limit=4$"))  # the chosen page size stays in the URL
    expect(page.locator("#status")).to_have_text("4 events from 2023; more follow.")  # 5 overlap 2023
    assert page.problems == []


def test_each_source_links_to_its_document(page, sample_server):
    open_page(page, sample_server + "/")
    links = page.locator("li.event[data-event-id=evt_night] a.source")
    assert links.all_inner_texts() == ["doc_a"]
    document = page.evaluate("async (url) => (await fetch(url)).json()", links.first.get_attribute("href"))
    assert document["id"] == "doc_a"


def test_article_text_is_shown_as_text_never_as_html(page, sample_server):
    open_page(page, sample_server + "/")
    headline = page.locator("li.event[data-event-id=evt_parade] .event-toggle")
    assert "<b>show</b>" in headline.inner_text()
    assert page.locator("li.event b").count() == 0
    assert page.problems == []


def test_date_filter_updates_the_url_and_keeps_overlapping_events(page, sample_server):
    open_page(page, sample_server + "/")
    page.fill("#from", "2023-05-09")
    page.fill("#to", "2023-05-09")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"\?from=2023-05-09&to=2023-05-09$"))
    expect(page.locator("#status")).to_contain_text("from 2023-05-09 to 2023-05-09")
    expect(page.locator("li.event[data-event-id=evt_night]")).to_have_count(0)
    assert {i for i, _, _ in shown_events(page)} == {"evt_war", "evt_spring", "evt_parade"}
    assert "export" not in page.url
    ics = page.get_attribute("#export-ics", "href")
    assert "from=2023-05-09" in ics and "format=ics" in ics


def test_a_shared_url_restores_the_filters_and_back_undoes_them(page, sample_server):
    open_page(page, sample_server + "/?q=parade")
    assert page.input_value("#q") == "parade"
    assert [i for i, _, _ in shown_events(page)] == ["evt_parade"]
    assert "q=parade" in page.get_attribute("#export-csv", "href")  # the download is this view
    page.fill("#q", "")
    page.click("button[type=submit]")
    expect(page.locator("li.event")).to_have_count(6)
    page.go_back()
    expect(page.locator("li.event")).to_have_count(1)
    assert page.input_value("#q") == "parade"


def test_a_bad_date_shows_the_api_problem_and_marks_the_field(page, sample_server):
    open_page(page, sample_server + "/?from=2023-06-01&to=2023-05-01")
    assert "after" in page.locator("#status").inner_text()
    assert page.get_attribute("#from", "aria-invalid") == "true"


def test_opening_an_event_by_keyboard_shows_mentions_with_the_time_highlighted(page, sample_server, tmp_path):
    open_page(page, sample_server + "/")
    toggle = page.locator("li.event[data-event-id=evt_night] .event-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    panel = page.locator("li.event[data-event-id=evt_night] .mentions")
    panel.locator("mark").first.wait_for()
    assert toggle.get_attribute("aria-expanded") == "true"
    # two mentions in one sentence: the sentence once, both triggers bold, the time marked once
    assert panel.locator("h4").inner_text() == "2 mentions in 1 sentence"
    assert panel.locator("mark").all_inner_texts() == ["Last night"]
    assert panel.locator("strong").all_inner_texts() == ["tried to hit", "said"]
    assert panel.locator("blockquote").inner_text().startswith("Last night two drones")
    assert panel.locator(".mention-meta").inner_text() == "doc_a · night of 2\u20133 May 2023 · \u201cLast night\u201d"
    save_screenshot(page, tmp_path, "sample-mentions")
    assert page.problems == []  # nothing blocked by the strict CSP either
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false" and panel.is_hidden()


def test_tab_order_reaches_the_filters_then_the_events(page, sample_server):
    open_page(page, sample_server + "/")
    focused = []
    for _ in range(14):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
    assert focused.index("from") < focused.index("to") < focused.index("q")
    assert "event-toggle" in focused


def test_page_fits_a_phone_screen(browser, sample_server, tmp_path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        open_page(phone, sample_server + "/")
        # a mobile viewport widens to fit overflowing content, so compare with the device width
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        assert phone.evaluate("window.innerWidth") == 360
        save_screenshot(phone, tmp_path, "sample-phone")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_have_at_least_4_5_to_1_contrast(browser, sample_server, scheme):
    context = browser.new_context(viewport={"width": 1000, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_page(page, sample_server + "/")
        page.locator("li.event[data-event-id=evt_night] .event-toggle").click()
        page.locator("li.event[data-event-id=evt_night] mark").wait_for()
        worst = page.evaluate(CONTRAST_SCRIPT)
        assert worst["ratio"] >= 4.5, worst
    finally:
        context.close()


# The lowest text/background contrast among visible text elements (WCAG formula).
CONTRAST_SCRIPT = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let worst = { ratio: 99 };
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent && el.tagName !== 'BODY') continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst.ratio) worst = { ratio, tag: el.tagName, cls: el.className, text: el.textContent.slice(0, 40) };
  }
  return worst;
}"""


def test_page_formatter_agrees_with_the_export_formatter(page, sample_server):
    from api.exports import display_date
    from tests.web.test_display_date import CASES

    open_page(page, sample_server + "/")
    for start, end, grain, value, expected in CASES:
        shown = page.evaluate(
            "async ([s, e, g, v]) => (await import('/static/dates.js')).displayDate(s, e, g, v)",
            [start, end, grain, value])
        assert shown == display_date(start, end, grain, value) == expected


# ---- the seed articles through the real pipeline ------------------------------

REQUIRED_DAYS = [("2023-05-02", "2023-05-03"), ("2023-05-03", "2023-05-03"), ("2023-05-09", "2023-05-09")]


def test_seed_events_appear_in_date_order(page, seed_server, tmp_path):
    open_page(page, seed_server + "/")
    shown = shown_events(page)
    assert [i for i, _, _ in shown] == [e["id"] for e in api_events(page, seed_server)]
    keys = [(s or "", e or "9999-12-31", i) for i, s, e in shown]
    assert keys == sorted(keys)
    intervals = [(s, e) for _, s, e in shown]
    positions = [intervals.index(day) for day in REQUIRED_DAYS]  # ValueError: a required event is missing
    assert positions == sorted(positions)
    night = page.locator("li.event[data-start='2023-05-02'][data-end='2023-05-03'] .event-date").first
    assert night.inner_text() == "night of 2\u20133 May 2023"
    save_screenshot(page, tmp_path, "seeds-timeline")
    assert page.problems == []


def test_seed_filter_to_victory_day_shows_only_the_parade(page, seed_server, tmp_path):
    open_page(page, seed_server + "/")
    page.fill("#from", "2023-05-09")
    page.fill("#to", "2023-05-09")
    page.press("#to", "Enter")
    page.wait_for_url(re.compile(r"from=2023-05-09&to=2023-05-09"))
    expect(page.locator("#status")).to_contain_text("from 2023-05-09 to 2023-05-09")
    shown = shown_events(page)
    assert {i for i, _, _ in shown} == {e["id"] for e in api_events(page, seed_server, "from=2023-05-09&to=2023-05-09")}
    # Coarse or open intervals that span the day ("spring 2023") may stay; of the
    # events dated to a day, only the parade is left.
    day_precise = [(i, s, e) for i, s, e in shown if s == e]
    assert [(s, e) for _, s, e in day_precise] == [("2023-05-09", "2023-05-09")]
    parade = page.locator(f"li.event[data-event-id='{day_precise[0][0]}']")
    assert "parade" in parade.inner_text().lower()
    save_screenshot(page, tmp_path, "seeds-filtered")


def test_seed_event_mentions_open_with_the_time_expression_marked(page, seed_server, tmp_path):
    open_page(page, seed_server + "/")
    event = page.locator("li.event[data-start='2023-05-02'][data-end='2023-05-03']").first
    event.locator(".event-toggle").click()
    event.locator(".mention").first.wait_for()
    mentions = event.locator(".mention")
    assert mentions.count() >= 1
    marks = [m.lower() for m in event.locator("mark").all_inner_texts()]
    assert "last night" in marks
    save_screenshot(page, tmp_path, "seeds-mentions")
