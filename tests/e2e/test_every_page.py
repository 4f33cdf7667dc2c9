"""Every page of the journeys (tests/e2e/pages.py) at 320 px and 1280 px, with JavaScript on
and off, on the demo content: no sideways scroll (WCAG 1.4.10 Reflow), no chart text drawn under
14 px on screen (measured in the browser: the computed font size times the SVG's scale), and
no axe violations."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from hub.base.models import User
from tests.e2e.conftest import WIDTHS
from tests.e2e.pages import PAGES, PEOPLE, VISITOR

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MEASURE = """() => {
  const small = [];
  for (const text of document.querySelectorAll('svg text')) {
    if (!text.getClientRects().length) continue;  // in a drawing hidden at this width
    const m = text.ownerSVGElement.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (size < 14) small.push(`${text.textContent.trim().slice(0, 30)} (${size.toFixed(1)} px)`);
  }
  const wide = [];
  const limit = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > window.innerWidth) {
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > limit + 1 && box.width && !el.closest('.hub-table-scroll')) {
        wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.right)} px)`);
      }
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    small: small.slice(0, 5), wide: wide.slice(-5),
    charts: document.querySelectorAll('svg text').length,
  };
}"""


def _session_cookie(live_server, email: str) -> dict:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def _resolve(visit, clients: dict) -> str:
    if not visit.follow:
        return visit.path
    html = clients[visit.who].get(visit.path).content.decode()
    for href in re.findall(r'href="([^"]+)"', html):
        href = href.replace("&amp;", "&")
        if re.search(visit.follow, href):
            return href
    raise AssertionError(f"{visit.name}: no link matching {visit.follow} on {visit.path}")


def test_every_page_fits_320px_keeps_chart_text_readable_and_passes_axe(
    browser, live_server, auditor
):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    clients = {VISITOR: Client()}
    for who, email in PEOPLE.items():
        clients[who] = Client()
        clients[who].force_login(User.objects.get(email=email))
    problems, charts_seen = [], 0
    for js in (True, False):
        contexts = {}
        for visit in PAGES:
            if visit.who not in contexts:
                context = browser.new_context(
                    java_script_enabled=js, base_url=live_server.url,
                    viewport={"width": 1280, "height": 900},
                )  # fmt: skip
                context.set_default_timeout(15_000)
                if visit.who != VISITOR:
                    context.add_cookies([_session_cookie(live_server, PEOPLE[visit.who])])
                contexts[visit.who] = context
            page = contexts[visit.who].new_page()
            label = f"{visit.name} (JavaScript {'on' if js else 'off'})"
            try:
                response = page.goto(_resolve(visit, clients))
                assert response.ok, f"{label}: HTTP {response.status}"
                if visit.then:
                    visit.then(page)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    found = page.evaluate(MEASURE)
                    charts_seen += found["charts"]
                    if found["scrollWidth"] > found["innerWidth"]:
                        problems.append(
                            f"{label} at {width}px scrolls sideways to {found['scrollWidth']}px: "
                            f"{found['wide']}"
                        )
                    if found["small"]:
                        problems.append(f"{label} at {width}px: small chart text {found['small']}")
                auditor.check(page, js)
            except (AssertionError, PlaywrightError) as error:
                problems.append(f"{label}: {error}")
            finally:
                page.close()
        for context in contexts.values():
            context.close()
    assert charts_seen, "the sweep should meet charts (model, benchmarks, results over time)"
    assert not problems, "\n\n".join(problems)
