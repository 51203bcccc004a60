"""Rule 1560Q: the former UPN is not in UPN form."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="1560Q",
    message="Please check and either amend or provide a reason: Former UPN wrongly formatted",
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["FormerUPN"],
    tags=["identifiers", "upn"],
)
def former_upn_wrongly_formatted(ctx: RuleContext) -> pl.LazyFrame:
    """A child whose former UPN is not in the 13-character UPN form.

    The form is a check letter, 11 digits, then a digit or a letter other than I, O and S. A former
    UPN is a UPN the child held before, often a temporary one ending in a letter. Copy it from the
    child's school record, or leave it blank if there is none.
    """
    # NOTE: the peer wants 12 digits after the letter, which rejects every former temporary UPN
    # (ending in a letter); DfE's UPN format allows that final letter, so it is accepted here.
    first = "".join(ctx.codes("UPN_CHECK_LETTERS"))
    last = "".join(ctx.codes("UPN_LAST_CHARACTER"))
    upn_form = f"^[{first}][0-9]{{11}}[{last}]$"
    former = pl.col("FormerUPN")
    return ctx.table("ChildIdentifiers").filter(
        former.is_not_null() & ~former.str.contains(upn_form)
    )


CASES = [
    Case(
        "permanent and temporary former UPNs are in form; others are flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "FormerUPN"],
                ["A", "H801200001001"],
                ["B", "U80120000100A"],
                ["C", "u80120000100a"],
                ["D", ""],
                ["E", "1801200001001"],
                ["F", "I801200001001"],
                ["G", "H80120000100S"],
                ["H", "H8012000A1001"],
            )
        },
        flagged={"ChildIdentifiers": [2, 4, 5, 6, 7]},
    ),
    Case(
        "a former UPN of 12 or 14 characters is flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "FormerUPN"],
                ["A", "H80120000100"],
                ["B", "H8012000010011"],
                ["C", "H801200001001"],
            )
        },
        flagged={"ChildIdentifiers": [0, 1]},
    ),
]
