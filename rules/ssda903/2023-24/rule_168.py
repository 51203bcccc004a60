"""Rule 168: UPN is neither a well-formed pupil number nor an 'unknown' code."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# A check letter (never I, O or S), then 12 digits, or 11 digits and a letter (temporary UPN).
UPN_SHAPE = r"^[A-HJ-NP-RT-Z]([0-9]{12}|[0-9]{11}[A-Z])$"


@rule(
    code="168",
    message=(
        "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, "
        "UN3, UN4 or UN5."
    ),
    tables=["Header"],
    fields=["UPN"],
    tags=["codes"],
)
def upn_malformed(ctx: RuleContext) -> pl.LazyFrame:
    """The child's unique pupil number (UPN) is not shaped like a UPN or an 'unknown' code.

    Check the UPN against the school's records: it is 13 characters, a letter then 12 digits (or 11
    digits and a letter); if it is not known, give the reason as one of UN1 to UN5.
    """
    # DfE's shape for a UPN: a letter other than I, O or S, then twelve digits, or eleven digits and
    # a letter. A blank UPN is not flagged by this rule.
    upn = pl.col("UPN")
    # Equivalent mutant (ReplaceBinaryOperator_BitOr_BitXor): an 'unknown' code (UN1 to UN5) is
    # three characters, never UPN-shaped, so the two tests are never both true.
    well_formed = upn.str.contains(UPN_SHAPE) | upn.is_in(ctx.codes("UPN_UNKNOWN"))
    return ctx.table("Header").filter(upn.is_not_null() & ~well_formed)


CASES = [
    Case(
        "malformed UPNs are flagged: wrong first letter, length, case order or an unknown UN code",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["5", "I123456789012"],
                ["6", "A12345678901"],
                ["7", "A1234567890123"],
                ["8", "UN6"],
                ["9", "A12345678901ZZ"],
                ["10", "123456789012A"],
                ["11", "A１23456789012"],
            )
        },
        flagged={"Header": [0, 1, 2, 3, 4, 5, 6]},
    ),
    Case(
        "UPNs, temporary UPNs, UN codes and blanks are not flagged",
        tables={
            "Header": table(
                ["CHILD", "UPN"],
                ["1", "A123456789012"],
                ["2", "a12345678901z"],
                ["3", "UN5"],
                ["4", ""],
            )
        },
        flagged={"Header": [1]},
    ),
]
