"""View ▸ Branches Side by Side: the two branches by year and category, counts and titles; a
cell opens its milestones on the timeline."""

from __future__ import annotations

from archivist import open_window

from timeline_app.qt.dialogs.side_by_side import SideBySide
from timeline_app.viewmodel.side_by_side import compare_branches


def test_the_branches_side_by_side_open_their_milestones(qtbot):
    window = open_window(qtbot, lang="zh")
    window.action_set.actions["view.side_by_side"].trigger()
    dialog = window.findChild(SideBySide)
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["年份", "类别", "巫山分院", "秀山分院"]
    ds = window.session.dataset
    counted = sum(len(ids) for _, _, cells in compare_branches(ds).rows for ids in cells)
    assert counted == sum(1 for m in ds.milestones if m.branch in ("wushan", "xiushan"))  # each once
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "2013年" and table.item(r, 2).text())
    cell = table.item(row, 2)
    first = cell.data(0x0100)[0]
    assert cell.text().startswith(f"{len(cell.data(0x0100))} 项：{ds.milestone_by_id[first].title.zh}")
    table.itemActivated.emit(cell)
    assert window.session.state.selection == first
    x0, x1 = window.session.state.x_range
    assert x1 - x0 < 500  # zoomed to the cell's milestones, not the decade
    undated = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert undated[-1] == "日期未载" and undated.index("日期未载") > undated.index("2023年")  # counted apart, last
    dialog.reject()
