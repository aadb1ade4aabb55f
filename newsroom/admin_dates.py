"""Admin changelists whose date hierarchy refuses dates it cannot compute.

Django's date hierarchy turns ``?<field>__year=`` (and ``__month``, ``__day``)
into a range ending one day, month or year after the date asked for: year 9999
has no next year in Python, and very early or late years overflow when the
site's time zone converts them. A changelist with ``DateHierarchyGuard`` sends
such an address back to itself without the date, with a warning, instead of
failing.
"""

from datetime import date

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

MIN_YEAR = 1900
MAX_YEAR = 2999
PARTS = ("year", "month", "day")


def hierarchy_date(year, month, day):
    """The date the parameters name, or None when they name no usable date."""
    try:
        year = int(year)
        month = int(month) if month is not None else 1
        day = int(day) if day is not None else 1
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return date(year, month, day)
    except (TypeError, ValueError, OverflowError):
        return None


class DateHierarchyGuard:
    """A ModelAdmin mixin: out-of-range date-hierarchy parameters redirect."""

    def changelist_view(self, request, extra_context=None):
        if self.date_hierarchy:
            names = [f"{self.date_hierarchy}__{part}" for part in PARTS]
            year, month, day = (request.GET.getlist(name) for name in names)
            if year or month or day:
                valid = (
                    len(year) == 1
                    and len(month) <= 1
                    and len(day) <= 1
                    and (day == [] or month != [])
                    and hierarchy_date(
                        year[0], (month or [None])[0], (day or [None])[0]
                    )
                )
                if not valid:
                    return self._without_dates(request, names)
        return super().changelist_view(request, extra_context)

    def _without_dates(self, request, names):
        messages.warning(
            request,
            gettext(
                "That date cannot be shown: choose a year between %(min)s and "
                "%(max)s and a real month and day. Showing every date."
            )
            % {"min": MIN_YEAR, "max": MAX_YEAR},
        )
        query = request.GET.copy()
        for name in names:
            query.pop(name, None)
        return HttpResponseRedirect(
            request.path + ("?" + query.urlencode() if query else "")
        )
