"""Metrics (Prometheus text format), health, and logs that never carry secrets or member text."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.delivery import DeliveryReport
from bot.dispatcher import TickReport
from storage import Database
from storage.gauges import read_gauges

_SECRET = re.compile(
    r"(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|[MN][A-Za-z0-9_-]{23,}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,})"
)


class Metrics:
    """Every figure /metrics serves, in a registry of its own."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self.registry = CollectorRegistry()
        self.checkins = self._counter(
            "askcoach_checkins_total",
            "Check-ins handled by the dispatch tick, by outcome.",
            "outcome",
        )
        self.messages = self._counter(
            "askcoach_messages_total",
            "Outgoing messages, by platform and result (sent, rate_limited, retried, failed, "
            "handed_over to the platform's sending process; of those sent again after a worker "
            "stopped mid-send: found already on the platform, or unchecked: posted without a "
            "look-up after waiting for one; deferred: waiting for that look-up).",
            "platform",
            "result",
        )
        self.platform_errors = self._counter(
            "askcoach_platform_errors_total",
            "Errors from the platforms, by platform and kind.",
            "platform",
            "kind",
        )
        self.inbound = self._counter(
            "askcoach_inbound_events_total",
            "Inbound events handled, by platform.",
            "platform",
        )
        self.inbound_failed = self._counter(
            "askcoach_inbound_failed_total",
            "Inbound events whose handling failed after retries (each is logged with its id).",
            "platform",
        )
        self.inbound_seconds = Histogram(
            "askcoach_inbound_handling_seconds",
            "Time to handle one inbound event through the core.",
            ["platform"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
        )
        self.registry.register(_DatabaseGauges(db, clock))

    def _counter(self, name: str, documentation: str, *labels: str) -> Counter:
        """A counter in this registry, by `labels`."""
        return Counter(name, documentation, labels, registry=self.registry)

    def record_tick(self, report: TickReport) -> None:
        d = report.dispatch
        for outcome, count in (("queued", d.queued), ("missed", d.missed), ("silent", d.silent)):
            if count:
                self.checkins.labels(outcome).inc(count)
        self.record_delivery(report.delivery)

    def record_delivery(self, reports: dict[str, DeliveryReport]) -> None:
        """Count what a delivery pass sent (the tick's, or the one right after an event)."""
        for platform, delivery in reports.items():
            for result, count in (
                ("sent", delivery.sent),
                ("rate_limited", delivery.rate_limited),
                ("retried", delivery.retried),
                ("failed", delivery.failed),
                ("handed_over", delivery.handed_over),
                ("deferred", delivery.deferred),
                ("found", delivery.found),
                ("unchecked", delivery.unchecked),
            ):
                if count:
                    self.messages.labels(platform, result).inc(count)
            if delivery.rate_limited:
                self.platform_errors.labels(platform, "rate_limited").inc(delivery.rate_limited)
            if delivery.retried:
                self.platform_errors.labels(platform, "transient").inc(delivery.retried)
            if delivery.failed:
                self.platform_errors.labels(platform, "permanent").inc(delivery.failed)

    def inbound_lost(self, platform: str) -> None:
        self.inbound_failed.labels(platform).inc()

    def observe_inbound(self, platform: str, started: float) -> None:
        self.inbound.labels(platform).inc()
        self.inbound_seconds.labels(platform).observe(time.perf_counter() - started)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _DatabaseGauges(Collector):
    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauges = read_gauges(self._db, self._clock())
        yield GaugeMetricFamily(
            "askcoach_checkins_due", "Check-ins due now and not yet handled.", gauges.checkins_due
        )
        yield GaugeMetricFamily(
            "askcoach_outbox_depth", "Messages waiting in the outbox.", gauges.outbox_depth
        )
        yield GaugeMetricFamily(
            "askcoach_outbox_oldest_age_seconds",
            "Age of the oldest message waiting in the outbox.",
            gauges.outbox_oldest_age_s,
        )
        yield GaugeMetricFamily(
            "askcoach_undeliverable_members",
            "Members whose DMs are closed.",
            gauges.undeliverable_members,
        )


def health(
    db: Database,
    platforms: dict[str, bool],
    last_tick: datetime | None,
    now: datetime,
    tick_seconds: float,
    labels: dict[str, str] | None = None,
) -> tuple[bool, dict[str, Any]]:
    """Healthy when the database answers, every platform is connected and the tick runs;
    `labels` add a detail to a platform's status (`connected (shard 1/4)`)."""
    stalled_after = timedelta(seconds=max(3 * tick_seconds, 60))
    tick_ok = last_tick is not None and now - last_tick <= stalled_after
    database_ok = db.ping()
    body: dict[str, Any] = {
        "database": "ok" if database_ok else "unreachable",
        "platforms": {
            name: ("connected" if ok else "disconnected")
            + (f" ({labels[name]})" if labels and name in labels else "")
            for name, ok in platforms.items()
        },
        "tick": {
            "last": last_tick.isoformat() if last_tick else None,
            "status": "ok" if tick_ok else "stalled",
        },
    }
    ok = database_ok and tick_ok and all(platforms.values())
    body["status"] = "ok" if ok else "unhealthy"
    return ok, body


class RedactSecrets(logging.Filter):
    """Belt and braces: whatever a library logs, tokens are masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SECRET.search(message):
            record.msg = _SECRET.sub("[redacted]", message)
            record.args = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(json_logs: bool, level: str = "INFO") -> None:
    """Plain or JSON logs on stderr; secrets masked in both."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter()
        if json_logs
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # APScheduler logs two INFO lines per tick ("Running job", "executed successfully").
    logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)
