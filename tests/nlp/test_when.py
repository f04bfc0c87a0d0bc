"""When the problem happened (issue.occurred_on), as the draft shows it: classes of expression
with calls written for these tests, none from the dev set. 2026-11-18 is a Wednesday. Each case
is a call's turns after the greeting, with the id of the rule it checks."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.nlp.builders import call, cases, kst, note

WEDNESDAY = kst(2026, 11, 18, 15)
DECEMBER = kst(2026, 12, 15, 11)
DAY = WEDNESDAY.date()


def _occurred(text: str, started: dt.datetime = WEDNESDAY) -> dt.date | None:
    return note(text, started).issue.occurred_on


# The turns of a call and the day the problem happened.
HAPPENED = [
    # --- the injury, accident or illness a claim is for, not the treatment after it ---------------
    *cases(
        "a_claim_dates_from_the_injury_not_the_treatment",
        (("고객: 보험금 청구하려고요 지난주 금요일에 자전거 타다가 넘어져서 팔을 다쳤어요 어제 수술 받았고요", "상담원: 네 접수 도와드리겠습니다"), dt.date(2026, 11, 13)),
        (("고객: 보험금 청구하려고요 아버지가 그저께 새벽에 독감으로 응급실에 가셨고 어제 입원하셨어요", "상담원: 네 접수 도와드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 보험금 청구하려고요 시월 삼십 일에 주차장에서 접촉 사고가 났는데 십일월 이 일에 병원 갔어요", "상담원: 네 접수 도와드리겠습니다"), dt.date(2026, 10, 30)),
    ),
    # --- the day the customer only noticed, checked or called is not when it happened -------------
    *cases(
        "the_records_say_when_it_happened_when_the_customer_only_checked_or_called",
        (("고객: 택배가 배송완료로 나오는데 물건을 못 받았어요 어제 경비실에 가 봤는데 거기도 없대요", "상담원: 네 조회해 보니 지난주 토요일 오후 세 시에 배송완료 처리돼 있네요", "고객: 네"), dt.date(2026, 11, 14)),
        (("고객: 요금이 너무 많이 나왔어요 어제 고지서가 왔는데 평소의 두 배예요", "상담원: 네 확인해 보니 십일월 구 일 검침이 잘못 입력된 것 같습니다", "고객: 네"), dt.date(2026, 11, 9)),
        (("고객: 주문한 의자가 안 왔어요 월요일에 기사님한테 전화를 두 번 했는데 안 받으세요", "상담원: 네 보니까 지난주 목요일에 배송 출발로 돼 있는데 그 뒤로 기록이 없네요", "고객: 네"), dt.date(2026, 11, 12)),
    ),
    *cases(
        "finding_a_thing_broken_is_the_day_it_happened",
        (("고객: 그저께 아침에 보니까 냉동실이 하나도 안 얼어요", "상담원: 네 수리 이력 보니까 팔월 십 일에 부품 교체하셨네요"), dt.date(2026, 11, 16)),
        (("고객: 그저께 퇴근하고 보니까 세탁기 문이 안 열려요", "상담원: 네 수리 이력 보니까 팔월 십 일에 부품 교체하셨네요"), dt.date(2026, 11, 16)),
        (("고객: 그저께 확인해 보니까 화면에 줄이 생기고 안 켜져요", "상담원: 네 수리 이력 보니까 팔월 십 일에 부품 교체하셨네요"), dt.date(2026, 11, 16)),
    ),
    # --- the agent's records: the day whose own clause says what went wrong -----------------------
    *cases(
        "of_the_days_the_agent_reads_out_the_one_that_went_wrong",
        (("고객: 처리된 게 아직 안 됐다고 해서요", "상담원: 확인해 보니 재발급 카드가 십일월 삼 일에 발송됐는데 주소 불명으로 십일월 오 일에 반송됐습니다", "고객: 네"), dt.date(2026, 11, 5)),
        (("고객: 처리된 게 아직 안 됐다고 해서요", "상담원: 확인해 보니 시월 십 일 검침은 정상이고 십일월 십 일 검침이 잘못 입력됐네요", "고객: 네"), dt.date(2026, 11, 10)),
        (("고객: 처리된 게 아직 안 됐다고 해서요", "상담원: 확인해 보니 서류가 십일월 이 일에 접수됐는데 십일월 육 일에 심사에서 거절됐습니다", "고객: 네"), dt.date(2026, 11, 6)),
    ),
    # --- the agent's own restatement of what the customer reported --------------------------------
    *cases(
        "the_agent_pinning_a_vague_week_or_month_gives_the_day",
        (("고객: 지난주에 설치 기사님 다녀가셨는데 에어컨에서 물이 안 빠져요", "상담원: 지난주 수요일에 설치 방문하신 건 맞으시죠", "고객: 네 맞아요"), dt.date(2026, 11, 11)),
        (("고객: 지난달에 받은 청구서가 이상해요 안 쓴 요금이 있어요", "상담원: 시월 이십오 일 청구된 건 말씀이시죠", "고객: 네 맞아요"), dt.date(2026, 10, 25)),
        (("고객: 저번 주에 수리받았는데 또 안 돼요", "상담원: 네 지난주 금요일에 수리하신 건 맞으세요", "고객: 네 맞아요"), dt.date(2026, 11, 13)),
    ),
    # --- a time of the day without a day is today -------------------------------------------------
    *cases(
        "a_time_of_the_day_told_of_the_past_is_today",
        (("고객: 아침에 시동을 걸었는데 차가 안 움직여요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
        (("고객: 방금 택배를 받았는데 안에 컵이 깨져 있어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
        (("고객: 새벽에 보일러가 갑자기 꺼졌어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
    ),
    *cases(
        "a_time_of_the_day_after_the_problem_was_stated_is_today",
        (("고객: 인터넷 뱅킹이 안 돼서요", "상담원: 네 언제부터 그러세요", "고객: 아침에 켰는데 그때부터요"), dt.date(2026, 11, 18)),
    ),
    # --- when it began ----------------------------------------------------------------------------
    *cases(
        "the_day_after_which_it_began",
        (("고객: 지난주 토요일에 대리점에서 유심을 바꿨거든요 그 뒤로 문자가 안 와요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 14)),
        (("고객: 그저께 업데이트를 했는데 그때부터 앱이 꺼져요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 어제 저녁부터 냉장고에서 소리가 나요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 17)),
    ),
    *cases(
        "a_defect_told_without_a_fault_word_is_still_a_problem",
        (("고객: 그저께 설치했는데 실외기에서 소리가 너무 커요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 그저께 받은 소파에 얼룩이 있어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 그저께 배송 온 냉장고 문에 흠집이 났어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
    ),
    # --- a remedy's day (a visit, a repair, a claim filed, a discharge) is not the problem's ------
    *cases(
        "a_remedy_s_day_is_not_when_it_happened",
        (("고객: 그저께 청구 서류를 앱으로 올렸어요 지난주 토요일에 강아지가 양말을 삼켜서 수술했거든요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 14)),
        (("고객: 지난주 월요일에 배가 아파서 응급실 갔고요 그저께 퇴원했어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 9)),
        (("고객: 그저께 기사님이 점검하고 가셨는데 어제 저녁에 보일러가 또 꺼졌어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 17)),
    ),
    *cases(
        "the_day_of_the_customer_s_visit_the_agent_asks_for_is_not_the_problem_s",
        (("고객: 그저께 밤에 요금이 빠져나갔다고 문자 와서 봤는데 해지한 부가서비스가 같이 나갔어요", "상담원: 아 그러셨어요 혹시 언제쯤 대리점에 가셨는지 기억나세요", "고객: 시월 십 일이요 그때 해지해 달라고 했는데 안 해 준 거예요"), dt.date(2026, 11, 16)),
    ),
    *cases(
        "the_damage_done_at_an_installation_not_the_customer_s_later_step",
        (("고객: 그저께 책상 설치를 받았는데요 기사님이 바닥을 다 긁어 놓고 가셨어요", "상담원: 아 정말 죄송합니다 포장재는 어떻게 하셨어요", "고객: 포장재는 제가 어제 그냥 치웠어요"), dt.date(2026, 11, 16)),
    ),
    # --- the problem happening now or again today -------------------------------------------------
    *cases(
        "a_problem_happening_again_today_beats_the_earlier_times",
        (("고객: 정수기가 또 물이 새요 벌써 세 번째예요", "상담원: 지난주 금요일에 기사님이 누수로 다녀가셨던 걸로 나오는데요 오늘 또 새기 시작하신 거죠", "고객: 네 오늘 아침에 일어나 보니까 바닥이 다 젖었어요"), dt.date(2026, 11, 18)),
    ),
    *cases(
        "a_problem_told_of_today_is_today_s",
        (("고객: 약 배송이 아직 안 와서요 세 시 전에 온다고 했는데 지금 다섯 시예요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
        (("고객: 방금 족발 시켰는데 막국수가 빠졌어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
        (("고객: 어제 휴대폰을 바꿨는데 오늘 아침에 비밀번호를 몇 번 틀렸더니 잠겼어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 18)),
    ),
    # --- what went wrong told without a fault word: nothing there, not what was shown, not me -----
    *cases(
        "nothing_there_not_as_shown_or_not_me_is_what_went_wrong",
        (("고객: 그저께 저녁에 배송 완료 문자가 왔는데 문 앞에 아무것도 없는 거예요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 어제 배송됐다고 알림이 왔는데 가 보니까 아무것도 없더라고요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 17)),
        (("고객: 니트를 샀는데 그저께 뜯어 본 게 처음인데 사진이랑 색이 너무 달라요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 어제 열어 봤는데 주문한 거랑 사이즈가 달라요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 17)),
        (("고객: 어제 밤에 새 기기에서 로그인됐다는 메일이 왔는데 제가 아니거든요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 17)),
        (("고객: 그저께 결제됐다는 문자가 왔는데 제가 결제한 게 아니에요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 16)),
    ),
    *cases(
        "a_day_led_in_by_so_is_the_customer_s_step_after_the_problem",
        (("고객: 그저께 밤에 로그인됐다는 메일이 왔는데 제가 아니거든요 그래서 어제 아침에 들어가려고 했더니 비밀번호가 틀리다고 나와요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 그저께 배송 완료 문자가 왔는데 문 앞에 아무것도 없어요 그래서 어제 기사님한테 전화를 했더니 안 받더라고요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 지난주 금요일에 보일러가 꺼졌어요 그래 가지고 어제 다시 켜 보려고 했는데 안 켜져요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 13)),
    ),
    *cases(
        "a_warning_light_coming_on_is_a_problem_of_that_day",
        (("고객: 어제 차 빌렸는데요 오늘 아침에 경고등이 떠 가지고요", "상담원: 네 지금 안전한 곳에 계신가요"), dt.date(2026, 11, 18)),
        (("고객: 아침에 시동 걸었더니 타이어 경고등이 들어왔어요", "상담원: 네 지금 안전한 곳에 계신가요"), dt.date(2026, 11, 18)),
    ),
    *cases(
        "the_customer_failing_to_reach_the_company_is_not_when_it_happened",
        (("고객: 지난주에 주문한 게 아직 안 왔어요 어제 채팅 상담은 한 시간을 기다려도 연결이 안 되고요", "상담원: 네 조회해 보니 십일월 십삼 일에 집하된 뒤로 이동 기록이 없습니다"), dt.date(2026, 11, 13)),
        (("고객: 지난주에 주문한 게 아직 안 왔어요 월요일에 고객센터에 전화했는데 연결이 안 돼서요", "상담원: 네 조회해 보니 십일월 십삼 일에 집하된 뒤로 이동 기록이 없습니다"), dt.date(2026, 11, 13)),
        (("고객: 지난주에 주문한 게 아직 안 왔어요 그저께 채팅으로 문의 남겼는데 답변이 안 왔어요", "상담원: 네 조회해 보니 십일월 십삼 일에 집하된 뒤로 이동 기록이 없습니다"), dt.date(2026, 11, 13)),
    ),
    *cases(
        "a_claim_filed_is_a_remedy_not_the_day_it_is_for",
        (("고객: 보험금이 아직 안 들어왔어요 청구한 건 지난주 금요일에 했는데요", "상담원: 네 어떤 치료 받으셨을까요", "고객: 석 달 전에 무릎 수술을 받았어요"), dt.date(2026, 8, 18)),
        (("고객: 보험금이 아직 안 들어왔어요 어제 앱으로 청구했는데 서류가 부족하대요", "상담원: 네 어떤 치료 받으셨을까요", "고객: 지난달 이십 일에 입원했었어요"), dt.date(2026, 10, 20)),
    ),
    *cases(
        "a_charge_made_twice_is_the_problem_not_a_claim",
        (("고객: 어제 요금이 이중으로 청구됐는데 아직 취소가 안 됐어요", "상담원: 네 확인해 드리겠습니다"), dt.date(2026, 11, 17)),
    ),
    # --- a state stuck since a day: "…고 나서 계속" ----------------------------------------------------
    *cases(
        "stuck_ever_since_a_day_began_that_day",
        (("고객: 주문한 게 안 와서요 지난주 금요일쯤인가 출고됐다고 뜨고 나서 계속 그대로예요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 13)),
        (("고객: 주문한 게 안 와서요 월요일에 배송 출발하고 나서 계속 조회가 안 돼요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 주문한 게 안 와서요 그저께 업데이트하고 나서 계속 앱이 꺼져요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 16)),
    ),
    # --- a count on from an event told right after its day ----------------------------------------
    *cases(
        "a_count_on_from_an_earlier_day_is_counted_from_it",
        (("고객: 세탁기가 고장 났어요 설치한 게 지난주 금요일이고 설치하고 사흘 뒤부터 물이 새요", "상담원: 네 접수해 드리겠습니다"), dt.date(2026, 11, 16)),
        (("고객: 세탁기가 고장 났어요 지난달 십 일에 받고 나서 이틀 후부터 소리가 나요", "상담원: 네 접수해 드리겠습니다"), dt.date(2026, 10, 12)),
        (("고객: 세탁기가 고장 났어요 지난달 이십 일에 수리받고 일주일 뒤부터 또 안 돼요", "상담원: 네 접수해 드리겠습니다"), dt.date(2026, 10, 27)),
    ),
    # --- how long ago it began: "…ᆫ 지 열흘 됐어요" -----------------------------------------------------
    *cases(
        "time_gone_by_since_it_began_counts_back_from_the_call",
        (("고객: 폰이 이상해서요 화면이 깜빡거린 지는 한 열흘 됐어라", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 8)),
        (("고객: 폰이 이상해서요 소리가 난 지 일주일이 넘었어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 11)),
        (("고객: 폰이 이상해서요 물이 샌 지 사흘 됐심더", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 15)),
        (("고객: 폰이 이상해서요 안 켜진 지 보름 정도 됐어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 3)),
        (("고객: 폰이 이상해서요 고장 난 지 두 주 됐거든요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 4)),
        (("고객: 폰이 이상해서요 끊긴 지 오 일째 됐어요", "상담원: 네 확인해 보겠습니다"), dt.date(2026, 11, 13)),
    ),
    # --- a remedy named by the compound noun after the date ---------------------------------------
    *cases(
        "a_record_headed_by_a_remedy_noun_is_not_when_it_happened",
        (("고객: 이사 온 지 얼마 안 됐는데 그저께 문자로 고지서가 왔는데 요금이 이상해요 말이 안 돼요", "상담원: 확인해 보니까 시월 삼십일 일에 전입 정산 접수는 돼 있는데요 그날 지침이 아직 반영이 안 돼 있습니다"), dt.date(2026, 11, 16)),
    ),
]

# The turns of a call that tells no problem's day, and when it started.
NO_DAY = [
    # --- no problem, no day -----------------------------------------------------------------------
    *cases(
        "a_plain_request_has_no_day_of_a_problem",
        (("고객: 지난주 토요일에 차를 팔아서 자동차보험 해지하려고요", "상담원: 네 도와드리겠습니다"), WEDNESDAY),
        (("고객: 지난주 월요일에 빌려서 수요일에 반납했는데 영수증 좀 보내 주세요", "상담원: 네 도와드리겠습니다"), WEDNESDAY),
        (("고객: 그저께 이사를 해서 청구서 주소를 바꾸려고요", "상담원: 네 도와드리겠습니다"), WEDNESDAY),
    ),
    *cases(
        "a_sale_an_application_or_a_booking_is_no_problem_s_day",
        (("고객: 카드가 아직 안 왔어요", "상담원: 차량은 언제 파셨어요", "고객: 지난주 토요일에요"), WEDNESDAY),
        (("고객: 카드가 아직 안 왔어요", "상담원: 언제 신청하셨어요", "고객: 신청은 지난주 월요일에 했어요"), WEDNESDAY),
        (("고객: 카드가 아직 안 왔어요", "상담원: 예약은 언제 하셨어요", "고객: 지난달 이십 일에 예약했어요"), WEDNESDAY),
    ),
    *cases(
        "a_month_far_behind_the_call_told_without_a_year_is_next_year_s",
        (("고객: 예약한 게 안 보여서요", "상담원: 일월 구 일 인천 출발 다낭 가시는 일정 맞으시죠", "고객: 네"), DECEMBER),
        (("고객: 예약한 게 안 보여서요", "상담원: 이월 십사 일 제주 가시는 편이 지금 안 잡혀 있네요", "고객: 네"), DECEMBER),
        (("고객: 예약한 게 안 보여서요", "상담원: 일월 이십 일 공연 좌석이 취소돼 있는 상태입니다", "고객: 네"), DECEMBER),
    ),
    # --- a contract's start or a notice is no problem's day ---------------------------------------
    *cases(
        "a_contract_s_start_or_a_visit_that_may_miss_is_no_problem_s_day",
        (("고객: 회원권 해지하려고요 이사를 가게 돼서요", "상담원: 네 십이 개월권 칠월 일 일 시작하신 걸로 확인됩니다", "고객: 네 알겠습니다"), WEDNESDAY),
        (("고객: 가스 점검 날짜를 바꾸고 싶어요 목요일에 집에 아무도 없어요", "상담원: 네 목요일에 점검원이 방문했는데 안 계시면 부재 스티커 붙이고 갑니다", "고객: 네 알겠습니다"), WEDNESDAY),
    ),
    # --- a date said to spell digits out is no event ----------------------------------------------
    *cases(
        "a_date_spelling_out_digits_is_not_when_it_happened",
        (("고객: 자동 결제 해지하려고요 요즘 거의 안 봐서요", "상담원: 네 아이디 숫자 부분 다시 말씀해 주세요", "고객: 공팔일사요 팔월 십사 일 할 때 공팔일사", "상담원: 네 해지 완료했습니다"), WEDNESDAY),
        (("고객: 자동 결제 해지하려고요 요즘 거의 안 봐서요", "상담원: 네 아이디 숫자 부분 다시 말씀해 주세요", "고객: 일이이오요 십이월 이십오 일 할 때 일이이오", "상담원: 네 해지 완료했습니다"), WEDNESDAY),
        (("고객: 자동 결제 해지하려고요 요즘 거의 안 봐서요", "상담원: 네 아이디 숫자 부분 다시 말씀해 주세요", "고객: 공삼공일이요 삼월 일 일 이라고 할 때요", "상담원: 네 해지 완료했습니다"), WEDNESDAY),
    ),
]


@pytest.mark.parametrize(("turns", "day"), HAPPENED)
def test_the_day_it_happened(turns: tuple[str, ...], day: dt.date) -> None:
    assert _occurred(call(*turns)) == day


@pytest.mark.parametrize(("turns", "started"), NO_DAY)
def test_no_day_of_a_problem(turns: tuple[str, ...], started: dt.datetime) -> None:
    assert _occurred(call(*turns), started) is None


@pytest.mark.parametrize(
    "agent",
    [
        "그저께 앱에서 결제하실 때 오류가 나서 안 됐다고 남기셨는데 맞으시죠",
        "그저께 로그인이 안 된다고 문의 주셔서 연락드렸습니다",
        "그저께 문자가 하나도 안 온다고 접수해 주신 건 맞으세요",
    ],
)
def test_the_agent_restating_the_customer_s_report_gives_its_day(agent: str) -> None:
    text = f"상담원: 네 고객님 {agent}\n고객: 네 맞아요 지난달 오 일에 이사 와서 주소도 바꿨는데 그것 때문인지"
    assert _occurred(text) == DAY - dt.timedelta(days=2)


def test_a_count_on_with_no_day_before_is_counted_from_the_call() -> None:
    from pipeline.normalize.dates import resolve_dates

    assert [m.date for m in resolve_dates("사흘 뒤에 방문합니다", DAY)] == [dt.date(2026, 11, 21)]
    assert [m.date for m in resolve_dates("어제 주문했는데 이틀 뒤에 온대요", DAY)][-1] == dt.date(2026, 11, 20)


@pytest.mark.parametrize("said", ["개통한 지 열흘 됐는데 화면이 안 켜져요", "산 지 일주일 됐는데 고장 났어요"])
def test_time_since_the_customers_own_step_is_not_when_it_began(said: str) -> None:
    text = call(f"고객: {said}", "상담원: 네 확인해 보겠습니다")
    assert _occurred(text) != DAY - dt.timedelta(days=10 if "열흘" in said else 7)
