"""The layer contract (pyproject.toml, [tool.importlinter]) has teeth and covers every module.

`lint-imports` runs in CI; these tests make sure it would notice what it exists to catch: a
wrong import anywhere, even inside a function, and a new module of an app that no contract
protects.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cases", "forum", "toolkits")
INTERFACES = {"selectors", "services"}  # what an app offers the others and the site
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _contracts() -> list[dict]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["tool"]["importlinter"]["contracts"]


def _modules(package: Path, prefix: str) -> set[str]:
    """Every module and package below `package`, dotted, skipping migrations."""
    found = set()
    for path in package.iterdir():
        if path.name in {"migrations", "__pycache__"} or path.name.startswith("."):
            continue
        if path.is_dir() and (path / "__init__.py").exists():
            found.add(f"{prefix}.{path.name}")
            found |= _modules(path, f"{prefix}.{path.name}")
        elif path.suffix == ".py" and path.name != "__init__.py":
            found.add(f"{prefix}.{path.stem}")
    return found


@pytest.mark.parametrize("app", APPS)
def test_every_module_of_an_app_is_protected_or_an_interface(app):
    protected = set()
    for contract in _contracts():
        if contract["type"] == "protected":
            protected.update(contract["protected_modules"])

    def covered(module: str) -> bool:
        parts = module.split(".")
        if INTERFACES & set(parts[1:]):
            return True
        return any(".".join(parts[:i]) in protected for i in range(2, len(parts) + 1))

    # A sub-package (cases.casestudies) is covered through its modules, not as a whole.
    modules = {m for m in _modules(ROOT / app, app) if not (ROOT / m.replace(".", "/")).is_dir()}
    uncovered = sorted(m for m in modules if not covered(m))
    assert not uncovered, (
        f"Add these to the '{app}' protected contract in pyproject.toml, or make them an "
        f"interface (selectors, services): {uncovered}"
    )


def _lint(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess:
    """lint-imports on a copy of the tree with `line` added to `module`'s end."""
    for name in ("hub", "cases", "forum", "toolkits"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("static"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / (module.replace(".", "/") + ".py")
    target.write_text(target.read_text() + line)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "module, line, broken",
    [
        # the base reaching up to an app, inside a function
        ("hub.base.roles", "\n\ndef _f():\n    from cases import caching\n", "Base, apps"),
        # an app reaching up to the site
        ("forum.permissions", "\nimport hub.site.showcase.services\n", "Base, apps"),
        # an app reaching into another app's models
        ("toolkits.selectors", "\nfrom forum.models import Post\n", "forum: other apps"),
        # an app writing another app's rows
        ("forum.selectors", "\nfrom cases.casestudies import services\n", "Apps write only"),
        # the site's own pages reaching into an app's internals
        ("hub.site.profiles", "\nfrom cases.casestudies import models\n", "cases: other apps"),
    ],
)
def test_a_wrong_import_breaks_the_contract(tmp_path, module, line, broken):
    result = _lint(tmp_path, module, line)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
    broken_section = result.stdout.split("Broken contracts", 1)[1]
    assert broken in broken_section


def test_the_tree_as_it_is_keeps_every_contract():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout
