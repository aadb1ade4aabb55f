"""Security headers, the client address (for the login throttle and public limits),
and the login backend.

``SecurityHeadersMiddleware`` adds a Content-Security-Policy (a strict one on
public pages, a laxer one in the admin, whose rich-text editor needs an inline
import map), a Permissions-Policy and ``frame-ancestors 'none'`` to every
response. Django's own SecurityMiddleware and XFrameOptionsMiddleware send
Referrer-Policy, X-Content-Type-Options, Cross-Origin-Opener-Policy, HSTS and
X-Frame-Options from the settings.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.urls import reverse


def build_policy(directives):
    """``{"script-src": ["'self'"], ...}`` as a header value."""
    return "; ".join(
        " ".join([name, *values]).strip()
        for name, values in directives.items()
        if values
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(settings.NEWSROOM_CSP)
        self.admin_policy = build_policy(settings.NEWSROOM_ADMIN_CSP)
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.NEWSROOM_PERMISSIONS_POLICY_DENY
        )
        self._admin_prefix = None

    def is_admin(self, path):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        return path.startswith(self._admin_prefix)

    def __call__(self, request):
        response = self.get_response(request)
        policy = (
            self.admin_policy if self.is_admin(request.path) else self.public_policy
        )
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
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
