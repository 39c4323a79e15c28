"""Who may write (upload documents): the write policy and the check each write runs.

Part of web. The rules, safest first:
- a write from another site's page is refused (its Origin differs from the Host, or the
  browser marks it cross-site): a page on the internet cannot post into a local server;
- with INDUSTRY_ATLAS_TOKEN set, every write needs `Authorization: Bearer <token>`;
- without a token, writes are open on a loopback server (one user, this machine) and
  closed on a server bound to any other address (403 saying how to open them).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from pydantic import SecretStr

WriteMode = Literal["open", "token", "closed"]


@dataclass(frozen=True, slots=True)
class WritePolicy:
    """Whether writes need a token, and which one.

    Attributes:
        token: the bearer token writes must carry (None: no token configured).
        is_public: the server is bound to an address other machines can reach.
    """

    token: SecretStr | None
    is_public: bool

    @property
    def mode(self) -> WriteMode:
        """ "open" (anyone on this machine), "token" (bearer token) or "closed"."""
        if self.token is not None:
            return "token"
        return "closed" if self.is_public else "open"

    def check(self, request: Request) -> None:
        """Raise the HTTP error refusing `request`, or return when it may write."""
        _refuse_cross_site(request)
        if self.mode == "closed":
            raise HTTPException(
                403,
                "uploads are off: the server is reachable from other machines and no token "
                "is set (Tip: set INDUSTRY_ATLAS_TOKEN and send 'Authorization: Bearer <token>')",
            )
        if self.token is not None and not _has_token(request, self.token):
            raise HTTPException(
                401,
                "uploads need the token: send 'Authorization: Bearer <INDUSTRY_ATLAS_TOKEN>'",
                headers={"WWW-Authenticate": "Bearer"},
            )


def require_write_access(request: Request) -> None:
    """Dependency of every write route: apply the app's write policy."""
    policy: WritePolicy = request.app.state.atlas.write_policy
    policy.check(request)


def _refuse_cross_site(request: Request) -> None:
    fetch_site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    foreign_origin = origin is not None and urlsplit(origin).netloc != request.headers.get("host")
    if foreign_origin or fetch_site not in (None, "same-origin", "none"):
        raise HTTPException(403, "writes from another site's page are refused")


def _has_token(request: Request, token: SecretStr) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = token.get_secret_value().encode()
    # compare_digest: the time taken does not tell how much of the token was right
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)
