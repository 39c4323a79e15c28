"""Find a document's title and publication date in its text when the file did not say.

Part of ingest; imports core and normalize's dates. A dateline is a full date on a short
line near the top or bottom of the text, or next to words such as 来源 / 发布 / 本报讯 (an
official document's "二〇二五年六月十六日" under its issuers too); a date inside a sentence
of the body is an event date, not the publication date.
"""

from __future__ import annotations

import re

from industry_atlas.core.models import PartialDate
from industry_atlas.core.text import fold_width
from industry_atlas.normalize.dates import CHINESE_NUMERAL_DATE, written_out_date

_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_DATELINE_CONTEXT = re.compile(
    r"来源|发布|时间|日期|本报讯|记者|编辑|电（|电\(|讯|[（(]\s*(?:19|20)"
)
_SHORT_LINE_CHARS = 40
_HEAD_CHARS = 400
_TAIL_CHARS = 300
_TITLE_MAX_CHARS = 80
_WRITTEN_OUT = re.compile(rf"^\s*{CHINESE_NUMERAL_DATE}\s*$")
_ISO_DATE = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})")


def find_title(text: str) -> str:
    """Return the first non-empty line of `text`, without markdown heading marks."""
    for line in text.splitlines():
        title = line.strip().lstrip("#").strip()
        if title:
            return title if len(title) <= _TITLE_MAX_CHARS else title[: _TITLE_MAX_CHARS - 1] + "…"
    return ""


def find_dateline(text: str) -> PartialDate | None:
    """Return the publication date stated in a dateline of `text`, if there is one."""
    for region in (text[:_HEAD_CHARS], text[-_TAIL_CHARS:]):
        for line in fold_width(region).splitlines():
            date = _dateline_date(line)
            if date is not None:
                return date
    return None


def parse_metadata_date(value: str) -> PartialDate | None:
    """Parse a date from file metadata ("2024-03-18", "2024-03-18T09:30:00+08:00")."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    return _checked(*match.groups())


def _dateline_date(line: str) -> PartialDate | None:
    match = _FULL_DATE.search(line)
    if match is None:
        written = _WRITTEN_OUT.match(line)  # a line of its own: the document's date
        return written_out_date(written) if written and written["cd"] else None
    if _FULL_DATE.search(line, match.end()):
        return None  # a period ("合同履行期限：2026年1月1日至2027年6月30日"), not a day
    if len(line.strip()) > _SHORT_LINE_CHARS and not _DATELINE_CONTEXT.search(line):
        return None
    return _checked(*match.groups())


def _checked(year: str, month: str, day: str) -> PartialDate | None:
    try:
        return PartialDate(int(year), int(month), int(day))
    except ValueError:
        return None
