"""Classes of English phone speech found on the third author's batch (e33–e44): ASR without
apostrophes, names after regional greetings and corrected nicknames, cue words for category and
resolution, days inside a named period, and follow-ups tied to a booking. Short calls written
for these tests (not dev or staging calls)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates_en import period_spans
from pipeline.normalize.english import restore_apostrophes
from tests.nlp.builders import english_note


# --- apostrophes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "restored"),
    [
        ("um its craig pemberton here", "um it's craig pemberton here"),
        ("youre speaking with jess", "you're speaking with jess"),
        ("my names priya how can i help", "my name's priya how can i help"),
        ("so ill ring you tomorrow", "so i'll ring you tomorrow"),
        ("and well send it out", "and we'll send it out"),
        ("so i thought id check", "so i thought i'd check"),
        ("yes were doing deliveries", "yes we're doing deliveries"),
        ("so shell call you by thursday", "so she'll call you by thursday"),
        ("it doesnt work and i cant log in", "it doesn't work and i can't log in"),
    ],
)
def test_contractions_get_their_apostrophe_back(said: str, restored: str) -> None:
    assert restore_apostrophes(said) == restored


@pytest.mark.parametrize(
    "said",
    [
        "it was on its way",
        "i have it as well the same",
        "my member id is four",
        "my mother is ill",
        "there were no cars",
        "the app lets you",
        "well robert delgado",
    ],
)
def test_words_that_look_like_contractions_stay(said: str) -> None:
    assert restore_apostrophes(said) == said


# --- names --------------------------------------------------------------------------------------


def test_name_after_a_regional_greeting_without_apostrophes() -> None:
    for opening in ("oh g day sam um its", "hi yeah afternoon its", "hi sam um its"):
        note = english_note(
            "agent: good morning harbour insurance youre speaking with sam\n"
            f"customer: {opening} nina castellano here i got a letter about my policy\n"
            "agent: no worries nina\n"
        )
        assert note.customer.name == "Nina Castellano", opening
        assert note.agent.name == "Sam"


def test_corrected_nickname_gives_the_full_name() -> None:
    for answer in ("bill hartley well william hartley", "bill sorry william hartley"):
        note = english_note(
            "agent: lakeside repairs this is dee whats your name\n"
            f"customer: {answer}\n"
            "agent: thanks william\n"
        )
        assert note.customer.name == "William Hartley", answer


def test_spelled_surname_after_that_is_not_part_of_the_name() -> None:
    note = english_note(
        "agent: thank you and the name on the order\n"
        "customer: gemma rowntree thats r o w n t r e e\n"
        "agent: lovely thank you\n"
    )
    assert note.customer.name == "Gemma Rowntree"


# --- category and resolution --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_turn", "category"),
    [
        ("my washing machine isnt spinning at all", "technical_issue"),
        ("the oven stopped heating last night", "technical_issue"),
        ("we moved last month and i need my statements at the new address", "account"),
        ("i got charged for the yearly plan and i was hoping to get that back", "refund_return"),
        ("i wanted to ask about maybe upgrading our room for the weekend", "product_inquiry"),
    ],
)
def test_category_cues(first_turn: str, category: str) -> None:
    note = english_note(f"agent: hello this is ana how can i help\ncustomer: hi {first_turn}\nagent: okay\n")
    assert note.category == category


def test_change_done_with_a_delivery_time_is_resolved() -> None:
    note = english_note(
        "agent: good morning this is marcus\n"
        "customer: hi i need my address changed we moved\n"
        "agent: great the address is updated and i have ordered a new card it takes five to seven "
        "business days so you should have it by june nineteenth\n"
        "customer: thanks\n"
    )
    assert note.resolution == "resolved"
    assert [(f.owner, f.due) for f in note.follow_ups] == [("company", dt.date(2026, 6, 19))]


def test_partner_who_decides_is_escalated() -> None:
    note = english_note(
        "agent: westgate motors good afternoon\n"
        "customer: hi its about the hire car costs\n"
        "agent: i can open a goodwill claim with the manufacturer and theyll decide on it within ten working days\n"
        "customer: okay\n"
    )
    assert note.resolution == "escalated"


def test_someone_else_calling_back_keeps_the_call_pending() -> None:
    note = english_note(
        "agent: this is andre\n"
        "customer: my parcel says delivered but i never got it\n"
        "agent: ive opened a trace and a depot supervisor will call you by friday\n"
        "customer: okay\n"
        "agent: so the supervisor calls you by friday and ive added a note for the drivers\n"
    )
    assert note.resolution == "pending"


# --- dates --------------------------------------------------------------------------------------


def test_period_spans() -> None:
    day = dt.date(2026, 10, 1)  # a Thursday
    assert period_spans("i had it in the week before last", day) == [(dt.date(2026, 9, 14), dt.date(2026, 9, 20))]
    assert period_spans("it came the end of last month", day) == [(dt.date(2026, 9, 21), dt.date(2026, 9, 30))]
    assert period_spans("a couple of days ago", day) == [(dt.date(2026, 9, 28), dt.date(2026, 9, 30))]
    assert period_spans("it was supposed to come last week", day) == []


def test_day_the_agent_reads_inside_the_callers_period() -> None:
    note = english_note(
        "agent: bayside motors\n"
        "customer: hi its tom reid i had my car in with you the week before last for a recall\n"
        "agent: yes it came in on tuesday the twenty sixth of may\n"
        "customer: and ive paid for a taxi since the twenty eighth\n"
    )
    assert note.issue.occurred_on == dt.date(2026, 5, 26)


def test_cancellation_dated_by_the_letter_that_prompted_it() -> None:
    note = english_note(
        "agent: the renewal notice went out on the twenty ninth of may is that the one\n"
        "customer: yeah end of last month it came and i want to cancel the policy\n"
        "agent: okay\n"
    )
    assert note.category == "cancellation"
    assert note.issue.occurred_on == dt.date(2026, 5, 29)


# --- follow-ups ---------------------------------------------------------------------------------


def test_steps_before_a_booked_visit_take_its_day() -> None:
    note = english_note(
        "agent: this is kayla\n"
        "customer: my dryer isnt heating\n"
        "agent: youre booked for friday june twelfth between eight and twelve the technician will call "
        "about thirty minutes before arriving\n"
        "customer: great\n"
        "agent: in the meantime please dont run it\n"
    )
    assert sorted((f.owner, f.due) for f in note.follow_ups) == [
        ("company", dt.date(2026, 6, 12)),
        ("customer", dt.date(2026, 6, 12)),
    ]


def test_agent_step_done_now_and_team_detail_are_not_extra_steps() -> None:
    note = english_note(
        "agent: this is declan\n"
        "customer: theres a charge on my bill that shouldnt be there\n"
        "agent: im sending the refund request to our billing disputes team and theyll make a decision "
        "within five working days\n"
        "customer: will someone tell me\n"
        "agent: yes theyll send a text with the outcome and ill email the summary to you now\n"
    )
    assert [(f.owner, f.due) for f in note.follow_ups] == [("company", dt.date(2026, 6, 17))]


def test_callers_promise_takes_the_agents_deadline_in_reply() -> None:
    note = english_note(
        "agent: this is aoife\n"
        "customer: i got an invoice and i thought my insurer was paying it\n"
        "agent: you'd need to check with them\n"
        "customer: okay so ill ring them and see what they say\n"
        "agent: perfect theres nothing you need to do with us until the thirtieth\n"
    )
    assert [(f.owner, f.due) for f in note.follow_ups] == [("customer", dt.date(2026, 6, 30))]
