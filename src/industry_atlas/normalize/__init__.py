"""Normalize: raw strings -> typed values (dates, numbers and money, regions).

Imports only core. A layer beneath extract rather than a stage after it: resolving
"同年8月" or "全市" needs the dates and places read so far, so the extractor calls these
parsers as it reads (see docs/architecture.md).
"""
