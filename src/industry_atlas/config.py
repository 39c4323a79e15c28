"""User settings from the environment (INDUSTRY_ATLAS_*), created on first use, never at import.

Every setting has a default and a help string; `docs/settings.md` is checked against them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Industry Atlas settings; each can be set as an INDUSTRY_ATLAS_<NAME> variable."""

    model_config = SettingsConfigDict(env_prefix="INDUSTRY_ATLAS_", extra="ignore")

    db: Path = Field(
        Path("atlas.sqlite"), description="Knowledge-base SQLite file used when --db is not given."
    )
    max_file_mb: float = Field(
        50.0, gt=0, description="Inputs larger than this many megabytes are rejected by ingest."
    )
    near_duplicate_threshold: float = Field(
        0.9,
        gt=0,
        le=1,
        description="Shingle (Jaccard) similarity from which a document counts as a copy of an earlier one.",
    )
    token: SecretStr | None = Field(
        None,
        description="Bearer token the web server requires for uploads; needed to allow them on a non-loopback host.",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, read from the environment once."""
    return Settings()
