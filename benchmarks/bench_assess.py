"""How many planned asks the assessor judges per second on one core."""

from __future__ import annotations

import time

from benchmarks.support.labelled import EXTRA_SET, dev_set, load
from bot.coaching import COMPILED, assess_ask


def _texts() -> list[str]:
    texts = [text for _, text in load(EXTRA_SET)]
    if dev_set().exists():
        texts += [text for _, text in load(dev_set())]
    return texts


def run(seconds: float = 2.0) -> dict[str, float | bool]:
    """Assess the dev and extra sets in a loop for about `seconds`; return assessments/s and
    whether the assessor ran compiled (bot/coaching/native, built by `make bench`)."""
    texts = _texts()
    for text in texts:  # warm up caches and lazily compiled state
        assess_ask(text)
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for text in texts:
            assess_ask(text)
        done += len(texts)
    elapsed = time.perf_counter() - start
    return {"per_s": done / elapsed, "compiled": COMPILED}


if __name__ == "__main__":
    how = "compiled" if COMPILED else "pure Python"
    print(f"assess_ask: {run()['per_s']:.0f} assessments/s on one core ({how})")
