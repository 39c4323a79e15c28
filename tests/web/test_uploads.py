"""Uploads go through the ingest pipeline of the CLI: the same outcomes and error
messages, the size limit, file names that cannot leave the data folder, and who may
upload (loopback, token, other sites' pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from industry_atlas.web.uploads import safe_name

SEED_LIKE = "2024年1月16日，深圳市工业和信息化局印发《深圳市人形机器人产业发展行动计划》。优必选总部位于深圳。"


def upload(client, *files: tuple[str, bytes], headers: dict[str, str] | None = None, **form: str):
    return client.post(
        "/api/documents",
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        data=form,
        headers=headers or {},
    )


def test_an_upload_is_stored_and_appears_in_the_listing(make_client) -> None:
    client = make_client()
    before = client.get("/api/documents").json()["total"]
    reply = upload(client, ("新闻.txt", SEED_LIKE.encode()), date="2024-01-16", source="测试报")
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["ok"] and body["stored"] == 1
    outcome = body["outcomes"][0]
    assert outcome["status"] == "stored" and outcome["facts"] >= 1
    listing = client.get("/api/documents").json()
    assert listing["total"] == before + 1
    newest = listing["items"][0]
    assert newest["id"] == outcome["doc_id"]
    assert newest["source"] == "测试报" and newest["published"] == "2024-01-16"
    again = upload(client, ("copy.txt", SEED_LIKE.encode())).json()
    assert again["outcomes"][0]["status"] == "unchanged"


def test_bad_files_get_the_cli_errors_one_per_file(make_client, cli, tmp_path: Path) -> None:
    client = make_client()
    bad = {"empty.txt": b"   \n", "image.txt": b"\x89PNG\r\n\x1a\n0000", "broken.pdf": b"not a pdf"}
    reply = upload(client, *bad.items(), ("good.txt", SEED_LIKE.encode()))
    assert reply.status_code == 200
    outcomes = {o["file"]: o for o in reply.json()["outcomes"]}
    assert outcomes["good.txt"]["status"] == "stored"
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        result = cli("ingest", str(tmp_path / name), "--db", str(tmp_path / "cli.sqlite"), "--json")
        expected = json.loads(result.stdout)[0]["reason"]
        assert outcomes[name]["status"] == "failed"
        assert outcomes[name]["reason"] == expected.replace(str(tmp_path / name), name)


def test_when_every_file_fails_the_upload_is_a_422_envelope(make_client) -> None:
    reply = upload(make_client(), ("empty.txt", b""))
    assert reply.status_code == 422
    body = reply.json()
    assert body["ok"] is False and "empty.txt" in body["error"] and "no text" in body["error"]


def test_an_upload_over_the_size_limit_is_refused(make_client) -> None:
    client = make_client(max_file_mb=0.001)  # 1,000 bytes
    big = ("big.txt", ("人形机器人" * 400).encode())
    body = upload(client, big, ("small.txt", SEED_LIKE.encode())).json()
    big_outcome = body["outcomes"][0]
    assert big_outcome["status"] == "failed" and "limit" in big_outcome["reason"]
    assert body["outcomes"][1]["status"] == "stored"
    huge = upload(client, ("huge.txt", b"x" * 3_000_000))
    assert huge.status_code == 413 and huge.json()["ok"] is False


@pytest.mark.parametrize(
    "name",
    [
        "../../escape.txt",
        "..\\..\\escape.txt",
        "/etc/escape.txt",
        "C:\\Windows\\escape.txt",
        "....//escape.txt",
        ".hidden.txt",
        "a\x00b.txt",
        "..",
        "*",
    ],
)
def test_uploads_stay_inside_the_data_folder(make_client, writable_db: Path, name: str) -> None:
    reply = upload(make_client(), (name, SEED_LIKE.encode()))
    assert reply.status_code == 200, reply.text
    folder = writable_db.parent / "uploads"
    outside = [
        p for p in writable_db.parent.parent.rglob("*") if p.is_file() and folder not in p.parents
    ]
    assert sorted(p.name for p in outside) == sorted(
        p.name for p in writable_db.parent.iterdir() if p.is_file()
    ), "an upload was written outside the upload folder"
    kept = list(folder.iterdir())
    assert len(kept) == 1 and kept[0].parent == folder
    assert not kept[0].name.split("-", 1)[1].startswith(".")
    assert not Path("/etc/escape.txt").exists()


def test_public_server_without_token_refuses_uploads_but_serves_reads(make_client) -> None:
    client = make_client(is_public=True)
    reply = upload(client, ("a.txt", SEED_LIKE.encode()), headers={"Host": "atlas.example.org"})
    assert reply.status_code == 403 and "INDUSTRY_ATLAS_TOKEN" in reply.json()["error"]
    assert client.get("/api/documents", headers={"Host": "atlas.example.org"}).status_code == 200


def test_with_a_token_uploads_need_it(make_client) -> None:
    client = make_client(is_public=True, token="s3cret-token")
    doc = ("a.txt", SEED_LIKE.encode())
    assert upload(client, doc).status_code == 401
    assert upload(client, doc, headers={"Authorization": "Bearer wrong"}).status_code == 401
    reply = upload(client, doc, headers={"Authorization": "Bearer s3cret-token"})
    assert reply.status_code == 200 and reply.json()["stored"] == 1


def test_an_empty_token_is_no_token(make_client) -> None:
    client = make_client(is_public=True, token="  ")
    reply = upload(client, ("a.txt", SEED_LIKE.encode()), headers={"Authorization": "Bearer "})
    assert reply.status_code == 403


def test_uploads_from_another_sites_page_are_refused(make_client) -> None:
    client = make_client()
    doc = ("a.txt", SEED_LIKE.encode())
    evil = upload(client, doc, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403 and "another site" in evil.json()["error"]
    assert upload(client, doc, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    same = upload(
        client, doc, headers={"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    )
    assert same.status_code == 200


def test_a_bad_date_is_named(make_client) -> None:
    reply = upload(make_client(), ("a.txt", SEED_LIKE.encode()), date="yesterday")
    assert reply.status_code == 422 and "date" in reply.json()["error"]


def test_an_upload_refreshes_the_cached_scorecard(make_client) -> None:
    client = make_client()
    before = client.get("/api/scorecard").json()
    text = "2024年3月，杭州市经济和信息化局印发《杭州市人形机器人产业发展行动方案》。杭州市人形机器人产业产值达到80亿元。"
    assert upload(client, ("hz.txt", text.encode()), date="2024-03").json()["stored"] == 1
    after = client.get("/api/scorecard").json()
    assert after != before
    assert "杭州市" in {r["region"] for r in after["regions"]}


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("..", "upload"),
        ("", "upload"),
        ("a<b>:c.txt", "a_b__c.txt"),
        ("研报 2024.pdf", "研报 2024.pdf"),
    ],
)
def test_file_names_are_made_safe(given: str, safe: str) -> None:
    assert safe_name(given) == safe


def test_long_file_names_keep_their_suffix() -> None:
    name = safe_name("长" * 300 + ".docx")
    assert len(name) == 120 and name.endswith(".docx")
