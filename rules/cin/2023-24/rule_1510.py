"""Rule 1510: the UPN's first character is not the check letter its other characters give."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import UPN, upn_character, upn_check_letter
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1510",
    message="UPN invalid (wrong check letter at character 1)",
    tables=["ChildIdentifiers"],
    fields=["UPN"],
    tags=["identifiers", "upn"],
)
def upn_check_letter_wrong(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose UPN does not start with the check letter its other characters give.

    The check letter is calculated from characters 2 to 13 of the UPN. A wrong check letter usually
    means a mistyped UPN: copy it again from the child's school record. A UPN whose characters 2 to
    13 are not in UPN form cannot be checked here; rules 1530, 1540 and 1550 report those.
    """
    upn = pl.col(UPN)
    # A blank UPN, or one too malformed to compute the letter from, gives null: not flagged.
    return ctx.table("ChildIdentifiers").filter(upn_character(upn, 1) != upn_check_letter(upn, ctx))


CASES = [
    Case(
        "a UPN with the right check letter is clean, with a wrong one flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H801200001001"],
                ["B", "G801200001001"],
                ["C", "J801200001001"],
                ["D", "h801200001001"],
                ["E", "A801200001001"],
                ["F", ""],
            )
        },
        flagged={"ChildIdentifiers": [1, 2, 3, 4]},
    ),
    Case(
        "a temporary UPN's final letter counts as its place in the table (A=0)",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "U80120000100A"],
                ["B", "T80120000100A"],
                # Z=22: 40 + 22 * 13 = 326, remainder 4 gives E.
                ["C", "E80120000100Z"],
                ["D", "F80120000100Z"],
            )
        },
        flagged={"ChildIdentifiers": [1, 3]},
    ),
    Case(
        "the remainder 0 gives A and 22 gives Z",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "A000000000000"],
                # 9 * 2 + 1 * 4 = 22.
                ["B", "Z901000000000"],
                ["C", "Y901000000000"],
            )
        },
        flagged={"ChildIdentifiers": [2]},
    ),
    Case(
        "a UPN too malformed for a check letter is left to rules 1530 to 1550",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H80120000100"],
                ["B", "H8012000010011"],
                ["C", "H80120X001001"],
                ["D", "H80120000100I"],
                ["E", "H80120000100-"],
            )
        },
        flagged={},
    ),
    Case(
        "characters 12 and 13 count: a UPN ending 19 is checked on every character",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                # 8*2 + 1*4 + 2*5 + 1*10 + 1*12 + 9*13 = 169, remainder 8 gives J.
                ["A", "J801200001019"],
                ["B", "K801200001019"],
            )
        },
        flagged={"ChildIdentifiers": [1]},
    ),
    Case(
        "a letter or a non-ASCII digit in characters 2 to 12 is left to rules 1530 and 1540",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H80X200001001"],
                # A full-width 1 and an Arabic-Indic 1 where H801200001001 has a 1.
                ["B", "H80\uff11200001001"],
                ["C", "H80\u0661200001001"],
            )
        },
        flagged={},
    ),
]
