"""The agent's web page: plain HTML and JavaScript served from the package, no build step."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

router = APIRouter(include_in_schema=False)
_STATIC = resources.files("api") / "static"


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/")


@router.get("/ui/")
def page() -> HTMLResponse:
    return HTMLResponse((_STATIC / "index.html").read_text(encoding="utf-8"))


@router.get("/ui/app.js")
def script() -> Response:
    return Response((_STATIC / "app.js").read_text(encoding="utf-8"),
                    media_type="text/javascript; charset=utf-8")
