"""Reports that count what a batch did, and fold into a running total."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Self


@dataclass
class Tally:
    """A dataclass of counts (and lists of what was done); `add` folds another in."""

    def add(self, other: Self) -> None:
        """Fold another batch's report into this one: counts add up, lists extend."""
        for item in fields(self):
            mine: Any = getattr(self, item.name)
            if isinstance(mine, list):
                mine.extend(getattr(other, item.name))
            else:
                setattr(self, item.name, mine + getattr(other, item.name))
