"""Test cases written beside each rule: tiny tables as text, and the rows that must be flagged.

csc_validate.testing loads and runs them."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from csc_validate.periods import Period


class CaseTable(BaseModel):
    model_config = ConfigDict(frozen=True)

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def table(columns: list[str], *rows: list[str | None]) -> CaseTable:
    """A case table: column names, then rows of values exactly as in a CSV ('' is blank)."""
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"case row {row} has {len(row)} values for {len(columns)} columns")
    return CaseTable(columns=tuple(columns), rows=tuple(tuple(row) for row in rows))


class Case(BaseModel):
    """One case: `flagged` lists the 0-based rows per table that the rule must flag; every other
    row must not be flagged. A finding about a table as a whole (a return-level query) is the
    row None.

    `period` names the collection year the case's dates are written for (default: every year the
    rule is in force, with that year's period); `years` limits the case to some years, e.g. when
    it uses a code that DfE retired; `xfail` records a known gap with its reason; `skipped` says
    the rule must not run at all on these tables (one it cannot do without is absent), so it is
    reported as not run and flags nothing. `la` and
    `reference` stand in for what the user gives for rules that need reference data: the
    council's code and small tables in place of the packaged data or the user's files.
    `as_at` ("30/09/2025") checks the tables as a year-to-date extract taken on that day.
    `earlier` gives returns from before last year, by year: {"2022-23": {"Header": table(...)}}.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    tables: dict[str, CaseTable]
    flagged: dict[str, tuple[int | None, ...]] = Field(default_factory=dict)
    period: str | None = None
    as_at: str | None = None
    earlier: dict[str, dict[str, CaseTable]] = Field(default_factory=dict)
    years: tuple[str, ...] | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    la: str | None = None
    reference: dict[str, CaseTable] = Field(default_factory=dict)
    xfail: str | None = None
    skipped: bool = False
    # For rules that name the rows they compared: (table, row, related table, related row) for
    # every pair the rule must name; checked only when given.
    related: tuple[tuple[str, int, str, int], ...] = ()

    def __init__(self, name: str, /, **data: Any) -> None:
        super().__init__(name=name, **data)

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split())

    def runs_in(self, year: str) -> bool:
        return self.years is None or year in self.years

    def period_for(self, year: str, collection: str) -> Period:
        """The period the case is checked over: its collection's year, to its as-at day."""
        # Imported here: the collections and the --as-at reader's module import the rule kit, so
        # a module-level import would make a loop (tests/test_layout.py).
        from csc_validate import collections
        from csc_validate.as_at import read as read_as_at

        whole = collections.period(collection, self.period or year)
        if self.as_at is None:
            return whole

        return whole.up_to(read_as_at(self.as_at))
