"""Rule 1540: the UPN's characters 5-12 are not all digits."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import UPN, upn_character
from csc_validate.rulekit import Case, RuleContext, rule, table

EIGHT_DIGITS = r"^[0-9]{8}$"


@rule(
    code="1540",
    message="UPN invalid (characters 5-12 not all numeric)",
    tables=["ChildIdentifiers"],
    fields=["UPN"],
    tags=["identifiers", "upn"],
)
def upn_middle_not_numeric(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose UPN does not have digits in all of characters 5 to 12.

    Characters 5 to 12 of a UPN are always digits: check for a mistyped letter O or I, or a
    UPN cut short, against the child's school record.
    """
    # A UPN that ends before character 12 lacks some of these digits, so it is flagged.
    upn = pl.col(UPN)
    return ctx.table("ChildIdentifiers").filter(
        upn.is_not_null() & ~upn_character(upn, 5, 8).str.contains(EIGHT_DIGITS)
    )


CASES = [
    Case(
        "a letter anywhere in characters 5-12 is flagged; letters outside them are not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H801200001001"],
                ["B", "H801O00001001"],
                ["C", "H8012000010O1"],
                ["D", "H80120000100A"],
                ["E", "HX01200001001"],
                ["F", "H801200 01001"],
                ["G", ""],
                ["H", "H801２00001001"],
                ["I", "H80120000١001"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2, 5, 7, 8]},
    ),
    Case(
        "a UPN ending before character 12 is flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H80120000100"],
                ["B", "H8012000010"],
                ["C", "H801"],
            )
        },
        flagged={"ChildIdentifiers": [1, 2]},
    ),
]
