"""Rule 219: the placement type is not one the URN's provider offers."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.case_tables import CASE_OFSTED_LISTS
from csc_validate.collections.ssda903.rulekit.geography import code_not_listed
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="219",
    message=(
        "The Ofsted Unique reference number (URN) provided for the child's placement does not"
        " match the placement type recorded."
    ),
    tables=["Episodes"],
    fields=["URN", "PLACE"],
    tags=["urn"],
    needs=["--ofsted"],
)
def placement_type_not_offered(ctx: RuleContext) -> pl.LazyFrame:
    """The placement type is not one Ofsted lists for the provider with this URN.

    Only URNs on the lists with placement codes are checked (rule 1008 reports the others).
    """
    # NOTE: the peer also flags URNs missing from the lists or listed without placement
    # codes; those are rule 1008's, or unknowable, so they are not flagged here.
    return code_not_listed(ctx, "PLACE", "PLACE_CODES")


CASES = [
    Case(
        "a placement type the provider does not offer, or a blank one, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE"],
                ["2", "SC100001", "K1"],
                ["6", "SC100001", ""],
            )
        },
        flagged={"Episodes": [0, 1]},
        reference=CASE_OFSTED_LISTS,
    ),
    Case(
        "an offered type, and URNs unlisted, listed without types or XXXXXXX, are not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "URN", "PLACE"],
                ["1", "SC100001", "K2"],
                ["3", "SC100002", "K1"],
                ["4", "SC100005", "K1"],
                ["5", "SC999999", "K1"],
                ["7", "XXXXXXX", "A3"],
            )
        },
        flagged={},
        reference=CASE_OFSTED_LISTS,
    ),
]
