"""The dashboard's session cookie: which community and organizer, signed with itsdangerous.

The cookie names one community and one organizer and carries its own signed timestamp; it is
HTTP-only, SameSite=Strict, scoped to /dashboard, and Secure when the public address is
https. A cookie that fails the signature or is older than the session lifetime is nothing.
Each request also asks the core whether the member is still an organizer of that community.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from aiohttp import web
from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.dashboard.sign_in import SESSION_LIFETIME

COOKIE = "askcoach_dashboard"
COOKIE_PATH = "/dashboard"
_SALT = "askcoach-dashboard-session"

log = logging.getLogger("askcoach.web")


@dataclass(frozen=True)
class Session:
    community_id: int
    member_id: int


class SessionCookies:
    """Signs and reads session cookies with one key. Without a configured key a random one is
    made: sessions then end when the process does and are not shared with other processes."""

    def __init__(self, key: str | None, *, secure: bool) -> None:
        if not key:
            log.warning(
                "ASKCOACH_SESSION_KEY is not set: dashboard sign-ins last until this process "
                "stops and work only on this process"
            )
        self._signer = URLSafeTimedSerializer(key or secrets.token_urlsafe(32), salt=_SALT)
        self.secure = secure
        self.max_age = int(SESSION_LIFETIME.total_seconds())

    def value(self, session: Session) -> str:
        return self._signer.dumps([session.community_id, session.member_id])

    def read(self, value: str | None) -> Session | None:
        """The session a cookie names, or None (missing, forged, altered or too old)."""
        if not value or len(value) > 512:
            return None
        try:
            data = self._signer.loads(value, max_age=self.max_age)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, list) or len(data) != 2 or not all(type(n) is int for n in data):
            return None
        return Session(community_id=data[0], member_id=data[1])

    def set(self, response: web.StreamResponse, session: Session) -> None:
        """Put `session` on `response` as a signed, HTTP-only, same-site cookie."""
        response.set_cookie(
            COOKIE,
            self.value(session),
            path=COOKIE_PATH,
            httponly=True,
            samesite="Strict",
            secure=self.secure,
            max_age=self.max_age,
        )
