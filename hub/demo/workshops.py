"""Demo workshop notes (placeholder until built)."""


def seed(stdout=None) -> str:
    return ""
