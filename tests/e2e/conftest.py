"""Browser journeys in the system Chromium (Playwright) with an axe-core scan of every page.

Each journey runs twice: with JavaScript on and with it off. Pages are scanned at 320 px and
1280 px wide with the WCAG 2.0-2.2 A and AA rules. axe cannot run inside a page whose scripts
are disabled, so a JavaScript-off page is scanned as a snapshot: the exact HTML the browser
received, scripts removed, served to a second, script-enabled tab at the same origin.
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (reading mail, checking rows) are ordinary blocking calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (320, 1280)
SNAPSHOT_PATH = "/__axe-snapshot__/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium is not installed: run `make test` (it installs Debian's chromium).")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(params=["js", "nojs"], ids=["js-on", "js-off"])
def js_enabled(request) -> bool:
    return request.param == "js"


class Auditor:
    """Scans pages with axe and remembers what it scanned, so a journey can list its pages."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.context = browser.new_context(bypass_csp=True)
        self.scanner = self.context.new_page()
        self.scanned: list[str] = []

    def check(self, page, js_enabled: bool) -> None:
        label = page.url
        html = page.content()
        target = page
        if not js_enabled:
            snapshot = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S | re.I)
            self.scanner.route(
                f"**{SNAPSHOT_PATH}",
                lambda route: route.fulfill(body=snapshot, content_type="text/html; charset=utf-8"),
            )
            self.scanner.goto(self.base_url + SNAPSHOT_PATH)
            target = self.scanner
        original = page.viewport_size
        try:
            for width in WIDTHS:
                target.set_viewport_size({"width": width, "height": 900})
                violations = target.evaluate(
                    """async ([source, tags]) => {
                        if (!window.axe) { (0, eval)(source); }
                        const result = await window.axe.run(document, {
                            runOnly: {type: "tag", values: tags},
                            resultTypes: ["violations"],
                        });
                        return result.violations.map(v => ({
                            id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
                        }));
                    }""",
                    [AXE_SOURCE, AXE_TAGS],
                )
                assert not violations, (
                    f"axe found {len(violations)} violation(s) on {label} at {width}px:\n"
                    + json.dumps(violations, indent=2)
                )
        finally:
            if not js_enabled:
                self.scanner.unroute(f"**{SNAPSHOT_PATH}")
            if original:
                page.set_viewport_size(original)
        self.scanned.append(label)

    def close(self):
        self.context.close()


@pytest.fixture
def auditor(browser, live_server):
    auditor = Auditor(browser, live_server.url)
    yield auditor
    auditor.close()


@pytest.fixture
def new_page(browser, js_enabled, live_server):
    """Open a fresh browser session (its own cookies), with JavaScript on or off."""
    contexts = []

    def open_page():
        context = browser.new_context(
            java_script_enabled=js_enabled,
            base_url=live_server.url,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.console_errors = errors
        return page

    yield open_page
    for context in contexts:
        context.close()


def account_menu(page):
    """Open the header's account links (the "Account" dropdown at desktop widths, the "Menu"
    below them) and return the open panel, for steps such as signing out."""
    dropdown = page.locator(".hub-header__dropdown")
    menu = dropdown if dropdown.is_visible() else page.locator(".hub-header__menu")
    if menu.get_attribute("open") is None:
        menu.locator("> summary").click()
    return menu
