"""Docs that could drift are checked: every command has help and a docs entry, every
setting is documented, the README keeps its two commands."""

from __future__ import annotations

import re

import pytest

from industry_atlas.cli import app
from industry_atlas.config import Settings
from tests.conftest import REPO

COMMANDS = [info.name or info.callback.__name__ for info in app.registered_commands]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_ending_with_an_example(cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    assert "Example: industry-atlas " + name in result.stdout


def test_every_command_is_documented() -> None:
    cli_doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `industry-atlas {name}`" in cli_doc, f"{name} is missing from docs/cli.md"


def test_every_setting_is_documented_with_its_help() -> None:
    settings_doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert field.description, f"setting {name} has no help"
        row = f"| `INDUSTRY_ATLAS_{name.upper()}` | `{field.default}` | {field.description} |"
        assert row in settings_doc, f"docs/settings.md lacks: {row}"


def test_readme_has_the_two_fresh_machine_commands_and_ci_runs_the_second() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120
    commands = re.findall(r"^```sh\n(.+?)\n```", readme, flags=re.M)
    demo, tests = commands[0], commands[1]
    assert demo.endswith("industry-atlas demo")
    assert tests.endswith("pytest")
    assert tests in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_version_flag(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert re.match(r"industry-atlas \d+\.\d+\.\d+", result.stdout)


def test_no_command_prints_help(cli) -> None:
    result = cli()
    assert "Usage:" in result.output
