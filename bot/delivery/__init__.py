"""Delivering the outbox through a platform gateway, with errors sorted by what to do next."""

from bot.delivery.errors import (
    DeliveryError,
    Handover,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.delivery.sender import DeliveryReport, deliver_messages, deliver_outbox

__all__ = [
    "DeliveryError",
    "DeliveryReport",
    "Handover",
    "PermanentFailure",
    "RateLimited",
    "TransientFailure",
    "deliver_messages",
    "deliver_outbox",
]
