"""Rule 224: the placement provider code is not the one the URN's provider has."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_OFSTED_LISTS
from csc_validate.collections.ssda903.rulekit.geography import code_not_listed
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="224",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does not"
        " match the placement provider recorded."
    ),
    tables=["Episodes"],
    fields=["URN", "PLACE_PROVIDER"],
    tags=["urn"],
    needs=["--ofsted"],
)
def provider_code_not_listed(ctx: RuleContext) -> pl.LazyFrame:
    """The placement provider code is not one Ofsted lists for the provider with this URN.

    Only URNs on the lists with provider codes are checked (rule 1008 reports the others).
    """
    # NOTE: as in 219, URNs missing from the lists are left to rule 1008.
    return code_not_listed(ctx, "PLACE_PROVIDER", "PROVIDER_CODES")


CASES = [
    Case(
        "a provider code the lists do not give for the URN, or a blank one, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE_PROVIDER"],
                ["2", "SC100001", "PR2"],
                ["5", "SC100002", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference=CASE_OFSTED_LISTS,
    ),
    Case(
        "a listed provider code, a URN listed without codes and XXXXXXX are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE_PROVIDER"],
                ["1", "SC100001", "PR1"],
                ["3", "SC100002", "PR3"],
                ["4", "SC100005", "PR1"],
                ["6", "XXXXXXX", "PR1"],
            )
        },
        flagged={},
        reference=CASE_OFSTED_LISTS,
    ),
]
