"""Run one peer validator on one return, as its own command line or web front end would, for
compare.py's timing. Runs inside the peer's virtual environment; imports only the peer.

    python compare_peer.py ssda903 2025-26 E08000035 THIS_YEAR_FOLDER [LAST_YEAR_FOLDER]
    python compare_peer.py cin 2025-26 - CENSUS.xml

Prints the number of rules the peer ran and how many failed to run, nothing else.
"""

import contextlib
import io
import logging
import sys
import warnings
from pathlib import Path


def ssda903(year: str, council: str, folders: list[str]) -> tuple[int, int]:
    import importlib

    from lac_validator import lac_validator
    from lac_validator.types import UploadedFile

    files = [
        UploadedFile(name=path.name, description=description, file_content=path.read_bytes())
        for folder, description in zip(folders, ("This year", "Prev year"), strict=False)
        for path in sorted(Path(folder).glob("*.csv"))
    ]
    ruleset = importlib.import_module(f"lac_validator.rules.lac{year.replace('-', '_')}")
    # The peer names a year by the calendar year it ends in: 2025-26 is "2026".
    metadata = {"collectionYear": str(int(year[:4]) + 1), "localAuthority": council}
    validator = lac_validator.LacValidator(
        metadata=metadata, files=files, registry=ruleset.registry
    )
    return len(ruleset.registry), len(validator.fails)


def cin(year: str, census: str) -> tuple[int, int]:
    import xml.etree.ElementTree as ET

    from cin_validator import cin_validator
    from cin_validator.rules.ruleset_utils import get_year_ruleset

    tables = cin_validator.process_data(cin_validator.convert_data(ET.parse(census).getroot()))
    registry = get_year_ruleset(str(int(year[:4]) + 1))
    cin_validator.CinValidator(tables, registry, None)
    # The peer prints "Error with rule CODE: ..." for a rule that raised, and counts it passed.
    return len(registry), sys.stdout.getvalue().count("Error with rule ")


def main() -> None:
    collection, year, council, *paths = sys.argv[1:]
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    # The peers print from inside some rules; keep that off the timing's output.
    with contextlib.redirect_stdout(io.StringIO()):
        rules, failed = (
            ssda903(year, council, paths) if collection == "ssda903" else cin(year, paths[0])
        )
    print(f"{rules} rules, {failed} failed to run")


if __name__ == "__main__":
    main()
