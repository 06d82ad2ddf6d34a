"""The analyst web UI: server-rendered pages (Jinja2) on top of the same store functions as the API.

`register(app)` is called once by `api.main.create_app`: it includes the `/ui` router, serves
`/ui/static` (CSS, a little JS; nothing from a CDN) and turns sign-in and page errors into HTML.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.web.render import HERE


def register(app: FastAPI) -> None:
    """Add the web UI to an app."""
    from api.web.render import page
    from api.web.routes import router
    from api.web.session import LoginRequired, WebError, login_url

    secret = app.state.settings.api.session_secret
    if secret and len(secret) < 32:
        raise ValueError("E110: WASPADA_API_SESSION_SECRET must be at least 32 random characters, or empty")
    app.include_router(router)
    app.mount("/ui/static", StaticFiles(directory=HERE / "static"), name="ui-static")

    @app.exception_handler(LoginRequired)
    async def _login_required(_: Request, exc: LoginRequired):
        if exc.json:
            return JSONResponse(status_code=401, content={"detail": "E054: sign in at /ui/login"})
        return RedirectResponse(login_url(exc.next_url), status_code=303)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        return page(request, "error.html", status_code=exc.status, nav="", status=exc.status, message=exc.message)
