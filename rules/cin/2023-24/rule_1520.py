"""Rule 1520: two or more children share one UPN."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_each_other
from csc_validate.collections.cin.rulekit.identifiers import UPN
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1520",
    message="More than one record with the same UPN.",
    tables=["ChildIdentifiers"],
    fields=["UPN"],
    tags=["identifiers", "upn"],
)
def upn_shared_by_several_records(ctx: RuleContext) -> pl.LazyFrame:
    """Every child record whose UPN is also given on another child record in the return.

    A UPN belongs to one pupil. Check each of the records flagged: correct the mistyped UPN, or
    merge the records if they are the same child.
    """
    # Blank UPNs are not repeats of one another; UPNs compare exactly as written, as codes do.
    # Each row names the other rows holding its UPN; blanks are never repeats.
    return with_each_other(ctx.table("ChildIdentifiers").filter(pl.col(UPN).is_not_null()), [UPN])


CASES = [
    Case(
        "every record of a repeated UPN is flagged; unique and blank UPNs are not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H801200001001"],
                ["B", "U80120000100A"],
                ["C", "H801200001001"],
                ["D", ""],
                ["E", ""],
                ["F", "h801200001001"],
                ["G", "A000000000000"],
            )
        },
        flagged={"ChildIdentifiers": [0, 2]},
        # Each record names the other holding its UPN.
        related=(
            ("ChildIdentifiers", 0, "ChildIdentifiers", 2),
            ("ChildIdentifiers", 2, "ChildIdentifiers", 0),
        ),
    ),
    Case(
        "a child listed twice with one UPN is flagged on both rows",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H801200001001"],
                ["A", "H801200001001"],
                ["B", "U80120000100A"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
