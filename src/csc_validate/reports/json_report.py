"""JSON: the Report model as it is, keys in a fixed order, for pipelines and CI."""

from pathlib import Path

from csc_validate.findings import Report
from csc_validate.reports.options import Options
from csc_validate.reports.output import emit


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def write(report: Report, destination: Path | None, options: Options) -> None:
    emit(render(report), destination)
