"""Rule 191: a child in the OC2 cohort has OC2 health items left blank."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, rule, table

CORE = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]


@rule(
    code="191",
    message=(
        "Child has been looked after continuously for at least 12 months at 31 March but one or "
        "more data items relating to children looked after for 12 months have been left blank."
    ),
    tables=["OC2", "Episodes"],
    fields=[*CORE, "CHILD"],
    tags=["outcomes"],
)
def outcome_items_missing_in_oc2_cohort(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child looked after continuously for 12 months at 31 March has an OC2 record with
    immunisations, teeth check, health assessment and substance misuse all given.

    Why: these four items apply at every age (the others depend on age or on substance
    misuse). A child of the cohort with no OC2 record at all has them all blank: the child's
    latest episode is blamed then.
    """
    episodes = ctx.table("Episodes")
    oc2 = ctx.table("OC2")
    cohort = oc2_cohort(ctx)
    blank = pl.any_horizontal([pl.col(c).is_null() for c in CORE])
    latest = pl.col("_row") == pl.col("_row").sort_by(["DECOM", "_row"]).last().over("CHILD")
    return {
        "OC2": oc2.filter(blank).join(cohort, on="CHILD", how="semi"),
        "Episodes": episodes.filter(latest)
        .join(cohort, on="CHILD", how="semi")
        .join(oc2.select("CHILD"), on="CHILD", how="anti"),
    }


CASES = [
    Case(
        "blank items, or no OC2 record, for a child in care all year are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"],
                ["1", "01/01/2020", "S", "C2", "U1", "", ""],
                ["2", "01/01/2020", "S", "C2", "U1", "", ""],
                ["3", "01/01/2020", "S", "C2", "U1", "01/05/2021", "X1"],
                ["3", "01/05/2021", "P", "C2", "U2", "", ""],
                ["4", "01/06/2023", "S", "C2", "U1", "", ""],
                ["5", "01/01/2020", "S", "C2", "U1", "", ""],
            ),
            "OC2": table(
                ["CHILD", *CORE],
                ["1", "1", "1", "1", "0"],
                ["2", "1", "", "1", "0"],
                ["4", "", "", "", ""],
                ["5", "", "", "", ""],
            ),
        },
        flagged={"OC2": [1, 3], "Episodes": [3]},
        period="2023-24",
    ),
]
