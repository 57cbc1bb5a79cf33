"""Who is talking: users.info for a member's timezone and admin flag, cached for a while."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.messages import Sender
from bot.text import normalise_text

log = logging.getLogger("askcoach.slack")

PLATFORM = "slack"


@dataclass(frozen=True)
class Person:
    name: str
    timezone: str | None
    is_admin: bool


def person_of(user: dict[str, Any], user_id: str) -> Person:
    """What the coach needs from a Slack user object (users.info / users.list)."""
    profile = user.get("profile") or {}
    name = (
        profile.get("display_name")
        or profile.get("real_name")
        or user.get("real_name")
        or user.get("name")
        or user_id
    )
    return Person(
        name=str(name)[:80],
        timezone=str(user["tz"]) if user.get("tz") else None,
        is_admin=bool(user.get("is_admin") or user.get("is_owner")),
    )


def sender_of(team_id: str, user_id: str, person: Person) -> Sender:
    return Sender(
        platform=PLATFORM,
        community_id=team_id,
        user_id=user_id,
        name=normalise_text(person.name),
        timezone=person.timezone,
        is_admin=person.is_admin,
    )


class PeopleDirectory:
    """Caches users.info per (workspace, user) for `ttl` seconds."""

    def __init__(self, ttl: float = 900.0) -> None:
        self._ttl = ttl
        self._cache: dict[tuple[str, str], tuple[float, Person]] = {}

    async def sender(self, client: AsyncWebClient, team_id: str, user_id: str) -> Sender:
        person = await self._person(client, team_id, user_id)
        return sender_of(team_id, user_id, person)

    def remember(self, team_id: str, user_id: str, person: Person) -> None:
        """Prime the cache from a user object read elsewhere (users.list during enrolment)."""
        self._cache[(team_id, user_id)] = (time.monotonic() + self._ttl, person)

    async def _person(self, client: AsyncWebClient, team_id: str, user_id: str) -> Person:
        key = (team_id, user_id)
        cached = self._cache.get(key)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        try:
            response = await client.users_info(user=user_id)
        except Exception as error:  # users.info is a nicety: never lose the message over it
            code = error.response.get("error") if isinstance(error, SlackApiError) else error
            log.warning("users.info failed for a member: %s", code)
            if cached:  # keep what we knew (an admin is not demoted by a network error)
                return cached[1]
            return Person(name=user_id, timezone=None, is_admin=False)
        person = person_of(response.get("user") or {}, user_id)
        self._cache[key] = (time.monotonic() + self._ttl, person)
        return person
