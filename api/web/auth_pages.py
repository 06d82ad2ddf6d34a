"""Sign-in and sign-out pages: an API key in a form becomes a signed session cookie (api/web/session.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from api.web.render import page
from api.web.session import end_session, read_session, safe_next, start_session, verify_plain_key

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "/ui/search"):
    """The sign-in form."""
    user = read_session(request)
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return page(request, "login.html", nav="login", next=safe_next(next), error=None)


@router.post("/login")
def login(request: Request, api_key: Annotated[str, Form(max_length=300)] = "",
          next: Annotated[str, Form(max_length=2000)] = "/ui/search"):
    """Check the API key; on success set the session cookie and go on to `next`."""
    key = verify_plain_key(request, api_key)
    if key is None:
        return page(request, "login.html", status_code=401, nav="login", next=safe_next(next),
                    error="E055: kunci API tidak dikenal atau sudah dicabut; minta kunci baru kepada admin")
    response = RedirectResponse(safe_next(next), status_code=303)
    start_session(request, response, key, api_key)
    return response


@router.post("/logout")
def logout():
    """End the session (the cookie is removed; the API key itself stays valid)."""
    response = RedirectResponse("/ui/login", status_code=303)
    end_session(response)
    return response
