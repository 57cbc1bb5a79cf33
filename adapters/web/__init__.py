"""The web door: the organizer dashboard, served by the same aiohttp server as /slack/events,
/healthz and /metrics (mounted at /dashboard)."""

from adapters.web.app import DashboardWeb

__all__ = ["DashboardWeb"]
