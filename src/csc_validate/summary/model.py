"""The summary as every output sees it: one list of figure entries, computed once."""

from pydantic import BaseModel, ConfigDict


class Previous(BaseModel):
    """Last year's value of an entry, the change, and why the change stands out (if it does)."""

    model_config = ConfigDict(frozen=True)

    value: int | float | None
    change: int | float | None
    flag: str | None = None


class Entry(BaseModel):
    """One figure (breakdown None) or one category of one of its breakdowns."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    counts: str
    value: int | float | None
    breakdown: dict[str, str] | None
    previous: Previous | None
    definition: str
    dfe_table: str
    share: float | None = None
    share_of: str | None = None
    data_quality: str | None = None
    note: str = ""
    # Said about this run: a figure that is a lower bound without last year's return.
    warning: str = ""


class Summary(BaseModel):
    """The figures of one return, with the period they cover and what was left out."""

    model_config = ConfigDict(frozen=True)

    version: str
    collection: str
    year: str
    period_start: str
    period_end: str
    as_at: str | None
    inputs: tuple[str, ...]
    previous_given: bool
    threshold: float
    figures: tuple[Entry, ...]
    left_out: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def headlines(self) -> list[Entry]:
        return [entry for entry in self.figures if entry.breakdown is None]
