"""Reference data the SSDA903 rules use beyond the return: the council, postcodes, Ofsted lists."""

from functools import cache

import polars as pl

from csc_validate.collections.ssda903.reference import authorities, ofsted, postcodes
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.reference import ReferenceRequest, ReferenceSource
from csc_validate.tables import PREVIOUS_SUFFIX, Tables

NEEDS_LA = "--la"
NEEDS_OFSTED = "--ofsted"


def sources(request: ReferenceRequest, tables: Tables) -> dict[str, ReferenceSource]:
    """ "council" and "postcodes" need --la; "providers" needs --ofsted. A bad --la stops here."""
    council = authorities.council(request.la) if request.la else None
    given = request.given

    @cache
    def load_providers() -> pl.DataFrame:
        if "ofsted" in given:
            return _given_providers(given["ofsted"])
        return ofsted.read(request.ofsted)

    def load_postcodes() -> pl.DataFrame:
        if "postcodes" in given:
            return postcodes.lookup(given["postcodes"])
        # Only the postcodes the return and the provider lists use.
        wanted = _return_postcodes(tables)
        if request.ofsted:
            wanted |= set(load_providers()["POSTCODES"].explode().drop_nulls())
        return postcodes.load(wanted)

    has_providers = bool(request.ofsted) or "ofsted" in given
    return {
        "council": ReferenceSource(
            NEEDS_LA,
            None
            if council is None
            else lambda: pl.DataFrame({"LA": [council.ons_code], "DFE_CODE": [council.dfe_code]}),
        ),
        "postcodes": ReferenceSource(NEEDS_LA, None if council is None else load_postcodes),
        "providers": ReferenceSource(NEEDS_OFSTED, load_providers if has_providers else None),
    }


def _return_postcodes(tables: Tables) -> set[str]:
    """Every home and placement postcode of this year's and last year's episodes."""
    wanted: set[str] = set()
    for name in ("Episodes", f"Episodes{PREVIOUS_SUFFIX}"):
        if name in tables:
            episodes = tables.typed(name)
            for column in ("HOME_POST", "PL_POST"):
                if column in episodes.columns:
                    values = episodes.select(postcodes.normalised(pl.col(column)))
                    wanted |= set(values.to_series().drop_nulls().unique())
    return wanted


def _given_providers(frame: pl.DataFrame) -> pl.DataFrame:
    """A table in an Ofsted list's layout (its column headers), as rule cases give one."""
    sheet = Sheet(
        file="ofsted.csv",
        columns={normalise_header(name): frame[name].to_list() for name in frame.columns},
        lines=list(range(2, frame.height + 2)),
    )
    return ofsted.providers(ofsted.sheet_frame(sheet))
