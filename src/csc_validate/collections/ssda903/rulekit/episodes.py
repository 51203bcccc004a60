"""Shared expressions over episodes of care: neighbours, periods of care, the OC2 cohort and
who is looked after at the year end."""

import datetime as dt
from collections.abc import Sequence

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.readers.casting import raw_name
from csc_validate.rulekit.context import RuleContext
from csc_validate.rulekit.ordering import by_content


def with_neighbours(
    frame: pl.LazyFrame,
    columns: list[str],
    by: str = "CHILD",
    order: Sequence[str] = ("DECOM", "DEC"),
) -> pl.LazyFrame:
    """Add `prev_<col>` and `next_<col>`: the child's previous and next record by `order`.

    Records are ordered by the fields of `order` in turn (for episodes the start, then the end,
    so a zero-length episode comes before the one continuing it that day), then by their
    content, never by file order. Blank values sort last.
    """
    ordered = frame.sort([by, *order, by_content()], nulls_last=True)
    # Sorted by `by` first, a child's records are adjacent, so the neighbouring row is the
    # child's neighbour when it has the same `by`: a plain shift, far cheaper than a window. A
    # blank `by` equals nothing, so a row without one has no neighbours (as `child_of_row`).
    # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): sorted by `by`, no row's is below
    # the previous row's, so `<=` holds only where `==` does.
    same_as_previous = pl.col(by) == pl.col(by).shift(1)
    # Equivalent mutant (ReplaceComparisonOperator_Eq_GtE): no row's is above the next row's.
    same_as_next = pl.col(by) == pl.col(by).shift(-1)
    return ordered.with_columns(
        *[pl.when(same_as_previous).then(pl.col(c).shift(1)).alias(f"prev_{c}") for c in columns],
        *[pl.when(same_as_next).then(pl.col(c).shift(-1)).alias(f"next_{c}") for c in columns],
    )


def in_order(start: str, end: str) -> list[pl.Expr]:
    """Sort keys that put a child's records in order, whatever the order of the rows.

    A record with a blank `start` cannot be placed and comes first; then by `start`; of two
    starting the same day, the one with a blank `end` (still open) comes last, then the earlier
    end; then the content decides. No key is ever blank, so no `nulls_last` is needed.
    """
    return [
        pl.col(start).is_not_null(),
        pl.col(start),
        pl.col(end).is_null(),
        pl.col(end),
        by_content(),
    ]


def with_periods_of_care(episodes: pl.LazyFrame) -> pl.LazyFrame:
    """Add `period` (numbered per child) and `period_start`, `period_end` for each episode.

    A period of care is a run of episodes each starting on the day the previous one ended; it
    starts afresh when RNE is S (started to be looked after) or when there is a gap.
    """
    chained = with_neighbours(episodes, ["DEC"])
    # A blank RNE is not a new start; a blank DECOM or previous DEC breaks the chain.
    starts_period = (
        (pl.col("RNE") == "S").fill_null(False)
        # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): where prev_DEC is blank the test
        # below is blank too and filled True, so the whole test is True whatever this `|` is.
        | pl.col("prev_DEC").is_null()
        | (pl.col("DECOM") != pl.col("prev_DEC")).fill_null(True)
    )
    numbered = chained.with_columns(
        period=starts_period.cast(pl.Int32).cum_sum().over(child_of_row())
    )
    # A blank DECOM starts a period and sorts after the child's dated episodes, so it is alone in
    # its period; of two starting the same day the open one is the period's last.
    last_end = pl.col("DEC").sort_by(in_order("DECOM", "DEC")).last()
    return numbered.with_columns(
        period_start=pl.col("DECOM").min().over(child_of_row(), "period"),
        period_end=last_end.over(child_of_row(), "period"),
    ).drop("prev_DEC", "next_DEC")


def periods_of_care(ctx: RuleContext) -> pl.LazyFrame:
    """The return's episodes with their periods of care, as `with_periods_of_care` adds them;
    built once for all the rules of a run."""
    return ctx.derived(_episodes_with_periods_of_care)


def _episodes_with_periods_of_care(ctx: RuleContext) -> pl.LazyFrame:
    return with_periods_of_care(ctx.table("Episodes"))


def continuously_looked_after(
    episodes: pl.LazyFrame,
    start: dt.date,
    end: dt.date,
    *,
    started_care: list[str],
    care_continues: list[str],
    respite: list[str],
) -> pl.LazyFrame:
    """CHILD of every child looked after continuously for the 12 months `start` to `end`.

    With the collection year, this is DfE's OC2 cohort, "looked after continuously for at least
    12 months at 31 March". DfE defines it by codes, not by chaining episode dates: a child
    looked after in the year is in it unless an episode starting in the year has RNE S
    (`started_care`), an episode ending in the year has a REC other than X1
    (`care_continues`), or a V3/V4 episode (`respite`) falls in the year. The child must also
    have been looked after on `start` (a non-short-break episode that began on or before it and
    had not ended before it) and on `end`.
    """
    # Sources: DfE statistics, children looked after in England, OC2 tables' footnote: children
    # "continuously looked after for at least 12 months as at 31 March", excluding those "looked
    # after under an agreed series of short term placements". The three code tests are DfE's
    # CONTINUOUSLY_LOOKED_AFTER expression as the peer validator restates it from DfE's
    # "CLA SSDA903 2021-22 validation rules v1.2" (DfE's own text could not be read here).
    # NOTE: dates are never chained, so overlaps, short gaps, an earlier episode left open or an
    # unreadable date between two episodes keep a child in, and a same-day continuation cannot
    # hide a care-leaving REC. A blank or unreadable date is no evidence: such an episode counts
    # as falling in the year, but an RNE S needs a readable start in the year. A blank REC is not
    # "other than X1" (DfE's stage 1 rejects an ended episode without one, so DfE's cohort never
    # meets it); the 31 March test still drops a child whose care visibly ended. An end date
    # before the episode's own start is no end date. A continuation (RNE other than S) whose
    # start cannot be read was under way on 1 April: had it begun in the year, the episode it
    # continues would show it. Starting on 1 April is exactly 12 months (in); leaving on
    # 31 March is not "at 31 March" (out). Only an episode with an end date ends care (DfE's
    # coded test (b) needs a DEC): a REC on an episode with a blank DEC leaves the child in care;
    # an end date that is written but cannot be read still ends the episode.
    decom = pl.col("DECOM")
    dec = pl.when(decom.is_null() | (pl.col("DEC") >= decom)).then(pl.col("DEC"))
    in_year = (decom.is_null() | (decom <= end)) & (dec.is_null() | (dec >= start))
    short_break = pl.col("LS").is_in(respite).fill_null(False)
    new_start = pl.col("RNE").is_in(started_care).fill_null(False)
    entered = new_start & decom.is_between(start, end, closed="right").fill_null(False)
    ceased = pl.col("REC").is_not_null() & ~pl.col("REC").is_in(care_continues)
    left = _has_end() & ceased & in_year
    began_by_start = (decom <= start).fill_null(~new_start)
    on_first_day = ~short_break & began_by_start & (dec >= start).fill_null(True)
    on_last_day = ~short_break & _open_at(end)
    return (
        episodes.group_by(child_of_row())
        .agg(
            broken=(entered | left | (short_break & in_year)).any(),
            on_first_day=on_first_day.any(),
            on_last_day=on_last_day.any(),
        )
        .filter(pl.col("on_first_day") & pl.col("on_last_day") & ~pl.col("broken"))
        .select("CHILD")
    )


def oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    """CHILD of every child in the OC2 cohort: looked after continuously for the 12 months to
    31 March, read from the return's episodes with the year's code lists; built once for all the
    rules of a run."""
    return ctx.derived(_oc2_cohort)


def _oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    return continuously_looked_after(
        ctx.table("Episodes"),
        ctx.start,
        ctx.end,
        started_care=ctx.codes("RNE_STARTED_CARE"),
        care_continues=ctx.codes("REC_CARE_CONTINUES"),
        respite=ctx.codes("LS_RESPITE"),
    )


def looked_after_at_year_end(
    episodes: pl.LazyFrame, end: dt.date, respite: list[str]
) -> pl.LazyFrame:
    """CHILD of every child looked after on `end` (31 March): a non-short-break episode of the
    return that had not ended by then.

    An episode ends on its DEC; one whose DEC is written but cannot be read has ended too (the
    return holds nothing after `end`). A blank DEC is an open episode, whatever REC says. A
    blank or unreadable DECOM is taken to be on or before `end`, since the return holds only
    episodes of the year.
    """
    return episodes_open_at_year_end(episodes, end, respite).select("CHILD").unique()


def episodes_open_at_year_end(
    episodes: pl.LazyFrame, end: dt.date, respite: list[str]
) -> pl.LazyFrame:
    """The episodes that make a child looked after on `end` (see `looked_after_at_year_end`),
    for a rule to name beside its finding."""
    short_break = pl.col("LS").is_in(respite).fill_null(False)
    return episodes.filter(_open_at(end) & ~short_break)


def _open_at(end: dt.date) -> pl.Expr:
    """True for an episode of the return still open on its last day, `end`."""
    started = (pl.col("DECOM") <= end).fill_null(True)
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): the first test needs a DEC, the
    # second a blank one, so they are never both True and `^` gives what `|` gives.
    ended = (pl.col("DEC") <= end).fill_null(False) | (pl.col("DEC").is_null() & _has_end())
    return started & ~ended


def _has_end() -> pl.Expr:
    """True for an episode with an end date, read or not: only such an episode has ended."""
    return pl.col(raw_name("DEC")).is_not_null()
