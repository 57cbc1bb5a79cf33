"""Local emulators of the chat platforms askcoach speaks to: Slack and Discord (see README.md)."""
