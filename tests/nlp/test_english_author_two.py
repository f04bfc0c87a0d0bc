"""Classes of English phone speech that the first author's calls did not show: new short calls
written for these tests (not dev-set calls), checked on the note the agent sees."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote
from pipeline.process import process_text

CALL_AT = dt.datetime(2026, 6, 10, 11, 0, tzinfo=dt.timezone.utc)  # a Wednesday


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_AT).note


# --- street addresses ---------------------------------------------------------------------------


def test_us_address_with_state_from_the_agents_read_back() -> None:
    note = _note(
        "agent: thanks for calling brightwater plumbing this is carla\n"
        "customer: hi my name is owen marsh my kitchen tap is leaking\n"
        "agent: sorry about that what's the address for the visit\n"
        "customer: it's fifty six ten maple grove avenue apartment twelve c austin seven eight seven oh two\n"
        "agent: fifty six ten maple grove avenue apartment twelve c austin texas seven eight seven oh two\n"
        "customer: that's right\n"
    )
    assert note.customer.address == "5610 Maple Grove Avenue Apt 12C, Austin, TX 78702"


def test_us_address_with_city_only_and_self_corrected_unit() -> None:
    note = _note(
        "agent: this is marco can you confirm the service address\n"
        "customer: seven oh four cedar bend drive unit two a sorry two b in boulder\n"
        "agent: perfect thank you\n"
    )
    assert note.customer.address == "704 Cedar Bend Drive Unit 2B, Boulder"


def test_british_flat_first_line_and_postcode_said_apart() -> None:
    note = _note(
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
    spelled = _note(
        "agent: what's the new address\n"
        "customer: it's nineteen oh two larch l a r c h road salem oregon nine seven three oh one\n"
    )
    assert spelled.customer.address == "1902 Larch Road, Salem, OR 97301"
    # A number before a street word outside an address answer is not an address.
    chat = _note(
        "agent: how can i help\n"
        "customer: the shop is two minutes walk from me and they said the part is not in\n"
    )
    assert chat.customer.address is None


# --- names --------------------------------------------------------------------------------------


def test_caller_for_someone_else_gives_own_name_after_the_passengers() -> None:
    note = _note(
        "agent: thanks for calling bluecrest rail my name is tariq how can i help\n"
        "customer: hi i'm ringing for my dad his seat booking went missing\n"
        "agent: can i have the passenger name\n"
        "customer: harold finch\n"
        "agent: and your name please\n"
        "customer: simon finch i'm his son\n"
    )
    assert note.customer.name == "Simon Finch"


def test_lead_name_title_and_name_after_greeting_the_agent() -> None:
    lead = _note(
        "agent: good morning suncoast villas you're speaking with leila\n"
        "customer: hello i'm chasing a refund\n"
        "agent: of course and the lead name on the booking\n"
        "customer: it's mrs deborah lane\n"
    )
    assert lead.customer.name == "Deborah Lane"
    polite = _note(
        "agent: harbor card services this is omar may i have your name please\n"
        "customer: yes good evening omar my name is arjun mehta\n"
    )
    assert polite.customer.name == "Arjun Mehta"


def test_greeting_its_name_and_agent_name_before_speaking() -> None:
    note = _note(
        "agent: good morning oakfield dental becky speaking\n"
        "customer: hiya it's lorna mcbride i've got a question about my bill\n"
    )
    assert note.customer.name == "Lorna Mcbride"
    assert note.agent.name == "Becky"
