"""Phrasing written independently of the labelled dev sentences, to check that the flagger
generalizes: vague placeholders built from any generic action noun plus a modality of future or
need, generic problem nouns with bare existence, hedged promises, and judgments of the customer
from every semantic class (anger, aggression, stubbornness, rudeness, selfishness, oversensitivity,
dishonesty, mental state) — and their objective counterparts, which must stay clean."""

from __future__ import annotations

import pytest

from models.note import FlagKind
from pipeline.flagging import flag_text

VAGUE_GENERAL = [
    # generic action noun + modality of need / request
    "고객 요청 사항 확인 요망",
    "해당 건 재확인 필요",
    "재검토 바람",
    "처리 요함",
    "후속 조치 필요",
    "추가 검토 필요함",
    "보완 필요",
    "점검 요망",
    "협의 필요",
    "조치할 것",
    "확인해야 함",
    "확인 부탁드림",
    # generic action noun + future / ongoing
    "담당자 확인 후 회신 예정",
    "추가 검토 후 안내 예정",
    "내부 협의 중",
    "처리 진행 중",
    "파악 중임",
    "회신 대기 중",
    "점검 예정",
    "진행 상황 공유 예정",
    "원인 파악 후 조치 예정",
    "검토 후 결과 전달하기로 함",
    "응대 완료",
    # generic problem noun + bare existence
    "특이사항 있음",
    "불편 사항 발생",
    "시스템 오류 확인됨",
    "이슈 있어 확인 중",
    "여러 가지 문제 발생",
    "장애 발생 건 확인 요망",
    "결제 관련 이상 발견됨",
    # vague adverbs of time / manner on a promise
    "곧 연락드리기로 함",
    "조만간 처리될 예정",
    "상황 봐서 다시 연락하기로 함",
    "나중에 다시 전화드리기로 함",
    "알아서 처리하기로 함",
    "적당히 마무리함",
    "결과 나오면 연락드리기로 함",
    "최대한 빨리 처리하겠다고 안내함",
    # English notes
    "Will check and get back to the customer.",
    "TBD",
    "Issue resolved.",
    "Follow-up required.",
    "Looking into it.",
    "Customer has some issues, to be checked.",
    "Escalated to the relevant team.",
    # second round: decisions without content, guesses at a cause, partial results
    "확인 후 처리할 예정임",
    "담당 부서 확인 중",
    "답변 대기",
    "대응 방안 검토 예정",
    "해당 내용 전달 예정",
    "내용 확인하여 조치하겠음",
    "검토해 보기로 함",
    "시스템 문제로 보임",
    "상품에 하자 있음",
    "어느 정도 해결됨",
    "일단 보류함",
    "Customer will be contacted.",
    "Checked and resolved.",
    "Under review.",
    "Problem persists, needs investigation.",
    # third round: promises with 겠, generic measures, vague durations, bare English memos
    "확인해 보겠음",
    "담당자가 연락할 것",
    "필요한 조치를 취하겠음",
    "해결 방법 안내함",
    "자세한 내용은 추후 공유",
    "불편 해소 필요",
    "고객 응대함",
    "상급자 보고 예정",
    "영업일 기준 며칠 소요 안내함",
    "Pending.",
    "Awaiting response.",
    "Will handle it.",
    "Action needed.",
    "Resolved.",
    "Escalated.",
    "Customer informed.",
    "Advised customer accordingly.",
]

SUBJECTIVE_GENERAL = [
    # anger / aggression
    "고객이 매우 공격적으로 따짐",
    "고객이 신경이 날카로운 상태였음",
    "고객이 화를 참지 못함",
    "고객이 분에 못 이겨 소리침",
    # stubbornness
    "고집불통 고객으로 설득 불가",
    "고객이 집요하게 요구함",
    "고객이 막무가내식으로 우김",
    # rudeness / arrogance
    "고객이 거만한 태도로 일관함",
    "고객이 상담원을 무시하는 태도를 보임",
    "고객이 건방지게 말함",
    # selfishness
    "욕심이 많은 고객임",
    "고객이 제멋대로 요구함",
    "자기중심적인 고객",
    # oversensitivity
    "고객이 사소한 일에 과민 반응함",
    "고객이 지나치게 예민하게 굴었음",
    # dishonesty / bad intent
    "고객이 보상금을 노리는 것으로 보임",
    "고객이 의도적으로 시간을 끄는 것 같음",
    "고객 말을 믿기 어려움",
    # mental state
    "고객이 정신이 없어 보였음",
    "고객이 술에 취한 듯함",
    "고객이 정서적으로 불안정해 보임",
    # labels
    "악성 민원 고객으로 분류",
    "블랙 컨슈머 의심",
    # English judgments
    "Customer is a chronic complainer.",
    "Caller was arrogant and condescending.",
    "Customer was being unreasonable and entitled.",
    "Customer seemed paranoid.",
    # second round
    "고객이 비아냥거리며 말함",
    "고객이 반말로 하대함",
    "상습 민원인",
    "고객이 악의적으로 리뷰를 남김",
    "고객이 감정 기복이 심함",
    "고객이 유난을 떪",
    "The customer was abusive.",
    "Customer sounded frustrated.",
]

OK_GENERAL = [
    "고객이 '왜 이렇게 늦냐, 정말 짜증 난다'고 말함",
    "고객이 '상담원이 무례하다'며 상급자 연결을 요청함",
    "고객이 욕설을 3회 사용하여 통화 종료 안내 후 종료함",
    "고객이 통화 중 언성을 높임",
    "고객이 나중에 직접 매장을 방문하겠다고 말함",
    "고객이 '추후에 다시 연락하겠다'고 말함",
    "11월 21일까지 환불 처리 결과를 문자로 안내하기로 함",
    "배송 상태를 조회한 결과 출고 대기 중임",
    "11월 21일까지 배송팀에서 재배송 여부 확인 후 문자로 안내 예정",
    "고객에게 환불 예정일(11월 25일)을 안내함",
    "고객이 결제 오류 화면(E-301)을 캡처해 보내기로 함",
    "요금제 변경(5G 슬림 → 5G 베이직) 처리 완료",
    "고객 요청으로 11월 24일 오후 2시 설치 기사 방문 예정",
    "고객이 민감한 개인정보 삭제를 요청함",
    "모뎀 재부팅 후 인터넷 연결 문제 해결됨",
    "11/22(금) 오전 중 재연락 요망 (고객 요청)",
    "청구서 재발송 요청 접수, 11월 23일 우편 발송 예정",
    "공격적인 마케팅 문자 수신 거부 요청",
    "Customer said the agent was rude on the previous call.",
    "Refund of 12,000 won will be processed by Nov 25.",
    "Customer raised their voice and repeated the request three times.",
    "고객이 교환 절차가 복잡하다며 불만을 표출함",
    # second round: the same words about things, or in the customer's mouth
    "고객이 상담원이 거만하다고 말함",
    "고객이 민감한 정보라며 확인을 거부함",
    "인터넷 연결이 불안정함",
    "과도한 요금이 청구되어 정정 요청함",
    "서버 점검 중으로 접속 불가 안내",
    "정서적 지원 프로그램 안내",
    "고객이 협조적이었음",
    "Customer was cooperative.",
    "Refund under review until Nov 21 by the billing team.",
    "Customer stated he was frustrated with the delay.",
    "Customer was informed that the refund of 12,000 won will arrive by Nov 25.",
    "Escalated to the billing team on Nov 21.",
    "고객에게 반품 접수 방법 안내함",
    "내일 오후 3시에 배송팀에서 파손 상품 회수 확인해 드리겠음",
    "늦어도 이번 주 금요일 오후 2시까지 배송팀에서 출고 일정 문자 안내 예정",
]


@pytest.mark.parametrize("text", VAGUE_GENERAL)
def test_general_vague_phrasing_is_flagged(text: str) -> None:
    assert {f.kind for f in flag_text(text)} == {FlagKind.VAGUE}


@pytest.mark.parametrize("text", SUBJECTIVE_GENERAL)
def test_general_judgments_are_flagged(text: str) -> None:
    assert {f.kind for f in flag_text(text)} == {FlagKind.SUBJECTIVE}


@pytest.mark.parametrize("text", OK_GENERAL)
def test_general_objective_notes_are_not_flagged(text: str) -> None:
    assert flag_text(text) == []
