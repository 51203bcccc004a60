"""Shared expressions over episodes of care: neighbours, periods of care and the OC2 cohort."""

import datetime as dt

import polars as pl


def with_neighbours(
    frame: pl.LazyFrame,
    columns: list[str],
    by: str = "CHILD",
    order: str = "DECOM",
) -> pl.LazyFrame:
    """Add `prev_<col>` and `next_<col>`: the child's previous and next record by `order`.

    Records are ordered by `order` then `_row`, so ties keep source order. Blank `order`
    values sort last.
    """
    ordered = frame.sort([by, order, "_row"], nulls_last=True)
    return ordered.with_columns(
        *[pl.col(c).shift(1).over(by).alias(f"prev_{c}") for c in columns],
        *[pl.col(c).shift(-1).over(by).alias(f"next_{c}") for c in columns],
    )


def with_periods_of_care(episodes: pl.LazyFrame) -> pl.LazyFrame:
    """Add `period` (numbered per child) and `period_start`, `period_end` for each episode.

    A period of care is a run of episodes each starting on the day the previous one ended; it
    starts afresh when RNE is S (started to be looked after) or when there is a gap.
    """
    chained = with_neighbours(episodes, ["DEC"])
    # A blank RNE is not a new start; a blank DECOM or previous DEC breaks the chain.
    starts_period = (
        (pl.col("RNE") == "S").fill_null(False)
        | pl.col("prev_DEC").is_null()
        | (pl.col("DECOM") != pl.col("prev_DEC")).fill_null(True)
    )
    numbered = chained.with_columns(period=starts_period.cast(pl.Int32).cum_sum().over("CHILD"))
    last_end = pl.col("DEC").sort_by(["DECOM", "_row"], nulls_last=True).last()
    return numbered.with_columns(
        period_start=pl.col("DECOM").min().over("CHILD", "period"),
        period_end=last_end.over("CHILD", "period"),
    ).drop("prev_DEC", "next_DEC")


def continuously_looked_after(
    episodes: pl.LazyFrame, since: dt.date, until: dt.date, respite: list[str]
) -> pl.LazyFrame:
    """CHILD of every child looked after without a break from `since` to `until` inclusive.

    Short-break episodes (legal status in `respite`, V3/V4) do not count as being looked after.
    With since = collection start and until = collection end, this is DfE's OC2 cohort:
    "looked after continuously for at least 12 months at 31 March". Only the child's latest
    period of care counts: an earlier period left open by mistake (a blank DEC followed by
    another episode) does not make a child who has since left care part of the cohort.
    """
    care = episodes.filter(~pl.col("LS").is_in(respite).fill_null(False))
    periods = with_periods_of_care(care).filter(
        pl.col("period") == pl.col("period").max().over("CHILD")
    )
    covering = (pl.col("period_start") <= since) & (
        pl.col("period_end").is_null() | (pl.col("period_end") > until)
    )
    return periods.filter(covering).select("CHILD").unique()
