"""Whether the council named by --la fits the return: most children's home postcodes lie in
the council that looks after them, so a return whose home postcodes mostly lie in another
council was probably checked with the wrong --la (and its placement rules misjudged)."""

import polars as pl

from csc_validate.collections.ssda903.reference import authorities
from csc_validate.collections.ssda903.reference.postcodes import normalised
from csc_validate.reference import ReferenceRequest, References
from csc_validate.tables import Tables

# "Most": more than half of the home postcodes the directory places, out of at least a few.
SHARE, FEWEST = 0.5, 5


def note(request: ReferenceRequest, tables: Tables, references: References) -> str | None:
    """One sentence when most home postcodes lie in one other council, else None."""
    if not request.la or "Episodes" not in tables:
        return None
    episodes = tables.typed("Episodes")
    if "HOME_POST" not in episodes.columns:
        return None
    named = authorities.council(request.la)
    homes = (
        episodes.select(normalised(pl.col("HOME_POST")).alias("POSTCODE"))
        .drop_nulls()
        .join(references.get("postcodes").collect(), on="POSTCODE", how="inner")
        .filter(pl.col("LA").is_not_null())
    )
    if homes.height < FEWEST:
        return None
    top = homes.group_by("LA").len().sort(["len", "LA"], descending=[True, False]).row(0)
    code, count = top
    if code == named.ons_code or count / homes.height <= SHARE:
        return None
    where = next((c.name for c in authorities.councils() if c.ons_code == code), None)
    place = f"{where} ({code})" if where else code
    share = round(100 * count / homes.height)
    return (
        f"{share}% of home postcodes are in {place}, not {named.name} ({request.la.strip()}): "
        "check --la, which the placement rules measure from"
    )
