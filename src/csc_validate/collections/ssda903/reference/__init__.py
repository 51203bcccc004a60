"""Reference data the SSDA903 rules use beyond the return: the council, postcodes, Ofsted lists."""

import polars as pl

from csc_validate.collections.ssda903.reference import authorities, ofsted, postcodes
from csc_validate.readers.sheets import Sheet, normalise_header
from csc_validate.reference import ReferenceRequest, ReferenceSource

NEEDS_LA = "--la"
NEEDS_OFSTED = "--ofsted"


def sources(request: ReferenceRequest) -> dict[str, ReferenceSource]:
    """ "council" and "postcodes" need --la; "providers" needs --ofsted. A bad --la stops here."""
    council = authorities.council(request.la) if request.la else None
    given = request.given
    return {
        "council": ReferenceSource(
            NEEDS_LA,
            None
            if council is None
            else lambda: pl.DataFrame({"LA": [council.ons_code], "DFE_CODE": [council.dfe_code]}),
        ),
        "postcodes": ReferenceSource(
            NEEDS_LA,
            None
            if council is None
            else (
                (lambda: postcodes.lookup(given["postcodes"]))
                if "postcodes" in given
                else postcodes.load
            ),
        ),
        "providers": ReferenceSource(
            NEEDS_OFSTED,
            (lambda: _given_providers(given["ofsted"]))
            if "ofsted" in given
            else ((lambda: ofsted.read(request.ofsted)) if request.ofsted else None),
        ),
    }


def _given_providers(frame: pl.DataFrame) -> pl.DataFrame:
    """A table in an Ofsted list's layout (its column headers), as rule cases give one."""
    sheet = Sheet(
        file="ofsted.csv",
        columns={normalise_header(name): frame[name].to_list() for name in frame.columns},
        lines=list(range(2, frame.height + 2)),
    )
    return ofsted.providers(ofsted.sheet_frame(sheet))
