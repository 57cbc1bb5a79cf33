"""The understanding step against the labelled corpus of what members really type.

`replies-dev.tsv` was used while the rules were written; `replies-holdout.tsv` was kept aside
and scored only at the end. Both were written by a helper who had not read the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conversation.corpus import (
    DEV,
    DEV3,
    DEV4,
    DEV5,
    HOLDOUT,
    HOLDOUT3,
    HOLDOUT4,
    HOLDOUT5,
    load,
    score,
)

# The corpora tuned on: (file, least rows, least intent accuracy). `replies-3-dev.tsv` was written
# blind in 2026-12 with more questions about the schedule and the group, feelings and
# acknowledgements; its first measure, before any rule was written for it, was intent and topic
# 152/240 (63.3%).
# `replies-3-holdout.tsv` (120 rows, same writer) was kept outside the repo and scored once, after
# the rules were tuned on `replies-3-dev.tsv`: intent 0.683 (82/120). Its errors were then read
# and general rules added for what they showed (a count is not a time, a question about the
# schedule never changes it, "not interested" stops, nerves, stats and outcomes in more words),
# so it is no longer a held-out measure; it now guards those rules.
# `replies-4-dev.tsv` (220 rows, fifth session): first measure before any rule was written for
# it, intent 151/220 (68.6%).
# `replies-4-holdout.tsv` (110 rows) was kept outside the repository and scored once, after
# the rules of the session: intent 0.809 (89/110) — against 0.800 (88/110) for the session's
# starting code. Tuning on its dev part (68.6% -> 87%) barely carried over to rows it had not
# seen. Its misses were read afterwards and general rules added (deleting only on a plain yes,
# hours 1-5 are the afternoon, break ends in words, organisers' questions, outcomes and skips in
# more words): 101/110 now; it is no longer a held-out measure.
# `replies-5-dev.tsv` (220 rows, sixth session): first measure 147/220 (66.8%); tuned to 88.2%.
# `replies-5-holdout.tsv` (110 rows) was kept outside the repository and scored once on the
# session's rules: intent 0.682 (75/110), the same as the session's starting code. Read
# afterwards ("forget it" to the deletion question had deleted everything; outcomes and made in
# more words, corrections): 93/110 now, no longer a held-out measure.
TUNED_ON = [
    (DEV, 300, 0.95, 0.80),
    (DEV3, 200, 0.85, 0.80),
    (HOLDOUT3, 100, 0.85, 0.80),
    (DEV4, 200, 0.85, 0.80),
    (HOLDOUT4, 100, 0.85, 0.80),
    (
        DEV5,
        200,
        0.85,
        0.70,
    ),  # its writer puts a day on `not_yet` as `until`; the coach keeps `when`
    (HOLDOUT5, 100, 0.80, 0.70),
]


@pytest.mark.parametrize(
    ("path", "least_rows", "accuracy", "slots"), TUNED_ON, ids=lambda v: getattr(v, "name", "")
)
def test_tuned_corpus(path: Path, least_rows: int, accuracy: float, slots: float) -> None:
    rows = load(path)
    assert len(rows) >= least_rows
    result = score(rows)
    print(result.report(path.name))
    assert result.intent_accuracy >= accuracy, result.report(path.name)
    assert result.slot_accuracy >= slots, result.report(path.name)


def test_holdout_corpus() -> None:
    """Scored unseen once, after the rules were tuned on the dev set: intent 0.812 (112/138),
    slots 0.903. Its errors were then read and general rules added for what they showed
    (frustration without swearing, nudges in words, "forget raj" as dropping an ask, accents,
    "add X and Y to targets pls"…), so it is no longer a held-out measure; it now guards those
    rules."""
    result = score(load(HOLDOUT))
    print(result.report("replies-holdout.tsv"))
    assert result.intent_accuracy >= 0.95, result.report("replies-holdout.tsv")


def test_every_state_and_intent_is_covered() -> None:
    rows = load(DEV) + load(HOLDOUT)
    assert len(rows) >= 400
    assert {r.state for r in rows} >= {
        "onboarding",
        "idle",
        "awaiting_ask",
        "clarifying",
        "awaiting_made",
        "awaiting_outcome",
        "awaiting_follow_up",
        "confirm_forget",
    }
