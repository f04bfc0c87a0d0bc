"""Classes of English phone speech that the first author's calls did not show: new short calls
written for these tests (not dev-set calls), checked on the note the agent sees."""

from __future__ import annotations

import pytest

from pipeline.process import process_text
from tests.nlp.builders import ENGLISH_CALL_AT, english_note


# --- street addresses ---------------------------------------------------------------------------


def test_us_address_with_state_from_the_agents_read_back() -> None:
    note = english_note(
        "agent: thanks for calling brightwater plumbing this is carla\n"
        "customer: hi my name is owen marsh my kitchen tap is leaking\n"
        "agent: sorry about that what's the address for the visit\n"
        "customer: it's fifty six ten maple grove avenue apartment twelve c austin seven eight seven oh two\n"
        "agent: fifty six ten maple grove avenue apartment twelve c austin texas seven eight seven oh two\n"
        "customer: that's right\n"
    )
    assert note.customer.address == "5610 Maple Grove Avenue Apt 12C, Austin, TX 78702"


def test_us_address_with_city_only_and_self_corrected_unit() -> None:
    note = english_note(
        "agent: this is marco can you confirm the service address\n"
        "customer: seven oh four cedar bend drive unit two a sorry two b in boulder\n"
        "agent: perfect thank you\n"
    )
    assert note.customer.address == "704 Cedar Bend Drive Unit 2B, Boulder"


def test_british_flat_first_line_and_postcode_said_apart() -> None:
    note = english_note(
        "agent: morning you're through to parcelwise this is jo\n"
        "customer: hi it's about a parcel that never came\n"
        "agent: can i take the postcode please\n"
        "customer: yeah the postcode is b s three four q t\n"
        "agent: and the first line of the address\n"
        "customer: flat six twenty one mill lane bristol\n"
        "agent: lovely thank you\n"
    )
    assert note.customer.address == "Flat 6, 21 Mill Lane, Bristol BS3 4QT"


def test_spelled_street_name_and_no_address_without_an_address_question() -> None:
    spelled = english_note(
        "agent: what's the new address\n"
        "customer: it's nineteen oh two larch l a r c h road salem oregon nine seven three oh one\n"
    )
    assert spelled.customer.address == "1902 Larch Road, Salem, OR 97301"
    # A number before a street word outside an address answer is not an address.
    chat = english_note(
        "agent: how can i help\n"
        "customer: the shop is two minutes walk from me and they said the part is not in\n"
    )
    assert chat.customer.address is None


# --- names --------------------------------------------------------------------------------------


def test_caller_for_someone_else_gives_own_name_after_the_passengers() -> None:
    note = english_note(
        "agent: thanks for calling bluecrest rail my name is tariq how can i help\n"
        "customer: hi i'm ringing for my dad his seat booking went missing\n"
        "agent: can i have the passenger name\n"
        "customer: harold finch\n"
        "agent: and your name please\n"
        "customer: simon finch i'm his son\n"
    )
    assert note.customer.name == "Simon Finch"


def test_lead_name_title_and_name_after_greeting_the_agent() -> None:
    lead = english_note(
        "agent: good morning suncoast villas you're speaking with leila\n"
        "customer: hello i'm chasing a refund\n"
        "agent: of course and the lead name on the booking\n"
        "customer: it's mrs deborah lane\n"
    )
    assert lead.customer.name == "Deborah Lane"
    polite = english_note(
        "agent: harbor card services this is omar may i have your name please\n"
        "customer: yes good evening omar my name is arjun mehta\n"
    )
    assert polite.customer.name == "Arjun Mehta"


def test_greeting_its_name_and_agent_name_before_speaking() -> None:
    note = english_note(
        "agent: good morning oakfield dental becky speaking\n"
        "customer: hiya it's lorna mcbride i've got a question about my bill\n"
    )
    assert note.customer.name == "Lorna Mcbride"
    assert note.agent.name == "Becky"


# --- customer numbers and identifiers -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "customer_id"),
    [
        pytest.param(
            "agent: riverside clinic this is amy can i take your patient number\n"
            "customer: yes it's m b six two oh four one\n"
            "agent: thank you\n",
            "MB62041",
            id="client-or-patient-number",
        ),
        pytest.param(
            "agent: do you have the customer id it's on the invoices\n"
            "customer: it's k p four one one nine sorry four one nine one\n",
            "KP4191",
            id="self-corrected-code-keeps-its-letters-where-printed-is-no-kind",
        ),
    ],
)
def test_the_customer_s_own_number_is_the_customer_id_not_an_identifier(text: str, customer_id: str) -> None:
    note = english_note(text)
    assert note.customer.customer_id == customer_id
    assert note.identifiers == []


def test_specific_cues_name_the_kind() -> None:
    note = english_note(
        "agent: can i get the booking reference\n"
        "customer: it's z k four r nine p\n"
        "agent: and your enrollment number\n"
        "customer: e d three three oh one five\n"
        "agent: your service order is w s five five one two oh and the model is the v x two hundred\n"
        "agent: i can see flight b a two oh six\n"
    )
    assert [(i.kind, i.value) for i in note.identifiers] == [
        ("order", "ZK4R9P"), ("order", "ED33015"), ("ticket", "WS55120"), ("model", "VX200"), ("other", "BA206"),
    ]


def test_rental_agreement_is_a_contract() -> None:
    note = english_note(
        "agent: do you have the rental agreement number\n"
        "customer: yeah it's h d seven seven one oh two nine\n"
    )
    assert [(i.kind, i.value) for i in note.identifiers] == [("contract", "HD771029")]


# --- e-mail -------------------------------------------------------------------------------------


def test_email_with_spelled_surname_split_provider_and_still() -> None:
    spelled = english_note("agent: and your email\ncustomer: it's k morrow m o r r o w at hot mail dot com\n")
    assert spelled.customer.email == "kmorrow@hotmail.com"
    asked = english_note("agent: is it still dee dot kaur at gmail dot com\ncustomer: yes\n")
    assert asked.customer.email == "dee.kaur@gmail.com"


def test_spelled_mailbox_name_is_not_an_identifier() -> None:
    note = english_note(
        "agent: the tickets go to the email on the order which is t west forty at proton mail dot com\n"
        "customer: yes t w e s t four oh\n"
    )
    assert note.customer.email == "twest40@protonmail.com"
    assert note.identifiers == []


# --- masking ------------------------------------------------------------------------------------


def test_account_bills_are_paid_from_is_masked() -> None:
    processed = process_text(
        "agent: your bill is on hold\n"
        "customer: good because the account they pull from is like three three oh one two eight "
        "four four nine one at first national\n"
        "customer: or it's six two two one oh four eight eight with chase bank\n",
        call_started_at=ENGLISH_CALL_AT,
    )
    shown = " ".join(u.text for u in processed.transcript.utterances) + processed.note.model_dump_json()
    for clear in ("3301284491", "three three oh one two eight four four nine one", "62210488", "six two two one oh four eight eight"):
        assert clear not in shown


# --- resolution ---------------------------------------------------------------------------------


def test_another_team_has_to_approve_is_escalated() -> None:
    note = english_note(
        "agent: thanks for calling northgate water this is priya\n"
        "customer: hi my bill is far too high\n"
        "agent: i can take the reading but a change like this has to go to our accounts review team for approval\n"
        "customer: okay\n"
        "agent: they have up to ten business days and they'll email you\n"
    )
    assert note.resolution == "escalated"
    owner = english_note(
        "agent: hi this is dev\n"
        "customer: i need the admin rights moved to me\n"
        "agent: our data protection team has to verify ownership and approve the change\n"
        "agent: i've opened a case and they'll email you\n"
    )
    assert owner.resolution == "escalated"


def test_handoff_that_did_not_happen_is_not_an_escalation() -> None:
    note = english_note(
        "agent: hello this is sam\n"
        "customer: my refund never came\n"
        "agent: it was approved but it hasn't been sent over to our finance team i've pushed it through now\n"
        "agent: it should reach your card within five working days\n"
    )
    assert note.resolution == "pending"


def test_rescheduled_or_paid_in_the_call_is_resolved() -> None:
    moved = english_note(
        "agent: hello this is ann\n"
        "customer: i can't come on friday\n"
        "agent: i can see you're booked for friday at ten\n"
        "agent: i've moved it to tuesday the sixteenth at three\n"
        "customer: thank you\n"
    )
    assert moved.resolution == "resolved"
    paid = english_note(
        "agent: hi this is lou\n"
        "customer: can i swap my seats to the later show\n"
        "agent: that's twenty dollars okay that went through your new seats are row d\n"
    )
    assert paid.resolution == "resolved"


def test_caller_who_will_discuss_at_home_is_unresolved() -> None:
    note = english_note(
        "agent: card services this is meena\n"
        "customer: i wanted to ask about the loan offer\n"
        "agent: can i take your name\n"
        "customer: rahul menon\n"
        "agent: the rate is nine percent for three years\n"
        "customer: okay i will discuss with my husband and then i will call back\n"
        "agent: sure i'll send the details today\n"
    )
    assert note.resolution == "unresolved"


# --- category -----------------------------------------------------------------------------------


def test_reasons_said_the_second_authors_way() -> None:
    cases = {
        "customer: hi so i'm on the data science course and i think i need to drop out or withdraw\n": "cancellation",
        "customer: hello my dishwasher it's leaking there's water all over the kitchen floor\n": "technical_issue",
        "customer: hi i double booked myself is there a show on the friday instead\n": "exchange",
        "customer: hi nobody can get into the admin side of our team account since our manager left\n": "account",
        "customer: hello i received a letter about a balance transfer i wanted to know the procedure\n": "product_inquiry",
        "customer: my flight got cancelled and i want you to refund it the app says i didn't no show\n": "refund_return",
    }
    for line, category in cases.items():
        note = english_note("agent: thanks for calling this is kim how can i help\n" + line)
        assert note.category == category, line


def test_chasing_the_refund_of_an_earlier_cancellation_is_a_refund_call() -> None:
    note = english_note(
        "agent: good morning this is tom\n"
        "customer: hello i emailed you to cancel our cottage a month ago\n"
        "agent: i see the booking\n"
        "customer: the man said the money would be back in five days and nothing's come through\n"
    )
    assert note.category == "refund_return"


# --- dates --------------------------------------------------------------------------------------


def test_weekday_said_with_month_and_day_is_one_date() -> None:
    from pipeline.normalize.dates_en import find_dates

    dates = find_dates("you have two seats for saturday june twentieth at eight", ENGLISH_CALL_AT.date())
    assert [d.date.isoformat() for d in dates] == ["2026-06-20"]
    named = find_dates("i've moved it to tuesday the thirtieth of june at two", ENGLISH_CALL_AT.date())
    assert [d.date.isoformat() for d in named] == ["2026-06-30"]


def test_what_cannot_be_done_on_a_day_is_a_plan_and_hedged_ago_is_no_date() -> None:
    plan = english_note(
        "agent: hello this is val\n"
        "customer: my son was going to drive me but he can't take me on the thursday so i need another day\n"
        "agent: i'll find you another slot\n"
    )
    assert plan.issue.occurred_on is None
    hedged = english_note(
        "agent: hi this is rob\n"
        "customer: our account manager left about four weeks ago and nobody can get into the admin side\n"
    )
    assert hedged.issue.occurred_on is None


def test_caller_echoing_the_offered_weekday_is_not_a_past_date() -> None:
    note = english_note(
        "agent: hello this is nadia\n"
        "customer: my refund still hasn't come through\n"
        "agent: i've chased it and if it's not there by friday ring us back\n"
        "customer: right friday okay thanks\n"
    )
    assert note.issue.occurred_on is None


def test_korean_road_address_said_on_an_english_line() -> None:
    note = english_note(
        "agent: hanbit telecom english service this is jisoo\n"
        "customer: hi i moved so i need to update my address\n"
        "agent: sure what is the new address\n"
        "customer: it's forty two sinchon ro eleven gil mapo gu seoul unit five oh one\n"
    )
    assert note.customer.address == "42 Sinchon-ro 11-gil, Mapo-gu, Seoul, Unit 501"
