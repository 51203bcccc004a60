"""Rule 377: more than two holiday temporary placements within 12 months."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_at_most_first
from csc_validate.rulekit import RELATED_ROW, Case, RuleContext, rule, table


@rule(
    code="377",
    message=(
        "Only two temporary placements coded as being due to holiday of usual foster carer(s) "
        "are allowed in any 12- month period."
    ),
    tables=["Episodes"],
    fields=["PLACE"],
    tags=["dates", "placements"],
)
def third_holiday_placement_within_12_months(ctx: RuleContext) -> pl.LazyFrame:
    """A child had three or more placements during foster carers' holidays (T3) within 12 months.

    Only two such temporary placements are allowed in any 12 months: check the placement type and
    start date (DECOM) of each flagged episode and correct any that was recorded wrongly.
    """
    # DfE allows two such placements in any 12 months. Windows are taken on DECOM: every T3 episode
    # in a window that holds three or more is flagged, so the LA sees the whole set. An episode
    # without a readable DECOM cannot be placed in a window (rule 141 reports it).
    holidays = ctx.table("Episodes").filter(
        pl.col("PLACE").is_in(ctx.codes("PLACE_TEMPORARY_HOLIDAY")) & pl.col("DECOM").is_not_null()
    )
    earlier = holidays.select("CHILD", _from_row="_row", _from=pl.col("DECOM"))
    # Each T3 episode closes a window: the 12 months ending on its DECOM.
    windows = (
        holidays.select("CHILD", "_row", "DECOM")
        .join(earlier, on="CHILD")
        .filter(
            (pl.col("_from") <= pl.col("DECOM"))
            & (pl.col("_from") > pl.col("DECOM").dt.offset_by("-1y"))
        )
    )
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): a window holds at least its own
    # closing episode, and a window of that one alone pairs no episodes below, so `!= 2` flags
    # what `> 2` flags.
    crowded = windows.filter(pl.len().over("_row") > 2)
    members = crowded.select("_row", _member="_from_row")
    # Each flagged episode names the other episodes of every crowded window it is in.
    together = (
        members.join(members.rename({"_member": RELATED_ROW}), on="_row")
        .filter(pl.col("_member") != pl.col(RELATED_ROW))
        .select(pl.col("_member").alias("_row"), RELATED_ROW)
        .unique()
    )
    # Equivalent mutant (ReplaceKeywordValue): a row a left join finds no match for names no
    # row, and naming_at_most_first keeps only rows that name one, as the inner join does.
    return naming_at_most_first(holidays.join(together, on="_row", how="inner"))


CASES = [
    Case(
        "each episode names the others of the windows it is in, not those of another window",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/01/2023", "T3"],
                ["1", "01/02/2023", "T3"],
                ["1", "01/03/2023", "T3"],
                ["1", "01/01/2025", "T3"],
                ["1", "01/02/2025", "T3"],
                ["1", "01/03/2025", "T3"],
                ["2", "01/03/2025", "T3"],
            )
        },
        flagged={"Episodes": [0, 1, 2, 3, 4, 5]},
        related=(
            ("Episodes", 0, "Episodes", 1),
            ("Episodes", 0, "Episodes", 2),
            ("Episodes", 1, "Episodes", 0),
            ("Episodes", 1, "Episodes", 2),
            ("Episodes", 2, "Episodes", 0),
            ("Episodes", 2, "Episodes", 1),
            ("Episodes", 3, "Episodes", 4),
            ("Episodes", 3, "Episodes", 5),
            ("Episodes", 4, "Episodes", 3),
            ("Episodes", 4, "Episodes", 5),
            ("Episodes", 5, "Episodes", 3),
            ("Episodes", 5, "Episodes", 4),
        ),
    ),
    Case(
        "a third T3 placement within 12 months flags the three; a year and a day apart does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/05/2024", "T3"],
                ["1", "01/08/2024", "T3"],
                ["1", "30/04/2025", "T3"],
                ["2", "01/05/2024", "T3"],
                ["2", "01/08/2024", "T3"],
                ["2", "01/05/2025", "T3"],
                ["3", "01/05/2024", "T3"],
                ["3", "01/06/2024", "T1"],
                ["3", "01/07/2024", "T3"],
                ["3", "", "T3"],
                ["4", "01/05/2024", "T3"],
                ["4", "01/06/2024", ""],
                ["4", "01/07/2024", "T3"],
            )
        },
        flagged={"Episodes": [0, 1, 2]},
    ),
    Case(
        "a window is flagged whole, not the episodes outside it",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "PLACE"],
                ["1", "01/01/2024", "T3"],
                ["1", "01/06/2024", "T3"],
                ["1", "01/07/2024", "T3"],
                ["1", "01/09/2024", "T3"],
                ["1", "02/07/2025", "T3"],
            )
        },
        flagged={"Episodes": [0, 1, 2, 3]},
    ),
]
