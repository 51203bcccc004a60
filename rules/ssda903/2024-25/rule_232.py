"""Rule 232: the child's sex is recorded as unknown."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="232",
    message="Sex of the child/young person has been reported as unknown.",
    tables=["Header"],
    fields=["SEX"],
    severity="query",
    tags=["codes"],
)
def sex_unknown(ctx: RuleContext) -> pl.LazyFrame:
    """The child's sex is recorded as U (unknown).

    This is a query: confirm that the child's sex is not known, or record M or F if it is.
    """
    # U is allowed from 2024-25; the LA is asked to confirm it.
    return ctx.table("Header").filter(pl.col("SEX").is_in(ctx.codes("SEX_UNKNOWN")))


CASES = [
    Case(
        "U is queried; lower-case u is no code and is not",
        tables={
            "Header": table(
                ["CHILD", "SEX"], ["1", "U"], ["2", "u"], ["3", "M"], ["4", "F"], ["5", ""]
            )
        },
        flagged={"Header": [0]},
    ),
    Case(
        "only U is queried, not old numeric codes, other letters or words",
        tables={
            "Header": table(
                ["CHILD", "SEX"],
                ["1", "U"],
                ["2", "1"],
                ["3", "2"],
                ["4", "X"],
                ["5", "Unknown"],
                ["6", "m"],
            )
        },
        flagged={"Header": [0]},
    ),
]
