"""The test-only workforce census: its year runs 1 October to 30 September, its rows are about
workers, and it has no example-data generator."""

from pathlib import Path

from csc_validate.collection import Collection
from csc_validate.periods import YearlyPeriods
from csc_validate.readers.casting import DateFormat, read_date_values
from csc_validate.readers.detect import Detected
from csc_validate.subject import Subject

HERE = Path(__file__).parent
UK_DATE = DateFormat(pattern="%d/%m/%Y", shape=r"^\d{2}/\d{2}/\d{4}$", label="dd/mm/yyyy")
TO_SEPTEMBER = YearlyPeriods(first_month=10)


def infer_year(found: list[Detected]) -> tuple[str, str] | None:
    """The year of the latest absence: a census is taken at the end of its year."""
    days = [
        day
        for match in found
        if match.table == "Absences"
        # Header names are matched whatever their case, as the reader does.
        for name, values in match.sheet.columns.items()
        if name.upper() == "ABSENCESTART"
        for day in read_date_values(values, (UK_DATE,))
        if day is not None
    ]
    if not days:
        return None
    latest = max(days)
    return TO_SEPTEMBER.containing(latest), f"the latest absence starts on {latest:%d/%m/%Y}"


COLLECTION = Collection(
    name="workforce",
    title="the test workforce census",
    date_formats=(UK_DATE,),
    infer_year=infer_year,
    year_from="the Absences' start dates",
    required_tables=("Workers", "Absences"),
    period=TO_SEPTEMBER,
    subject=Subject("worker", "workers"),
    schemas_dir=HERE / "schemas",
    rules_dir=HERE / "rules",
)
