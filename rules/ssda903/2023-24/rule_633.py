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
    """The local authority that arranged the previous permanence option is not a valid code.

    Use the old-style three-digit local authority code, or one of WAL, SCO, NUK and NIR; leave it
    blank if it is not known.
    """
    # The list is the schema's LA_PERM group. A blank LA_PERM is allowed.
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
        flagged={"PrevPerm": [1, 2, 3]},
    ),
    Case(
        "places outside England pass; two, four or five digit codes do not",
        tables={
            "PrevPerm": table(
                ["CHILD", "LA_PERM"],
                ["1", "SCO"],
                ["2", "NUK"],
                ["3", "NIR"],
                ["4", "80"],
                ["5", "8000"],
                ["6", "80000"],
                ["7", "938"],
                ["7", "939"],
                ["8", "ENG"],
            )
        },
        flagged={"PrevPerm": [3, 4, 5, 7, 8]},
    ),
]
