"""Rule 547: health promotion information given without the health items."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

HEALTH_ITEMS = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]


@rule(
    code="547",
    message=(
        "Any child who has health promotion information completed must also have immunisation, "
        "teeth check, health assessment and substance misuse problem identified fields completed."
    ),
    tables=["OC2"],
    fields=["HEALTH_CHECK", *HEALTH_ITEMS],
    tags=["outcomes"],
)
def health_check_given_without_health_items(ctx: RuleContext) -> pl.LazyFrame:
    """Health promotion information is given, but one of the four health items is blank.

    When health promotion information (HEALTH_CHECK) is filled in, also record the child's
    immunisations, teeth check, health assessment and substance misuse items.
    """
    # The items are IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE. NOTE:
    # "Completed" means filled in, with 0 or 1: the peer checks only HEALTH_CHECK = 1, but a check
    # recorded as not done is completed information just the same. A value outside the code list
    # still counts as given.
    missing = pl.any_horizontal(pl.col(HEALTH_ITEMS).is_null())
    return ctx.table("OC2").filter(pl.col("HEALTH_CHECK").is_not_null() & missing)


CASES = [
    Case(
        "health promotion information with any one health item blank, or all of them, is flagged",
        tables={
            "OC2": table(
                [
                    "CHILD",
                    "HEALTH_CHECK",
                    "IMMUNISATIONS",
                    "TEETH_CHECK",
                    "HEALTH_ASSESSMENT",
                    "SUBSTANCE_MISUSE",
                ],
                ["3", "1", "", "1", "1", "1"],
                ["4", "0", "1", "", "1", "1"],
                ["5", "1", "1", "1", "", "1"],
                ["6", "0", "1", "1", "1", ""],
                ["8", "1", "", "", "", ""],
                ["9", "9", "1", "1", "", "1"],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3, 4, 5]},
    ),
    Case(
        "HEALTH_CHECK with every health item given, even an unknown code, is not flagged",
        tables={
            "OC2": table(
                [
                    "CHILD",
                    "HEALTH_CHECK",
                    "IMMUNISATIONS",
                    "TEETH_CHECK",
                    "HEALTH_ASSESSMENT",
                    "SUBSTANCE_MISUSE",
                ],
                ["1", "1", "1", "1", "1", "0"],
                ["2", "0", "0", "0", "0", "0"],
                ["10", "1", "9", "9", "9", "9"],
            ),
        },
    ),
    Case(
        "without health promotion information the health items are not checked",
        tables={
            "OC2": table(
                [
                    "CHILD",
                    "HEALTH_CHECK",
                    "IMMUNISATIONS",
                    "TEETH_CHECK",
                    "HEALTH_ASSESSMENT",
                    "SUBSTANCE_MISUSE",
                ],
                ["7", "", "", "", "", ""],
                ["11", "", "1", "", "1", ""],
            ),
        },
    ),
]
