"""Shared fixtures: real SQLite and PostgreSQL databases, a fake chat with a fake clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.support.databases import migrated, migrated_sqlite, postgres_schema, postgres_url
from emulators.slack import SlackEmulator
from storage import Database


def _require_postgres() -> str:
    url = postgres_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail("ASKCOACH_TEST_POSTGRES_URL is not set under CI")
        pytest.skip("ASKCOACH_TEST_POSTGRES_URL not set")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL (the repository contract)."""
    if request.param == "sqlite":
        with migrated_sqlite(tmp_path) as db:
            yield db
    else:
        with postgres_schema(_require_postgres()) as url, migrated(url) as db:
            yield db


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    with migrated_sqlite(tmp_path) as db:
        yield db


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema (not migrated)."""
    with postgres_schema(_require_postgres()) as url:
        yield url


@pytest.fixture
def slack_emulator() -> Iterator[SlackEmulator]:
    """A started ``SlackEmulator`` with the default workspace, stopped after the test."""
    with SlackEmulator() as emulator:
        yield emulator
