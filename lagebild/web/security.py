"""One ASGI middleware for everything security-related, so no route can forget it.

- security headers on every response (strict CSP: scripts and styles only from /static);
- Host check when serving loopback without a token (stops DNS-rebinding pages from reading the API);
- token check on every request when a token is set: `Authorization: Bearer T`, or a cookie set once
  by visiting any page with `?token=T`;
- unsafe methods (POST...) must come from this origin (Origin/Referer) and carry a bounded body.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse

COOKIE = "lagebild_auth"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # 'same-origin' (not 'no-referrer'): browsers then send Origin on same-origin form posts
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    host = (host or "").strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hostname(host_header: str) -> str:
    try:
        return (urlsplit("//" + host_header).hostname or "").lower()
    except ValueError:
        return ""


def cookie_value(token: str) -> str:
    """What the auth cookie holds: a keyed hash, so the cookie is not the token itself."""
    return hmac.new(token.encode(), b"lagebild-web-cookie", hashlib.sha256).hexdigest()


class Guard:
    def __init__(self, app, token: str | None, check_host: bool, max_body: int):
        self.app = app
        self.token = token
        self.check_host = check_host
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        headers = Headers(scope=scope)
        refusal = self._refuse(scope, headers)
        if refusal is not None:
            return await refusal(scope, receive, send_with_headers)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # an unexpected error: a plain 500 that carries the security headers like every other
            # response (Starlette's own error page sits outside this middleware); logged, not shown
            logging.getLogger("lagebild.web").exception("error serving %s", scope.get("path"))
            if started:
                raise
            await PlainTextResponse("Internal error.", 500)(scope, receive, send_with_headers)

    def _refuse(self, scope, headers: Headers):
        """A response that ends the request, or None to let it through."""
        host = headers.get("host", "")
        if self.check_host and not is_loopback(_hostname(host)):
            return PlainTextResponse("Bad Host header: this server only answers on loopback names.", 400)
        if self.token:
            denied = self._check_token(scope, headers)
            if denied is not None:
                return denied
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            if not self._same_origin(headers, host):
                return PlainTextResponse("Cross-origin request refused.", 403)
            length = headers.get("content-length")
            if length is None:
                return PlainTextResponse("Content-Length required.", 411)
            if not length.isdigit() or int(length) > self.max_body:
                return PlainTextResponse(f"Request body too large (limit {self.max_body // 1024} KiB).", 413)
        return None

    def _check_token(self, scope, headers: Headers):
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [v for k, v in query if k == "token"]
        if given:
            if not hmac.compare_digest(given[-1].encode(), self.token.encode()):
                return PlainTextResponse("Wrong token.", 403)
            # Set the cookie and drop the token from the URL (so it is not kept in history or logs).
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            resp = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), 303)
            resp.set_cookie(COOKIE, cookie_value(self.token), httponly=True, samesite="strict", path="/")
            return resp
        auth = headers.get("authorization", "")
        if auth:
            scheme, _, value = auth.partition(" ")
            if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode()):
                return None
            return PlainTextResponse("Wrong token.", 403)
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is just "no cookie"
            cookie = SimpleCookie()
        if COOKIE in cookie:
            if hmac.compare_digest(cookie[COOKIE].value.encode(), cookie_value(self.token).encode()):
                return None
            return PlainTextResponse("Wrong token.", 403)
        return PlainTextResponse(
            "Token required: send 'Authorization: Bearer TOKEN' or open any page once with ?token=TOKEN.",
            401, headers={"WWW-Authenticate": "Bearer"},
        )

    @staticmethod
    def _same_origin(headers: Headers, host: str) -> bool:
        """Origin (or, failing that, Referer) must name this host; Sec-Fetch-Site must not say cross-site."""
        site = headers.get("sec-fetch-site")
        if site and site not in ("same-origin", "none"):
            return False
        origin = headers.get("origin")
        if origin and origin != "null":
            return urlsplit(origin).netloc.lower() == host.lower()
        referer = headers.get("referer")
        if referer:
            return urlsplit(referer).netloc.lower() == host.lower()
        return False
