"""Contact details as new authors' callers say them: e-mail local parts with a dot and an
English-written surname, domains spelled letter by letter, addresses said without their
region, a floor corrected to the flat, numbers that only look like districts, and a member
number with a filler before its letter. Every example is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.normalize.address import completed, find_address
from pipeline.normalize.contact import find_emails
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("에스 와이 점 리 공칠 골뱅이 네이버 닷컴이요", "sy.lee07@naver.com"),
        ("디 에이 점 킴 구삼 골뱅이 지메일 닷컴이요", "da.kim93@gmail.com"),
        ("에이치 알 골뱅이 디 에스 엠 닷 씨 오 닷 케이 알이요", "hr@dsm.co.kr"),
        ("비 엠 더블유 골뱅이 엔 제이 에이 닷컴이요", "bmw@nja.com"),
    ],
)
def test_spelled_email_addresses(said: str, email: str) -> None:
    assert [m.value for m in find_emails(said)] == [email]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        # No province or metropolitan city is added to a district or city said alone.
        ("마포구 성미산로 십이 삼백일 호 맞으시죠", "마포구 성미산로 12 301호"),
        ("포항시 해안로 이백 오 층이요", "포항시 해안로 200 5층"),
        ("김포시 풍무로 백십 이백일 호요", "김포시 풍무로 110 201호"),
        ("중구 세종대로 십일 이 층이요", "중구 세종대로 11 2층"),
    ],
)
def test_a_district_or_city_said_alone_is_written_as_said(said: str, address: str) -> None:
    found = find_address(said)
    assert found is not None and found.value == address


def test_digit_words_before_gu_are_no_district() -> None:
    assert find_address("주문번호는 에이 다시 삼육공구 이일 다시 일일사칠이요") is None


def test_flat_read_back_replaces_the_floor_heard() -> None:
    heard = "경기도 수원시 영통구 매탄로81번길 24 3층"
    read_back = "수원시 영통구 매탄로81번길 24 302호"
    assert completed(heard, read_back) == "경기도 수원시 영통구 매탄로81번길 24 302호"
    assert completed(heard, "수원시 영통구 매탄로81번길 24 501호") == heard


def test_member_number_with_a_filler_before_its_letter() -> None:
    call = """상담원: 네 회원님 성함이랑 회원번호 말씀 부탁드려요
고객: 네 표은서고요 회원번호가 음 케이 공삼팔일칠요
상담원: 네 확인됐습니다
"""
    assert _note(call).customer.customer_id == "K03817"
