"""Rule 8910: latest category of abuse missing or not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="8910",
    message=(
        "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
        "Census code set)"
    ),
    tables=["ChildProtectionPlans"],
    fields=["LatestCategoryOfAbuse"],
    tags=["codes", "plans"],
)
def latest_abuse_category_missing_or_invalid(ctx: RuleContext) -> pl.LazyFrame:
    """Child protection plans whose latest category of abuse is blank or not a DfE code.

    Use the category current at the end of the plan, or at 31 March for an open plan: NEG, PHY,
    SAB, EMO or MUL.
    """
    category = "LatestCategoryOfAbuse"
    codes = ctx.codes("CategoryOfAbuse")
    return ctx.table("ChildProtectionPlans").filter(
        # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): not_in_codes is false for a
        # blank, so the two sides are never true together and `^` equals `|`.
        pl.col(category).is_null() | not_in_codes(category, codes)
    )


CASES = [
    Case(
        "blank, unknown and lower-case codes are flagged; every DfE code is accepted",
        tables={
            "ChildProtectionPlans": table(
                ["LAchildID", "CINdetailsID", "CPPID", "LatestCategoryOfAbuse"],
                ["A", "1", "1", "NEG"],
                ["A", "1", "2", "PHY"],
                ["A", "1", "3", "SAB"],
                ["A", "1", "4", "EMO"],
                ["A", "1", "5", "MUL"],
                ["A", "2", "1", "mul"],
                ["B", "1", "1", ""],
                ["B", "1", "2", "SEX"],
                ["B", "1", "3", "0"],
            ),
        },
        flagged={"ChildProtectionPlans": [5, 6, 7, 8]},
    ),
    Case(
        "only the latest category is checked",
        tables={
            "ChildProtectionPlans": table(
                [
                    "LAchildID",
                    "CINdetailsID",
                    "CPPID",
                    "InitialCategoryOfAbuse",
                    "LatestCategoryOfAbuse",
                ],
                ["A", "1", "1", "", "EMO"],
                ["A", "1", "2", "EMO", "XYZ"],
            ),
        },
        flagged={"ChildProtectionPlans": [1]},
    ),
]
