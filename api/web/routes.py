"""The web UI's router (`/ui/...`): every page module's router, in one place."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from api.web import admin_pages, alert_pages, auth_pages, map_pages, search_pages

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("")
@router.get("/")
def home():
    """The UI starts at the search page."""
    return RedirectResponse("/ui/search", status_code=303)


for _module in (auth_pages, search_pages, alert_pages, map_pages, admin_pages):
    router.include_router(_module.router)
