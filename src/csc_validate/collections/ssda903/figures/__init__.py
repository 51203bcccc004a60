"""DfE's headline figures for children looked after, computed from a checked SSDA903 return.

Each module holds the figures of one theme; FIGURES lists them in the order they are shown.
"""

import polars as pl

from csc_validate import collections
from csc_validate.collections.ssda903.figures import (
    adoption,
    care_leavers,
    looked_after,
    missing,
    movement,
    outcomes,
    stability,
)
from csc_validate.collections.ssda903.rulekit.geography import with_placement_geography
from csc_validate.reference import MissingReferenceError, ReferenceRequest, References
from csc_validate.rulekit.context import RuleContext
from csc_validate.schemas import YearSchema
from csc_validate.tables import Tables

FIGURES = (
    looked_after.FIGURES
    + movement.FIGURES
    + stability.FIGURES
    + missing.FIGURES
    + adoption.FIGURES
    + care_leavers.FIGURES
    + outcomes.FIGURES
)


def geography(tables: Tables, schema: YearSchema, suffix: str, la: str) -> pl.DataFrame | None:
    """PL_LOCATION and PL_DISTANCE of a year's episodes by _row, derived as the placement rules
    derive them (the council's code and the postcode directory)."""
    request = ReferenceRequest(la=la)
    references = References(collections.get(tables.collection).references(request, tables))
    context = RuleContext(tables, schema, references=references)
    try:
        located = with_placement_geography(context, context.table("Episodes" + suffix))
        return located.select("_row", "PL_LOCATION", "PL_DISTANCE").collect()
    except MissingReferenceError:
        return None
