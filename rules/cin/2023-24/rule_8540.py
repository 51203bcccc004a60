"""Rule 8540: a child whose referral led to further action has no valid disability recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit import CHILD_KEY, no
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="8540",
    message="Child’s disability is missing or invalid (see Disability table)",
    tables=["ChildCharacteristics", "Disabilities"],
    fields=["Disability"],
    tags=["codes", "disabilities"],
)
def disability_missing_or_invalid(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child whose referral led to further action has no valid disability recorded.

    The rule applies to a born child (with a date of birth) who has a CIN episode that led to
    further action (ReferralNFA false or 0). Record each of the child's disabilities with a code
    from the list, or NONE if the child has no disability. A child with no disability record is
    shown on its characteristics row; a bad code on its disability row.
    """
    # DfE: if PersonBirthDate is present and at least one ReferralNFA is false or 0, one or more
    # Disability must be present and all must be valid codes. An unreadable birth date is still
    # present (CSC001 reports it); a blank ReferralNFA is neither yes nor no (8568 reports it).
    born = ctx.table("ChildIdentifiers").filter(pl.col(raw_name("PersonBirthDate")).is_not_null())
    further_action = ctx.table("CINdetails").filter(no("ReferralNFA", ctx))
    children = (
        born.select(CHILD_KEY)
        .unique()
        .join(further_action.select(CHILD_KEY).unique(), on=CHILD_KEY, how="semi")
    )
    disabilities = ctx.table("Disabilities")
    characteristics = ctx.table("ChildCharacteristics").join(children, on=CHILD_KEY, how="semi")
    missing = characteristics.join(disabilities.select(CHILD_KEY), on=CHILD_KEY, how="anti")
    disability = pl.col("Disability")
    invalid = disabilities.join(children, on=CHILD_KEY, how="semi").filter(
        disability.is_null() | ~disability.is_in(ctx.codes("Disability"))
    )
    return {"ChildCharacteristics": missing, "Disabilities": invalid}


_CHILDREN = table(
    ["LAchildID", "PersonBirthDate", "ExpectedPersonBirthDate"],
    ["A", "2015-06-01", ""],
    ["B", "2016-06-01", ""],
    ["C", "2017-06-01", ""],
    ["D", "", "2025-06-01"],
    ["E", "2018-02-30", ""],
    ["F", "2019-06-01", ""],
    ["G", "2020-06-01", ""],
    ["H", "2021-06-01", ""],
)

CASES = [
    Case(
        "a born child with further action and no disability record is flagged on its "
        "characteristics",
        tables={
            "ChildIdentifiers": _CHILDREN,
            "ChildCharacteristics": table(
                ["LAchildID", "Ethnicity"],
                ["A", "WBRI"],
                ["B", "WBRI"],
                ["C", "WBRI"],
                ["D", "WBRI"],
                ["E", "WBRI"],
                ["F", "WBRI"],
                ["G", "WBRI"],
                ["H", "WBRI"],
            ),
            "Disabilities": table(["LAchildID", "Disability"], ["C", "mob"], ["G", "NONE"]),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "false"],
                ["B", "1", "true"],
                ["B", "2", "1"],
                ["C", "1", "0"],
                ["D", "1", "FALSE"],
                ["E", "1", "0"],
                ["F", "1", "true"],
                ["F", "2", "False"],
                ["G", "1", "0"],
                ["H", "1", ""],
            ),
        },
        flagged={"ChildCharacteristics": [0, 4], "Disabilities": [0]},
    ),
    Case(
        "blank and made-up codes are flagged only for a born child with further action",
        tables={
            "ChildIdentifiers": _CHILDREN,
            "ChildCharacteristics": table(
                ["LAchildID", "Ethnicity"], ["A", "WBRI"], ["B", "WBRI"], ["C", "WBRI"]
            ),
            "Disabilities": table(
                ["LAchildID", "Disability"],
                ["A", "XYZ"],
                ["A", "MOB"],
                ["A", ""],
                ["B", "XYZ"],
                ["B", ""],
                ["D", "ABC"],
                ["C", "HAND"],
                ["C", "AUT"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "ReferralNFA"],
                ["A", "1", "true"],
                ["A", "2", "0"],
                ["B", "1", "true"],
                ["C", "1", "false"],
                ["D", "1", "false"],
            ),
        },
        flagged={"Disabilities": [0, 2]},
    ),
]
