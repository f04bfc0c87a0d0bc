"""`callnotes extract` on an English call: the fields an agent needs, read from spoken English."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from callnotes.cli import app
from models.note import Category, ConsultationNote, Owner, PiiKind
from pipeline.normalize.dates_en import find_dates
from pipeline.normalize.english import code_spans, email_spans, price_spans
from pipeline.pii import mask_text

# Not one of the dev-set calls: a new company, names and numbers.
CALL = """agent: thanks for calling greenleaf home this is dana speaking how can i help
customer: hi um my name is olivia reed r e e d and i'm calling about my order it still hasn't arrived
agent: i'm sorry to hear that can i have the order number
customer: yeah it's g l dash four four two oh nine one
agent: g l dash four four two oh nine one thank you and a good number to reach you
customer: nine one seven double five five oh one eight three
agent: and your email
customer: it's o dot reed at gmail dot com
agent: i see it was supposed to arrive yesterday it's stuck at the depot i've opened a trace with the courier
customer: i paid with my visa can you check the card it's four one four seven two two nine oh six six one eight three five five two
agent: there's no need for the card number but i'll call you back by friday with an update
customer: okay thanks dana
"""
CALL_DATE = "2026-10-07T10:12:00-04:00"  # a Wednesday


@pytest.fixture()
def english_file(tmp_path: Path) -> Path:
    path = tmp_path / "call_en.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def _extract(path: Path) -> tuple[ConsultationNote, str]:
    result = CliRunner().invoke(
        app, ["extract", str(path), "--call-date", CALL_DATE, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return ConsultationNote.model_validate(json.loads(result.stdout)), result.stdout


def test_english_call_gives_the_parties_and_numbers(english_file: Path) -> None:
    note, _ = _extract(english_file)
    assert note.customer.name == "Olivia Reed"
    assert note.customer.phone == "9175550183"
    assert note.customer.email == "o.reed@gmail.com"
    assert note.agent.name == "Dana"
    assert [(i.kind, i.value) for i in note.identifiers] == [("order", "GL-442091")]
    assert note.category is Category.DELIVERY


def test_english_call_masks_the_spoken_card_number(english_file: Path) -> None:
    note, stdout = _extract(english_file)
    assert "4147229066183552" not in stdout.replace(" ", "")
    assert "four one four seven two two nine oh six six one eight three" not in stdout
    assert [m.kind for m in note.pii_masked] == [PiiKind.CARD]
    assert note.pii_masked[0].masked == "414722******3552"


def test_english_call_resolves_relative_dates(english_file: Path) -> None:
    note, _ = _extract(english_file)
    assert note.issue.occurred_on == dt.date(2026, 10, 6)  # "yesterday"
    agent_steps = [f for f in note.follow_ups if f.owner is Owner.AGENT]
    assert agent_steps and agent_steps[0].due == dt.date(2026, 10, 9)  # "by friday"


def test_english_note_has_evidence_and_confidence(english_file: Path) -> None:
    note, _ = _extract(english_file)
    assert note.evidence["customer.name"][0].utterance_id == "u0002"
    assert note.confidence["customer.phone"] > 0
    assert any(a.startswith("Opened a trace") for a in note.actions_taken)


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("b c dash seven seven four oh two one", "BC-774021"),
        ("k as in kilo q as in quebec seven m as in mike four p as in papa", "KQ7M4P"),
        ("oh seven seven double oh nine double oh three one six", "07700900316"),
        ("h w f dash two zero", "HWF-20"),
        ("triple five two one oh", "555210"),
    ],
)
def test_spelled_codes(said: str, code: str) -> None:
    assert [s.value for s in code_spans(f"it's {said} thanks")] == [code]


def test_counts_and_amounts_are_not_codes() -> None:
    assert code_spans("they come back within forty eight hours") == []
    assert code_spans("so that's one twenty nine ninety five in store credit") == []
    assert [s.value for s in price_spans("two charges of fourteen ninety nine")] == ["14.99"]


def test_spoken_email() -> None:
    assert [s.value for s in email_spans("sure it's p nair eighty eight at outlook dot com")] == [
        "pnair88@outlook.com"
    ]
    assert email_spans("it left at five thirty") == []


@pytest.mark.parametrize(
    ("said", "iso"),
    [
        ("it was ordered september twenty eighth", "2026-09-28"),
        ("it's been like that since last friday", "2026-10-02"),
        ("the email said friday the second", "2026-10-02"),
        ("they come back within forty eight hours", "2026-10-09"),
        ("it takes three business days", "2026-10-12"),
        ("the earliest is next tuesday", "2026-10-13"),
        ("it was received on the eighth", "2026-09-08"),
    ],
)
def test_dates_against_the_call_date(said: str, iso: str) -> None:
    assert [s.date.isoformat() for s in find_dates(said, dt.date(2026, 10, 7))] == [iso]


def test_ordinals_are_not_days() -> None:
    assert find_dates("i was charged for the second line", dt.date(2026, 10, 7)) == []


@pytest.mark.parametrize(
    ("text", "kind", "clear"),
    [
        ("my card number is five four one two seven five eight eight three three oh one four six six two", PiiKind.CARD, "5412758833014662"),
        ("my social security number is four two one six six oh nine three eight", PiiKind.RRN, "421660938"),
        ("the bank account number is double one two three four five six seven", PiiKind.ACCOUNT, "11234567"),
        ("my passport number is five three three two one nine eight seven six", PiiKind.PASSPORT, "533219876"),
    ],
)
def test_spoken_english_pii_is_masked(text: str, kind: PiiKind, clear: str) -> None:
    result = mask_text(text)
    assert [m.kind for m in result.maskings] == [kind]
    assert clear not in result.text.replace(" ", "")


def test_customer_account_and_phone_numbers_stay() -> None:
    text = "the mobile is six one seven five five five oh one nine two and the account number on the bill is eight eight three one two oh four five five"
    assert mask_text(text).maskings == []
