"""Reference data a rule may need beyond the return, loaded on first use, or why it is absent."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


class MissingReferenceError(LookupError):
    """A rule asked for reference data the user did not give; the engine lists it as not run."""

    def __init__(self, name: str, needs: str) -> None:
        super().__init__(f"{name} needs {needs}")
        self.name = name
        self.needs = needs


@dataclass(frozen=True)
class ReferenceRequest:
    """What the user gave for reference data: the council's own code and data files."""

    la: str | None = None
    ofsted: tuple[Path, ...] = ()
    # Small tables standing in for packaged data and the user's files (rule cases, tests).
    given: Mapping[str, pl.DataFrame] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferenceSource:
    """One kind of reference data: `load` is None when the option `needs` names was not given."""

    needs: str
    load: Callable[[], pl.DataFrame] | None = None


class References:
    """Reference data by name, each loaded at most once and only when a rule asks for it."""

    def __init__(self, sources: Mapping[str, ReferenceSource] | None = None) -> None:
        self._sources = dict(sources or {})
        self._loaded: dict[str, pl.DataFrame] = {}

    def get(self, name: str) -> pl.LazyFrame:
        source = self._sources.get(name)
        if source is None:
            raise KeyError(f"no reference data called {name!r}")
        if source.load is None:
            raise MissingReferenceError(name, source.needs)
        if name not in self._loaded:
            self._loaded[name] = source.load()
        return self._loaded[name].lazy()

    def unmet(self, needs: tuple[str, ...]) -> tuple[str, ...]:
        """Those of `needs` (options such as "--la") that the user did not give."""
        given = {source.needs for source in self._sources.values() if source.load is not None}
        return tuple(option for option in needs if option not in given)
