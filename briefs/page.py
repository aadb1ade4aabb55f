"""Kept only until ``briefs.sitemaps`` stops importing it."""

from .models import LINK_FIELDS

BRIEF_LINK = ("id", *LINK_FIELDS)
