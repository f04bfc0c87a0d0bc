"""The review service: ``serve``, ``worker``, ``users add``, ``db upgrade``, ``demo``."""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import threading
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from callnotes.config import Settings, get_settings
from callnotes.errors import ConfigurationError

ROOT = Path(__file__).resolve().parents[2]
DEMO_AUDIO = ROOT / "samples" / "audio" / "stereo_call.wav"
DEMO_TRANSCRIPTS = ROOT / "samples" / "transcripts"


class RoleChoice(StrEnum):
    AGENT = "agent"
    QA = "qa"
    ADMIN = "admin"


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(worker)
    app.command()(demo)
    users = typer.Typer(help="People who use the API, and their bearer tokens.", no_args_is_help=True)
    users.command("add")(users_add)
    app.add_typer(users, name="users")
    db = typer.Typer(help="The database schema.", no_args_is_help=True)
    db.command("upgrade")(db_upgrade)
    app.add_typer(db, name="db")


def _checked_settings() -> Settings:
    from api.crypto import check_security

    settings = get_settings()
    check_security(settings.security)
    return settings


def _migrate(settings: Settings) -> None:
    from api.db import upgrade

    try:
        upgrade(settings.database.url)
    except ConfigurationError:
        raise
    except Exception as error:  # noqa: BLE001 - a database the user pointed us at is unreachable
        raise ConfigurationError(
            f"cannot migrate the database at CALLNOTES_DATABASE__URL ({type(error).__name__}: "
            f"{str(error).splitlines()[0][:200]})"
        ) from None


def _service_logging() -> None:
    logging.getLogger("callnotes").setLevel(logging.INFO)


def db_upgrade() -> None:
    """Create or upgrade the schema to the newest migration (safe to run again)."""
    from api.db import Database, current_revision

    settings = get_settings()
    _migrate(settings)
    typer.echo(f"database at revision {current_revision(Database(settings.database))}")


def users_add(
    name: Annotated[str, typer.Argument(help="Login name; for agents, the agent id on their calls.")],
    role: Annotated[RoleChoice, typer.Option("--role", help="agent: own calls; qa: confirmed calls, masked; admin: all")] = RoleChoice.AGENT,
) -> None:
    """Create a user. The bearer token is printed once, on the last line: store it now."""
    from api.auth import add_user
    from api.db import Database
    from models.tables import Role

    settings = _checked_settings()
    _migrate(settings)
    token = add_user(Database(settings.database), name, Role(role.value))
    typer.echo(f"created {role.value} {name!r}; bearer token (shown only now):", err=True)
    typer.echo(token)


def serve(
    host: Annotated[str | None, typer.Option(help="[CALLNOTES_API__HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="[CALLNOTES_API__PORT]")] = None,
    workers: Annotated[int | None, typer.Option(min=0, help="In-process workers [CALLNOTES_WORKER__THREADS]")] = None,
) -> None:
    """Run the API, the agent's web page (/ui/) and in-process workers."""
    import uvicorn

    from api.app import create_app

    settings = _checked_settings()
    _migrate(settings)
    _service_logging()
    threads = settings.worker.threads if workers is None else workers
    app = create_app(settings, workers=threads)
    host, port = host or settings.api.host, port or settings.api.port
    typer.echo(f"callnotes: http://{host}:{port}/ui/  (API docs: /docs; {threads} worker(s))", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


def worker(
    threads: Annotated[int | None, typer.Option(min=1, help="Worker threads [CALLNOTES_WORKER__THREADS]")] = None,
    preload: Annotated[bool, typer.Option(help="Load the speech model before taking jobs.")] = True,
) -> None:
    """Process queued calls, without the API. Several processes can share one PostgreSQL queue."""
    from api.crypto import get_vault
    from api.db import Database
    from api.worker import WorkerPool

    settings = _checked_settings()
    _migrate(settings)
    _service_logging()
    if preload:
        from pipeline.asr import get_model

        get_model(settings.asr)  # once per process: every job of every thread reuses it
    pool = WorkerPool(Database(settings.database), settings, get_vault(settings.security),
                      threads=threads or max(settings.worker.threads, 1))
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    pool.start()
    typer.echo(f"callnotes worker: {pool.threads} thread(s) taking jobs", err=True)
    stopping.wait()
    typer.echo("stopping: finishing the jobs in hand", err=True)
    pool.stop()


# --- demo ---------------------------------------------------------------------------------------


def demo(
    recording: Annotated[Path, typer.Option(help="The recording to process.")] = DEMO_AUDIO,
    language: Annotated[str, typer.Option(help="Its language (the sample call is English).")] = "en",
    transcript: Annotated[Path | None, typer.Option(help="A Korean text transcript (default: the first in samples/transcripts/).")] = None,
) -> None:
    """Process a sample call end to end on the embedded defaults.

    Migrates the store (SQLite by default), uploads a sample recording and a Korean text
    transcript, lets an in-process worker draft them, and prints the masked transcripts and the
    draft notes."""
    settings = _checked_settings()
    typer.echo(f"[1/5] database: {settings.database.url}", err=True)
    _migrate(settings)
    texts = [transcript] if transcript else sorted(DEMO_TRANSCRIPTS.glob("*.txt"))[:1]
    started = time.monotonic()
    run_demo(settings, recording, language, texts)
    typer.echo(f"done in {time.monotonic() - started:.0f} s", err=True)


def run_demo(settings: Settings, recording: Path, language: str, texts: list[Path]) -> None:
    from api.auth import Principal
    from api.crypto import get_vault
    from api.db import Database
    from api.deps import Services
    from api.worker import WorkerPool
    from callnotes.commands.progress import progress_bars
    from models.tables import Role

    database = Database(settings.database)
    svc = Services(settings=settings, database=database, vault=get_vault(settings.security))
    agent = Principal(name="demo-agent", role=Role.AGENT)
    jobs = [(recording, "audio", language)] + [(path, "text", None) for path in texts]
    typer.echo(f"[2/5] uploading {len(jobs)} call(s) as {agent.name}", err=True)
    call_ids = [_demo_upload(svc, agent, path, kind, lang) for path, kind, lang in jobs]
    typer.echo("[3/5] processing in an in-process worker (the first call loads the models)", err=True)
    with progress_bars() as bars:
        stages: dict[str, str] = {}

        def on_progress(call_id: str, stage: str, completed: float, total: float) -> None:
            bars(stage, completed, total)
            if stages.get(call_id) != stage:
                stages[call_id] = stage
                typer.echo(f"      {call_id[:8]}: {stage}", err=True)

        pool = WorkerPool(database, settings, svc.vault, threads=1, on_progress=on_progress)
        pool.start()
        try:
            for call_id in call_ids:
                _wait_for(database, call_id)
        finally:
            pool.stop()
    typer.echo("[4/5] masked transcripts and draft notes", err=True)
    for call_id in call_ids:
        _print_call(svc, agent, call_id)
    typer.echo("[5/5] review and confirm them in the web page: callnotes serve, then /ui/", err=True)


def _demo_upload(svc, agent, path: Path, kind: str, language: str | None) -> str:
    from api.uploads import UploadMeta, accept
    from models.tables import CallSource

    if not path.is_file():
        raise ConfigurationError(f"demo input {path} is missing")
    source = CallSource.AUDIO if kind == "audio" else CallSource.TEXT
    meta = UploadMeta(language=language, started_at=_sample_call_start(path))
    with path.open("rb") as stream:
        call, created = accept(svc, agent, stream, path.name, None, meta, source)
    state = "queued" if created else f"already uploaded ({call.status})"
    typer.echo(f"      {path.name} → call {call.id} {state}", err=True)
    return call.id


def _sample_call_start(path: Path) -> dt.datetime | None:
    """The sample transcripts' gold sidecars carry when the call took place, which anchors
    "내일" and "지난주 월요일" as upload metadata would in production."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return None
    started = json.loads(sidecar.read_text(encoding="utf-8")).get("call_started_at")
    return dt.datetime.fromisoformat(started) if started else None


def _wait_for(database, call_id: str, timeout: float = 900) -> None:
    from models.tables import Call, CallStatus

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with database.transaction(write=False) as session:
            call = session.get(Call, call_id)
            if call.status in (CallStatus.DRAFTED, CallStatus.CONFIRMED, CallStatus.FAILED):
                return
        time.sleep(0.3)
    raise ConfigurationError(f"call {call_id} was not processed within {timeout:.0f} s")


def _print_call(svc, agent, call_id: str) -> None:
    import json

    from rich.console import Console

    from api.drafts import draft_view
    from models.tables import Call, Transcript

    console = Console(highlight=False)
    with svc.database.transaction(write=False) as session:
        call = session.get(Call, call_id)
        console.rule(f"call {call.id} ({call.source}, {call.status})")
        if call.status == "failed":
            console.print(f"failed: {call.failure_reason}")
            return
        row = session.get(Transcript, call.id)
        for u in row.utterances:
            when = f"{u.start:6.1f}s " if u.start is not None else ""
            console.print(f"{when}{u.role:>8}: {svc.vault.decrypt(u.text_enc)}")
        view = draft_view(session, svc.vault, call, agent)
    console.print(f"\ndraft note (version {view.version}):")
    console.print(json.dumps(view.fields, ensure_ascii=False, indent=2))
    for flag in view.flags:
        console.print(f"flag [{flag.kind}] {flag.field}: “{flag.text}” — {flag.reason}"
                      + (f" → {flag.suggestion}" if flag.suggestion else ""))
