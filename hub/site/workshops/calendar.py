"""Workshops as iCalendar files (RFC 5545): one workshop, or the upcoming ones of the index."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from hub.base.text import one_line
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from hub.site.workshops.selectors import MAX_UPCOMING, published_workshops

LONDON = ZoneInfo("Europe/London")
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def _event(workshop: WorkshopPage, base_url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"workshop-{workshop.pk}@{base_url.split('://')[-1].rstrip('/')}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if workshop.start_time:
        start = datetime.datetime.combine(workshop.date, workshop.start_time, tzinfo=LONDON)
        end = (
            datetime.datetime.combine(workshop.date, workshop.end_time, tzinfo=LONDON)
            if workshop.end_time
            else start + DEFAULT_LENGTH
        )
    else:  # an all-day event: floating dates, the end exclusive
        start, end = workshop.date, workshop.date + datetime.timedelta(days=1)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", one_line(workshop.title))
    location = one_line(", ".join(filter(None, [workshop.venue, str(workshop.area)])))
    if location:
        event.add("location", location)
    url = base_url.rstrip("/") + (workshop.get_url() or "")
    event.add("description", f"{workshop.summary}\n\n{url}")
    event.add("url", url)
    return event


def calendar(workshops, *, base_url: str, name: str) -> bytes:
    """An iCalendar file of the workshops, with the Europe/London time zone where it is used."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Good Practice Hub//What Works workshops//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", one_line(name))
    for workshop in workshops:
        cal.add_component(_event(workshop, base_url))
    cal.add_missing_timezones()
    return cal.to_ical()


def upcoming_for_calendar(index: WorkshopIndexPage):
    return (
        published_workshops()
        .child_of(index)
        .filter(date__gte=timezone.localdate())
        .select_related("area")
        .order_by("date", "start_time", "pk")[:MAX_UPCOMING]
    )
