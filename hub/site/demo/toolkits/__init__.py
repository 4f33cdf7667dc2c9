"""Fictional demo content for the toolkits: guidance pages, saved scenarios and standards."""

from . import pages, scenarios, standards


def seed(stdout=None) -> str:
    """Create or refresh the toolkits' demo content; return a one-line summary."""
    return "; ".join(
        part
        for part in (
            pages.seed(stdout=stdout),
            scenarios.seed(stdout=stdout),
            standards.seed(stdout=stdout),
        )
        if part
    )
