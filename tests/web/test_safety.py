"""Hostile input: document text with markup is shown as text everywhere, and SQL injection
strings in every query and path parameter change nothing and break nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import dump
from tests.web.test_uploads import upload

SCRIPT = '<script>alert("pwned")</script>'
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = (
    f"{SCRIPT}人形机器人行动方案\n\n"
    f"2024年3月，深圳市工业和信息化局印发《{SCRIPT}行动方案》。{IMG}实验室位于深圳。"
    f"优必选推出{IMG}机器人。深圳市人形机器人产业产值达到100亿元。\n"
)
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE documents; --",
    '" OR ""="',
    "') UNION SELECT id, text FROM documents --",
    "%",
    "_",
    "\\",
    '"',
    "NEAR(a b)",
    "* OR 1=1",
    "北京' --",
]


@pytest.fixture
def hostile(make_client):
    client = make_client()
    reply = upload(client, ("hostile.txt", HOSTILE.encode()), date="2024-03")
    assert reply.status_code == 200, reply.text
    return client, reply.json()["outcomes"][0]["doc_id"]


def test_the_api_returns_hostile_text_as_data(hostile) -> None:
    client, doc_id = hostile
    document = client.get(f"/api/documents/{doc_id}")
    assert document.headers["content-type"].startswith("application/json")
    assert SCRIPT in document.json()["text"]


def test_every_page_shows_hostile_text_escaped(hostile) -> None:
    client, doc_id = hostile
    pages = [
        "/",
        "/documents",
        f"/documents/{doc_id}",
        "/entities",
        "/timeline",
        "/chain",
        "/findings",
        "/ask?q=" + SCRIPT,
        "/entities?q=" + IMG,
    ]
    entity = client.get("/api/entities", params={"q": "img"}).json()["items"]
    pages += [f"/entities/{item['id']}" for item in entity]
    for page in pages:
        response = client.get(page, headers={"Accept": "text/html"})
        assert response.status_code == 200, page
        body = response.text
        assert "<script>alert" not in body and "<img src=x" not in body, page
    document = client.get(f"/documents/{doc_id}", headers={"Accept": "text/html"}).text
    assert "&lt;script&gt;alert(" in document


@pytest.mark.parametrize("injection", INJECTIONS)
def test_injection_strings_in_every_parameter_change_nothing(
    make_client, writable_db: Path, injection: str
) -> None:
    client = make_client()
    before = dump(writable_db)
    schema = client.get("/openapi.json").json()
    requests = []
    for path, item in schema["paths"].items():
        if "get" not in item:
            continue
        parameters = item["get"].get("parameters", [])
        url = path
        for parameter in parameters:
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", injection.replace("/", ""))
        query = {p["name"]: injection for p in parameters if p["in"] == "query"}
        requests.append((url, query))
        for name in query:  # one at a time too: other parameters stay valid
            requests.append((url, {name: injection}))
    for page in ("/", "/documents", "/entities", "/timeline", "/chain", "/findings", "/ask"):
        for name in ("q", "region", "regions", "type", "kind", "industry", "page", "hl"):
            requests.append((page, {name: injection}))
    for url, query in requests:
        response = client.get(url, params=query)
        assert response.status_code < 500, (url, query, response.text)
        if response.status_code >= 400:
            assert response.json()["ok"] is False, (url, query)
    assert dump(writable_db) == before
