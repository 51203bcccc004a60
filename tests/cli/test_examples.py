"""End to end on generated returns: clean data pass every rule; the bundled examples do not."""

from pathlib import Path

import pytest

from csc_validate.check import check
from csc_validate.collections.ssda903.synthetic.geography import council
from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.periods import previous_year

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ssda903"


@pytest.mark.parametrize("year", ["2023-24", "2024-25", "2025-26", "2026-27"])
def test_a_clean_generated_return_has_no_findings(tmp_path: Path, year: str) -> None:
    write(generate(400, seed=11, year=year, error_rate=0), tmp_path, year)
    report = check([tmp_path / year], [tmp_path / previous_year(year)])
    assert not report.crashes
    assert [(f.rule, f.table, f.child, f.values) for f in report.findings] == []


@pytest.mark.parametrize("year", ["2024-25", "2025-26", "2026-27"])
def test_a_clean_generated_return_has_no_findings_with_its_council(
    tmp_path: Path, year: str
) -> None:
    # Real postcodes in and around the generator's council: every postcode rule runs and passes.
    write(generate(300, seed=13, year=year, error_rate=0), tmp_path, year)
    la = council().dfe_code
    report = check([tmp_path / year], [tmp_path / previous_year(year)], la=la)
    assert not report.crashes
    assert [(f.rule, f.table, f.child, f.values) for f in report.findings] == []
    assert not [s for s in report.skipped if "--la" in s.reason]


def test_generated_mistakes_are_found(tmp_path: Path) -> None:
    result = generate(200, seed=5, year="2025-26", error_rate=0.3)
    write(result, tmp_path, "2025-26")
    report = check([tmp_path / "2025-26"], [tmp_path / "2024-25"])
    flagged = {f.child for f in report.findings}
    missed = {m.child for m in result.mistakes} - flagged
    assert not missed, (
        f"mistakes with no finding: {[m for m in result.mistakes if m.child in missed]}"
    )


def test_the_bundled_examples_have_findings() -> None:
    report = check([EXAMPLES / "2025-26"], [EXAMPLES / "2024-25"])
    assert report.totals["error"] > 0
    assert not report.crashes
    # Without --la and --ofsted only the rules that need them are left out, and said so.
    assert report.skipped and all(s.reason.startswith("needs --") for s in report.skipped)
    assert any(note.startswith("not run: ") for note in report.notes)
