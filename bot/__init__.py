"""askcoach core: platform-neutral domain, coaching and conversation. No platform or SQL imports."""
