"""Judging a planned ask and coaching it into a specific one."""

from bot.coaching.assessment import Assessment, RequestKind, Verdict, assess_ask

__all__ = ["Assessment", "RequestKind", "Verdict", "assess_ask"]
