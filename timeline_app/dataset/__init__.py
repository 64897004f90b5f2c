"""The dataset: its records, EDTF dates, the strict YAML loader, the cache, media checks. No Qt here."""

from ..resources import bundled_dataset_path
from .records import (
    Branch, BranchKind, Category, Citation, Dataset, Era, Indicator, IndicatorPoint, Media,
    Milestone, Person, Qualifier, Source, Text, Tour,
)
from .edtf import EdtfDate, EdtfError, Kind, Precision, parse_edtf
from .loader import load_dataset
from .problems import DatasetError, Message, Problem

__all__ = [
    "Branch", "BranchKind", "Category", "Citation", "Dataset", "DatasetError", "EdtfDate", "EdtfError",
    "Era", "Indicator", "IndicatorPoint", "Kind", "Media", "Message", "Milestone", "Person", "Precision", "Problem",
    "Qualifier", "Source", "Text", "Tour", "bundled_dataset_path", "load_dataset", "parse_edtf",
]
