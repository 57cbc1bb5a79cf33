"""The composition root: settings, wiring and the `askcoach` command line."""
