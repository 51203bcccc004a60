"""Rule 1550: the UPN's 13th character is not a digit or an allowed letter."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import UPN, upn_character
from csc_validate.rulekit import Case, RuleContext, rule, table

UPN_LENGTH = 13


@rule(
    code="1550",
    message="UPN invalid (character 13 not a recognised value)",
    tables=["ChildIdentifiers"],
    fields=["UPN"],
    tags=["identifiers", "upn"],
)
def upn_last_character_unrecognised(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose UPN does not end in a 13th character that is a digit or an allowed letter.

    The 13th character must be a digit or a letter other than I, O and S (a temporary UPN ends in a
    letter), and it must be the last: a UPN is 13 characters. Check the UPN against the child's
    school record.
    """
    # NOTE: DfE's XML schema makes a UPN 13 characters and no CIN rule reports its length; the
    # peer skips UPNs of any other length, which lets them through unreported. A UPN that ends
    # before character 13, or goes on after it, is flagged here instead.
    upn = pl.col(UPN)
    recognised = upn_character(upn, 13).is_in(ctx.codes("UPN_LAST_CHARACTER"))
    return ctx.table("ChildIdentifiers").filter(
        # Equivalent mutant (ReplaceComparisonOperator_NotEq_Gt): a UPN shorter than 13 characters
        # has an empty 13th character, never a recognised one, so it is flagged either way.
        upn.is_not_null() & (~recognised | (upn.str.len_chars() != UPN_LENGTH))
    )


CASES = [
    Case(
        "digits and letters other than I, O and S are recognised",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H801200001001"],
                ["B", "U80120000100A"],
                ["C", "H801200001009"],
                ["D", "H80120000100Z"],
                ["E", "H80120000100I"],
                ["F", "H80120000100O"],
                ["G", "H80120000100S"],
                ["H", "H80120000100-"],
                ["I", "h80120000100s"],
                ["J", ""],
            )
        },
        flagged={"ChildIdentifiers": [4, 5, 6, 7, 8]},
    ),
    Case(
        "a UPN of 12 or 14 characters is flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "UPN"],
                ["A", "H80120000100"],
                ["B", "H8012000010011"],
                ["C", "H801200001001"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
