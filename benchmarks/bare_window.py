"""A fresh process that imports PySide6 and pyqtgraph and paints an empty window: the floor that
``startup_ms`` is compared with (``benchmarks/run.py`` launches it)."""

import sys

import pyqtgraph  # noqa: F401  (imported as the viewer imports it)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from timeline_app.qt.startup import process_age_ms


class _Reporter(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"startup: {process_age_ms():.0f} ms to the first frame", file=sys.stderr, flush=True)
        QApplication.quit()


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1600, 900)
reporter = _Reporter()
window.installEventFilter(reporter)
window.show()
app.exec()
