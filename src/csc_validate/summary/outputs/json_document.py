"""The summary as JSON: {"figures": [...]} with the period and inputs beside it."""

import sys
from pathlib import Path

from csc_validate import atomic
from csc_validate.summary.model import Summary


def render(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


def write(summary: Summary, destination: Path | None) -> None:
    text = render(summary)
    if destination is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(destination, text)
