"""An assistive technology's view of the app: run by the system python3 (pyatspi), not the venv.

It speaks JSON on stdout so the pytest side (in the venv, without pyatspi) decides what is right:

  atspi_client.py tree                    every accessible of the app, depth first
  atspi_client.py watch NAME STEP...      focuses the accessible named NAME, takes the steps (a key:
                                          an X keysym name, e.g. Right; or click:NAME, a click on
                                          the middle of what is named so) and reports the events heard
"""

import json
import sys
import time

import pyatspi
from gi.repository import GLib

APP = "timeline-app"
_STATES = {pyatspi.STATE_FOCUSABLE: "focusable", pyatspi.STATE_FOCUSED: "focused",
           pyatspi.STATE_SHOWING: "showing", pyatspi.STATE_CHECKED: "checked",
           pyatspi.STATE_CHECKABLE: "checkable", pyatspi.STATE_SELECTED: "selected",
           pyatspi.STATE_INVALID_ENTRY: "invalid", pyatspi.STATE_ENABLED: "enabled", pyatspi.STATE_ACTIVE: "active"}


def app():
    """The app's root accessible, waiting for it to register (up to 20 s)."""
    deadline = time.monotonic() + 20
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for candidate in desktop:
            if candidate is not None and candidate.name == APP and candidate.childCount:
                return candidate
        if time.monotonic() > deadline:
            raise SystemExit("the app did not register on the accessibility bus")
        time.sleep(0.2)


def describe(acc, parent_role=""):
    states = acc.getState()
    node = {"role": acc.getRoleName(), "name": acc.name or "", "description": acc.description or "",
            "states": sorted(label for state, label in _STATES.items() if states.contains(state)),
            "parent_role": parent_role}
    try:
        ext = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        node["extents"] = [ext.x, ext.y, ext.width, ext.height]
    except NotImplementedError:
        pass
    try:
        text = acc.queryText()
        node["text"] = text.getText(0, text.characterCount)
    except NotImplementedError:
        pass
    return node


def tree(root):
    nodes, stack = [], [(root, "")]
    while stack:
        acc, parent_role = stack.pop()
        node = describe(acc, parent_role)
        nodes.append(node)
        stack.extend((acc.getChildAtIndex(i), node["role"]) for i in reversed(range(acc.childCount)))
    return nodes


def find(root, name):
    return pyatspi.findDescendant(root, lambda acc: acc.name == name, True)


def activate(root):
    """Activates the app's window as a window manager would on a click: a click on the middle of
    its top edge, the empty stretch of the menu bar, or the kiosk's heading (Xvfb has no window
    manager, and Qt moves no focus in an inactive window)."""
    ext = root.getChildAtIndex(0).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + 4, "b1c")


def click(root, name):
    target = find(root, name)
    ext = target.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")


def watch(root, name, keys):
    target = find(root, name)
    if target is None:
        raise SystemExit(f"nothing named {name!r}")
    heard = []

    def on_event(event):
        source = event.source
        try:
            heard.append({"type": event.type, "name": source.name or "", "description": source.description or "",
                          "role": source.getRoleName(), "detail": event.detail1,
                          "data": event.any_data if isinstance(event.any_data, str) else ""})
        except Exception as error:  # the source went away while the event travelled
            heard.append({"type": "lost " + event.type, "name": repr(error), "description": "", "role": "",
                          "detail": event.detail1, "data": ""})

    kinds = ["focus:", "object:state-changed:focused", "object:property-change:accessible-name",
             "object:property-change:accessible-description", "object:announcement"]
    for kind in kinds:
        pyatspi.Registry.registerEventListener(on_event, kind)
    loop = GLib.MainLoop()
    steps = [lambda: activate(root), lambda: target.queryComponent().grabFocus()]
    for key in keys:
        if key.startswith("click:"):  # a tap on what is named so, where it says it is
            steps.append(lambda name=key[6:]: click(root, name))
        else:
            keysym = _keysym(key)
            steps.append(lambda k=keysym: pyatspi.Registry.generateKeyboardEvent(k, None, pyatspi.KEY_SYM))

    steps += [lambda: None] * 2  # time for the last events to arrive on a busy machine
    failed = []

    def step():
        if steps and not failed:
            heard.append({"type": "step", "name": "", "description": "", "role": "", "detail": 0, "data": ""})
            try:
                steps.pop(0)()
            except Exception as error:  # reported after the loop: an exception here would hang it
                failed.append(error)
            return True
        loop.quit()
        return False

    GLib.timeout_add(700, step)
    loop.run()
    if failed:
        raise failed[0]
    return heard


_KEYSYMS = {"Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54, "Return": 0xFF0D, "Tab": 0xFF09}


def _keysym(name):
    """X keysym of a key name: the arrows, Return, Tab, or a printable character."""
    return _KEYSYMS.get(name) or ord(name)


def main(argv):
    root = app()
    if argv[0] == "tree":
        result = tree(root)
    elif argv[0] == "watch":
        result = watch(root, argv[1], argv[2:])
    else:
        raise SystemExit(f"unknown command {argv[0]!r}")
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
