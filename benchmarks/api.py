"""Review-service benchmark: API latency under load and background throughput, in one run.

    python -m benchmarks.api                 # SQLite and PostgreSQL (if reachable)
    python -m benchmarks.api --backend sqlite --clients 50 --requests 400 --recordings 4

Latency: 50 concurrent clients on loopback against ``callnotes serve`` (a separate process, so
the load generator does not share its interpreter). p50/p99 of GET draft, PATCH draft and POST
confirm, each printed as a ratio against GET /live measured the same way in the same run — the
cost of the server, HTTP and the client is the baseline; the ratio is what the store adds.
Throughput: recordings drafted per minute by 1 and by 2 ``callnotes worker`` processes sharing the
queue, with the ratio 2/1 (models are loaded before timing starts, as a running service would be;
the CPU cores are divided between the processes' ASR threads).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parents[1]
RECORDING = ROOT / "samples" / "audio" / "stereo_call.wav"
TRANSCRIPTS = ROOT / "samples" / "transcripts"
CALLNOTES = str(Path(sys.executable).with_name("callnotes"))
PG_BASE_URL = os.environ.get(
    "CALLNOTES_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass
class Latency:
    samples: list[float]

    def pct(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def p50(self) -> float:
        return self.pct(0.50)

    @property
    def p99(self) -> float:
        return self.pct(0.99)


# --- databases ----------------------------------------------------------------------------------


def sqlite_url(workdir: Path) -> str:
    return f"sqlite:///{workdir / 'bench.db'}"


def postgres_url() -> tuple[str, Callable[[], None]] | None:
    from api.db import ScratchDatabase

    database = ScratchDatabase(PG_BASE_URL, prefix="callnotes_bench")
    try:
        return database.create(), database.drop
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means: skip it
        print(f"PostgreSQL not reachable ({type(error).__name__}); skipping it")
        return None


def environment(url: str, workdir: Path) -> dict[str, str]:
    return {**os.environ, "CALLNOTES_DATABASE__URL": url,
            "CALLNOTES_API__STORAGE_DIR": str(workdir / "recordings"),
            "CALLNOTES_WORKER__POLL_INTERVAL_SECONDS": "0.1"}


def settings_for(url: str, workdir: Path):
    from callnotes.config import ApiSettings, DatabaseSettings, Settings

    return Settings(database=DatabaseSettings(url=url),
                    api=ApiSettings(storage_dir=workdir / "recordings"))


# --- fixtures: drafted calls without paying the pipeline for each ------------------------------


def seed_drafts(url: str, workdir: Path, agents: int, per_agent: int) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Users and drafted calls. The pipeline runs once; its result is stored for every call
    through the same functions the worker uses."""
    import io

    from api.auth import Principal, add_user
    from api.crypto import get_vault
    from api.db import Database
    from api.deps import Services
    from api.drafts import create_first_version
    from api.uploads import UploadMeta, accept
    from api.worker import _store_transcript
    from models.tables import Call, CallSource, CallStatus, Role
    from pipeline.process import process_text

    settings = settings_for(url, workdir)
    database = Database(settings.database)
    svc = Services(settings=settings, database=database, vault=get_vault(settings.security))
    source = sorted(TRANSCRIPTS.glob("*.txt"))[0].read_text(encoding="utf-8")
    processed = process_text(source)
    tokens, calls = {}, {}
    for number in range(agents):
        name = f"agent{number:02d}"
        tokens[name] = add_user(database, name, Role.AGENT)
        calls[name] = []
        for index in range(per_agent):
            body = f"{source}\n고객: 문의 {index}\n".encode()
            call, _ = accept(svc, Principal(name, Role.AGENT), io.BytesIO(body), "t.txt", None,
                             UploadMeta(), CallSource.TEXT)
            with database.transaction() as session:
                row = session.get(Call, call.id)
                _store_transcript(session, svc.vault, row, processed.transcript)
                create_first_version(session, svc.vault, row, processed.note)
                row.status = CallStatus.DRAFTED.value
                session.execute(text("UPDATE jobs SET status = 'done' WHERE call_id = :id"),
                                {"id": call.id})
            calls[name].append(call.id)
    database.dispose()
    return tokens, calls


# --- latency ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen([CALLNOTES, "serve", "--port", str(port), "--workers", "0"],
                               env=environment(url, workdir), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/live", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


async def _load(base: str, clients: int, total: int, make_request) -> Latency:
    """``clients`` concurrent loops until ``total`` requests are done; each request timed."""
    samples: list[float] = []
    counter = itertools.count()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def loop(worker: int) -> None:
            while (n := next(counter)) < total:
                started = time.perf_counter()
                try:
                    response = await make_request(client, worker, n)
                except httpx.TransportError as error:  # reported, not hidden: a dropped connection
                    print(f"  transport error ({type(error).__name__}); request {n} not counted")
                    continue
                samples.append(time.perf_counter() - started)
                if response.status_code >= 400 and response.status_code != 409:
                    raise SystemExit(f"{response.request.method} {response.request.url}: "
                                     f"{response.status_code} {response.text[:200]}")

        await asyncio.gather(*(loop(w) for w in range(clients)))
    return Latency(samples)


def measure_latency(base: str, tokens: dict[str, str], calls: dict[str, list[str]], clients: int,
                    requests: int) -> dict[str, Latency]:
    agents = sorted(tokens)
    auth = {name: {"Authorization": f"Bearer {tokens[name]}"} for name in agents}
    versions: dict[str, int] = {}

    def agent_of(worker: int) -> str:
        return agents[worker % len(agents)]

    async def live(client, worker, n):
        return await client.get("/live")

    async def get_draft(client, worker, n):
        name = agent_of(worker)
        return await client.get(f"/calls/{calls[name][n % len(calls[name])]}/draft", headers=auth[name])

    async def patch(client, worker, n):
        # Each client edits its own call, so conflicts measure nothing but themselves.
        name = agent_of(worker)
        call_id = calls[name][worker // len(agents) % len(calls[name])]
        version = versions.get(call_id, 1)
        response = await client.patch(f"/calls/{call_id}/draft", json={"desired_outcome": f"요청 {n}"},
                                      headers={**auth[name], "If-Match": str(version)})
        if response.status_code == 200:
            versions[call_id] = response.json()["version"]
        return response

    results = {}
    for label, make in (("GET /live (baseline)", live), ("GET draft", get_draft),
                        ("PATCH draft", patch)):
        asyncio.run(_load(base, clients, clients, make))  # warm-up: connections, caches
        results[label] = asyncio.run(_load(base, clients, requests, make))
    results["POST confirm"] = asyncio.run(_confirm_load(base, clients, calls, auth, agents))
    return results


async def _confirm_load(base, clients, pending, auth, agents) -> Latency:
    """Confirm every seeded draft once, ``clients`` at a time; only the POST is timed."""
    queue = [(name, call_id) for name in agents for call_id in pending[name]]
    samples: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def loop() -> None:
            while queue:
                name, call_id = queue.pop()
                draft = (await client.get(f"/calls/{call_id}/draft", headers=auth[name])).json()
                if draft.get("confirmed"):
                    continue  # confirmed in the warm-up
                acks = [{"flag_id": f["id"], "reason": "benchmark"} for f in draft["flags"]
                        if f["status"] == "open"]
                started = time.perf_counter()
                response = await client.post(f"/calls/{call_id}/confirm", headers=auth[name],
                                             json={"acknowledgements": acks})
                samples.append(time.perf_counter() - started)
                if response.status_code != 201:
                    raise SystemExit(f"confirm: {response.status_code} {response.text[:200]}")

        await asyncio.gather(*(loop() for _ in range(clients)))
    return Latency(samples)


# --- throughput ---------------------------------------------------------------------------------


def measure_throughput(url: str, workdir: Path, processes: int, recordings: int) -> float:
    """Recordings drafted per minute by ``processes`` worker processes."""
    from api.auth import Principal
    from api.crypto import get_vault
    from api.db import Database
    from api.deps import Services
    from api.uploads import UploadMeta, accept
    from models.tables import Call, CallSource, Role

    # The cores are shared out, not oversubscribed: CTranslate2 would otherwise give every
    # process all of them and the processes would only contend.
    threads = max(1, (os.cpu_count() or 1) // processes)
    env = {**environment(url, workdir), "CALLNOTES_WORKER__THREADS": "1",
           "CALLNOTES_ASR__CPU_THREADS": str(threads)}
    workers = [subprocess.Popen([CALLNOTES, "worker", "--threads", "1"], env=env,
                                stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
               for _ in range(processes)]
    try:
        for worker in workers:  # the model is loaded before the line is printed
            while "taking jobs" not in (line := worker.stderr.readline()):
                if not line:
                    raise SystemExit("a worker exited before taking jobs")
        settings = settings_for(url, workdir)
        database = Database(settings.database)
        svc = Services(settings=settings, database=database, vault=get_vault(settings.security))
        batch = uuid.uuid4().hex[:6]
        started = time.monotonic()
        ids = []
        for number in range(recordings):
            with RECORDING.open("rb") as stream:
                call, _ = accept(svc, Principal(f"bench-{batch}-{number}", Role.ADMIN), stream,
                                 RECORDING.name, "audio/wav", UploadMeta(language="en"), CallSource.AUDIO)
            ids.append(call.id)
        while True:
            with database.transaction(write=False) as session:
                done = session.scalar(select(func.count()).select_from(Call).where(
                    Call.id.in_(ids), Call.status.in_(("drafted", "failed"))))
            if done == recordings:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        database.dispose()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(60)
    return recordings / elapsed * 60


# --- report -------------------------------------------------------------------------------------


def run_backend(name: str, url: str, workdir: Path, args) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([CALLNOTES, "db", "upgrade"], env=environment(url, workdir), check=True,
                   capture_output=True)
    agents = min(args.clients, 10)
    tokens, calls = seed_drafts(url, workdir, agents, max(args.clients // agents, 1) * 4)
    server, base = start_server(url, workdir)
    try:
        results = measure_latency(base, tokens, calls, args.clients, args.requests)
    finally:
        server.terminate()
        server.wait(30)
    baseline = results["GET /live (baseline)"]
    print(f"\n[{name}] {args.clients} concurrent clients, loopback")
    print(f"  {'request':<22}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'p50 ×live':>11}{'p99 ×live':>11}")
    for label, latency in results.items():
        print(f"  {label:<22}{len(latency.samples):>6}{latency.p50:>10.1f}{latency.p99:>10.1f}"
              f"{latency.p50 / baseline.p50:>11.1f}{latency.p99 / baseline.p99:>11.1f}")
    if args.recordings:
        one = measure_throughput(url, workdir, 1, args.recordings)
        two = measure_throughput(url, workdir, 2, args.recordings)
        print(f"  recordings/min ({RECORDING.name}, 30 s, {args.recordings} per run; ASR threads "
              f"split between processes): 1 worker process {one:.1f}, 2 processes {two:.1f} "
              f"(×{two / one:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--recordings", type=int, default=4, help="per throughput run; 0 skips it")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (server log)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="callnotes-bench-"))
    print(f"callnotes API benchmark — {os.cpu_count()} CPUs, python {sys.version.split()[0]}, "
          f"work directory {workdir}")
    try:
        if args.backend in ("sqlite", "both"):
            run_backend("sqlite", sqlite_url(workdir / "sqlite"), workdir / "sqlite", args)
        if args.backend in ("postgres", "both") and (pg := postgres_url()) is not None:
            url, drop = pg
            try:
                run_backend("postgresql", url, workdir / "postgres", args)
            finally:
                drop()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
