"""Rule 1530: the UPN's characters 2-4 are not a recognised LA code."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import UPN, upn_character
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1530",
    message="UPN invalid (characters 2-4 not a recognised LA code)",
    tables=["ChildIdentifiers"],
    fields=["UPN"],
    tags=["identifiers", "upn", "codes"],
)
def upn_la_code_unrecognised(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose UPN's characters 2 to 4 are not a DfE LA code or pseudo-LA code.

    Characters 2 to 4 are the code of the authority that issued the UPN: check the UPN against
    the child's school record.
    """
    # NOTE: the peer checks only 13-character UPNs; a shorter UPN whose characters 2-4 are not
    # an LA code is flagged here too, since no CIN rule reports a UPN's length.
    upn = pl.col(UPN)
    return ctx.table("ChildIdentifiers").filter(
        upn.is_not_null() & ~upn_character(upn, 2, 3).is_in(ctx.codes("UPN_LA_CODES"))
    )


CASES = [
    Case(
        "codes at the edges of the LA-code ranges",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "A001000000000"],
                ["B", "A000000000000"],
                ["C", "A005000000000"],
                ["D", "A006000000000"],
                ["E", "A200000000000"],
                ["F", "A201000000000"],
                ["G", "A213000000000"],
                ["H", "A214000000000"],
                ["I", "A941000000000"],
                ["J", "A944000000000"],
                ["K", "A999000000000"],
                ["L", ""],
            )
        },
        flagged={"ChildIdentifiers": [1, 3, 4, 7, 9, 10]},
    ),
    Case(
        "942 and 943, valid from 2023-24, are recognised",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "A942000000000"],
                ["B", "A943000000000"],
                ["C", "A939000000000"],
            )
        },
        flagged={"ChildIdentifiers": [2]},
    ),
    Case(
        "letters in characters 2-4 and a UPN too short to hold a code are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "A8O1200001001"],
                ["B", "A80"],
                ["C", "A801"],
                ["D", "8012000010011"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1, 3]},
    ),
]
