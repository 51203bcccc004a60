"""Rule SW12STG2: social worker episodes from before a child's latest period of care are missing."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    from_year,
    rule,
    table,
)

FROM_2024 = from_year("ssda903", "2024-25")


@rule(
    code="SW12STG2",
    message=(
        "If a child is looked after on 31 March then all social worker episodes for the full "
        "previous year should be reported, even those whilst they were not looked after"
    ),
    tables=["Episodes", "SWEpisodes"],
    fields=["SW_DECOM", "DEC"],
    tags=["social-workers"],
)
def earlier_care_without_social_worker_episode(
    ctx: RuleContext, *, since_previous_year: bool = False
) -> pl.LazyFrame:
    """Care that ended during the year has no social worker episode reported for it.

    A child looked after on 31 March who left care during the year and came back had a social
    worker when they left, so a social worker episode should start on or before the day that care
    ended. The episode that ended care is flagged (short breaks are not counted): report the
    earlier social worker episodes, or check the dates.
    """
    # NOTE: DfE's coding text was not available; the peer compares every pair of episodes and
    # flags children whose social worker history simply starts before care, which contradicts the
    # message. This rule tests only what the message implies. From 2024-25 (pack.toml:
    # since_previous_year) social worker episodes are reported from the first day of last year's
    # collection period, and only care that ended since then counts. The child's first social
    # worker episode (each, when several start that day) is named beside the finding.
    not_respite = ~pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    episodes = ctx.table("Episodes").filter(not_respite)
    at_year_end = (
        episodes.filter(
            (pl.col("DECOM") <= ctx.end) & (pl.col("DEC").is_null() | (pl.col("DEC") > ctx.end))
        )
        .select("CHILD")
        .unique()
    )
    ended_care = (pl.col("DEC") <= ctx.end) & pl.col("REC").is_not_null()
    if since_previous_year:
        ended_care = ended_care & (pl.col("DEC") >= ctx.previous_period.start)
    care_continues = pl.col("REC").is_in(ctx.codes("REC_CARE_CONTINUES"))
    first_social_worker = (
        ctx.table("SWEpisodes")
        .with_columns(first=pl.col("SW_DECOM").min().over(child_of_row()))
        # Equivalent mutant (ReplaceComparisonOperator_Eq_LtE): no start is before the earliest.
        .filter(pl.col("SW_DECOM") == pl.col("first"))
        .select(child_of_row(), "first", pl.col("_row").alias(RELATED_ROW))
    )
    return (
        episodes.filter(ended_care & ~care_continues)
        .join(at_year_end, on="CHILD", how="semi")
        .join(first_social_worker, on="CHILD", how="left")
        .filter(pl.col("first").is_null() | (pl.col("first") > pl.col("DEC")))
        .with_columns(pl.lit("SWEpisodes").alias(RELATED_TABLE))
    )


CASES = [
    Case(
        "care that ended before the first social worker episode is flagged",
        years=("2023-24",),
        period="2023-24",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["1", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["1", "01/10/2023", "", "C2", ""],
                ["2", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["2", "01/10/2023", "", "C2", ""],
                ["3", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["3", "01/10/2023", "", "C2", ""],
                ["4", "01/05/2023", "01/07/2023", "C2", "X1"],
                ["4", "01/07/2023", "", "C2", ""],
                ["5", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["6", "01/05/2023", "01/07/2023", "V3", "E13"],
                ["6", "01/10/2023", "", "C2", ""],
                ["7", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["7", "01/10/2023", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "02/07/2023"],
                ["2", "01/07/2023"],
                ["3", "01/01/2020"],
                ["3", "01/10/2023"],
                ["4", "01/10/2023"],
                ["5", "01/10/2023"],
                ["6", "01/10/2023"],
            ),
        },
        flagged={"Episodes": [0, 11]},
        related=(("Episodes", 0, "SWEpisodes", 0),),
    ),
    Case(
        "looked after on 31 March means begun by then and open, or ended after it",
        years=("2023-24",),
        period="2023-24",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["11", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["11", "31/03/2024", "", "C2", ""],
                ["12", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["12", "01/04/2024", "", "C2", ""],
                ["13", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["13", "01/10/2023", "31/03/2024", "C2", "E13"],
                ["14", "01/05/2023", "01/07/2023", "C2", "E13"],
                ["14", "01/10/2023", "01/04/2024", "C2", "E13"],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["11", "01/10/2023"],
                ["12", "01/10/2023"],
                ["13", "01/10/2023"],
                ["14", "01/10/2023"],
            ),
        },
        flagged={"Episodes": [0, 6]},
        related=(
            ("Episodes", 0, "SWEpisodes", 0),
            ("Episodes", 6, "SWEpisodes", 3),
        ),
    ),
    Case(
        "care ends on a date up to 31 March with a reason other than X1; a blank LS counts",
        years=("2023-24",),
        period="2023-24",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["15", "01/10/2023", "01/04/2024", "C2", "E13"],
                ["16", "01/05/2023", "31/03/2024", "C2", "E13"],
                ["16", "31/03/2024", "", "C2", ""],
                ["17", "01/05/2023", "01/07/2023", "", "E13"],
                ["17", "01/10/2023", "", "C2", ""],
                ["18", "01/05/2023", "01/07/2023", "C2", ""],
                ["18", "01/10/2023", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["17", "01/10/2023"],
                ["18", "01/10/2023"],
            ),
        },
        flagged={"Episodes": [1, 3]},
        related=(("Episodes", 3, "SWEpisodes", 0),),
    ),
    Case(
        "care that ended in the period before the first social worker episode is flagged",
        years=FROM_2024,
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["1", "01/01/2024", "01/04/2024", "C2", "E13"],
                ["1", "01/10/2025", "", "C2", ""],
                ["2", "01/05/2023", "31/03/2024", "C2", "E13"],
                ["2", "01/10/2025", "", "C2", ""],
                ["3", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["3", "01/10/2025", "", "C2", ""],
                ["4", "01/05/2025", "01/07/2025", "C2", "X1"],
                ["4", "01/07/2025", "", "C2", ""],
                ["5", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["6", "01/05/2025", "01/07/2025", "V4", "E13"],
                ["6", "01/10/2025", "", "C2", ""],
                ["7", "01/05/2025", "01/07/2025", "C2", ""],
                ["7", "01/10/2025", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["1", "01/10/2025"],
                ["2", "01/10/2025"],
                ["3", "01/07/2025"],
                ["4", "01/10/2025"],
                ["5", "01/10/2025"],
                ["6", "01/10/2025"],
                ["7", "01/10/2025"],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "SWEpisodes", 0),),
    ),
    Case(
        "looked after on 31 March means begun by then and open, or ended after it",
        years=FROM_2024,
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["11", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["11", "31/03/2026", "", "C2", ""],
                ["12", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["12", "01/04/2026", "", "C2", ""],
                ["13", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["13", "01/10/2025", "31/03/2026", "C2", "E13"],
                ["14", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["14", "01/10/2025", "01/04/2026", "C2", "E13"],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["11", "01/10/2025"],
                ["12", "01/10/2025"],
                ["13", "01/10/2025"],
                ["14", "01/10/2025"],
            ),
        },
        flagged={"Episodes": [0, 6]},
        related=(
            ("Episodes", 0, "SWEpisodes", 0),
            ("Episodes", 6, "SWEpisodes", 3),
        ),
    ),
    Case(
        "care ends on a date up to 31 March with a reason other than X1; a blank LS counts",
        years=FROM_2024,
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["15", "01/10/2025", "01/04/2026", "C2", "E13"],
                ["16", "01/05/2025", "31/03/2026", "C2", "E13"],
                ["16", "31/03/2026", "", "C2", ""],
                ["17", "01/05/2025", "01/07/2025", "", "E13"],
                ["17", "01/10/2025", "", "C2", ""],
                ["18", "01/05/2025", "01/07/2025", "C2", ""],
                ["18", "01/10/2025", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["17", "01/10/2025"],
                ["18", "01/10/2025"],
            ),
        },
        flagged={"Episodes": [1, 3]},
        related=(("Episodes", 3, "SWEpisodes", 0),),
    ),
    Case(
        "the earliest of several social worker episodes is compared, and none at all is flagged",
        years=FROM_2024,
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["19", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["19", "01/10/2025", "", "C2", ""],
                ["20", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["20", "01/10/2025", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["19", "01/10/2025"],
                ["19", "01/06/2025"],
            ),
        },
        flagged={"Episodes": [2]},
    ),
    Case(
        "in 2024-25 the period starts on 1 April 2023",
        years=FROM_2024,
        period="2024-25",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["21", "01/01/2023", "01/04/2023", "C2", "E13"],
                ["21", "01/10/2024", "", "C2", ""],
                ["22", "01/01/2023", "31/03/2023", "C2", "E13"],
                ["22", "01/10/2024", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["21", "01/10/2024"],
                ["22", "01/10/2024"],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "SWEpisodes", 0),),
    ),
    Case(
        "of a child's social worker episodes, only the earliest is named beside the finding",
        years=FROM_2024,
        period="2025-26",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "DEC", "LS", "REC"],
                ["23", "01/05/2025", "01/07/2025", "C2", "E13"],
                ["23", "01/10/2025", "", "C2", ""],
            ),
            "SWEpisodes": table(
                ["CHILD", "SW_DECOM"],
                ["23", "01/12/2025"],
                ["23", "01/10/2025"],
                ["24", "01/01/2025"],
            ),
        },
        flagged={"Episodes": [0]},
        related=(("Episodes", 0, "SWEpisodes", 1),),
    ),
]
