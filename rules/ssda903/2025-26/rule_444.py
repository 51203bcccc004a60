"""Rule 444: two children in the return share a UPN."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.groups import naming_each_other
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="444",
    message="Duplicate UPN has been reported",
    tables=["Header"],
    fields=["UPN"],
    tags=["integrity"],
)
def duplicate_upn(ctx: RuleContext) -> pl.LazyFrame:
    """Two or more children in the return have the same UPN.

    A UPN identifies one pupil: check each child's UPN and correct the one that is wrong, or use an
    unknown code (UN1-UN5) if the UPN is not known.
    """
    # DfE 2025-26 requires the UPN to be unique within the LA's return. Every row sharing the UPN is
    # flagged. Blanks (rule 442) and the unknown codes UN1-UN5, which many children share, are not
    # compared; UPNs compare exactly as written (a lower-case letter is not DfE's form of a UPN).
    upn = pl.col("UPN")
    known = upn.is_not_null() & ~upn.is_in(ctx.codes("UPN_UNKNOWN"))
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq): a row counts itself, so a UPN's
    # count is never below 1 and "more than 1" is "not 1".
    shared = ctx.table("Header").filter(known & (pl.len().over("UPN") > 1))
    # Each row names the others with its UPN.
    return naming_each_other(shared, "UPN")


CASES = [
    Case(
        "a UPN on two rows flags both; UN codes, blanks and another spelling may repeat",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["1", "A123456789012"],
                ["2", "A123456789012"],
                ["8", "a123456789012"],
                ["3", "B123456789012"],
                ["4", "UN1"],
                ["5", "UN1"],
                ["6", ""],
                ["7", ""],
            )
        },
        flagged={"Header": [0, 1]},
    ),
    Case(
        "a UPN on three rows flags all three; one row or a repeated UN code is not flagged",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["1", "C123456789012"],
                ["2", "C123456789012"],
                ["3", "C123456789012"],
                ["4", "D123456789012"],
                ["5", "UN2"],
                ["6", "UN2"],
                ["7", "UN5"],
                ["8", "un5"],
                ["9", "C12345678901"],
            )
        },
        flagged={"Header": [0, 1, 2]},
        related=(
            ("Header", 0, "Header", 1),
            ("Header", 0, "Header", 2),
            ("Header", 1, "Header", 0),
            ("Header", 1, "Header", 2),
            ("Header", 2, "Header", 0),
            ("Header", 2, "Header", 1),
        ),
    ),
]
