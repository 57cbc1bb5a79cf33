"""Delivering the outbox through a platform gateway, with errors sorted by what to do next."""

from bot.delivery.errors import (
    Delivered,
    DeliveryError,
    Handover,
    LookupDeferred,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.delivery.sender import DeliveryReport, deliver_messages, deliver_outbox

__all__ = [
    "Delivered",
    "DeliveryError",
    "DeliveryReport",
    "Handover",
    "LookupDeferred",
    "PermanentFailure",
    "RateLimited",
    "TransientFailure",
    "deliver_messages",
    "deliver_outbox",
]
