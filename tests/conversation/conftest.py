"""The chat most transcripts here start from: Ana, set up with the 09:00 check-ins, who has just
been asked the morning question on Monday 2 March 2026 (America/Chicago). A module whose
transcripts start elsewhere says so with its own `chat`."""

from __future__ import annotations

import pytest

from storage import Database
from tests.support.chat import Chat, at_the_morning_question


@pytest.fixture
def chat(sqlite_db: Database) -> Chat:
    """Ana at the morning question ("What's your specific ask today …?"), 09:00 on Monday."""
    return at_the_morning_question(sqlite_db)
