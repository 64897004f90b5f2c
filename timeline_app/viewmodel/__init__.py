"""The view model, without Qt: what is shown (state, session, filter matches, lanes, label
placement, time scale) and what every gesture does to it (the Navigator)."""

from .navigator import Navigator
from .session import Session
from .state import Filter, ViewState

__all__ = ["Filter", "Navigator", "Session", "ViewState"]
