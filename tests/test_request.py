"""One Request for the pipeline: built from settings for the commands, from options for Python."""

import datetime as dt
from pathlib import Path

import pytest

from csc_validate import config
from csc_validate.check import request
from csc_validate.pipeline.request import Request
from csc_validate.severity import Severity


def test_the_settings_make_the_request_every_command_gives() -> None:
    settings = config.Config(
        inputs=(Path("extract"),),
        previous=(Path("last"),),
        collection="ssda903",
        year="2025-26",
        select=("103",),
        ignore=("355",),
        per_table_ignores={"Episodes": ("392c",)},
        la="383",
        ofsted=(Path("homes.xlsx"),),
        partial=True,
        severity={"355": Severity.QUERY},
    )
    day = dt.date(2025, 9, 30)
    assert Request.from_settings(settings, day) == Request(
        paths=(Path("extract"),),
        previous=(Path("last"),),
        collection="ssda903",
        year="2025-26",
        select=("103",),
        ignore=("355",),
        per_table_ignores={"Episodes": ("392c",)},
        la="383",
        ofsted=(Path("homes.xlsx"),),
        partial=True,
        severity={"355": Severity.QUERY},
        as_at=day,
    )


def test_python_callers_options_become_the_same_request() -> None:
    day = dt.date(2025, 9, 30)
    made = request(
        [Path("extract")],
        [Path("last")],
        select=["103"],
        per_table_ignores={"Episodes": ["392c"]},
        ofsted=None,
        as_at_day=day,
    )
    assert made == Request(
        paths=(Path("extract"),),
        previous=(Path("last"),),
        select=("103",),
        per_table_ignores={"Episodes": ("392c",)},
        as_at=day,
    )
    assert request([Path("extract")]) == Request(paths=(Path("extract"),))


def test_an_option_the_request_does_not_have_is_refused() -> None:
    with pytest.raises(TypeError, match="selected"):
        request([Path("extract")], selected=["103"])
