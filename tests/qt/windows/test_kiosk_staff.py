"""What staff meet: a PIN pad that locks after five wrong PINs, for longer each time, on a clock
the test moves; the way out once the lock has passed."""

from PySide6.QtCore import Qt

from kiosk import PIN, open_kiosk
from timeline_app.i18n import tr
from timeline_app.viewmodel.pin_guard import FIRST_LOCKOUT, FREE_TRIES


def enter(qtbot, pad, digits: str) -> None:
    for key in digits + "✓":
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)


def test_five_wrong_pins_lock_the_pad_for_longer_and_longer(qtbot):
    window, clock = open_kiosk(qtbot)
    try:
        window.ask_to_leave()
        pad = window.pin_pad
        for _ in range(FREE_TRIES - 1):
            enter(qtbot, pad, "1111")
            assert pad.message.text() == tr("kiosk.pin_wrong", "zh")
        enter(qtbot, pad, "1111")  # the fifth
        assert pad.message.text() == tr("kiosk.pin_locked", "zh", seconds=30)
        enter(qtbot, pad, PIN)  # the right PIN, during the lockout: refused
        assert window.isVisible() and pad.isVisible()
        clock.advance(FIRST_LOCKOUT - 1)
        enter(qtbot, pad, PIN)
        assert window.isVisible() and "1" in pad.message.text()
        clock.advance(1)
        enter(qtbot, pad, "2222")  # the sixth wrong one: twice as long
        assert pad.message.text() == tr("kiosk.pin_locked", "zh", seconds=60)
        qtbot.mouseClick(pad.cancel, Qt.MouseButton.LeftButton)  # closing the pad does not lift the lock
        clock.advance(30)
        window.ask_to_leave()
        enter(qtbot, pad, PIN)
        assert window.isVisible() and pad.message.text() == tr("kiosk.pin_locked", "zh", seconds=30)
        clock.advance(30)
        enter(qtbot, pad, PIN)
        assert not window.isVisible()  # once the lock has passed, the right PIN leaves
    finally:
        if window.isVisible():
            window.leave()
