"""Every user-visible UI string in both languages, and numbers written the reader's way.

One catalog, looked up by key: a language switch re-reads every string from here. Dataset texts
carry their own two languages; this is for the interface around them.
"""

from __future__ import annotations

from decimal import Decimal

from ..dataset.records import Qualifier

__all__ = ["LANGUAGES", "STRINGS", "format_change", "format_value", "tr"]

LANGUAGES = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # application
    "app.name": ("医联体十年时间轴", "Alliance Timeline"),
    "app.title": ("{title} — 医联体十年时间轴", "{title} — Alliance Timeline"),
    "app.about": (
        "重医附二院医联体（巫山分院、秀山分院）十年历程的时间轴。\n版本 {version}。数据出处见每条记录。",
        "A timeline of ten years of the alliance of the Second Affiliated Hospital of Chongqing Medical "
        "University with its Wushan and Xiushan branches.\nVersion {version}. Every record cites its source.",
    ),
    # menus and actions
    "menu.file": ("文件(&F)", "&File"),
    "menu.view": ("视图(&V)", "&View"),
    "menu.go": ("导航(&G)", "&Go"),
    "menu.language": ("语言(&L)", "&Language"),
    "menu.help": ("帮助(&H)", "&Help"),
    "menu.recent": ("最近打开", "Open &Recent"),
    "menu.theme": ("主题", "&Theme"),
    "action.open": ("打开数据集…", "&Open Dataset…"),
    "action.reload": ("重新载入", "&Reload"),
    "action.export_json": ("导出 JSON…", "Export &JSON…"),
    "action.export_csv": ("导出 CSV…", "Export &CSV…"),
    "action.quit": ("退出", "&Quit"),
    "action.find": ("查找", "&Find"),
    "action.zoom_in": ("放大", "Zoom &In"),
    "action.zoom_out": ("缩小", "Zoom &Out"),
    "action.fit": ("显示全部", "&Fit All"),
    "action.fullscreen": ("全屏", "&Full Screen"),
    "action.previous": ("上一个事件", "&Previous Milestone"),
    "action.next": ("下一个事件", "&Next Milestone"),
    "action.clear_filters": ("清除筛选", "&Clear Filters"),
    "action.about": ("关于", "&About"),
    "action.clear_recent": ("清除列表", "&Clear List"),
    "theme.system": ("跟随系统", "Follow &System"),
    "theme.light": ("浅色", "&Light"),
    "theme.dark": ("深色", "&Dark"),
    "theme.contrast": ("高对比度", "&High Contrast"),
    "lang.zh": ("中文", "中文"),
    "lang.en": ("English", "English"),
    # timeline
    "timeline.name": ("时间轴", "Timeline"),
    "timeline.desc": (
        "滚轮缩放，拖动平移，双击放大；←/→ 上一个/下一个事件，↑/↓ 切换院区，+/− 缩放，Home 显示全部，Enter 查看详情",
        "Wheel zooms, drag pans, double-click zooms in; ←/→ previous/next milestone, ↑/↓ switch lane, "
        "+/− zoom, Home fits all, Enter opens the detail",
    ),
    "timeline.alliance_band": ("医联体 · 总院", "Alliance · Parent hospital"),
    "timeline.undated": ("日期未载", "Date not stated"),
    "timeline.cluster": ("{n} 项", "{n} more"),
    "timeline.legend": ("图例", "Legend"),
    "timeline.anniversary": ("{n} 周年", "{n}th anniversary"),
    "timeline.signing": ("签约", "signing"),
    "legend.day": ("确切日期", "exact day"),
    "legend.bar": ("只知月份或年份", "month or year only"),
    "legend.span": ("持续时段", "a period"),
    "legend.undated": ("日期未载（时段内某日）", "date not stated (some day in the period)"),
    # detail pane
    "detail.none": ("在时间轴或列表中选择一个事件。", "Select a milestone on the timeline or in the list."),
    "detail.date": ("日期", "Date"),
    "detail.branch": ("院区", "Branch"),
    "detail.category": ("类别", "Category"),
    "detail.people": ("人物", "People"),
    "detail.places": ("地点", "Places"),
    "detail.tags": ("标签", "Tags"),
    "detail.media": ("图片", "Media"),
    "detail.source": ("出处", "Source"),
    "detail.paragraph": ("第 {n} 段", "paragraph {n}"),
    "detail.previous": ("上一个", "Previous"),
    "detail.next": ("下一个", "Next"),
    "detail.reporter": ("记者", "Reporter"),
    "detail.editors": ("编辑", "Editors"),
    "detail.photos": ("图片来源", "Photos"),
    "detail.published": ("发表日期", "Published"),
    "precision.day": ("精确到日", "exact day"),
    "precision.month": ("只知月份", "month only"),
    "precision.season": ("只知季节", "season only"),
    "precision.year": ("只知年份", "year only"),
    "precision.decade": ("只知年代", "decade only"),
    "precision.century": ("只知世纪", "century only"),
    "precision.interval": ("持续时段", "a period"),
    "precision.one_of": ("日期未载；在{range}", "date not stated; {range}"),
    # list, search and filters
    "list.date": ("日期", "Date"),
    "list.branch": ("院区", "Branch"),
    "list.category": ("类别", "Category"),
    "list.title": ("标题", "Title"),
    "search.placeholder": ("搜索标题、摘要、人物、标签…", "Search titles, summaries, people, tags…"),
    "filter.branches": ("院区", "Branches"),
    "filter.categories": ("类别", "Categories"),
    "filter.from": ("起", "From"),
    "filter.to": ("止", "To"),
    "filter.no_match": ("没有符合条件的事件。", "No milestone matches."),
    "status.showing": ("显示 {shown} / {total} 个事件", "Showing {shown} of {total} milestones"),
    "status.filtered": ("已筛选：{what}", "Filtered: {what}"),
    "status.query": ("“{q}”", "“{q}”"),
    "status.hidden_branches": ("隐藏院区 {names}", "hiding branches {names}"),
    "status.hidden_categories": ("隐藏类别 {names}", "hiding categories {names}"),
    "status.date_range": ("日期 {lo}–{hi}", "dates {lo}–{hi}"),
    "status.reload_failed": ("载入失败，仍显示上次的数据：{n} 个问题", "Load failed; still showing the last good data: {n} problems"),
    # indicators
    "indicators.title": ("发展指标", "Indicators"),
    "indicators.change": ("{change}（{lo}→{hi}）", "{change} ({lo}→{hi})"),
    "indicators.between": ("两点之间数据未载", "no data between the points"),
    "indicators.cumulative": ("累计 {range}", "cumulative, {range}"),
    "qualifier.more_than": ("余", "more than"),
    "qualifier.nearly": ("近", "nearly"),
    "qualifier.about": ("约", "about"),
    "qualifier.at_least": ("至少", "at least"),
    "qualifier.less_than": ("不足", "less than"),
    "qualifier.exact": ("", ""),
    # window components
    "detail.name": ("事件详情", "Milestone details"),
    "detail.previous_desc": ("选择符合筛选条件的上一个事件", "Select the previous milestone that matches the filter"),
    "detail.next_desc": ("选择符合筛选条件的下一个事件", "Select the next milestone that matches the filter"),
    "detail.position": ("第 {n} / {total} 个", "{n} of {total}"),
    "detail.position_desc": ("所选事件在符合筛选条件的事件中的位置", "Where the selected milestone stands among the matches"),
    "detail.person": ("{name}（{role}）", "{name} ({role})"),
    "detail.media_credit": ("{caption}（{credit}）", "{caption} ({credit})"),
    "detail.photos_credit": ("图片来源：{who}", "Photos: {who}"),
    "detail.paragraphs": ("第 {n} 段", "paragraphs {n}"),
    "detail.link_desc": ("出处网址；点击后在浏览器中打开", "Address of the source; click to open it in the browser"),
    "list.name": ("事件列表", "Milestone list"),
    "list.desc": ("符合筛选条件的事件；点击列标题排序", "The milestones that match the filter; click a column header to sort"),
    "filter.name": ("搜索和筛选", "Search and filters"),
    "search.name": ("搜索", "Search"),
    "search.desc": ("输入中文或英文，边输入边筛选", "Type Chinese or English; milestones are filtered as you type"),
    "filter.any": ("不限", "Any"),
    "filter.from_desc": ("只显示此年及以后的事件", "Show only milestones in or after this year"),
    "filter.to_desc": ("只显示此年及以前的事件", "Show only milestones in or before this year"),
    "filter.clear": ("清除筛选", "Clear filters"),
    "filter.clear_desc": ("取消所有筛选，显示全部事件", "Remove every filter and show all milestones"),
    "filter.branch_desc": ("显示或隐藏{name}的事件", "Show or hide the milestones of {name}"),
    "filter.category_desc": ("显示或隐藏“{name}”类事件", "Show or hide milestones of the category {name}"),
    "filter.status_name": ("筛选结果", "Filter result"),
    "indicators.hint": ("点击指标查看出处", "Click an indicator to see its source"),
    "indicators.source": ("{label}（{branch}）出处：{source}", "Source of {label} ({branch}): {source}"),
    "indicators.point": ("{date}：{value}", "{date}: {value}"),
    "indicators.unit": ("单位：{unit}", "Unit: {unit}"),
    "indicators.row_desc": ("点击或按空格键查看出处", "Click or press Space to see its source"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    zh, en = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


_QUALIFIER_MARK = {
    Qualifier.EXACT: ("", ""),
    Qualifier.MORE_THAN: ("", "+"),
    Qualifier.AT_LEAST: ("≥", ""),
    Qualifier.NEARLY: ("≈", ""),
    Qualifier.ABOUT: ("~", ""),
    Qualifier.LESS_THAN: ("<", ""),
}


def _trim(number: Decimal) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text


def format_value(value: Decimal, qualifier: Qualifier, lang: str) -> str:
    """A figure the reader's way: ``25万+`` in Chinese, ``250k+`` in English, qualifier kept."""
    if lang == "zh":
        if value >= 100_000_000:
            body = _trim(value / 100_000_000) + "亿"
        elif value >= 10_000:
            body = _trim(value / 10_000) + "万"
        else:
            body = _trim(value)
    elif value >= 1_000_000:
        body = _trim(value / 1_000_000) + "M"
    elif value >= 10_000:
        body = _trim(value / 1_000) + "k"
    else:
        body = f"{value:,.2f}".rstrip("0").rstrip(".")
    before, after = _QUALIFIER_MARK[qualifier]
    return f"{before}{body}{after}"


def format_change(old: Decimal, new: Decimal) -> str:
    """Relative change between two figures: ``+72%``, ``−5%``; ``×3.1`` past +200%."""
    if old <= 0:
        return ""
    ratio = new / old
    if ratio >= 3:
        return f"×{_trim(ratio.quantize(Decimal('0.1')))}"
    percent = round((ratio - 1) * 100)
    return f"+{percent}%" if percent >= 0 else f"−{-percent}%"
