"""Rule 181: an OC2 yes/no item holds something other than 0 or 1."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table

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
    code="181",
    message=(
        "Data items relating to children looked after continuously for 12 months should be "
        "completed with a 0 or 1."
    ),
    tables=["OC2"],
    fields=ITEMS,
    tags=["codes", "outcomes"],
)
def outcome_flag_not_0_or_1(ctx: RuleContext) -> pl.LazyFrame:
    """One of the yes/no items in the child's outcomes (OC2) record is not 0 or 1.

    Enter 1 for yes or 0 for no in each yes/no item of the outcomes record.
    """
    # The eight OC2 yes/no items are listed in ITEMS. Which items must be given is checked by rules
    # 182, 190 to 193; a blank is not flagged here.
    flags = ctx.codes("FLAG")
    return ctx.table("OC2").filter(pl.any_horizontal([not_in_codes(i, flags) for i in ITEMS]))


CASES = [
    Case(
        "a record with any item other than 0, 1 or blank, first or last, is flagged",
        tables={
            "OC2": table(
                ["CHILD", *ITEMS],
                ["3", "2", "1", "1", "1", "1", "0", "", ""],
                ["4", "0", "", "1", "1", "1", "1", "0", "Y"],
                ["5", "0", "", "1", "Yes", "1", "0", "", ""],
            )
        },
        flagged={"OC2": [0, 1, 2]},
    ),
    Case(
        "records with only 0, 1 and blanks are not flagged",
        tables={
            "OC2": table(
                ["CHILD", *ITEMS],
                ["1", "0", "1", "1", "1", "1", "1", "1", ""],
                ["2", "", "", "", "", "", "", "", ""],
            )
        },
        flagged={},
    ),
]
