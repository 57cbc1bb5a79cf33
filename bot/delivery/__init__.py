"""Delivering the outbox through a platform gateway, with errors sorted by what to do next."""

from bot.delivery.errors import DeliveryError, PermanentFailure, RateLimited, TransientFailure
from bot.delivery.sender import DeliveryReport, deliver_outbox

__all__ = [
    "DeliveryError",
    "DeliveryReport",
    "PermanentFailure",
    "RateLimited",
    "TransientFailure",
    "deliver_outbox",
]
