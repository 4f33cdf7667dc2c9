"""The demo content's prose, kept as YAML data files beside this loader.

Every file here is fictional: invented people, organisations, places and figures, written for the
hub's demo content. A demo module reads its file once with ``load("name")``; lists come back as
lists (YAML has no tuples).
"""

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


@cache
def load(name: str):
    """The parsed contents of ``<name>.yaml`` in this folder."""
    with (HERE / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
