"""Rule 8650: primary need code not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="8650",
    message="Primary Need Code invalid (see Primary Need table in CIN census code set)",
    tables=["CINdetails"],
    fields=["PrimaryNeedCode"],
    tags=["codes", "episodes"],
)
def primary_need_not_in_code_list(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode whose primary need code is filled in but is not one of N0 to N9.

    A blank code is not flagged here: rule 8610 reports it where the referral led to further
    action.
    """
    return ctx.table("CINdetails").filter(
        not_in_codes("PrimaryNeedCode", ctx.codes("PrimaryNeedCode"))
    )


CASES = [
    Case(
        "unknown and lower-case codes are flagged; N0 to N9 and blanks are not",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "PrimaryNeedCode"],
                ["A", "1", "N0"],
                ["A", "2", "n9"],
                ["B", "1", "N10"],
                ["C", "1", ""],
                ["D", "1", "N"],
                ["E", "1", "5"],
                ["F", "1", "N4"],
            )
        },
        flagged={"CINdetails": [1, 2, 4, 5]},
    ),
    Case(
        "each episode of a child is checked on its own",
        tables={
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA", "PrimaryNeedCode"],
                ["A", "1", "false", "N3"],
                ["A", "2", "false", "N 3"],
                ["A", "3", "true", " n8 "],
            )
        },
        flagged={"CINdetails": [1, 2]},
    ),
]
