"""Check-ins as data: planning the next due question and dispatching the due ones.

Import from the modules: `planning` (when each question is next due, cancelling and moving
them), `dispatch` (claiming the due rows and turning them into outgoing messages).
"""
