"""Rule 8585Q: an episode closed because the child died, for a child with no date of death."""

import polars as pl

from csc_validate.collections.cin.rulekit import with_child
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="8585Q",
    message=(
        "Please check and either amend or provide a reason: CIN episode shows Died as the "
        "Closure Reason, however child has no recorded Date of Death"
    ),
    severity="query",
    tables=["CINdetails"],
    fields=["ReasonForClosure"],
    tags=["episodes"],
)
def closed_as_died_without_death_date(ctx: RuleContext) -> pl.LazyFrame:
    """A CIN episode closed with reason RC2 (died) for a child with no date of death.

    Record the child's date of death in ChildIdentifiers, or correct the reason for closure.
    """
    death = "PersonDeathDate"
    episodes = with_child(ctx.table("CINdetails"), ctx, [death, raw_name(death)], name_it=True)
    # A death date that cannot be read is still recorded; CSC001 reports it. A child with no
    # ChildIdentifiers row has no recorded date of death either.
    # NOTE: the peer flags the ChildIdentifiers row too; DfE's message is about the episode.
    return episodes.filter(
        pl.col("ReasonForClosure").is_in(ctx.codes("REASON_DIED"))
        & pl.col(raw_name(death)).is_null()
    )


CASES = [
    Case(
        "RC2 without a death date is flagged; with one, even unreadable, it is not",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", ""],
                ["B", "2015-01-01", "2024-06-10"],
                ["C", "2015-01-01", "2024-02-30"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-10", "RC2"],
                ["A", "2", "2024-07-10", "RC1"],
                ["B", "1", "2024-06-10", "RC2"],
                ["C", "1", "2024-06-10", "rc2"],
                ["A", "3", "2024-08-10", "rc2"],
                ["A", "4", "", ""],
            ),
        },
        flagged={"CINdetails": [0]},
        # The child's identifiers row, where the date of death is missing, is named beside it.
        related=(("CINdetails", 0, "ChildIdentifiers", 0),),
    ),
    Case(
        "an RC2 episode of a child missing from ChildIdentifiers is flagged",
        tables={
            "ChildIdentifiers": table(
                ["LAchildID", "PersonBirthDate", "PersonDeathDate"],
                ["A", "2015-01-01", "2024-06-10"],
            ),
            "CINdetails": table(
                ["LAchildID", "CINdetailsID", "CINclosureDate", "ReasonForClosure"],
                ["A", "1", "2024-06-10", "RC2"],
                ["Z", "1", "2024-06-10", "RC2"],
                ["Z", "2", "2024-09-10", "RC3"],
            ),
        },
        flagged={"CINdetails": [1]},
    ),
]
