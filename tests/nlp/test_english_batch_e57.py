"""Structured fields of English calls in the forms the fifth author's batch (e57–e68) brought:
lines taken from those transcripts, checked on the note the agent sees."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote
from pipeline.process import process_text


def _note(text: str, at: str) -> ConsultationNote:
    return process_text(text, call_started_at=dt.datetime.fromisoformat(at)).note


# --- customer ------------------------------------------------------------------------------------


def test_a_phone_number_corrected_at_its_end_keeps_the_corrected_digits() -> None:
    note = _note(
        "agent: and whats the best mobile number for the engineer to call you on the day\n"
        "customer: its oh seven seven double oh nine double oh three eight two no sorry three two eight\n",
        "2026-02-10T09:15:00+00:00",
    )
    assert note.customer.phone == "07700900328"


def test_the_number_on_file_the_caller_asks_for_and_confirms_is_the_phone_not_a_ticket() -> None:
    note = _note(
        "agent: hello hartwell home customer care dylan speaking\n"
        "customer: hi yes um im calling because my sofa was meant to be delivered yesterday and nobody turned up\n"
        "agent: oh im sorry about that can i have the order number\n"
        "customer: h h dash five five two oh nine one\n"
        "customer: and what number have you got for me just in case\n"
        "agent: we have oh seven seven double oh nine double oh nine four one\n"
        "customer: yeah thats right\n",
        "2026-06-04T14:45:00+01:00",
    )
    assert note.customer.phone == "07700900941"
    assert [i.value for i in note.identifiers] == ["HH-552091"]


def test_a_full_name_given_when_the_agent_checks_the_surname() -> None:
    note = _note(
        "agent: cardinal air baggage services my name is keisha do you have a file reference\n"
        "customer: uh yeah hi they gave me one at the airport last night hold on its b o s c a four one two seven five\n"
        "agent: b o s c a four one two seven five thank you and is this mister okafor\n"
        "customer: yes tom okafor\n",
        "2026-07-13T08:05:00-04:00",
    )
    assert note.customer.name == "Tom Okafor"
    # "hold on it's …" answers the agent's question for the file reference, a claim-like number.
    assert [(i.kind, i.value) for i in note.identifiers] == [("other", "BOSCA41275")]


def test_a_name_said_with_the_date_of_birth_stops_before_the_date() -> None:
    note = _note(
        "agent: crestview pharmacy home delivery this is renee how can i help\n"
        "customer: yeah hi um i got my delivery yesterday and i think theyre the wrong pills\n"
        "agent: oh okay lets check that for you can i get your name and date of birth\n"
        "customer: harold jenkins march third nineteen fifty two\n"
        "agent: okay and the prescription number on the label\n"
        "customer: r x seven seven one four oh two\n",
        "2026-10-13T15:25:00-04:00",
    )
    assert note.customer.name == "Harold Jenkins"
    assert ("other", "RX771402") in [(i.kind, i.value) for i in note.identifiers]
    assert note.category == "exchange"


def test_a_company_mailbox_the_agent_gives_to_write_to_is_not_the_customers_email() -> None:
    note = _note(
        "agent: thats right and it would really help if you could email us a photo of the meter showing the reading could you do that by tomorrow\n"
        "customer: yeah i can do it tonight where do i send it\n"
        "agent: to meter readings at northvale energy dot co dot uk with the reference in the subject\n"
        "agent: that sounds good if you do appeal you can upload the letter in the app under the claim or email it to claims at pawsure dot com\n",
        "2026-03-04T11:30:00+00:00",
    )
    assert note.customer.email is None


def test_a_welsh_street_confirmed_against_the_address_on_file() -> None:
    note = _note(
        "agent: thanks mr lloyd and just to confirm the address we have is twelve heol y deri cardiff is that right\n"
        "customer: yeah twelve heol y deri c f fourteen six h j\n",
        "2026-02-10T09:15:00+00:00",
    )
    assert note.customer.address == "12 Heol y Deri, Cardiff CF14 6HJ"


def test_an_apartment_corrected_with_no_sorry() -> None:
    note = _note(
        "agent: and the new address please\n"
        "customer: its fourteen twenty maple ridge drive apartment three a no sorry three b columbus ohio four three two one five\n",
        "2026-06-15T10:00:00-04:00",
    )
    assert note.customer.address == "1420 Maple Ridge Drive Apt 3B, Columbus, OH 43215"


# --- category, resolution, complaint ---------------------------------------------------------------


def test_a_membership_freeze_put_on_in_the_call_is_a_resolved_account_change() -> None:
    note = _note(
        "agent: thanks for calling ironline fitness member services this is marcus how can i help you today\n"
        "customer: hi marcus um i wanted to put my membership on hold i guess its called a freeze\n"
        "agent: perfect that matches so whats going on\n"
        "customer: so im having knee surgery on the twenty eighth and my doctor says no gym for like at least six weeks\n"
        "agent: alright ive put the freeze on from june first to july thirty first the ten dollar fee comes out june first and july first\n",
        "2026-05-16T10:40:00-05:00",
    )
    assert note.category == "account"
    assert note.resolution == "resolved"
    assert note.issue.occurred_on is None  # the surgery is ahead, and no problem


def test_a_handset_upgrade_placed_in_the_call_is_a_resolved_order_without_a_problem_date() -> None:
    note = _note(
        "A: hello youre through to kestrel mobile upgrades its sophie speaking\n"
        "C: hiya um i got a text saying im due an upgrade so i wanted to sort that out\n"
        "A: lovely can i take the mobile number on the account\n"
        "C: oh seven seven double oh nine double oh six one five\n"
        "A: and your name please\n"
        "C: aisha rahman\n"
        "A: brilliant so yeah your contract ended on the fifteenth so youre free to upgrade now what were you thinking of\n"
        "C: thirty eight and whats my bill now\n"
        "A: ive placed that for you the order number is k m dash two oh two six dash eight eight one four\n",
        "2026-09-18T13:20:00+01:00",
    )
    assert note.category == "order"
    assert note.resolution == "resolved"
    assert note.issue.occurred_on is None


def test_a_missed_delivery_complained_about_is_still_a_delivery() -> None:
    note = _note(
        "agent: hello hartwell home customer care dylan speaking\n"
        "customer: hi yes um im calling because my sofa was meant to be delivered yesterday and nobody turned up\n"
        "agent: oh im sorry about that can i have the order number\n"
        "customer: h h dash five five two oh nine one\n"
        "agent: thanks and your name\n"
        "customer: rebecca stone\n"
        "customer: yeah and i took the whole day off work i waited till like four and nobody came nobody rang nothing\n"
        "customer: its really poor honestly i lost a days pay for this\n",
        "2026-06-04T14:45:00+01:00",
    )
    assert note.category == "delivery"
    assert note.complaint is True
    assert note.issue.occurred_on == dt.date(2026, 6, 3)


def test_an_unwanted_renewal_asked_back_is_a_refund_dated_by_the_renewal() -> None:
    note = _note(
        "agent: hi thanks for calling pixelforge support youre speaking to ben\n"
        "customer: hi ben um ive been charged for a whole year and i didnt want it to renew\n"
        "agent: thanks owen i can see the account p f dash seven two oh oh four one and yes the annual plan renewed on the third for eighty nine ninety nine\n"
        "customer: yeah eighty nine ninety nine i saw it on my bank app this morning and i havent even opened the app since like march\n"
        "customer: so can i get it back i honestly just want to cancel\n",
        "2026-11-05T10:05:00+00:00",
    )
    assert note.category == "refund_return"
    assert note.issue.occurred_on == dt.date(2026, 11, 3)


def test_stopping_a_renewal_is_a_cancellation_and_a_loyalty_grievance_a_complaint() -> None:
    note = _note(
        "agent: good afternoon thistle cover youre speaking with niamh how can i help\n"
        "customer: hello yes ive had my renewal through and frankly its a joke i want to stop it renewing\n"
        "customer: yeah but new customers get it cheaper i checked your own website its about five hundred for a new customer its the loyal customers that get punished\n"
        "customer: honestly ive been with you eight years and this is how youre treating me\n"
        "agent: thats right if auto renewal is off and nothing else is in place your cover ends at midnight on the twenty seventh\n"
        "customer: right i want to get some quotes first\n"
        "agent: thats fine the renewal stays as it is for now if you want to cancel or take the six eight nine quote you need to tell us by the twenty seventh\n",
        "2026-08-17T17:50:00+01:00",
    )
    assert note.category == "cancellation"
    assert note.complaint is True
    assert note.issue.occurred_on is None  # the cover ends ahead, on 27 August
    assert [(f.owner, f.due) for f in note.follow_ups] == [("customer", dt.date(2026, 8, 27))]


def test_a_replacement_on_its_way_by_courier_is_pending() -> None:
    note = _note(
        "agent: crestview pharmacy home delivery this is renee how can i help\n"
        "customer: yeah hi um i got my delivery yesterday and i think theyre the wrong pills\n"
        "agent: okay so youre fine for a few days ive spoken to the pharmacist and were sending the correct ten milligram tablets out\n"
        "customer: when will they come\n"
        "agent: by courier tomorrow morning between nine and noon and the driver will take the wrong bottle back so please keep it closed and ready\n",
        "2026-10-13T15:25:00-04:00",
    )
    assert note.resolution == "pending"


def test_a_decision_the_hotel_makes_is_escalated() -> None:
    note = _note(
        "agent: thank you for calling sandpiper hotels central reservations this is tanya how may i help you\n"
        "customer: hi tanya my name is michelle grant and i want to make a complaint about your miami beach hotel\n"
        "agent: i completely understand i cant reverse a charge from the property myself or approve compensation but i can open a case with guest relations at the hotel they make that decision\n"
        "agent: the guest relations manager will call you within three business days so by monday the twentieth\n",
        "2026-04-15T12:35:00-04:00",
    )
    assert note.resolution == "escalated"


# --- dates ---------------------------------------------------------------------------------------


def test_a_day_of_the_month_said_after_yesterday_is_yesterday() -> None:
    note = _note(
        "agent: hello hartwell home customer care dylan speaking\n"
        "customer: hi yes um im calling because my sofa was meant to be delivered\n"
        "agent: okay so i can see the three seater in slate grey booked for yesterday the third in the seven till one slot\n",
        "2026-06-04T14:45:00+01:00",
    )
    assert note.issue.occurred_on == dt.date(2026, 6, 3)


def test_a_slot_held_until_a_time_tomorrow_is_the_callers_deadline() -> None:
    note = _note(
        "agent: hello hartwell home customer care dylan speaking\n"
        "customer: um saturday the thirteenth we might be away that weekend i dont know my husband might be home on tuesday let me check with him\n"
        "agent: of course i can hold the tuesday ninth slot for you until five pm tomorrow\n",
        "2026-06-04T14:45:00+01:00",
    )
    assert [(f.owner, f.due) for f in note.follow_ups] == [("customer", dt.date(2026, 6, 5))]


def test_a_refund_said_before_its_working_days_is_the_companys_step() -> None:
    note = _note(
        "agent: hi thanks for calling pixelforge support youre speaking to ben\n"
        "customer: hi ben um ive been charged for a whole year and i didnt want it to renew\n"
        "agent: okay thats done the refund of eighty nine pounds ninety nine has gone back to the card it was paid with the invoice it relates to is i n v nine nine three one two\n"
        "customer: i n v nine nine three one two\n"
        "agent: yes and it can take three to five working days to show so by next thursday the twelfth at the latest\n",
        "2026-11-05T10:05:00+00:00",
    )
    assert [(f.owner, f.due) for f in note.follow_ups] == [("company", dt.date(2026, 11, 12))]
    assert "refund" in note.follow_ups[0].action.lower()
