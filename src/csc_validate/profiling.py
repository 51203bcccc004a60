"""`check --profile`: where a check's time goes, by stage and by rule, recorded while it runs.

Recording is off unless a caller opens `recording()`; the engine and the stage callback then
add their timings to the open profile. Nothing here changes what the check finds or reports.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from csc_validate import IMPORTED_AT


@dataclass
class Profile:
    """Seconds spent in each stage, and per rule: building its query and collecting it alone."""

    stages: list[tuple[str, float]] = field(default_factory=list)
    # Calling the rule's function and planning its query (no data is read yet for most rules).
    built: dict[str, float] = field(default_factory=dict)
    # Each rule's query collected on its own, after the batch: this counts work polars shares
    # between rules in the batch (the typed tables, common joins) once per rule, so the numbers
    # rank rules by cost but do not add up to the batch's time.
    alone: dict[str, float] = field(default_factory=dict)
    # All rules' queries collected in batches (what the check itself does), and how many batches
    # that took (engine.BATCH queries each, more when a rule failed and its batch was split).
    batch_seconds: float = 0.0
    batches: int = 0
    _stage_started: float | None = None
    _stage_name: str = ""
    # Time spent timing rules alone, left out of the stage it happened in.
    _not_counted: float = 0.0

    def leave_out(self, seconds: float) -> None:
        """Keep `seconds` of profiling's own work out of the stage under way."""
        self._not_counted += seconds

    def stage(self, name: str) -> None:
        """Close the stage under way, if any, and start `name` ("" to close the last one)."""
        now = time.perf_counter()
        if self._stage_started is not None:
            elapsed = now - self._stage_started - self._not_counted
            self.stages.append((self._stage_name, elapsed))
        self._not_counted = 0.0
        self._stage_started = now if name else None
        self._stage_name = name

    def lines(self, slowest: int = 15) -> list[str]:
        """The profile for a person: stages, then the slowest rules."""
        self.stage("")
        out = ["Profile (seconds; timings vary from run to run):"]
        out += [f"  {name:<24}{seconds:9.3f}" for name, seconds in self.stages]
        if self.batches:
            out.append(
                f"  rules collected together {self.batch_seconds:9.3f} "
                f"in {self.batches} batch{'es' if self.batches != 1 else ''}"
            )
        if self.alone:
            ranked = sorted(self.alone, key=lambda code: (-self.alone[code], code))[:slowest]
            out += [
                f"Slowest rules, each collected alone after the batch ({len(self.alone)} timed,",
                "  not counted above): work polars shares between rules in the batch counts",
                "  in every rule here, so these rank rules and do not add up to the batch.",
            ]
            out.append(f"  {'rule':<12}{'alone':>9}{'build':>9}")
            out += [
                f"  {code:<12}{self.alone[code]:9.3f}{self.built.get(code, 0.0):9.3f}"
                for code in ranked
            ]
        return out


_CURRENT: ContextVar[Profile | None] = ContextVar("profile", default=None)


def current() -> Profile | None:
    """The profile being recorded, or None when nobody asked for one."""
    return _CURRENT.get()


@contextmanager
def recording(enabled: bool = True) -> Iterator[Profile | None]:
    """Record a profile of what runs inside (None, and nothing recorded, when not enabled)."""
    if not enabled:
        yield None
        return
    profile = Profile()
    # Everything before the check itself: imports, the command line, settings.
    profile.stages.append(("start-up", time.perf_counter() - IMPORTED_AT))
    token = _CURRENT.set(profile)
    try:
        yield profile
    finally:
        _CURRENT.reset(token)


def timed_stages(stage: Callable[[str, int], None]) -> Callable[[str, int], None]:
    """The stage callback `stage`, also timing each stage into the open profile."""

    def both(name: str, count: int) -> None:
        profile = current()
        if profile is not None:
            profile.stage(name)
        stage(name, count)

    return both
