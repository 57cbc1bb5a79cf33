"""The group: weekly digests, the organizer's report, personal reviews and help matching."""
