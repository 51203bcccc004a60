"""The census csc-validate writes, against the one CIN XSD that can be had (see xsd/SOURCE.md)."""

from pathlib import Path

import pytest

from csc_validate.collection import ExampleRequest
from csc_validate.collections import cin
from csc_validate.returns.validation import problems
from tests.returns.conftest import write_return

XSD = Path(__file__).parent / "xsd" / "CIN_schema_2024.xsd"
# Where liia-tools' file differs from the 2023-24 census (xsd/SOURCE.md): values, not structure.
KNOWN_VALUE_DIFFERENCES = ("NumberOfPreviousCPP: value must be positive", "AssessmentFactors")


@pytest.fixture(scope="module")
def census_2023_24(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cin-2023-24") / "census.xml"
    cin.COLLECTION.write_examples(ExampleRequest(out, 2000, 5, "2023-24", 0.0))
    return out


def test_the_2023_24_census_has_the_xsd_structure(census_2023_24: Path, tmp_path: Path) -> None:
    written = write_return([census_2023_24], tmp_path / "census.xml")[0]
    found = [
        problem
        for problem in problems(written, XSD, limit=None)
        if not any(known in problem for known in KNOWN_VALUE_DIFFERENCES)
    ]
    assert found == []


def test_a_breach_of_the_xsd_is_reported_with_its_element(
    census_2023_24: Path, tmp_path: Path
) -> None:
    written = write_return([census_2023_24], tmp_path / "census.xml")[0]
    broken = type(written)(
        written.path, written.data.replace(b"<LEA>", b"<LEA>9", 1), written.description
    )
    assert any(p.startswith("/Message/Header/Source/LEA") for p in problems(broken, XSD))
