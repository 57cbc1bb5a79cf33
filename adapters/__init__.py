"""Doors to the coach: console, Slack, Discord. They translate; no business rule lives here."""
