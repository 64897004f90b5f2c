"""Every theme's colours: text at least 4.5:1 against whatever it is drawn on (WCAG AA), markers,
bars and focus at least 3:1; the dataset's own colours adjusted where they would fall short."""

import pytest
from PySide6.QtGui import QColor, QPalette

from timeline_app.dataset import bundled_dataset_path, load_dataset
from timeline_app.qt.colors import Theme, contrast, readable
from timeline_app.qt.palettes import palette_for

THEMES = ("light", "dark", "contrast")
R = QPalette.ColorRole


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(bundled_dataset_path())


@pytest.mark.parametrize("name", THEMES)
def test_the_palettes_text_is_readable(name):
    p = palette_for(name)
    for text, background in ((R.WindowText, R.Window), (R.Text, R.Base), (R.ButtonText, R.Button),
                             (R.PlaceholderText, R.Base), (R.HighlightedText, R.Highlight), (R.Link, R.Base),
                             (R.ToolTipText, R.ToolTipBase), (R.Text, R.AlternateBase)):
        assert contrast(p.color(text), p.color(background)) >= 4.5, (name, text, background)


@pytest.mark.parametrize("name", THEMES)
def test_what_the_app_paints_is_readable(name, dataset):
    theme = Theme(palette_for(name), name == "contrast", dataset)
    for where, background in theme.backgrounds().items():
        assert contrast(theme.text, background) >= 4.5, (name, "text", where)
        assert contrast(theme.muted, background) >= 4.5, (name, "muted", where)
    assert contrast(theme.highlighted_text, theme.highlight) >= 4.5
    for branch in dataset.branches:
        assert contrast(theme.branch_text(branch.id), theme.lane_tint(branch.id)) >= 4.5, (name, branch.id)
        assert contrast(theme.branch(branch.id), theme.base) >= 3, (name, branch.id)
    for category in dataset.categories:  # markers stand on the lanes and on the undated strip
        for background in (theme.base, theme.band):
            assert contrast(theme.category(category.id), background) >= 3, (name, category.id)
    assert contrast(theme.focus, theme.base) >= 3 and contrast(theme.badge_border, theme.base) >= 3


def test_the_dark_theme_keeps_eras_dark():
    """A light era colour on a dark background would swallow its (light) name."""
    theme = Theme(palette_for("dark"))
    fill = theme.era_fill("#dce8f5")
    assert contrast(theme.muted, fill) >= 4.5 and fill.lightnessF() < 0.4


def test_readable_moves_a_colour_only_as_far_as_needed():
    white = QColor("white")
    assert readable(QColor("#202020"), white, 4.5) == QColor("#202020")  # already fine: untouched
    pale = readable(QColor("#ffee88"), white, 3.0)
    assert 3.0 <= contrast(pale, white) < 3.3
