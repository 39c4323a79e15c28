"""The code-quality gates run with the tests: ruff, mypy on core and the stages, and the
import-linter contracts that keep the stages independent."""

from __future__ import annotations

import shutil
import subprocess
import sys
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
