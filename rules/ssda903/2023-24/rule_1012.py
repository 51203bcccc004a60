"""Rule 1012: other records returned for a care leaver with no episodes this year."""

import polars as pl

from csc_validate.rulekit import RELATED_ROW, RELATED_TABLE, Case, RuleContext, rule, table

# Records that describe a year in care; UASC is rule 1014's concern.
IN_CARE_TABLES = ["Reviews", "OC2", "AD1", "PlacedAdoption", "PrevPerm", "Missing"]


@rule(
    code="1012",
    message=(
        "No other data should be returned for OC3 children who had no episodes in the current year"
    ),
    tables=[*IN_CARE_TABLES, "OC3", "Episodes"],
    fields=["CHILD"],
    tags=["care-leavers"],
)
def in_care_records_for_care_leaver_without_episodes(
    ctx: RuleContext,
) -> dict[str, pl.LazyFrame]:
    """A care leaver with no episode this year has reviews, outcomes or adoption or missing records.

    Reviews, OC2 outcomes, adoption, placed-for-adoption, previous permanence and missing records
    describe time in care during the year: add the missing episode, or remove these records.
    """
    # Every such row is flagged. A table the return does not include has no rows to flag.
    without_episodes = (
        ctx.table("OC3")
        # The child's OC3 record is named beside each record flagged.
        .select("CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("OC3").alias(RELATED_TABLE))
        .join(ctx.table("Episodes").select("CHILD"), on="CHILD", how="anti")
    )
    return {
        name: ctx.table_or_empty(name).join(without_episodes, on="CHILD", how="inner")
        for name in IN_CARE_TABLES
    }


CASES = [
    Case(
        "records of a care leaver without episodes are flagged in every table",
        tables={
            "Episodes": table(["CHILD"], ["1"]),
            "OC3": table(["CHILD", "IN_TOUCH"], ["1", "YES"], ["2", "YES"]),
            "Reviews": table(
                ["CHILD", "REVIEW_CODE"],
                ["1", "PN1"],
                ["2", "PN1"],
                ["2", "PN1"],
                ["3", "PN1"],
                ["", "PN1"],
            ),
            "OC2": table(["CHILD"], ["2"], ["1"]),
            "AD1": table(["CHILD"], ["2"]),
            "PlacedAdoption": table(["CHILD"], ["1"], ["2"]),
            "PrevPerm": table(["CHILD"], ["2"]),
            "Missing": table(["CHILD"], ["3"], ["2"]),
        },
        flagged={
            "Reviews": [1, 2],
            "OC2": [0],
            "AD1": [0],
            "PlacedAdoption": [1],
            "PrevPerm": [0],
            "Missing": [1],
        },
        related=(
            ("Reviews", 1, "OC3", 1),
            ("Reviews", 2, "OC3", 1),
            ("OC2", 0, "OC3", 1),
            ("AD1", 0, "OC3", 1),
            ("PlacedAdoption", 1, "OC3", 1),
            ("PrevPerm", 0, "OC3", 1),
            ("Missing", 1, "OC3", 1),
        ),
    ),
    Case(
        "tables left out of the return are not needed",
        tables={
            "Episodes": table(["CHILD"], ["1"]),
            "OC3": table(["CHILD", "IN_TOUCH"], ["2", "YES"]),
            "Reviews": table(["CHILD"], ["2"], ["1"]),
        },
        flagged={"Reviews": [0]},
    ),
]
