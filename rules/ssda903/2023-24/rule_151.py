"""Rule 151: some adoption items are given and others left blank."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table

ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]


@rule(
    code="151",
    message="All data items relating to a childs adoption must be coded or left blank.",
    tables=["AD1"],
    fields=ITEMS,
    tags=["adoption"],
)
def adoption_items_partly_completed(ctx: RuleContext) -> pl.LazyFrame:
    """An adoption (AD1) record has some adoption items filled in and others left blank.

    Complete all six adoption items (date of the decision, date matched, adopted by foster carer,
    number, sex and legal status of the adopters), or leave them all blank.
    """
    # A date that is given but unreadable counts as given (rules 112 and 113 report it).
    given = [
        # Equivalent mutant (ReplaceMethod): testing blanks (is_null) flags the same rows, since
        # "some given and not all given" is "some blank and not all blank".
        pl.col(raw_name(item) if item.startswith("DATE_") else item).is_not_null()
        for item in ITEMS
    ]
    return ctx.table("AD1").filter(pl.any_horizontal(given) & ~pl.all_horizontal(given))


CASES = [
    Case(
        "a record with some items given and others blank is flagged",
        tables={
            "AD1": table(
                ["CHILD", *ITEMS],
                ["3", "01/02/2020", "01/06/2020", "0", "1", "F1", ""],
                ["4", "", "", "", "", "M1", ""],
                ["5", "01/02/2020", "", "1", "2", "MF", "L11"],
            )
        },
        flagged={"AD1": [0, 1, 2]},
    ),
    Case(
        "a record with all six items given, or all six blank, is not flagged",
        tables={
            "AD1": table(
                ["CHILD", *ITEMS],
                ["1", "01/02/2020", "01/06/2020", "0", "1", "F1", "L0"],
                ["2", "", "", "", "", "", ""],
            )
        },
        flagged={},
    ),
    Case(
        "an unreadable date counts as given, not as blank",
        tables={
            "AD1": table(
                ["CHILD", *ITEMS],
                ["6", "31/02/2020", "01/06/2020", "0", "1", "F1", "L0"],
                ["7", "31/02/2020", "", "", "", "", ""],
            )
        },
        flagged={"AD1": [1]},
    ),
]
