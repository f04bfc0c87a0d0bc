"""The free-text fields of English notes read like a careful agent's note: every thing the agent
did, found or explained, with amounts, times and numbers written the way notes write them, and
no read-backs, apologies or goodbyes. Calls are made up in the style of the English dev set."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.normalize.english import decimal_spans, price_spans, time_spans
from pipeline.process import process_text

_AT = dt.datetime(2026, 10, 22, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7)))


def _note(*turns: str) -> ConsultationNote:
    lines = ["agent: thank you for calling northwind this is dana how can i help", *turns, "agent: you're welcome have a good day"]
    return process_text("\n".join(lines) + "\n", call_started_at=_AT).note


def _actions(*turns: str) -> str:
    return " | ".join(_note(*turns).actions_taken)


# --- spoken values written out -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("eight forty p m", "20:40"),
        ("half past nine", "09:30"),
        ("two pm", "14:00"),
        ("ten fifteen am", "10:15"),
        ("quarter to three", "02:45"),
        ("four thirty in the afternoon", "16:30"),
    ],
)
def test_a_clock_time_is_written_on_the_24_hour_clock(said: str, value: str) -> None:
    assert [s.value for s in time_spans(f"it was at {said} yesterday")] == [value]


def test_a_bare_hour_stays_a_number_it_may_be_a_count() -> None:
    assert time_spans("between eight and twelve") == []


def test_a_decimal_with_percent_is_one_value() -> None:
    assert [s.value for s in decimal_spans("on the classic it's two point nine nine percent")] == ["2.99%"]


def test_hundreds_tens_and_cents_read_in_groups_are_a_price_without_a_cue() -> None:
    assert [s.value for s in price_spans("so i see one eighty six forty in pay per use data")] == ["186.40"]


def test_a_street_number_is_not_read_as_a_price() -> None:
    assert price_spans("we live at forty two eleven alder street") == []


# --- actions taken -------------------------------------------------------------------------------


def test_an_amount_in_dollars_and_cents_is_written_with_its_currency() -> None:
    said = _actions(
        "customer: hi my name is ruth ellis and there's a charge twice on my card",
        "agent: i see it one charge of four hundred twelve dollars and thirty eight cents posted on the ninth",
    )
    assert "$412.38" in said and "thirty" not in said


def test_what_the_agent_explained_is_an_action_even_without_an_action_verb() -> None:
    said = _actions(
        "customer: hi my name is ann doyle i wanted to ask about the travel card fees",
        "agent: on the voyager there's no foreign transaction fee at all so you just pay the exchange rate",
        "agent: the annual fee is ninety five pounds a year and that includes four airport lounge passes",
    )
    assert "foreign transaction fee" in said
    assert "£95" in said and "4 airport lounge passes" in said


def test_several_actions_in_one_turn_are_kept_apart() -> None:
    actions = _note(
        "customer: hi my name is derek olsen the roaming charges on my bill are wrong",
        "agent: i've put a note on the account and i've flagged the call from the thirteenth as feedback",
    ).actions_taken
    assert any(a.startswith("Put a note on the account") for a in actions)
    assert any(a.startswith("Flagged the call from 13 October") for a in actions)


def test_the_order_the_agent_looked_up_is_named_by_its_number() -> None:
    said = _actions(
        "customer: hi i placed an order last night and i put the wrong address on it",
        "agent: no problem what's the order number",
        "customer: it's c l dash one one oh four five eight",
        "agent: okay that's updated on the order",
    )
    assert "Checked order CL-110458" in said


def test_the_contact_details_taken_in_the_call_are_recorded_with_their_values() -> None:
    said = _actions(
        "customer: hi my name is priya nair i'm waiting on a refund",
        "agent: i can send the confirmation to your email what's the address",
        "customer: it's p nair eighty eight at outlook dot com",
        "agent: i've sent the confirmation to that address now",
    )
    assert "e-mail pnair88@outlook.com" in said


def test_goodbyes_apologies_and_questions_are_not_actions() -> None:
    actions = _note(
        "customer: hi my name is tom reed my desk hasn't arrived",
        "agent: i'm so sorry about that can i get the order number",
        "customer: b c dash seven seven four oh two one",
        "agent: okay so it left our warehouse on the twenty ninth and it was scanned at the hub on the thirtieth",
    ).actions_taken
    said = " | ".join(actions)
    assert "welcome" not in said and "good day" not in said and "sorry" not in said
    assert "can the agent" not in said
    assert any("29 September" in a and "30 September" in a for a in actions)


def test_a_spelled_address_read_back_is_not_an_explanation() -> None:
    said = _actions(
        "customer: hi my name is alicia moreno i moved and need to change my address",
        "customer: it's forty two eleven alder street apartment three b portland nine seven two one four",
        "agent: forty two eleven alder a l d e r street apartment three b portland oregon nine seven two one four",
        "agent: okay that's updated on the account",
    )
    assert "a l d e r" not in said


# --- summary and status --------------------------------------------------------------------------


def test_the_summary_carries_the_changes_with_their_amounts() -> None:
    note = _note(
        "customer: hi my name is maria lopez i was charged twice for my subscription",
        "agent: i can see two charges of fourteen ninety nine on the eighteenth",
        "agent: i've refunded the second charge now",
    )
    assert note.summary and "refunded the second charge" in note.summary
    assert "$14.99" in note.summary


def test_an_undecided_call_states_the_offer_not_the_record_looked_up() -> None:
    note = _note(
        "customer: hi my name is jerome white i want to cancel my internet my account number is four four one two seven seven three",
        "agent: i can offer ten dollars a month off if you move the service instead",
        "customer: i'll think about it and call back",
    )
    assert note.issue.status and not note.issue.status.lower().startswith("no decision made in the call; checked")
