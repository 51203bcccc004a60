"""Rule 633: LA where the previous permanence option was arranged is not a valid code."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="633",
    message=(
        "Local authority code where previous permanence option was arranged is not a valid value."
    ),
    tables=["PrevPerm"],
    fields=["LA_PERM"],
    tags=["codes", "permanence"],
)
def previous_permanence_la_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """A filled-in LA_PERM is an old-style three-digit LA code or WAL, SCO, NUK or NIR.

    Why: the list is the schema's LA_PERM group. A blank LA_PERM is allowed.
    """
    return ctx.table("PrevPerm").filter(not_in_codes("LA_PERM", ctx.codes("LA_PERM")))


CASES = [
    Case(
        "codes outside the LA list are flagged; blanks are not",
        tables={
            "PrevPerm": table(
                ["CHILD", "LA_PERM"],
                ["1", "800"],
                ["2", "wal"],
                ["3", "E09000027"],
                ["4", "801x"],
                ["5", ""],
                ["6", "999"],
            )
        },
        flagged={"PrevPerm": [2, 3]},
    ),
]
