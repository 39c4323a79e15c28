"""A knowledge base whose document text is hostile: markup and Rich markup in names."""

from __future__ import annotations

from pathlib import Path

from tests.analyze.builders import Doc, store_of

SCRIPT = '<script>alert("pwned")</script>行动方案'
IMG = '"><img src=x onerror=alert(1)>实验室'
RICH = "[bold red]红色机器人[/bold red]研究院"


def hostile_db(path: Path) -> Path:
    text = f"2023年6月，北京市印发《{SCRIPT}》。{IMG}位于北京。{RICH}位于北京。"
    doc = Doc(text, title="<b>标题</b>")
    doc.policy(SCRIPT, "北京市", "110000", "2023-06")
    for name in (IMG, RICH):
        doc.org(name, kind="research")
        doc.located(name, "北京市", "110000")
    store_of(path, doc).close()
    return path
