"""Where the bundled dataset and resources are, installed or run from a checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_dataset_path", "export_schema_path", "resource_path"]

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _bundled(name: str) -> Path:
    # A wheel carries data/ and resources/ inside the package (see pyproject.toml); a checkout
    # has them beside the package.
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.exists() else _CHECKOUT / name


def bundled_dataset_path() -> Path:
    return _bundled("data") / "alliance.yaml"


def resource_path(*parts: str) -> Path:
    return _bundled("resources").joinpath(*parts)


def export_schema_path() -> Path:
    return _bundled("schema") / "export.schema.json"
