"""The pure-Python model: dataset records, EDTF dates, the loader and exports. No Qt here."""

from ..resources import bundled_dataset_path
from .dataset import (
    Branch, BranchKind, Category, Citation, Dataset, Era, Indicator, IndicatorPoint, Media,
    Milestone, Person, Qualifier, Source, Text,
)
from .edtf import EdtfDate, EdtfError, Kind, Precision, parse_edtf
from .loader import load_dataset
from .problems import DatasetError, Problem
from .session import Session
from .viewstate import Filter, ViewState

__all__ = [
    "Branch", "BranchKind", "Category", "Citation", "Dataset", "DatasetError", "EdtfDate", "EdtfError",
    "Era", "Indicator", "IndicatorPoint", "Kind", "Media", "Milestone", "Person", "Precision", "Problem",
    "Qualifier", "Session", "Source", "Text", "Filter", "ViewState", "bundled_dataset_path", "load_dataset",
    "parse_edtf",
]
