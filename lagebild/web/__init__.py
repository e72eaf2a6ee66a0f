"""Web UI and JSON API (`lagebild serve`)."""
from __future__ import annotations

import os

from .security import is_loopback


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the web app with uvicorn. A non-loopback host needs a token (argument or $LAGEBILD_TOKEN)."""
    import uvicorn

    from .app import create_app

    token = token or os.environ.get("LAGEBILD_TOKEN") or None
    if not is_loopback(host) and not token:
        raise SystemExit(
            f"refusing to serve on {host}: a non-loopback host needs a token (--token T or LAGEBILD_TOKEN); "
            "every request must then send 'Authorization: Bearer T' or open a page once with ?token=T"
        )
    if token and len(token) < 12:
        raise SystemExit("token too short: use at least 12 characters (e.g. `python -c 'import secrets; print(secrets.token_urlsafe())'`)")
    app = create_app(db, token=token)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)


__all__ = ["serve"]
