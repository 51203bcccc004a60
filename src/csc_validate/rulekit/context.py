"""RuleContext: what a rule may look at — the year's tables, code lists, collection period and
reference data."""

import datetime as dt
from collections.abc import Callable

import polars as pl

from csc_validate.periods import Period, previous_year
from csc_validate.readers.casting import raw_frame, typed_frame
from csc_validate.readers.sheets import Sheet
from csc_validate.reference import References
from csc_validate.schemas import YearSchema
from csc_validate.tables import PREVIOUS_SUFFIX, Tables


class MissingTableError(LookupError):
    """A rule asked for a table the user did not supply; the engine skips the rule and says so."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


class RuleContext:
    """Read-only view of one return for one rule run."""

    def __init__(
        self,
        tables: Tables,
        schema: YearSchema,
        period: Period | None = None,
        references: References | None = None,
    ) -> None:
        self._tables = tables
        self._references = references or References()
        self._schema = schema
        self.period = period or schema.period
        self.year = schema.year
        self.metadata = dict(tables.metadata)
        # Tables derived from this return, built once for all the rules of one run: the context
        # is made afresh for each run (and each rule case), so nothing is shared between returns.
        self._derived: dict[Callable[..., pl.LazyFrame], pl.DataFrame | Exception] = {}

    @property
    def start(self) -> dt.date:
        """The first day of the collection year (1 April)."""
        return self.period.start

    @property
    def end(self) -> dt.date:
        """The last day the check covers: the year's (31 March), or a year-to-date check's
        as-at date."""
        return self.period.end

    @property
    def previous_period(self) -> Period:
        """Last year's whole collection period (last year's return was a full year)."""
        from csc_validate import collections  # the registry imports what imports the context

        return collections.period(self._schema.collection, previous_year(self.period.year))

    def has(self, name: str) -> bool:
        return name in self._tables

    def table(self, name: str) -> pl.LazyFrame:
        """The typed table; a rule that needs an absent table is skipped, not failed."""
        if name not in self._tables:
            raise MissingTableError(name)
        return self._tables.typed(name).lazy()

    def table_or_empty(self, name: str) -> pl.LazyFrame:
        """The typed table, or an empty one with its columns when the user supplied none.

        For rules where "no file" means "no such records", e.g. no UASC table means no UASC child.
        That holds in test cases only: in a user's return a table not given is missing (the
        check is partial), and the rule is skipped as with `table`.
        """
        if name in self._tables:
            return self._tables.typed(name).lazy()
        if self._tables.from_files:
            raise MissingTableError(name)
        base = name.removesuffix(PREVIOUS_SUFFIX)
        schema = self._schema.tables.get(base)
        if schema is None:
            raise MissingTableError(name)
        empty = raw_frame(Sheet(file="", columns={}, lines=[]), schema)
        return typed_frame(empty, schema, date_formats=()).lazy()

    # Equivalent mutant (ReplaceBinaryOperator_Mul_Div): `/` for the bare `*` makes `name`
    # positional-only, as every caller gives it, and still takes `required` by name.
    def history(self, name: str, *, required: bool = True) -> pl.LazyFrame:
        """Every earlier year's rows of the table given with --previous: last year's, then each
        year before it, for a rule that looks back further than last year.

        Without last year's table the rule is skipped as with `table`, or, when not `required`,
        reads no rows as with `table_or_empty`. `_year` says which return a row is from; column
        sets may differ by year: a column a year lacks is blank there.
        """
        last = name + PREVIOUS_SUFFIX
        frames = [
            (self.table(last) if required else self.table_or_empty(last)).with_columns(
                _year=pl.lit(previous_year(self.period.year))
            )
        ]
        frames += self.earlier(name)
        return pl.concat(frames, how="diagonal_relaxed")

    def earlier(self, name: str) -> list[pl.LazyFrame]:
        """The table in each return from before last year given with --previous, latest first,
        with `_year` saying which; none when only last year's (or no earlier return) is given."""
        return [
            year.tables[name].lazy().with_columns(_year=pl.lit(year.year))
            for year in self._tables.earlier
            if name in year.tables
        ]

    def derived(self, build: Callable[["RuleContext"], pl.LazyFrame]) -> pl.LazyFrame:
        """`build(ctx)`, collected the first time a rule asks for it and shared by
        every rule of the run that asks again, instead of each rule computing it anew.

        A table that cannot be built fails (or skips) each rule that asks for it, with the same
        error, and no other rule.
        """
        if build not in self._derived:
            try:
                self._derived[build] = build(self).collect()
            # Equivalent mutant (ExceptionReplacer): the error then reaches the rule uncaught, and
            # each later rule that asks builds the table again and meets the same error.
            except Exception as error:
                self._derived[build] = error
        built = self._derived[build]
        if isinstance(built, Exception):
            raise built
        return built.lazy()

    def reference(self, name: str) -> pl.LazyFrame:
        """Reference data the collection provides (e.g. a postcode lookup); a rule whose data the
        user did not give is listed as not run, with what to give, as for a missing table."""
        return self._references.get(name)

    def unmet(self, needs: tuple[str, ...]) -> tuple[str, ...]:
        return self._references.unmet(needs)

    def codes(self, name: str) -> list[str]:
        """The year's code list (or named group of codes) from the schema."""
        try:
            return list(self._schema.codes[name])
        except KeyError:
            raise KeyError(f"no code list {name!r} in the {self.year} schema") from None
