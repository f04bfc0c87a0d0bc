"""The FastAPI application: ``create_app(settings)``.

``callnotes serve`` runs it under uvicorn with an in-process worker pool; tests and benchmarks
build it the same way against their own databases.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

import callnotes
from api import errors
from api.crypto import check_security, get_vault
from api.db import Database
from api.deps import Services
from api.routers import calls, customers, drafts, health, ui
from api.worker import WorkerPool
from callnotes.config import Settings, get_settings

log = logging.getLogger("callnotes.api")

DESCRIPTION = """Upload call recordings (or text transcripts); they are transcribed and drafted
into consultation notes in the background; the agent reviews, edits and confirms the draft.

Authenticate with `Authorization: Bearer <token>` (tokens come from `callnotes users add`).
Every error is `{"error": {"code", "message", "detail"}}`."""


def create_app(settings: Settings | None = None, *, workers: int = 0) -> FastAPI:
    """The app; ``workers`` > 0 also runs that many in-process workers while it is up."""
    settings = settings or get_settings()
    check_security(settings.security)
    database = Database(settings.database)
    services = Services(settings=settings, database=database, vault=get_vault(settings.security))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        pool = WorkerPool(database, settings, services.vault, threads=workers) if workers else None
        if pool is not None:
            pool.start()
            log.info("%d in-process worker(s) started", workers)
        app.state.workers = pool
        try:
            yield
        finally:
            if pool is not None:
                pool.stop(timeout=30)
            database.dispose()

    app = FastAPI(title="callnotes", version=callnotes.__version__, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.services = services
    errors.install(app)
    for router in (calls.router, drafts.router, customers.router, health.router, ui.router):
        app.include_router(router)
    return app
