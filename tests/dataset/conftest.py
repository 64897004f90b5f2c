"""Fixtures for the dataset tests: both loading paths, so each test holds for libyaml and the pure parser."""

import pytest

from timeline_app.dataset import yamltree


@pytest.fixture(params=["libyaml", "pure"])
def yaml_parser(request, monkeypatch):
    """Runs a test once on the fast path (libyaml) and once on the reference path (pure-Python parser)."""
    if request.param == "pure":
        monkeypatch.setattr(yamltree, "has_fast_parser", lambda: False)  # as where libyaml is missing
    return request.param
