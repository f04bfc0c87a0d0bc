"""`callnotes extract` and `callnotes process` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from callnotes.cli import app
from models.note import ConsultationNote

CALL = """상담원: 네 행복쇼핑 고객센터 상담원 김민지입니다
고객: 노트북을 주문했는데 아직 배송이 안 와서요
상담원: 성함이 어떻게 되세요
고객: 김철수고요
상담원: 본인 확인을 위해 주민번호 앞자리와 뒷자리 말씀해 주세요
고객: 팔오공삼일오 다시 일이삼사오육칠이요
상담원: 네 확인됐습니다 내일까지 전화로 배송 일정 안내드리겠습니다
"""


@pytest.fixture()
def transcript_file(tmp_path: Path) -> Path:
    path = tmp_path / "call.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def test_extract_json_is_a_consultation_note(transcript_file: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(transcript_file), "--call-date", "2026-11-20T14:05:00+09:00", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    note = ConsultationNote.model_validate(json.loads(result.stdout))
    assert note.customer.name == "김철수"
    assert note.agent.name == "김민지"
    assert note.follow_ups and str(note.follow_ups[0].due) == "2026-11-21"
    assert "8503151234567" not in result.stdout.replace("-", "")
    assert note.pii_masked and note.pii_masked[0].masked == "850315-1******"


def test_extract_text_has_korean_labels(transcript_file: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(transcript_file), "--call-date", "2026-11-20"])
    assert result.exit_code == 0, result.output
    for label in ("상담 유형", "상담 목적", "고객 정보", "처리 결과", "주요 상담 내용"):
        assert label in result.stdout
    assert "850315-1******" in result.stdout
    assert "1234567" not in result.stdout


def test_extract_reads_stdin() -> None:
    result = CliRunner().invoke(app, ["extract", "-", "--format", "json"], input=CALL)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["customer"]["name"] == "김철수"


def test_without_call_date_it_warns() -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input=CALL)
    assert result.exit_code == 0
    assert "call-date" in result.output


def _run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    from callnotes import cli

    monkeypatch.setattr("sys.argv", ["callnotes", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "/no/such/file.txt"], "no transcript file"),
        (["extract", "{file}", "--call-date", "yesterday"], "--call-date"),
    ],
)
def test_errors_are_messages_not_tracebacks(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    transcript_file: Path,
    args: list[str],
    message: str,
) -> None:
    code, err = _run_main(monkeypatch, capsys, [a.replace("{file}", str(transcript_file)) for a in args])
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_text_without_turns_is_an_invalid_transcript(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("그냥 메모입니다\n두 번째 줄", encoding="utf-8")
    code, err = _run_main(monkeypatch, capsys, ["extract", str(path)])
    assert code == 2
    assert "no speaker turns" in err


def test_process_reports_a_bad_recording_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "not_audio.wav"
    path.write_bytes(b"this is not audio")
    code, err = _run_main(monkeypatch, capsys, ["process", str(path)])
    assert code == 2
    assert "error:" in err and "Traceback" not in err
