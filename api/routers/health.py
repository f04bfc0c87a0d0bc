"""Liveness and readiness, for load balancers and orchestrators (no authentication)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.db import current_revision, head_revision
from api.deps import ServicesDep
from models.api import HealthOut

router = APIRouter(tags=["health"])


@router.get("/live", response_model=HealthOut, summary="The process answers")
def live() -> HealthOut:
    return HealthOut(status="ok")


@router.get("/ready", response_model=HealthOut, responses={503: {"model": HealthOut}},
            summary="The store is reachable and migrated, and the model is in the cache")
def ready(svc: ServicesDep) -> JSONResponse:
    from pipeline.asr import model_available

    checks: dict[str, str] = {}
    try:
        revision = current_revision(svc.database)
        head = head_revision(svc.database.url)
        checks["database"] = "ok" if revision == head else (
            f"schema at {revision or 'nothing'}, expected {head}: run `callnotes db upgrade`")
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        checks["database"] = f"unreachable ({type(error).__name__})"
    # Only whether the model can be loaded without a download: loading it here would take seconds.
    checks["model"] = "ok" if model_available(svc.settings.asr) else (
        f"model {svc.settings.asr.model!r} is not available offline")
    ok = all(value == "ok" for value in checks.values())
    body = HealthOut(status="ok" if ok else "unavailable", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
