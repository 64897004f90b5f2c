import pytest

from timeline_app.dataset import bundled_dataset_path
from timeline_app.viewmodel import Session


@pytest.fixture
def session():
    """The bundled dataset (these tests are about its real shape)."""
    return Session.open(bundled_dataset_path())
