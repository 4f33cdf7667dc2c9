"""Demo content (placeholder until built)."""


def seed(stdout=None) -> str:
    return ""
