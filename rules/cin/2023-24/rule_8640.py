"""Rule 8640: reason for closure not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="8640",
    message=(
        "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)"
    ),
    tables=["CINdetails"],
    fields=["ReasonForClosure"],
    tags=["codes", "episodes"],
)
def reason_for_closure_not_in_code_list(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode whose reason for closure is filled in but is not one of RC1 to RC9.

    A blank reason is not flagged here: rule 8805 reports a closed episode without one.
    """
    return ctx.table("CINdetails").filter(
        not_in_codes("ReasonForClosure", ctx.codes("ReasonForClosure"))
    )


CASES = [
    Case(
        "unknown and lower-case codes are flagged; RC1 to RC9 and blanks are not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReasonForClosure"],
                ["A", "1", "RC1"],
                ["A", "2", "rc9"],
                ["B", "1", "RC10"],
                ["C", "1", ""],
                ["D", "1", "RC0"],
                ["E", "1", "RC8"],
                ["F", "1", "8"],
            )
        },
        flagged={"CINdetails": [1, 2, 4, 6]},
    ),
    Case(
        "each closed episode of a child is checked on its own",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-05-01", "RC2"],
                ["A", "2", "2024-08-01", "RC 2"],
                ["A", "3", "2024-09-01", " rc7 "],
            )
        },
        flagged={"CINdetails": [1, 2]},
    ),
]
