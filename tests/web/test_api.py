"""The REST API over the sample-corpus knowledge base: listings with pagination, documents
with their spans and facts, filters, the analyses (the same JSON as the CLI's --json),
answers (the same JSON as `ask --json`), and one error envelope for everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from industry_atlas.store.sqlite import SqliteStore
from industry_atlas.web import create_app
from tests.web.conftest import client_of, settings_for


def assert_error(response, status: int, *words: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    for word in words:
        assert word in body["error"]
    return body


def test_documents_are_listed_newest_first_page_by_page(
    client: TestClient, sample_db: Path
) -> None:
    with SqliteStore(sample_db) as store:
        stored = store.documents()
    first = client.get("/api/documents", params={"limit": 10}).json()
    second = client.get("/api/documents", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == second["total"] == len(stored)
    assert first["limit"] == 10 and second["offset"] == 10
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert ids == [summary.doc_id for summary in reversed(stored)][:20]
    assert set(first["items"][0]) >= {"id", "title", "source", "published", "char_count", "format"}


def test_a_document_comes_with_its_text_spans_and_grounded_facts(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    document = client.get(f"/api/documents/{doc_id}").json()
    text = document["text"]
    assert document["spans"] and document["facts"]
    for span in document["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    for fact in document["facts"]:
        assert fact["evidence"], fact
        for evidence in fact["evidence"]:
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_an_unknown_document_is_a_404_envelope(client: TestClient) -> None:
    assert_error(client.get("/api/documents/0000000000000000"), 404, "0000000000000000")


def test_entities_filter_by_type_and_name_and_link_to_their_detail(client: TestClient) -> None:
    page = client.get("/api/entities", params={"type": "org", "q": "优必选"}).json()
    assert page["total"] >= 1
    assert all(item["type"] == "org" for item in page["items"])
    entity = page["items"][0]
    assert "优必选" in entity["name"] + "".join(entity["aliases"])
    detail = client.get(f"/api/entities/{entity['id']}").json()
    assert detail["name"] == entity["name"]
    assert detail["facts"]["total"] >= 1 and detail["mention_hits"]["total"] >= 1
    assert detail["located_in"], "优必选 is stated to be in 深圳"
    hit = detail["mention_hits"]["items"][0]
    context = hit["context"]
    assert (
        context["text"][hit["start"] - context["start"] : hit["end"] - context["start"]]
        == hit["text"]
    )


def test_facts_filter_by_type_region_and_entity(client: TestClient) -> None:
    policies = client.get("/api/facts", params={"type": "policy_issued", "region": "深圳"}).json()
    assert policies["total"] >= 1
    for fact in policies["items"]:
        assert fact["kind"] == "policy_issued"
        assert fact["qualifiers"].get("region_code", "").startswith("4403") or "深圳" in json.dumps(
            fact, ensure_ascii=False
        )
    everything = client.get("/api/facts", params={"limit": 1}).json()["total"]
    assert policies["total"] < everything
    about = client.get("/api/facts", params={"entity": "优必选", "limit": 500}).json()
    assert about["total"] >= 1
    assert all("优必选" in (f["subject"] + (f["object"] or "")) for f in about["items"])


def test_an_unknown_region_is_named_in_the_error(client: TestClient) -> None:
    assert_error(client.get("/api/facts", params={"region": "亚特兰蒂斯"}), 422, "亚特兰蒂斯")


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"limit": 0}, ["limit"]),
        ({"limit": 501}, ["limit", "500"]),
        ({"offset": -1}, ["offset"]),
        ({"limit": "ten"}, ["limit", "integer"]),
        ({"offset": 10**30}, ["offset"]),
    ],
)
def test_bad_paging_is_a_422_naming_the_parameter(client: TestClient, params, words) -> None:
    assert_error(client.get("/api/documents", params=params), 422, *words)


def test_scorecard_summary_links_cells_to_their_evidence(client: TestClient) -> None:
    card = client.get("/api/scorecard").json()
    region = card["regions"][0]
    cells = region["cells"]
    backed = next(c for c in cells.values() if c["fact_count"])
    assert "fact_ids" not in backed
    evidence = client.get(backed["evidence_url"]).json()
    assert evidence["region"] == region["region"]
    assert evidence["total"] == backed["fact_count"] + backed["derived_count"]
    item = evidence["items"][0]
    assert item["statement"] and item["evidence"]
    passage = item["passages"][0]
    marked = [passage["text"][a:b] for a, b in passage["marks"]]
    assert any(span["text"] in marked for span in item["evidence"])


def test_scorecard_in_full_is_the_cli_json(client: TestClient, cli, sample_db: Path) -> None:
    result = cli("scorecard", "--db", str(sample_db), "--json")
    assert client.get("/api/scorecard", params={"detail": "full"}).json() == json.loads(
        result.stdout
    )


def test_scorecard_regions_and_industry_errors_are_clear(client: TestClient) -> None:
    compared = client.get("/api/scorecard", params={"regions": "北京,上海"}).json()
    assert {r["region"] for r in compared["regions"]} == {"北京市", "上海市"}
    assert_error(client.get("/api/scorecard", params={"regions": "火星"}), 422, "火星")
    assert_error(client.get("/api/scorecard", params={"industry": "spaceships"}), 422, "spaceships")
    assert_error(
        client.get("/api/scorecard/evidence", params={"region": "北京市", "indicator": "nope"}), 404
    )


def test_timeline_findings_and_chain_are_the_cli_json_paged(
    client: TestClient, cli, sample_db: Path
) -> None:
    timeline = json.loads(cli("timeline", "--db", str(sample_db), "--json").stdout)
    page = client.get("/api/timeline", params={"limit": 5, "offset": 2}).json()
    assert page["total"] == len(timeline) and page["items"] == timeline[2:7]
    findings = json.loads(cli("findings", "--db", str(sample_db), "--json").stdout)
    assert client.get("/api/findings", params={"limit": 500}).json()["items"] == findings
    chain = client.get("/api/chain", params={"members": 1000}).json()
    expected = json.loads(cli("chain", "--db", str(sample_db), "--json").stdout)
    for node, other in zip(chain["nodes"], expected["nodes"], strict=True):
        assert node["member_count"] == len(other["members"])
    assert_error(client.get("/api/timeline", params={"kind": "party"}), 422, "party")


@pytest.mark.parametrize("question", ["深圳有哪几款人形机器人？", "达闼机器人的营业收入是多少？"])
def test_ask_gives_exactly_the_json_of_ask_json(
    client: TestClient, cli, sample_db: Path, question
) -> None:
    expected = json.loads(cli("ask", question, "--db", str(sample_db), "--json").stdout)
    assert client.get("/api/ask", params={"q": question}).json() == expected


def test_ask_needs_a_question(client: TestClient) -> None:
    assert_error(client.get("/api/ask"), 422, "q")
    assert_error(client.get("/api/ask", params={"q": "问" * 501}), 422, "q")


def test_unknown_paths_and_methods_get_the_envelope(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "/api/nothing-here")
    assert_error(client.delete("/api/documents"), 405)


def test_openapi_lists_every_endpoint_with_clean_operation_ids(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/facts",
        "/api/scorecard",
        "/api/timeline",
        "/api/findings",
        "/api/ask",
    ):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
    operations = {op["operationId"] for item in paths.values() for op in item.values()}
    assert {"list_documents", "get_document", "upload_documents", "ask"} <= operations
    assert not any(path.startswith(("/documents", "/ask")) for path in paths)  # pages are not API


def test_no_cors_and_security_headers_on_every_answer(client: TestClient) -> None:
    response = client.get("/api/documents", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/documents",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    for path in ("/", "/api/documents", "/api/nothing"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_a_loopback_server_refuses_foreign_host_names(client: TestClient) -> None:
    assert_error(
        client.get("/api/documents", headers={"Host": "attacker.example"}), 400, "loopback"
    )
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get("/api/documents", headers={"Host": host}).status_code == 200


def test_an_empty_knowledge_base_serves_every_page(tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path / "empty.sqlite"))
    with client_of(app) as empty:
        for path in (
            "/",
            "/documents",
            "/entities",
            "/timeline",
            "/chain",
            "/findings",
            "/ask?q=谁",
            "/upload",
        ):
            response = empty.get(path, headers={"Accept": "text/html"})
            assert response.status_code == 200, path
        assert "还没有" in empty.get("/", headers={"Accept": "text/html"}).text
        for path in (
            "/api/documents",
            "/api/scorecard",
            "/api/timeline",
            "/api/findings",
            "/api/facts",
        ):
            assert empty.get(path).status_code == 200, path
        assert empty.get("/api/ask", params={"q": "北京有几家企业？"}).json()["found"] is False


def test_pages_show_errors_as_pages(client: TestClient) -> None:
    html = {"Accept": "text/html"}
    bad_region = client.get("/", params={"regions": "火星"}, headers=html)
    assert bad_region.status_code == 422
    assert bad_region.headers["content-type"].startswith("text/html")
    assert "火星" in bad_region.text and "出错了" in bad_region.text
    missing = client.get("/documents/nope", headers=html)
    assert missing.status_code == 404 and "没有这篇文档" in missing.text
