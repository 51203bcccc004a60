"""Export: the return DfE takes, in memory, from the tables of a checked extract; each file
validated against its XSD before anything is written."""

from dataclasses import dataclass
from pathlib import Path

from csc_validate import collections
from csc_validate.errors import UsageError
from csc_validate.findings import Report
from csc_validate.overwrite import refuse_outputs_over_inputs
from csc_validate.pipeline.request import Request
from csc_validate.returns import ReturnFile, ReturnRequest
from csc_validate.returns.validation import problems, schema_path
from csc_validate.severity import Severity
from csc_validate.tables import Tables

# The return is DfE's XML; its other files (social workers, deprivation of liberty) go beside.
RETURN_SUFFIXES = (".xml",)


@dataclass(frozen=True)
class Validated:
    """What a written file was checked against, and what broke it (nothing, when it passed)."""

    file: ReturnFile
    against: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prepared:
    report: Report
    files: tuple[Validated, ...]

    @property
    def blocking(self) -> int:
        """Errors DfE would bounce the return for: rule findings and schema breaches."""
        breaches = sum(1 for file in self.files if file.problems)
        return self.report.count_at_or_above(Severity.ERROR) + breaches


def check_output(output: Path) -> None:
    """The output is a return: an XML file, never a report's name such as errors.xlsx."""
    if output.is_dir():
        raise UsageError(f"--output {output}: is a folder; name the return file to write")
    if output.suffix.lower() not in RETURN_SUFFIXES:
        raise UsageError(
            f"--output {output}: export writes the return DfE takes, an .xml file (such as "
            "return.xml); for a report of the findings add --report errors.xlsx"
        )


def prepare(
    request: Request,
    checked: tuple[Report, Tables],
    output: Path,
    header: dict[str, str],
) -> Prepared:
    """The return's files, in memory, each checked against its XSD where the year has one.

    Written from the tables the check read: the extract is read once."""
    report, tables = checked
    chosen = collections.get(report.collection)
    if chosen.write_return is None:
        raise UsageError(f"csc-validate cannot write {chosen.title} yet")
    files = chosen.write_return(ReturnRequest(tables, output, header))
    _refuse_overwriting_inputs(list(request.paths), files)
    validated = []
    for file in files:
        xsd = schema_path(file, report.collection, report.year)
        if xsd is None and file.kind != "xml":
            validated.append(Validated(file, "DfE's CSV columns: csc-validate's structural tests"))
        elif xsd is None:
            against = "no DfE XML schema for this year: csc-validate's structural tests"
            validated.append(Validated(file, against))
        else:
            against = f"the XML schema schemas/{report.collection}/{report.year}/{xsd.name}"
            validated.append(Validated(file, against, tuple(problems(file, xsd))))
    return Prepared(report, tuple(validated))


def _refuse_overwriting_inputs(paths: list[Path], files: list[ReturnFile]) -> None:
    """The extract is never modified: no output (nor a file written beside it) may be one of
    its files."""
    refuse_outputs_over_inputs(
        [("--output", file.path) for file in files],
        [("one of the files being exported", path) for path in paths],
    )
