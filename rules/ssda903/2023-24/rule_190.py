"""Rule 190: OC2 items are given for a child not looked after continuously for 12 months."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import oc2_cohort
from csc_validate.rulekit import Case, RuleContext, rule, table

ITEMS = [
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
]


@rule(
    code="190",
    message=(
        "Child has not been looked after continuously for at least 12 months at 31 March but one "
        "or more data items relating to children looked after for 12 months have been completed."
    ),
    tables=["OC2", "Episodes"],
    fields=ITEMS,
    tags=["outcomes"],
)
def outcome_items_outside_oc2_cohort(ctx: RuleContext) -> pl.LazyFrame:
    """An OC2 record with any of the eight yes/no items given belongs to a child looked after
    continuously for 12 months at 31 March (the OC2 cohort, read from the episodes).

    Why: the SDQ score and reason have their own rules (185 and 198).
    """
    cohort = oc2_cohort(ctx)
    given = pl.any_horizontal([pl.col(item).is_not_null() for item in ITEMS])
    return ctx.table("OC2").filter(given).join(cohort, on="CHILD", how="anti")


CASES = [
    Case(
        "items for a child who started care on 2 April are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/04/2023", "S", "C2", "", ""],
                ["2", "02/04/2023", "S", "C2", "", ""],
                ["3", "02/04/2023", "S", "C2", "", ""],
            ),
            "OC2": table(
                ["CHILD", "CONVICTED", "IMMUNISATIONS", "INTERVENTION_OFFERED"],
                ["1", "0", "1", ""],
                ["2", "", "", "0"],
                ["3", "", "", ""],
                ["4", "0", "", ""],
            ),
        },
        flagged={"OC2": [1, 3]},
        period="2023-24",
    ),
]
