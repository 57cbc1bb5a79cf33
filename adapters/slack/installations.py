"""Multi-workspace installs: slack_sdk's SQLAlchemy stores on our database, tokens encrypted.

slack_sdk ships synchronous SQLAlchemy stores; bolt's AsyncApp wants async ones. The wrappers
here run the synchronous stores in a worker thread (short transactions, like the core) and
encrypt every token with Fernet before it reaches the database, decrypting on the way out.
The key comes from ASKCOACH_ENCRYPTION_KEY (`Fernet.generate_key()`).
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from cryptography.fernet import Fernet, InvalidToken
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

log = logging.getLogger("askcoach.slack")

ENCRYPTION_KEY_ENV = "ASKCOACH_ENCRYPTION_KEY"
_T = TypeVar("_T")
_INSTALLATION_SECRETS = (
    "bot_token",
    "bot_refresh_token",
    "user_token",
    "user_refresh_token",
    "incoming_webhook_url",
)
_BOT_SECRETS = ("bot_token", "bot_refresh_token")
Secrets = tuple[str, ...]  # the attributes of a stored record that hold tokens


class EncryptionKeyError(ValueError):
    """ASKCOACH_ENCRYPTION_KEY is missing or not a Fernet key."""


class TokenCipher:
    """Fernet encryption for tokens at rest."""

    def __init__(self, key: str | bytes | None) -> None:
        if not key:
            raise EncryptionKeyError(
                f"{ENCRYPTION_KEY_ENV} is required to store Slack tokens (OAuth install). "
                'Generate one with: python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"'
            )
        try:
            self._fernet = Fernet(key)
        except (ValueError, TypeError):
            raise EncryptionKeyError(
                f"{ENCRYPTION_KEY_ENV} is not a valid Fernet key (32 url-safe base64 bytes)"
            ) from None

    def encrypt(self, value: str | None) -> str | None:
        return None if value is None else self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return self._fernet.decrypt(value.encode()).decode()
        except InvalidToken:
            # Never fall back to using stored text as a token: it was not written by us.
            raise EncryptionKeyError(
                f"a stored Slack token cannot be decrypted with {ENCRYPTION_KEY_ENV}"
            ) from None


def _with(obj: _T, names: Secrets, transform: Callable[[Any], Any]) -> _T:
    changed = copy.copy(obj)
    for name in names:
        if hasattr(changed, name):
            setattr(changed, name, transform(getattr(changed, name)))
    return changed


class EncryptedInstallationStore(AsyncInstallationStore):
    """slack_sdk's SQLAlchemy installation store, async and with tokens encrypted at rest."""

    def __init__(self, client_id: str, engine: Engine, cipher: TokenCipher) -> None:
        self._store = SQLAlchemyInstallationStore(client_id=client_id, engine=engine, logger=log)
        self._cipher = cipher

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        await self._save(self._store.save, installation, _INSTALLATION_SECRETS)

    async def async_save_bot(self, bot: Bot) -> None:
        await self._save(self._store.save_bot, bot, _BOT_SECRETS)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await self._find(
            self._store.find_bot,
            _BOT_SECRETS,
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return await self._find(
            self._store.find_installation,
            _INSTALLATION_SECRETS,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(
            self._store.delete_bot, enterprise_id=enterprise_id, team_id=team_id
        )

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await asyncio.to_thread(
            self._store.delete_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
        )

    async def _save(self, save: Callable[[_T], None], record: _T, secrets: Secrets) -> None:
        """Store `record` from the worker thread, its tokens encrypted."""
        await asyncio.to_thread(save, _with(record, secrets, self._cipher.encrypt))

    async def _find(
        self, find: Callable[..., _T | None], secrets: Secrets, **where: Any
    ) -> _T | None:
        """Look a record up from the worker thread; its tokens decrypted."""
        found = await asyncio.to_thread(find, **where)
        return None if found is None else _with(found, secrets, self._cipher.decrypt)


class DatabaseStateStore(AsyncOAuthStateStore):
    """slack_sdk's SQLAlchemy OAuth state store (CSRF `state`), async."""

    def __init__(self, engine: Engine, expiration_seconds: int = 600) -> None:
        self._store = SQLAlchemyOAuthStateStore(
            expiration_seconds=expiration_seconds, engine=engine, logger=log
        )

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return await asyncio.to_thread(self._store.issue)

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self._store.consume, state)
