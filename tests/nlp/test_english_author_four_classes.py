"""Classes of English call-centre speech found with the fourth author's calls (e45–e56): new short
calls written for these tests (not dev-set calls), checked on the note the agent sees."""

from __future__ import annotations

import datetime as dt

from tests.nlp.builders import ENGLISH_CALL_AT, english_note


# --- category, complaint, resolution -------------------------------------------------------------


def test_a_service_that_is_down_is_a_technical_issue_dated_by_the_caller() -> None:
    note = english_note(
        "agent: thanks for calling northgate broadband my name is priya how can i help\n"
        "customer: hi my broadband has been down since monday evening and nothing works\n"
        "agent: sorry to hear that may i know your name\n"
        "customer: tom fletcher\n"
        "agent: i have booked an engineer visit for friday the twelfth between eight and twelve\n"
        "customer: okay thanks\n"
    )
    assert note.category == "technical_issue"
    assert note.issue.occurred_on == dt.date(2026, 6, 8)
    assert note.resolution == "pending"


def test_an_inquiry_that_ends_in_a_purchase_is_a_resolved_order() -> None:
    note = english_note(
        "agent: good morning skylane airways this is aoife\n"
        "customer: hi aoife i just wanted to ask about taking a bike on my flight\n"
        "agent: a bike is fifty euro each way will i add it for you\n"
        "customer: yeah go on add it\n"
        "agent: i can see the payment received and the bike added to your booking\n"
        "customer: great thanks\n"
    )
    assert note.category == "order"
    assert note.resolution == "resolved"
    assert note.issue.occurred_on is None


def test_a_cancellation_withdrawn_once_the_refund_is_done_keeps_the_refund_category() -> None:
    note = english_note(
        "agent: hello fresh crate this is leo\n"
        "customer: hi i want to cancel my subscription my last box arrived squashed\n"
        "agent: i am sorry i can refund the box today\n"
        "customer: okay if you refund the box i'll keep it going\n"
        "agent: done the refund is issued and the plan stays active\n"
        "customer: thanks\n"
    )
    assert note.category == "refund_return"


def test_a_formal_complaint_about_handling_is_escalated_to_whoever_decides() -> None:
    note = english_note(
        "agent: good afternoon riverside council this is sean\n"
        "customer: hi my name is nora kelly and i want to make a formal complaint\n"
        "customer: i have reported the broken streetlight four times now and the last man cut me off\n"
        "agent: i am sorry i have logged it and the complaints officer will review it and decide what happens\n"
        "customer: okay\n"
    )
    assert note.category == "complaint"
    assert note.complaint is True
    assert note.resolution == "escalated"


def test_not_your_fault_and_a_fact_said_twice_are_no_complaint() -> None:
    note = english_note(
        "agent: maplewood bank this is dev\n"
        "customer: hi i was charged twice for a hotel\n"
        "agent: i see two charges\n"
        "customer: yes and i rang the hotel twice i know it's not your fault\n"
        "agent: i'll open a dispute and send it to our disputes team they're the ones who decide\n"
    )
    assert note.complaint is False
    assert note.category == "billing"


# --- parties and numbers --------------------------------------------------------------------------


def test_a_caller_who_says_their_name_then_here_and_a_two_word_agent_after_a_transfer() -> None:
    note = english_note(
        "agent: good morning tallis travel how can i help\n"
        "customer: hiya maeve liam doyle here i have a question about my booking\n"
        "agent: one moment i will endorse you to our bookings team\n"
        "customer: okay\n"
        "agent: hello sir\n"
        "agent: good day this is anna marie from bookings how can i help\n"
    )
    assert note.customer.name == "Liam Doyle"
    assert note.agent.name == "Anna Marie"


def test_a_number_on_file_read_by_the_agent_and_confirmed_is_the_phone() -> None:
    note = english_note(
        "agent: hello elmfield surgery\n"
        "customer: hello it's mrs barker jean barker i need to ask about my appointment\n"
        "agent: we have zero one one three four nine six oh two two seven for you is that still right\n"
        "customer: yes that's the house phone\n"
    )
    assert note.customer.phone == "01134960227"
    assert note.customer.name == "Jean Barker"


def test_the_number_asked_for_keeps_its_kind_however_long_the_answer() -> None:
    note = english_note(
        "agent: do you have the pro number from the carrier email\n"
        "customer: the pro number hmm let me see is it on this one i have something here seven seven one four two nine three one\n"
        "agent: and have you a reference from your earlier report\n"
        "customer: the one from last month was f r four four one nine two\n"
    )
    values = {(i.kind, i.value) for i in note.identifiers}
    assert ("tracking", "77142931") in values
    assert ("ticket", "FR44192") in values


# --- dates ---------------------------------------------------------------------------------------


def test_a_fortnight_ago_and_a_bare_weekday_the_call_names_in_full() -> None:
    from pipeline.normalize.dates_en import find_dates, settle_with_call

    day = ENGLISH_CALL_AT.date()
    assert [d.date for d in find_dates("she left a fortnight ago", day)] == [dt.date(2026, 5, 27)]
    said, named = settle_with_call(
        [tuple(find_dates("well i have it on tuesday", day)), tuple(find_dates("i can see it tuesday the sixteenth", day))]
    )
    assert said[0].date == dt.date(2026, 6, 16)
    assert named[0].date == dt.date(2026, 6, 16)
