"""The inbound path's hottest statements, compiled once per dialect and run on the DBAPI cursor.

A cached statement still costs ~40 µs per execution in SQLAlchemy's `Connection.execute`
(execution context, result set-up, events) against ~3 µs for the same SQL on a raw `sqlite3`
cursor, and every inbound message runs four to six of them. The statements stay defined from
the Table objects in `storage/tables.py` and are compiled by SQLAlchemy, once, for the engine's
dialect; the parameters and result values go through the same type conversions SQLAlchemy
applies (`TypeEngine.bind_processor` / `result_processor` for that dialect: UTC datetimes,
JSON, booleans), so the repositories see exactly the values they saw before.

What this skips: SQLAlchemy's `before_cursor_execute`/`after_cursor_execute` events and its
echo logging (count statements at the driver, e.g. `sqlite3.Connection.set_trace_callback`).
Driver errors are wrapped in SQLAlchemy's exception classes as `Connection.execute` does.
The statements run inside the unit of work's transaction (the same DBAPI connection).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Dialect, exc

_Processor = Callable[[Any], Any] | None


class DirectStatement:
    """One statement compiled for one dialect, with its bind and result conversions."""

    __slots__ = (
        "_binds",
        "_dbapi_error",
        "_defaults",
        "_order",
        "_positional",
        "_results",
        "_width",
        "sql",
    )

    def __init__(
        self, statement: Any, dialect: Dialect, column_keys: Sequence[str] | None = None
    ) -> None:
        compiled = statement.compile(
            dialect=dialect, column_keys=list(column_keys) if column_keys is not None else None
        )
        if compiled.escaped_bind_names or compiled.literal_execute_params:
            raise ValueError("direct statements need plain bound parameters")
        if compiled.insert_prefetch or compiled.update_prefetch:
            # Python-side column defaults are computed by SQLAlchemy's execution context.
            raise ValueError("direct statements need every defaulted column given")
        self.sql: str = compiled.string
        self._positional = bool(dialect.positional)
        self._order: tuple[str, ...] = (
            tuple(compiled.positiontup or ()) if self._positional else tuple(compiled.binds)
        )
        # Values fixed in the statement itself (`status == 'pending'`, `.values(status=…)`).
        self._defaults = {
            name: bind.effective_value
            for name, bind in compiled.binds.items()
            if bind.value is not None or not bind.required
        }
        binds = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in compiled.binds.items()
        }
        # (position, conversion) for the parameters that need one.
        self._binds: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (n, p) for n, name in enumerate(self._order) if (p := binds[name]) is not None
        )
        # The selected or RETURNING columns, in order.
        returned = statement.exported_columns
        results = [
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in returned
        ]
        self._width = len(results)
        # (position, conversion) for the result columns that need one.
        self._results: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (n, p) for n, p in enumerate(results) if p is not None
        )
        self._dbapi_error: type[Exception] = dialect.loaded_dbapi.Error

    def _parameters(self, values: Mapping[str, Any]) -> Any:
        if self._defaults:
            values = {**self._defaults, **values}
        try:
            out = [values[name] for name in self._order]
        except KeyError as missing:
            raise exc.ArgumentError(f"no value for bound parameter {missing}") from None
        for n, process in self._binds:
            out[n] = process(out[n])
        return tuple(out) if self._positional else dict(zip(self._order, out, strict=True))

    def execute(self, conn: Connection, values: Mapping[str, Any]) -> Any:
        """Run inside the connection's transaction; returns a cursor (fetchone, fetchall,
        rowcount, close) whose rows still need `row()`.

        When something observes statements on this connection (a `before_cursor_execute` or
        `after_cursor_execute` listener, echo logging), the compiled SQL goes through
        `Connection.exec_driver_sql` so that it sees every statement; otherwise straight to
        the DBAPI cursor."""
        parameters = self._parameters(values)
        if observed(conn):
            return conn.exec_driver_sql(self.sql, parameters)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(self.sql, parameters)
        except self._dbapi_error as error:
            cursor.close()
            raise exc.DBAPIError.instance(
                self.sql, parameters, error, self._dbapi_error, dialect=conn.dialect
            ) from error
        return cursor

    def row(self, raw: Sequence[Any] | None) -> tuple[Any, ...] | None:
        """A fetched row with SQLAlchemy's result conversions applied."""
        if raw is None:
            return None
        if len(raw) != self._width:
            raise exc.InvalidRequestError(f"{len(raw)} columns back, {self._width} expected")
        out = list(raw)
        for n, process in self._results:
            out[n] = process(out[n])
        return tuple(out)

    def first(self, conn: Connection, values: Mapping[str, Any]) -> tuple[Any, ...] | None:
        cursor = self.execute(conn, values)
        try:
            return self.row(cursor.fetchone())
        finally:
            cursor.close()

    def all(self, conn: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        cursor = self.execute(conn, values)
        try:
            return [row for raw in cursor.fetchall() if (row := self.row(raw)) is not None]
        finally:
            cursor.close()

    def rowcount(self, conn: Connection, values: Mapping[str, Any]) -> int:
        cursor = self.execute(conn, values)
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()


def observed(conn: Connection) -> bool:
    """Whether something watches this connection's statements: a `before_cursor_execute` or
    `after_cursor_execute` listener, or echo logging."""
    dispatch = conn.dispatch
    return bool(dispatch.before_cursor_execute or dispatch.after_cursor_execute or conn._echo)


_COMPILED: weakref.WeakKeyDictionary[Dialect, dict[Any, DirectStatement]] = (
    weakref.WeakKeyDictionary()
)


def direct(
    dialect: Dialect,
    key: Any,
    build: Callable[[], Any],
    column_keys: Sequence[str] | None = None,
) -> DirectStatement:
    """The statement `build()` compiled for `dialect`, once per (dialect, key)."""
    statements = _COMPILED.get(dialect)
    if statements is None:
        statements = _COMPILED[dialect] = {}
    found = statements.get(key)
    if found is None:
        found = statements[key] = DirectStatement(build(), dialect, column_keys)
    return found
