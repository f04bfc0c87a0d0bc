"""Structured fields of English calls in the forms the sixth author's batch (e69–e80) brought:
lines adapted from those transcripts, checked on the note the agent sees."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote
from pipeline.process import process_text


def _note(text: str, at: str) -> ConsultationNote:
    return process_text(text, call_started_at=dt.datetime.fromisoformat(at)).note


def _due(note: ConsultationNote) -> list[tuple[str, str | None]]:
    return sorted((f.owner.value, f.due.isoformat() if f.due else None) for f in note.follow_ups)


# --- names ---------------------------------------------------------------------------------------


def test_its_later_in_a_turn_says_what_something_is_not_who_the_caller_is() -> None:
    note = _note(
        "agent: thank you for calling sunway car rental my name is andre may i have your rental agreement number\n"
        "customer: hi andre uh yes its r a eight one five five two oh nine\n"
        "agent: thank you and the name on the rental\n"
        "customer: tanya whitfield\n"
        "agent: thank you miss whitfield how can i help\n"
        "customer: okay so i got like a hundred dollars in charges on my card for tolls and im looking at it and its mostly fees\n",
        "2026-04-24T10:00:00-04:00",
    )
    assert note.customer.name == "Tanya Whitfield"
    assert note.agent.name == "Andre"


def test_a_caller_opening_with_the_agents_name_and_its_gives_their_name() -> None:
    note = _note(
        "agent: good morning northvale water tahlia speaking\n"
        "customer: g day tahlia its bruce mcallister\n",
        "2026-07-08T09:00:00+10:00",
    )
    assert note.customer.name == "Bruce Mcallister"


def test_an_agent_who_says_speaking_and_asks_are_you_calling_keeps_their_name() -> None:
    note = _note(
        "agent: granite shield insurance claims this is renee speaking are you calling to report a new claim\n"
        "customer: yes hi um yeah i need to report water damage\n",
        "2026-03-18T10:00:00-04:00",
    )
    assert note.agent.name == "Renee"


# --- e-mail --------------------------------------------------------------------------------------


def test_a_new_email_asked_for_with_can_you_use_starts_after_the_request() -> None:
    note = _note(
        "agent: and ill send a confirmation email do you want it to the email on the rental\n"
        "customer: no thats my old one can you use tanya dot whitfield eighty eight at gmail dot com\n"
        "agent: tanya dot whitfield eight eight at gmail dot com\n",
        "2026-04-24T10:00:00-04:00",
    )
    assert note.customer.email == "tanya.whitfield88@gmail.com"


def test_the_caller_repeating_the_companys_mailbox_does_not_make_it_theirs() -> None:
    note = _note(
        "A: you can upload the lease in the app or email it to members at summit peak fitness dot com\n"
        "C: members at summit peak fitness dot com okay\n",
        "2026-10-12T09:00:00-06:00",
    )
    assert note.customer.email is None


# --- addresses -----------------------------------------------------------------------------------


def test_an_address_read_back_by_the_agent_and_confirmed_is_the_customers() -> None:
    note = _note(
        "agent: perfect and can i confirm the delivery address is flat two\n"
        "customer: no flat three\n"
        "agent: flat three twenty seven cotham vale bristol b s six six h r\n"
        "customer: yeah thats it flat three\n",
        "2026-05-12T10:00:00+01:00",
    )
    assert note.customer.address == "Flat 3, 27 Cotham Vale, Bristol BS6 6HR"


def test_a_street_named_with_the_and_a_house_letter_takes_the_corrected_number() -> None:
    note = _note(
        "agent: so can i just check the address fourteen the paddocks sheffield\n"
        "customer: yes fourteen well its fourteen a actually theres two houses\n"
        "agent: ah okay thats useful fourteen a the paddocks s ten four p l\n"
        "customer: thats it the drivers always get it wrong\n",
        "2026-12-07T10:00:00+00:00",
    )
    assert note.customer.address == "14A The Paddocks, Sheffield S10 4PL"


def test_an_australian_address_keeps_its_four_digit_postcode() -> None:
    note = _note(
        "A: can you confirm your address for me\n"
        "C: its unit four twenty two albion street brunswick three oh five six\n",
        "2026-07-07T10:00:00+10:00",
    )
    assert note.customer.address == "Unit 4, 22 Albion Street, Brunswick 3056"


# --- numbers -------------------------------------------------------------------------------------


def test_a_student_number_is_the_customers_own_number() -> None:
    note = _note(
        "agent: oh okay lets take a look can i get your student number\n"
        "customer: yeah its s two oh two six four four one seven\n",
        "2026-11-12T10:00:00-05:00",
    )
    assert note.customer.customer_id == "S20264417"
    assert note.identifiers == []


def test_a_number_answering_the_agents_question_after_a_long_hang_on_keeps_its_kind() -> None:
    note = _note(
        "agent: okay have you got the fault reference from saturday at all\n"
        "customer: um yeah hang on its in my emails somewhere yeah f r dash six one one eight three\n",
        "2026-01-20T10:00:00+00:00",
    )
    assert [(i.kind, i.value) for i in note.identifiers] == [("ticket", "FR-61183")]


def test_a_number_the_agent_offered_and_reads_after_yes_please_keeps_its_kind() -> None:
    note = _note(
        "agent: would you like me to email you the order number so youve got it\n"
        "customer: yes please\n"
        "agent: its s p dash four four one nine eight two seven ive sent that now\n",
        "2026-09-10T19:00:00+01:00",
    )
    assert [(i.kind, i.value) for i in note.identifiers] == [("order", "SP-4419827")]


def test_a_quote_number_is_kept() -> None:
    note = _note(
        "A: what i can do is save this as a quote the quote number is t q eight eight four one oh two\n"
        "C: t q eight eight four one oh two\n",
        "2026-08-21T10:00:00-05:00",
    )
    assert [(i.kind, i.value) for i in note.identifiers] == [("other", "TQ884102")]


# --- when it happened ----------------------------------------------------------------------------


def test_the_day_a_service_came_back_is_not_the_day_the_problem_began() -> None:
    note = _note(
        "agent: larkspur broadband this is priya how can i help\n"
        "customer: hi its gareth holloway i want to make a complaint about the broadband outage\n"
        "agent: oh im sorry is it working now\n"
        "customer: yeah it came back yesterday afternoon but it went off saturday morning so thats two days with nothing\n",
        "2026-01-20T10:00:00+00:00",
    )
    assert note.issue.occurred_on == dt.date(2026, 1, 17)


def test_a_week_ago_monday_is_the_monday_of_last_week() -> None:
    note = _note(
        "agent: granite shield insurance claims this is renee speaking\n"
        "customer: hi i need to report water damage in my house\n"
        "agent: okay when did it happen\n"
        "customer: so a week ago monday the supply line to the toilet upstairs just burst and water went through the ceiling\n",
        "2026-03-18T10:00:00-04:00",
    )
    assert note.issue.occurred_on == dt.date(2026, 3, 9)


def test_the_days_of_a_rental_are_no_problem_date() -> None:
    note = _note(
        "agent: sunway car rental billing my name is andre how can i help\n"
        "customer: hi its tanya whitfield i rented a car from you at the airport from the third to the tenth and last week i got charges for tolls\n"
        "agent: okay i see the toll charges here\n",
        "2026-04-24T10:00:00-04:00",
    )
    assert note.issue.occurred_on is None


# --- follow-ups ----------------------------------------------------------------------------------


def test_a_team_that_aims_to_contact_the_caller_by_a_day_owes_it() -> None:
    note = _note(
        "agent: ive raised a formal complaint and the complaints team will look at a goodwill credit\n"
        "customer: okay\n"
        "agent: they aim to contact you within five working days so thatd be by tuesday the twenty seventh\n",
        "2026-01-20T10:00:00+00:00",
    )
    assert _due(note) == [("company", "2026-01-27")]


def test_a_caller_who_will_think_about_it_is_due_by_the_deadline_the_agent_gives() -> None:
    note = _note(
        "agent: you can list them on resale or transfer them to your sister\n"
        "customer: oh thats good okay can i think about it and like ask her first\n"
        "agent: absolutely theres no rush until the twenty fourth\n",
        "2026-09-10T19:00:00+01:00",
    )
    assert _due(note) == [("customer", "2026-09-24")]


def test_a_dated_request_of_the_caller_is_their_task() -> None:
    note = _note(
        "agent: alright thats requested the adjuster will be in touch\n"
        "customer: okay\n"
        "agent: and in the meantime can you upload photos of all the damage and the plumber invoice through the app within five business days so by next wednesday the twenty fifth\n"
        "customer: yeah i can do that\n",
        "2026-03-18T10:00:00-04:00",
    )
    assert ("customer", "2026-03-25") in _due(note)


def test_nothing_on_your_end_gives_the_caller_no_task() -> None:
    note = _note(
        "customer: okay and do i need to do anything\n"
        "agent: no nothing on your end just dont send out the current certificate\n",
        "2026-11-12T10:00:00-05:00",
    )
    assert note.follow_ups == []


def test_as_soon_as_is_left_out_when_the_step_has_a_day() -> None:
    note = _note(
        "agent: ive marked the trace urgent\n"
        "agent: and ill call you with the result of the trace as soon as i have it by wednesday the seventeenth at the latest\n"
        "customer: okay\n",
        "2026-06-10T10:00:00-04:00",
    )
    assert _due(note) == [("agent", "2026-06-17")]
    assert "soon" not in note.follow_ups[0].action
