from __future__ import annotations

from industry_atlas.ingest import LoadOptions, build_document

ARTICLE = """# 对话CEO：端侧模型的生意

**记者：** 团队有多大？

**张三：** 公司现在有200多人，详见[官网](https://example.com/about)。

1. 扩产：拟投资50亿元
2. 出货：约3200台

- 第一条
- 第二条

| 公司 | 2024A营收（亿元） |
|------|------|
| 三花智控 | 279.5 |

> 引用里的`代码`也是文字。
"""


def test_markdown_markup_is_not_part_of_the_text() -> None:
    document = build_document(ARTICLE.encode(), "interview.md", LoadOptions())
    assert document.title == "对话CEO：端侧模型的生意"
    assert "张三： 公司现在有200多人，详见官网。" in document.text
    for markup in ("**", "](", "|---", "#", "> "):
        assert markup not in document.text
    assert "1. 扩产：拟投资50亿元\n\n2. 出货：约3200台" in document.text
    assert "- 第一条\n\n- 第二条" in document.text
    assert "公司\t2024A营收（亿元）\n三花智控\t279.5" in document.text
    assert "引用里的代码也是文字。" in document.text
    assert document.meta["format"] == "md"
