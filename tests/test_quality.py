"""The code-quality gates run with the tests: ruff, mypy on core and the stages, and the
import-linter contracts that keep the stages independent."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "src", "tests", "corpus", "bench"],
        ["ruff", "format", "--check", "src", "tests", "corpus", "bench"],
        ["mypy"],
        ["lint-imports"],
    ],
    ids=["ruff", "ruff-format", "mypy", "import-linter"],
)
def test_quality_gate_passes(command: list[str]) -> None:
    executable = BIN / command[0]
    if not executable.exists():
        executable = Path(shutil.which(command[0]) or command[0])
    result = subprocess.run(
        [str(executable), *command[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_data_file_of_the_package_is_installed() -> None:
    """`pip install .` (not editable) ships only what `package-data` names: a data file it
    misses works in the tests and fails on a fresh machine."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["industry_atlas"]
    package = REPO / "src" / "industry_atlas"
    missed = []
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        parts = path.relative_to(package).parts
        if not any(
            len(glob.split("/")) == len(parts)
            and all(
                fnmatch(part, pattern) for part, pattern in zip(parts, glob.split("/"), strict=True)
            )
            for glob in globs
        ):
            missed.append("/".join(parts))
    assert missed == [], f"add to [tool.setuptools.package-data] in pyproject.toml: {missed}"
