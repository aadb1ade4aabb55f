"""Small bar charts drawn on the server as inline SVG, for the admin reports.

No scripts and no external files: the chart is part of the HTML, readable with
JavaScript off, and each bar carries a tooltip with its exact value. Reports
show the same numbers in a table next to the chart for screen readers.
"""

from datetime import timedelta

from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def last_days(count=30, today=None):
    """The ``count`` days ending today, oldest first."""
    today = today or timezone.localdate()
    return [today - timedelta(days=offset) for offset in range(count - 1, -1, -1)]


def bar_chart(days, series, *, title, width=640, height=180):
    """A bar per day; several series stack on top of each other.

    ``series`` is a list of ``(label, colour, {day: value}, describe)``, where
    ``describe(value)`` words a bar's count for its tooltip through ngettext
    ("1 click", "2 clicks"). Days are in the admin's own date format
    (DATE_FORMAT). Returns safe HTML.
    """
    left, right, top, bottom = 36, 8, 12, 24
    plot_width = width - left - right
    plot_height = height - top - bottom
    totals = [sum(entry[2].get(day, 0) for entry in series) for day in days]
    peak = max(totals, default=0) or 1
    slot = plot_width / max(len(days), 1)
    bar_width = max(slot * 0.75, 1)

    bars = []
    for index, day in enumerate(days):
        x = left + index * slot + (slot - bar_width) / 2
        y_bottom = top + plot_height
        for _label, colour, values, describe in series:
            value = values.get(day, 0)
            if not value:
                continue
            bar_height = value / peak * plot_height
            y_bottom -= bar_height
            bars.append(
                (
                    f"{x:.1f}",
                    f"{y_bottom:.1f}",
                    f"{bar_width:.1f}",
                    f"{bar_height:.1f}",
                    colour,
                    f"{formats.date_format(day, 'DATE_FORMAT')}: {describe(value)}",
                )
            )
    bar_html = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
        bars,
    )
    axis = format_html(
        '<line x1="{left}" y1="{base}" x2="{end}" y2="{base}" stroke="#888"/>'
        '<text x="{label_x}" y="{top_text}" text-anchor="end" font-size="11">{peak}</text>'
        '<text x="{label_x}" y="{base}" text-anchor="end" font-size="11">0</text>'
        '<text x="{left}" y="{date_y}" font-size="11">{first}</text>'
        '<text x="{end}" y="{date_y}" text-anchor="end" font-size="11">{last}</text>',
        left=left,
        end=width - right,
        base=top + plot_height,
        label_x=left - 4,
        top_text=top + 8,
        peak=peak if any(totals) else 0,
        date_y=height - 6,
        first=formats.date_format(days[0], "DATE_FORMAT") if days else "",
        last=formats.date_format(days[-1], "DATE_FORMAT") if days else "",
    )
    legend = ""
    if len(series) > 1:
        legend = format_html(
            '<ul class="chart-legend">{}</ul>',
            format_html_join(
                "",
                '<li><svg width="12" height="12" aria-hidden="true"><rect width="12" '
                'height="12" fill="{}"/></svg> {}</li>',
                ((entry[1], entry[0]) for entry in series),
            ),
        )
    svg = format_html(
        '<svg class="chart" role="img" aria-label="{title}" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" xmlns="http://www.w3.org/2000/svg">'
        "<title>{title}</title>{axis}{bars}</svg>",
        title=title,
        w=width,
        h=height,
        axis=axis,
        bars=bar_html,
    )
    return mark_safe(f'<figure class="report-chart">{svg}{legend}</figure>')
