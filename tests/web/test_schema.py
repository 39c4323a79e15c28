"""Property-based requests generated from /openapi.json (schemathesis): whatever the
parameters, the server never answers with a 5xx. Bounded to stay fast."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from industry_atlas.web import create_app
from tests.web.conftest import LiveServer, settings_for

EXAMPLES = 25  # per operation: ~12 operations, a few hundred requests in all


@pytest.fixture(scope="module")
def server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real server over its own copy of the knowledge base: generated uploads land there."""
    copy = tmp_path_factory.mktemp("schema") / "atlas.sqlite"
    shutil.copy(sample_db, copy)
    with LiveServer(create_app(settings_for(copy, max_file_mb=0.05))) as live:
        yield live


def test_no_request_makes_the_server_fail(server: LiveServer) -> None:
    # schemathesis's own pytest plugin does not run under pytest 9, so hypothesis drives
    # the strategies schemathesis builds for each operation of the schema
    api = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def never_fails(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        never_fails()
