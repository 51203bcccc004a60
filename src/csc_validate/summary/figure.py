"""A figure: one DfE headline count (or mean), declared once in its collection's package.

A figure's `population` returns one row per counted unit (a child, an episode, a referral) with
the columns its breakdowns group by; the headline is the number of rows (or the mean of
`mean_of`), each breakdown the same per category. Figures never read files: they see the tables
`check` loaded, through a FigureContext.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from csc_validate.schemas import YearSchema
from csc_validate.tables import PREVIOUS_SUFFIX, Tables


class FigureUnavailableError(LookupError):
    """A figure cannot be computed from what was given; it is left out, saying why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TableAbsentError(FigureUnavailableError):
    """A figure needs a table the return does not hold (a partial check)."""

    def __init__(self, table: str) -> None:
        super().__init__(f"needs the {table} table, which was not given")
        self.table = table


@dataclass(frozen=True)
class Breakdown:
    """A breakdown of a figure by one column of its population, under a readable name."""

    name: str
    column: str
    # Categories shown in this order first (DfE's order, e.g. age bands); others follow sorted.
    order: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The name as a key in JSON and CSV: "legal status" is legal_status."""
        return self.name.replace(" ", "_")


@dataclass(frozen=True)
class FigureContext:
    """One year's tables as a figure sees them: this year's (suffix "") or last year's
    ("_last"), with the period the figure covers (1 April to 31 March, or to the as-at date)."""

    tables: Tables
    schema: YearSchema
    start: dt.date
    end: dt.date
    suffix: str = ""
    as_at: bool = False
    # Episodes (this context's) with PL_LOCATION and PL_DISTANCE by _row, when --la was given.
    geography: pl.DataFrame | None = None
    # Populations several figures share (the OC2 cohort, the looked-after on a date), computed
    # once per context.
    shared: dict[str, pl.DataFrame] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, compute: Callable[[], pl.DataFrame]) -> pl.DataFrame:
        """`compute()`'s frame, computed the first time `key` is asked for in this context."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    def table(self, name: str) -> pl.DataFrame:
        """The typed table of this context's year; absent tables stop the figure."""
        full = name + self.suffix
        if full not in self.tables:
            raise TableAbsentError(full)
        return self.tables.typed(full)

    def earlier(self, name: str) -> pl.DataFrame | None:
        """The year before's table, for figures that look back (re-referrals); None when the
        year before was not given (or this is already the year before)."""
        if self.suffix:
            return None
        full = name + PREVIOUS_SUFFIX
        return self.tables.typed(full) if full in self.tables else None

    def codes(self, name: str) -> list[str]:
        return list(self.schema.codes[name])

    def in_period(self, column: str) -> pl.Expr:
        """True where the date column falls from the period's start to its end, both included."""
        return pl.col(column).is_between(self.start, self.end, closed="both").fill_null(False)


Population = Callable[[FigureContext], pl.DataFrame]


@dataclass(frozen=True)
class Figure:
    """One DfE figure: what it counts, DfE's wording and table, the fields it reads."""

    id: str
    label: str
    # What one row of the population is, as DfE counts: "children", "episodes", "referrals"...
    counts: str
    # DfE's definition, in DfE's words where DfE has them.
    definition: str
    # The DfE published table the figure corresponds to.
    dfe_table: str
    # (table, field) pairs the figure reads: errors in them are its data-quality context.
    uses: tuple[tuple[str, str], ...]
    population: Population
    breakdowns: tuple[Breakdown, ...] = ()
    # The headline is the mean of this column (days, scores) rather than a count of rows.
    mean_of: str | None = None
    # Id of the figure this one is a part of (shown as a share of it).
    share_of: str | None = None
    # Said beside the figure: an inferred or uncertain reading, a lower bound...
    note: str = ""
    # Earliest collection year the figure exists in (pre-proceedings from 2026-27).
    from_year: str = ""
    # A note that depends on the context (e.g. "lower bound: give --previous").
    context_note: Callable[[FigureContext], str] | None = None
