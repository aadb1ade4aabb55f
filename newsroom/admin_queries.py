"""Admin changelists that refuse query strings their database cannot answer.

Django's date hierarchy turns ``?<field>__year=`` (and ``__month``, ``__day``)
into a range ending one day, month or year after the date asked for: year 9999
has no next year in Python, and very early or late years overflow when the
site's time zone converts them; so does any ``__year`` filter
(``?active_from__year=0``). And a filter on a relation
(``?briefs=99999999999999999999``) sends an integer past 64 bits to the
database, which SQLite cannot take; and PostgreSQL refuses a text holding
a NUL byte (``?name=%00``, ``?q=%00``). A changelist with ``ChangelistQueryGuard``
sends such an address back to itself without the offending parameters, with a
warning, instead of failing.
"""

import re
from datetime import date

from django.contrib import messages
from django.contrib.admin.views.main import ERROR_FLAG, IGNORED_PARAMS, PAGE_VAR
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

MIN_YEAR = 1900
MAX_YEAR = 2999
PARTS = ("year", "month", "day")
# The widest integer column the databases hold (SQLite's, PostgreSQL's bigint).
MAX_INTEGER = 2**63 - 1
_INTEGER = re.compile(r"\s*[+-]?[0-9]+\s*")


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


def out_of_range(name, value):
    """Whether a filter's ``value`` (or an item of a comma list) is unusable.

    That is an integer past 64 bits, or, for a ``__year`` lookup, anything but
    a year between ``MIN_YEAR`` and ``MAX_YEAR``.
    """
    is_year = "year" in name.split("__")[1:]
    for part in value.split(","):
        if not _INTEGER.fullmatch(part):
            if is_year:
                return True
            continue
        try:
            number = int(part)
        except ValueError:  # more digits than Python converts
            return True
        if abs(number) > MAX_INTEGER or (
            is_year and not MIN_YEAR <= number <= MAX_YEAR
        ):
            return True
    return False


class ChangelistQueryGuard:
    """A ModelAdmin mixin: unusable dates and integers in the query redirect."""

    def changelist_view(self, request, extra_context=None):
        dates = []
        if self.date_hierarchy:
            dates = [f"{self.date_hierarchy}__{part}" for part in PARTS]
            if not self._dates_usable(request, dates):
                return self._without(
                    request,
                    dates,
                    gettext(
                        "That date cannot be shown: choose a year between "
                        "%(min)s and %(max)s and a real month and day. Showing "
                        "every date."
                    )
                    % {"min": MIN_YEAR, "max": MAX_YEAR},
                )
        unreadable = [
            name
            for name, values in request.GET.lists()
            if "\x00" in name or any("\x00" in value for value in values)
        ]
        if unreadable:
            return self._without(
                request,
                unreadable,
                gettext(
                    "The address held a character no text can contain (a NUL "
                    "byte): that part of the query was removed."
                ),
            )
        skipped = {*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG, *dates}
        too_large = [
            name
            for name, values in request.GET.lists()
            if name not in skipped
            and any(out_of_range(name, value) for value in values)
        ]
        if too_large:
            return self._without(
                request,
                too_large,
                gettext(
                    "A filter held a number out of range (a year must be "
                    "between %(min)s and %(max)s): it was removed."
                )
                % {"min": MIN_YEAR, "max": MAX_YEAR},
            )
        return super().changelist_view(request, extra_context)

    def _dates_usable(self, request, names):
        year, month, day = (request.GET.getlist(name) for name in names)
        if not (year or month or day):
            return True
        return bool(
            len(year) == 1
            and len(month) <= 1
            and len(day) <= 1
            and (not day or month)
            and hierarchy_date(year[0], (month or [None])[0], (day or [None])[0])
        )

    def _without(self, request, names, warning):
        messages.warning(request, warning)
        query = request.GET.copy()
        for name in names:
            query.pop(name, None)
        return HttpResponseRedirect(
            request.path + ("?" + query.urlencode() if query else "")
        )
