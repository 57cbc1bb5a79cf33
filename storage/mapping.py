"""One mapping between table rows and the core's dataclasses, used by every repository.

A field is stored in the column of the same name; fields without a column (a member's
`memory`, a message's `meta`) are left to the repository. How a value is stored follows the
field's type: an enum by its value, a time of day as "HH:MM", a set of weekdays as "0,1,4", a
flag as a bool (SQLite hands back 0 and 1); anything else as it is. `None` stays `None`.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping
from datetime import time
from enum import Enum
from typing import Any, Generic, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from sqlalchemy import Table

from bot.domain import Ask, CheckIn, Community, Give, IntroRequest, KnownCompany, Member, Target
from bot.messages import Choice, OutboundMessage
from storage import tables as t

_Record = TypeVar("_Record")
Convert = Callable[[Any], Any]


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def time_of(value: str) -> time:
    hour, minute = value.split(":")
    return time(int(hour), int(minute))


def _days(value: str) -> frozenset[int]:
    return frozenset(int(d) for d in value.split(",") if d)


def _days_text(days: frozenset[int]) -> str:
    return ",".join(str(d) for d in sorted(days))


def _enum_value(member: Enum) -> Any:
    return member.value


def _optional(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


def _converters(hint: Any) -> tuple[Convert | None, Convert | None]:
    """(from the column, to the column) for a field of this type; None: as it is."""
    args = get_args(hint)
    if get_origin(hint) in (Union, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        load, store = _converters(inner)
        return (
            _optional(load) if load else None,
            _optional(store) if store else None,
        )
    if hint is time:
        return time_of, hhmm
    if hint is bool:
        return bool, None
    if get_origin(hint) is frozenset and args == (int,):
        return _days, _days_text
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint, _enum_value
    return None, None


class RowMap(Generic[_Record]):
    """How one dataclass is stored in one table.

    `limits`: the longest text a column takes (longer values are cut, not refused; empty
    text of an optional field is stored as None);
    `store`: how a field is written when its type does not say (e.g. `str` for a state that may
    be a StrEnum), `load`: how it is read back."""

    def __init__(
        self,
        record: type[_Record],
        table: Table,
        *,
        limits: Mapping[str, int] | None = None,
        load: Mapping[str, Convert] | None = None,
        store: Mapping[str, Convert] | None = None,
    ) -> None:
        self.record = record
        hints = get_type_hints(record)
        columns = set(table.c.keys())
        self._load: list[tuple[str, Convert | None]] = []
        self._store: list[tuple[str, Convert | None]] = []
        for field in dataclasses.fields(cast(Any, record)):
            if field.name not in columns:
                continue
            load_field, store_field = _converters(hints[field.name])
            load_field = (load or {}).get(field.name, load_field)
            store_field = (store or {}).get(field.name, store_field)
            if limits and field.name in limits:
                optional = type(None) in get_args(hints[field.name])
                store_field = _cut(limits[field.name], optional, store_field)
            self._load.append((field.name, load_field))
            if field.name != "id":
                self._store.append((field.name, store_field))

    def from_row(self, row: Mapping[Any, Any], **extra: Any) -> _Record:
        """The record a row holds; `extra`: fields the row does not hold."""
        values = {name: load(row[name]) if load else row[name] for name, load in self._load}
        return self.record(**values, **extra)

    def values(self, record: _Record) -> dict[str, Any]:
        """The row for a record, without its id."""
        return {
            name: store(value) if store else value
            for name, store in self._store
            for value in (getattr(record, name),)
        }


def _cut(limit: int, optional: bool, then: Convert | None) -> Convert:
    """Cut text to `limit` characters; empty text of an optional field is stored as None."""

    def cut(value: Any) -> Any:
        if value:
            value = value[:limit]
        elif optional:
            return None
        return then(value) if then else value

    return cut


COMMUNITIES = RowMap(Community, t.communities)
MEMORY_KEY = "_memory"  # a member's memory is stored inside the state_data document


class _MemberMap(RowMap[Member]):
    """A member's `memory` is kept inside the `state_data` document."""

    def from_row(self, row: Mapping[Any, Any], **extra: Any) -> Member:
        member = super().from_row(row, **extra)
        member.state_data = dict(member.state_data or {})
        member.memory = member.state_data.pop(MEMORY_KEY, None) or {}
        return member

    def values(self, record: Member) -> dict[str, Any]:
        values = super().values(record)
        if record.memory:
            values["state_data"] = record.state_data | {MEMORY_KEY: record.memory}
        return values


MEMBERS = _MemberMap(Member, t.members, store={"state": str})
ASKS = RowMap(Ask, t.asks, limits={"who": 200, "company": 200, "role": 200, "deadline": 64})
GIVES = RowMap(Give, t.gives)
TARGETS = RowMap(Target, t.targets)
KNOWN_COMPANIES = RowMap(KnownCompany, t.known_companies)
INTROS = RowMap(IntroRequest, t.intro_requests, limits={"company": 120})
CHECKINS = RowMap(CheckIn, t.checkins)
OUTBOX = RowMap(
    OutboundMessage,
    t.outbox,
    limits={"key": 160},
    load={"choices": lambda rows: tuple(Choice(label, value) for label, value in rows)},
    store={"choices": lambda choices: [[c.label, c.value] for c in choices]},
)
