"""Who a message is from, kept private: the one-way key the opt-out list stores."""

from __future__ import annotations

import hashlib


def user_key(user_id: str) -> str:
    """A one-way key for a platform user id (the opt-out list stores nothing else)."""
    return hashlib.sha256(user_id.encode()).hexdigest()
