"""The app as a screen reader meets it: through the AT-SPI bus, from another process."""

import re

import pytest

from timeline_app.i18n import tr

# Roles a user operates: each needs a name to be told apart.
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
               "password text", "spin button", "slider", "menu item", "check menu item", "radio menu item",
               "page tab", "link", "table", "tree table", "tree", "list", "list box", "scroll pane"}


def unnamed(nodes: list[dict]) -> list[dict]:
    """Controls without a name: interactive roles, and anything shown that takes focus (a label
    of the detail pane is empty while hidden). Cells and items are named by their text; the list
    that pops from a combo box is the combo box's."""
    found = []
    for node in nodes:
        operable = node["role"] in INTERACTIVE or {"focusable", "showing"} <= set(node["states"])
        if node["role"] in ("table cell", "list item") or node["parent_role"] == "combo box":
            continue
        if operable and not node["name"].strip():
            found.append(node)
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_control_has_a_name(launch, lang):
    with launch("--lang", lang) as app:
        nodes = app.tree()
    assert not [(n["role"], n["description"][:60]) for n in unnamed(nodes)]
    assert not [n["name"] for n in nodes if "\t" in n["name"]], "a shortcut is the key binding, not the name"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_arrows_on_the_timeline_speak_the_selected_milestone(launch, lang):
    with launch("--lang", lang) as app:
        heard = app.watch(tr("timeline.name", lang), "Right", "Right")
        nodes = app.tree()
    selected = [n["name"] for n in nodes if n["role"] == "table cell" and "selected" in n["states"]]
    assert selected, "the list shows the selection"
    title = selected[-1]  # the list's last column is the title
    spoken = [e for e in heard if e["type"] in ("focus:", "object:state-changed:focused") and e["detail"] != 0
              or e["type"] == "object:announcement"]
    assert any(title in (e["name"], e["data"]) or title in e["data"] for e in spoken), heard


def test_a_search_says_its_count_and_leaves_the_window_title_alone(launch):
    with launch("--lang", "en") as app:
        heard = app.watch(tr("search.name", "en"), "W", "u")
    said = [e["data"] for e in heard if e["type"].endswith("accessible-description") and e["role"] == "text"]
    assert said and re.fullmatch(r"Showing \d+ of \d+ milestones", said[-1])
    assert not [e for e in heard if e["role"] == "frame" and e["type"].endswith("accessible-name")]


def test_the_kiosk_buttons_take_focus(launch):
    with launch("--kiosk", "--lang", "en") as app:
        nodes = app.tree()
    buttons = [n for n in nodes if n["role"] in ("push button", "toggle button") and "showing" in n["states"]]
    assert buttons
    assert all("focusable" in n["states"] for n in buttons), [n["name"] for n in buttons]


def test_a_tap_on_the_kiosk_timeline_speaks_the_new_card(launch):
    with launch("--kiosk", "--lang", "en", "--scale", "1") as app:  # at 1.5 Qt reports unscaled extents
        nodes = app.tree()
        timeline = tr("timeline.name", "en")
        # the lowest box: a flag's box also spans its leader, whose middle (where the click goes) is
        # empty on a full screen; the lowest holds its label and marker side by side
        title = min((n for n in nodes if n["role"] == "list item" and "showing" in n["states"]
                     and re.search(r" of \d+$", n["description"])), key=lambda n: n["extents"][3])["name"]
        heard = app.watch(timeline, f"click:{title}")
    spoken = [e for e in heard if e["type"] == "focus:" or e["type"] == "object:announcement"]
    assert any(title in (e["name"], e["data"]) for e in spoken), heard
    assert not [e for e in heard if "detail" in e["description"].lower()], "the kiosk has no detail pane"
