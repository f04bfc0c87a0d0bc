"""``callnotes extract`` (text transcript → 상담일지 draft) and ``callnotes process`` (recording →
transcript → draft)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from callnotes.commands.options import TextOrJson, parse_call_date
from callnotes.errors import InvalidTranscriptError
from models.note import ConsultationNote, Owner, Resolution

_CATEGORY_LABELS = {
    "delivery": "배송",
    "refund_return": "반품/환불",
    "exchange": "교환",
    "order": "주문",
    "cancellation": "취소/해지",
    "billing": "요금/결제",
    "technical_issue": "기술 문제",
    "account": "계정",
    "product_inquiry": "상품 문의",
    "complaint": "불만(VOC)",
    "other": "기타",
}
_RESOLUTION_LABELS = {
    Resolution.RESOLVED: "처리 완료",
    Resolution.PENDING: "후속 조치 대기",
    Resolution.ESCALATED: "타 부서 이관",
    Resolution.UNRESOLVED: "미결",
}
_OWNER_LABELS = {Owner.AGENT: "상담원", Owner.COMPANY: "회사", Owner.CUSTOMER: "고객"}
_CUSTOMER_LABELS = (
    ("name", "성명"),
    ("phone", "연락처"),
    ("email", "이메일"),
    ("address", "주소"),
    ("customer_id", "고객번호"),
)


def _read_transcript(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    file = Path(path)
    if not file.is_file():
        raise InvalidTranscriptError(f"no transcript file at {path}")
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidTranscriptError(f"{path} is not UTF-8 text") from error


def render_note(note: ConsultationNote) -> str:
    """The draft as an agent reads it: Korean labels, one field a line."""
    lines = [
        "[상담일지 초안]",
        f"상담 유형: {_CATEGORY_LABELS.get(note.category.value, note.category.value)}",
        f"상담 목적: {note.purpose or '-'}",
    ]
    if note.call_started_at:
        lines.append(f"상담 일시: {note.call_started_at:%Y-%m-%d %H:%M}")
    customer = [f"{label} {value}" for key, label in _CUSTOMER_LABELS if (value := getattr(note.customer, key))]
    lines.append(f"고객 정보: {', '.join(customer) if customer else '-'} (개인정보)")
    lines.append(f"상담원: {note.agent.name or '-'}")
    if note.identifiers:
        lines.append("관련 번호: " + ", ".join(f"{i.kind} {i.value}" for i in note.identifiers))
    lines.append(f"문의 내용: {note.issue.summary or '-'}")
    if note.issue.occurred_on:
        lines.append(f"발생일: {note.issue.occurred_on.isoformat()}")
    lines.append(f"현재 상태: {note.issue.status or '-'}")
    lines.append(f"고객 요청: {note.desired_outcome or '-'}")
    lines.append("처리 내용:")
    lines += [f"  - {action}" for action in note.actions_taken] or ["  -"]
    lines.append(f"처리 결과: {_RESOLUTION_LABELS[note.resolution]}")
    if note.follow_ups:
        lines.append("후속 조치:")
        for follow_up in note.follow_ups:
            due = f" (기한 {follow_up.due.isoformat()})" if follow_up.due else ""
            lines.append(f"  - [{_OWNER_LABELS[follow_up.owner]}] {follow_up.action}{due}")
    lines.append(f"불만(VOC): {'예' if note.complaint else '아니요'}")
    lines.append(f"주요 상담 내용: {note.summary or '-'}")
    if note.pii_masked:
        masked = ", ".join(f"{m.kind.value} {m.masked}" for m in note.pii_masked)
        lines.append(f"마스킹된 개인정보: {masked}")
    return "\n".join(lines) + "\n"


def _emit(note: ConsultationNote, output_format: TextOrJson, warnings: list[str]) -> None:
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if output_format is TextOrJson.JSON:
        sys.stdout.write(note.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render_note(note))


def _date_warning(call_started_at: dt.datetime | None) -> list[str]:
    if call_started_at is not None:
        return []
    return ["no --call-date given: relative dates (어제, 내일, 지난주 월요일) are left unresolved"]


def extract(
    transcript_file: Annotated[str, typer.Argument(help="Text transcript ('상담원: …' / '고객: …' lines); '-' reads stdin.")],
    call_date: Annotated[str | None, typer.Option("--call-date", help="When the call started (ISO); anchors 어제, 내일, …")] = None,
    output_format: Annotated[TextOrJson, typer.Option("--format", "-f", help="text or json")] = TextOrJson.TEXT,
) -> None:
    """Draft the consultation log (상담일지) from a plain-text transcript.

    Resident registration, card, account and passport numbers are masked before anything else."""
    from pipeline.process import process_text

    started = parse_call_date(call_date)
    result = process_text(_read_transcript(transcript_file), call_started_at=started)
    _emit(result.note, output_format, result.transcript.warnings + _date_warning(started))


def process(
    recording: Annotated[Path, typer.Argument(help="WAV (PCM, μ-law, A-law), FLAC, OGG, MP3, M4A, ...")],
    call_date: Annotated[str | None, typer.Option("--call-date", help="When the call started (ISO); anchors 어제, 내일, …")] = None,
    output_format: Annotated[TextOrJson, typer.Option("--format", "-f", help="text or json")] = TextOrJson.TEXT,
    language: Annotated[str | None, typer.Option(help="ISO code or 'auto' [CALLNOTES_ASR__LANGUAGE]")] = None,
    backend: Annotated[str | None, typer.Option(help="Diarization backend: auto, channel, embedded, pyannote")] = None,
    num_speakers: Annotated[int | None, typer.Option(min=1)] = None,
    agent_channel: Annotated[int | None, typer.Option(min=0, max=1)] = None,
) -> None:
    """Transcribe a recording and draft its consultation log."""
    from callnotes.commands.audio import BackendChoice, _with_overrides
    from callnotes.commands.progress import progress_bars
    from callnotes.config import get_settings
    from pipeline.process import process_recording

    started = parse_call_date(call_date)
    choice = BackendChoice(backend) if backend else None
    settings = _with_overrides(get_settings(), language, choice, num_speakers)
    with progress_bars() as progress:
        result = process_recording(
            recording,
            call_started_at=started,
            agent_channel=agent_channel,
            settings=settings,
            progress=progress,
        )
    _emit(result.note, output_format, result.transcript.warnings + _date_warning(started))


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(process)
