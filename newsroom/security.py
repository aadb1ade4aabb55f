"""Security headers, the client address (for the login throttle and public limits),
and the login backend.

``NewsroomCSPMiddleware`` is django-csp's middleware: it sends the
Content-Security-Policy of ``CONTENT_SECURITY_POLICY`` (a strict one) on public
pages, and ``NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY`` (a laxer one: the admin's
rich-text editor needs an inline import map) under the admin's URL. Views
change either with django-csp's decorators. ``SecurityHeadersMiddleware`` adds
a Permissions-Policy, and X-Frame-Options to pages served from the cache.
Django's own SecurityMiddleware sends Referrer-Policy, X-Content-Type-Options,
Cross-Origin-Opener-Policy and HSTS from the settings.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class NewsroomCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin.

    The admin policy takes the place of the settings' one, so that a view's
    ``@csp_update`` or ``@csp_replace`` applies to it in the same way; a view
    with a whole policy of its own (``@csp``) keeps that one.
    """

    _admin_prefix = None

    def is_admin(self, request):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        return request.path.startswith(self._admin_prefix)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = settings.NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and frame denial on cached pages."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.NEWSROOM_PERMISSIONS_POLICY_DENY
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        # Pages served from the page cache skip XFrameOptionsMiddleware.
        if "X-Frame-Options" not in response and not getattr(
            response, "xframe_options_exempt", False
        ):
            response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
        return response


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the one our proxies put in front of it.

    With ``NEWSROOM_TRUSTED_PROXIES = n`` (n load balancers in front of the app
    servers), the address is the n-th from the right in X-Forwarded-For: the
    one the outermost trusted proxy saw. Entries further left come from the
    client and can be forged, so they are never used.
    """
    proxies = settings.NEWSROOM_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:100]
    return request.META.get("REMOTE_ADDR", "")[:100]


def client_network(request):
    """The reader's address as the public limits count it.

    An IPv4 address stands for itself; an IPv6 address for its /64 network,
    since a single connection is usually handed a whole /64 and can pick a new
    address in it at will. An IPv4-mapped IPv6 address is its IPv4 address. A
    value that is no address at all is returned as it is.
    """
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request.

    Every login form (the admin's included) passes the request, so every one
    is throttled. ``authenticate()`` called from code without a request (the
    test client's ``login()``, a management command) has no client address
    to throttle by and goes straight to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(
            request, username=username, password=password, **kwargs
        )
