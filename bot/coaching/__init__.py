"""Judging a planned ask and coaching it into a specific one."""

# First: when the mypyc build in bot/coaching/native/ matches the sources, the modules below
# load from it (see _native.py); otherwise from the sources.
from bot.coaching._native import COMPILED
from bot.coaching.assessment import Assessment, RequestKind, Verdict, assess_ask

__all__ = ["COMPILED", "Assessment", "RequestKind", "Verdict", "assess_ask"]
