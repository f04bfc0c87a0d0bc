"""Classes of phrasing found with dev author E's calls (173–184), each tested on a call written
for this file: a model's letter after its digits, a SIM card's serial, the other driver's
number, a delivery day said with a past adnominal, "그 뒤로" after a later sentence, a morning
accident told with a connective, a sign-up the customer disowns."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-11-11 is a Wednesday.
WEDNESDAY = dt.datetime(2026, 11, 11, 10, 0, tzinfo=KST)


def _note(text: str, started: dt.datetime = WEDNESDAY):
    return process_text(text, call_started_at=started).note


def _ids(text: str) -> set[tuple[str, str]]:
    return {(i.kind, i.value.replace("-", "").upper()) for i in _note(text).identifiers}


# --- identifiers -------------------------------------------------------------------------


def test_a_letter_said_after_a_models_digits_is_part_of_the_model() -> None:
    call = """상담원: 네 한결전자 서비스센터입니다 모델명 확인 부탁드립니다
고객: 어 뒤에 보면 에이 알 다시 삼사공 케이 이렇게 적혀 있네요
상담원: 에이 알 다시 삼사공 케이 확인됐습니다
"""
    assert ("model", "AR340K") in _ids(call)


def test_the_digits_off_a_sim_card_are_its_serial() -> None:
    call = """상담원: 네 개통센터입니다 새로 받으신 유심 뒷면에 적힌 숫자 불러 주시겠어요
고객: 팔구팔이 공오일이 삼삼사사 오오칠칠 팔팔이요
상담원: 네 확인됐습니다 개통 진행하겠습니다
"""
    assert ("serial", "898205123344557788") in _ids(call)


# --- customer.phone ----------------------------------------------------------------------


def test_the_other_drivers_number_is_not_the_callers_phone() -> None:
    call = """고객: 사고가 나서 접수하려고요
상담원: 네 사고접수센터입니다 성함 말씀해 주세요
고객: 남기현이요
상담원: 상대방 운전자 연락처 받으셨으면 불러 주시겠어요
고객: 네 공일공 칠칠일이 삼사오육이요
상담원: 네 상대방 연락처 공일공 칠칠일이 삼사오육 받았습니다 보상 담당자가 연락드릴 거예요
"""
    assert _note(call).customer.phone is None


def test_the_callers_own_number_still_counts_beside_the_other_drivers() -> None:
    call = """고객: 접촉 사고 접수하려고요
상담원: 네 성함이랑 연락처 말씀해 주세요
고객: 남기현이고요 제 번호는 공일공 사사오오 일이일이요
상담원: 네 상대 차량 운전자분 번호도 받으셨어요
고객: 네 공일공 칠칠일이 삼사오육이요
"""
    assert _note(call).customer.phone == "01044551212"


# --- issue.occurred_on -------------------------------------------------------------------


def test_a_bare_weekday_with_a_past_adnominal_is_the_day_just_gone() -> None:
    call = """상담원: 네 신선마켓 고객센터입니다
고객: 월요일 아침에 받은 거요 생선이 상해서 왔어요 냄새가 심하게 나요
상담원: 아 죄송합니다 환불 도와드리겠습니다
"""
    assert _note(call).issue.occurred_on == dt.date(2026, 11, 9)


def test_since_after_another_sentence_is_not_since_the_day_said_before_it() -> None:
    call = """상담원: 네 카드 분실 신고센터입니다
고객: 카드를 잃어버려서요 어제 저녁에 동창 모임 하고 지하철 타고 왔는데 오늘 아침에 보니까 카드 지갑이 없더라고요 지하철에서는 제가 들고 있었거든요 그 다음부터 없어요
상담원: 네 바로 분실 신고 도와드릴게요
"""
    assert _note(call).issue.occurred_on == dt.date(2026, 11, 10)


def test_a_morning_accident_told_with_a_connective_is_today() -> None:
    call = """고객: 여보세요 사고 접수 좀 하려고요
상담원: 네 보험사 사고접수센터입니다 어떻게 나셨어요
고객: 아침에 주차장에서 나가다가 기둥을 못 보고 뒷범퍼를 박았어요
상담원: 네 다치신 데는 없으시죠 접수 도와드리겠습니다
"""
    assert _note(call).issue.occurred_on == WEDNESDAY.date()


def test_a_sign_up_the_customer_disowns_dates_the_problem() -> None:
    call = """상담원: 네 통신사 고객센터입니다
고객: 요금이 많이 나와서요 보니까 무슨 음악 서비스가 있던데 저는 그런 거 가입한 적이 없어요
상담원: 네 확인해 보니 뮤직 플러스가 구월 이십 일에 가입된 걸로 나와요
고객: 그거 해지해 주세요
"""
    assert _note(call).issue.occurred_on == dt.date(2026, 9, 20)


def test_a_problem_that_never_happened_before_keeps_the_purchase_out() -> None:
    call = """상담원: 네 서비스센터입니다
고객: 세탁기를 작년 오월에 샀는데 이런 적이 없었거든요 어제부터 탈수가 안 돼요
상담원: 네 점검 접수 도와드리겠습니다
"""
    assert _note(call).issue.occurred_on == dt.date(2026, 11, 10)


# --- complaint and resolution ------------------------------------------------------------


def test_an_inquiry_left_unanswered_is_a_complaint() -> None:
    call = """상담원: 네 마켓온 고객센터입니다
고객: 주문한 의자가 아직 안 왔는데요 판매자한테 문의를 세 번이나 남겼는데 답변이 없어요
상담원: 네 확인해 보겠습니다 판매자에게 출고 요청 넣어 드리겠습니다
"""
    assert _note(call).complaint is True


def test_a_plain_question_about_an_inquiry_is_no_complaint() -> None:
    call = """상담원: 네 마켓온 고객센터입니다
고객: 상품 문의는 어디에 남기면 돼요
상담원: 네 상품 상세페이지 아래 문의하기 누르시면 됩니다
고객: 네 감사합니다
"""
    assert _note(call).complaint is False


def test_still_thinking_it_over_after_a_side_step_is_unresolved() -> None:
    call = """상담원: 네 패션몰 고객센터입니다
고객: 원피스 교환하려고 하는데요 검정색 에스 사이즈로요
상담원: 죄송한데 검정 에스는 품절이고 남색 에스는 있습니다 아니면 반품 환불도 가능합니다
고객: 음 그럼 생각해 볼게요
상담원: 네 교환 반품은 수령 후 칠 일 이내에 신청해 주셔야 합니다
고객: 네 그럼 검정 들어오면 알림 받을 수 있어요
상담원: 네 재입고 알림 신청 완료됐습니다
고객: 네 일단 생각해 보고 다시 연락할게요
"""
    assert _note(call).resolution.value == "unresolved"


def test_a_side_question_left_open_before_the_request_is_done_stays_resolved() -> None:
    call = """상담원: 네 통신사 고객센터입니다
고객: 요금제 변경하려고요 그리고 가족 결합은 좀 생각해 볼게요
상담원: 네 요금제 변경 완료됐습니다 다음 달부터 적용됩니다
고객: 네 감사합니다
"""
    assert _note(call).resolution.value == "resolved"


# --- follow_ups --------------------------------------------------------------------------


def _steps(text: str) -> list[tuple[str, dt.date | None]]:
    return [(f.owner.value, f.due) for f in _note(text).follow_ups]


def test_a_visit_slot_the_agent_books_is_the_companys_step_on_that_day() -> None:
    call = """상담원: 네 하늘전자 서비스센터입니다
고객: 냉장고가 냉동이 안 돼요
상담원: 네 기사님 방문 점검 접수 도와드릴게요 가장 빠른 날이 다음 주 월요일인데요
고객: 네 월요일 좋아요
상담원: 네 그럼 다음 주 월요일 오전 열 시에서 열두 시로 잡아 드릴게요
고객: 네 감사합니다
"""
    assert ("company", dt.date(2026, 11, 16)) in _steps(call)


def test_a_text_sent_to_a_registered_phone_after_the_call_is_the_agents_step() -> None:
    call = """상담원: 네 하늘전자 서비스센터입니다
고객: 세탁기가 탈수가 안 돼요
상담원: 네 점검이 필요해서 기사님 방문 금요일 오후 두 시로 접수됐습니다
고객: 접수번호를 문자로 받을 수 있을까요
상담원: 네 등록된 휴대폰으로 보내 드리겠습니다
고객: 네 감사합니다
"""
    steps = _steps(call)
    assert ("agent", WEDNESDAY.date()) in steps
    assert ("company", dt.date(2026, 11, 13)) in steps


def test_photos_the_customer_already_sent_are_no_step_of_theirs() -> None:
    call = """상담원: 네 고객센터입니다
고객: 케이크가 다 뭉개져서 왔어요 사진도 앱에 올렸어요
상담원: 네 사진 두 장 올려 주신 거 확인됩니다 환불 접수해 드리겠습니다 결제하신 카드로 다음 주 수요일까지 취소 반영될 거예요
고객: 네
"""
    steps = _steps(call)
    assert not any(owner == "customer" for owner, _ in steps)
    assert ("company", dt.date(2026, 11, 18)) in steps


def test_a_payment_told_with_a_past_main_verb_is_no_step() -> None:
    call = """상담원: 네 하람은행입니다
고객: 어제 대출 이자 넣었는데 들어갔는지 궁금해서요
상담원: 네 어제 오후 세 시에 이자 십이만 원 입금돼서 정상 처리됐습니다
고객: 네 알겠습니다
"""
    assert _steps(call) == []


def test_the_customer_taking_the_step_after_thinking_it_over_is_their_step() -> None:
    call = """상담원: 네 패션몰 고객센터입니다
고객: 바지 교환하려고 하는데요
상담원: 죄송한데 그 사이즈는 품절이라서요 다른 색으로 교환하시거나 반품하실 수 있습니다
고객: 음 생각해 볼게요
상담원: 네 교환이나 반품은 이번 주 금요일까지 앱에서 신청해 주셔야 합니다
고객: 네 일단 생각해 보고 신청할게요
"""
    note = _note(call)
    assert note.resolution.value == "unresolved"
    assert [(f.owner.value, f.due) for f in note.follow_ups] == [("customer", dt.date(2026, 11, 13))]


def test_a_verification_code_sent_in_the_call_is_no_step() -> None:
    call = """상담원: 네 하람은행입니다
고객: 앱 비밀번호를 잊어버려서요
상담원: 네 등록된 휴대폰으로 인증번호를 보내 드릴 건데요 받으시면 불러 주세요
고객: 네 일이삼사오육이요
상담원: 네 확인됐습니다 비밀번호 재설정 완료됐습니다
"""
    note = _note(call)
    assert note.follow_ups == []
    assert note.resolution.value == "resolved"


def test_the_customer_asking_what_the_company_will_do_is_no_step_of_theirs() -> None:
    call = """상담원: 네 서비스센터입니다
고객: 어제 기사님이 안 오셨어요 저 휴가까지 쓴 건 어떻게 하실 거예요
상담원: 정말 죄송합니다 센터장님이 내일 중으로 전화드려서 보상 안내해 드릴 거예요
고객: 네
"""
    assert not any(owner == "customer" for owner, _ in _steps(call))


# --- category ----------------------------------------------------------------------------


def test_porting_a_number_to_a_new_line_is_an_order() -> None:
    call = """상담원: 네 누리모바일 가입센터입니다
고객: 네 번호이동 하려고 하는데요 요금제는 데이터 많은 걸로요
상담원: 네 요금제 월 사만 오천 원짜리 추천드립니다 요금은 다음 달부터 청구됩니다
고객: 네 그걸로 할게요
"""
    assert _note(call).category.value == "order"


def test_what_the_customer_can_do_once_a_condition_is_met_asks_nothing() -> None:
    call = """상담원: 네 누리모바일입니다
고객: 요금제 변경하려고요 무제한 말고 십 기가짜리로요
상담원: 네 십 기가 요금제로 변경 완료됐습니다 십 기가 다 쓰시면 일 메가 속도로 계속 쓰실 수 있습니다
고객: 네 감사합니다
"""
    note = _note(call)
    assert note.follow_ups == []
    assert note.resolution.value == "resolved"


def test_a_conditional_request_still_asks_the_customer() -> None:
    call = """상담원: 네 한결손해보험입니다
고객: 병원비 청구하려고요
상담원: 네 진단서랑 영수증 앱으로 올리시면 이틀 안에 심사해서 문자로 안내드리겠습니다
고객: 네 오늘 올릴게요
"""
    assert any(f.owner.value == "customer" for f in _note(call).follow_ups)


def test_calling_back_if_it_fails_again_after_a_done_request_stays_resolved() -> None:
    call = """상담원: 네 모아소프트입니다
고객: 프로그램 라이선스 인증이 안 돼서요
상담원: 네 라이선스 재등록 완료했습니다 다시 실행해 보시겠어요
고객: 네 되네요 혹시 또 안 되면 다시 전화할게요
"""
    assert _note(call).resolution.value == "resolved"


def test_a_request_with_what_it_then_allows_still_asks_the_customer() -> None:
    call = """상담원: 네 한결손해보험입니다
고객: 약값도 청구할 수 있나요
상담원: 네 약제비 영수증 앱으로 올려 주시면 다음 주까지 환급받으실 수 있습니다
고객: 네 오늘 올릴게요
"""
    assert any(f.owner.value == "customer" for f in _note(call).follow_ups)
