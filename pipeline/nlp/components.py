"""spaCy components that find subjective and vague phrasing in consultation-log text.

``quote_marker`` marks reported speech (quotation marks, ``…라고 말함``); ``subjective_flagger`` and
``vague_flagger`` match lemma patterns and write spans to ``doc.spans["phrasing_flags"]`` with
``label_`` = flag kind and ``id_`` = rule id. Spans never cover quoted speech: a customer's own
words are evidence, not the writer's judgment.

Patterns are written in a small notation, one string per token sequence, tokens separated by
spaces: ``화 J? ADV* 나다|내다`` = lemma 화, an optional particle, any adverbs, lemma 나다 or 내다.
Named classes: J (particle), ADV (adverb), XS (derivational suffix), DO (하다/되다 as suffix or
verb), ETM (adnominal ending), EC (connective ending), NEG (negation), ACT (a noun other than
연락-like ones), QUOTATIVE (a token ending in 라고/다고/…); anything else is a ``|``-separated
lemma list.
An optional trailing ``?``, ``*`` or ``+`` is the spaCy quantifier.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp import word_list
from pipeline.nlp.matching import AnchoredMatcher, doc_text

FLAG_SPAN_KEY = "phrasing_flags"
QUOTE_SPAN_KEY = "quotes"

Kind = Literal["subjective", "vague"]
# What a vague placeholder needs in its clause before it stops being vague:
#   time: a date or time; two_of: two of (time or number, responsible actor, object);
#   object: what was done or said; actor: which team or person; detail: a description of the
#   problem; subject: what or whom it is about (an object or a named party); never: always vague.
Requirement = Literal["time", "two_of", "object", "actor", "detail", "subject", "never"]


@dataclass(frozen=True)
class Rule:
    id: str
    kind: Kind
    patterns: tuple[str, ...]
    requirement: Requirement = "never"
    # Regexes over the raw text, for English notes: Kiwi splits English words unpredictably
    # ("resolved" → "res" + "olved."), so token patterns cannot be relied on for them.
    english: tuple[str, ...] = ()


_CONTACT_NOUNS = "연락|재연락|회신|답변|통보|콜백|전화"
QUOTATIVE_ENDINGS: tuple[str, ...] = (
    "라고",
    "이라고",
    "다고",
    "ᆫ다고",
    "는다고",
    "냐고",
    "자고",
    "라며",
    "다며",
    "ᆫ다며",
    "이라며",
    # The adnominal quotative: "절차가 까다롭다는 고객 의견", "불친절하다는 민원".
    "다는",
    "라는",
    "이라는",
    "ᆫ다는",
    "는다는",
)
_NAMED_TOKENS: dict[str, dict[str, object]] = {
    "J": {"TAG": {"REGEX": r"^J"}},
    "ADV": {"POS": "ADV"},
    "XS": {"TAG": {"REGEX": r"^XS"}},
    "ETM": {"TAG": {"REGEX": r"ETM$"}},
    "ETN": {"TAG": {"REGEX": r"ETN$"}},
    # "확인해야 함", "처리하셔야 됨": the ending of obligation.
    "MUST": {"_": {"ending": {"IN": ["어야", "아야", "여야"]}}},
    "EC": {"TAG": {"REGEX": r"EC$"}},
    "NEG": {"LEMMA": {"IN": ["못", "안", "않다", "못하다"]}},
    # 하다/되다 as a suffix (안내함 → XSV) or, where Kiwi reads it so, a verb (안내 함 → VV).
    "DO": {"LEMMA": {"IN": ["하", "하다", "되", "되다"]}},
    # A noun naming an action other than contacting (연락 예정 belongs to follow_up).
    "ACT": {"TAG": {"REGEX": r"^NN[GP]"}, "LEMMA": {"NOT_IN": _CONTACT_NOUNS.split("|")}},
    "QUOTATIVE": {"_": {"ending": {"IN": list(QUOTATIVE_ENDINGS)}}},
    "NOUN": {"POS": {"IN": ["NOUN", "PROPN"]}},
    # An adjective in the 어/아 form that 하다 turns into a verb of feeling ("불안해하다").
    "FELT": {"TAG": {"REGEX": r"^(?:VA|XSA)"}, "_": {"ending": {"IN": ["어", "아", "여"]}}},
    "ADJ": {"TAG": {"REGEX": r"^(?:VA|XSA)$"}},
    "FELT_EC": {"TAG": "EC", "_": {"ending": {"IN": ["어", "아", "여"]}}},
    # An adjective with its adnominal ending fused into one token ("힘든", "바쁜").
    "ADJ_ETM": {"TAG": {"REGEX": r"^(?:VA|XSA).*ETM$"}},
    # 하다 as a suffix in the 어 form, before the 하다 of feeling ("감사해하심").
    "FELT_XSV": {"TAG": {"REGEX": r"^XSV\+EC$"}, "_": {"ending": {"IN": ["어", "아", "여"]}}},
}


def _judgment_lemmas(rule: str) -> str:
    """The single-lemma judgments of one semantic class, from data/judgment_lemmas.txt."""
    lemmas = [line.split()[1] for line in word_list("judgment_lemmas") if line.split()[0] == rule]
    return "|".join(lemmas)


def _english_words(name: str) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in word_list(name)) + r")\b"


SUBJECTIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "anger",
        "subjective",
        (
            "화나다|화내다|짜증나다|신경질나다",
            "화 J? ADV* 나다|내다",
            "분노|격분|격노|노발대발|격앙|발끈|역정|흥분|신경질|히스테리",
            "짜증|짜증나다|짜증스럽다",
            "열 받다",
            "열받다",
            "성질 J? ADV* 내다|부리다",
            "기분 J? ADV* 상하다|나쁘다",
            "감정 J? ADV* 상하다|격하다|격해지다",
            "감정 적",
            "공격 적",
            "적대 적",
            "신경질 적",
            "이성 J? 잃다",
            "언짢다|불쾌하다|불쾌감|분개|울화|빡치다|화풀이",
            "감정 J? 조절",
            "신경 J? ADV* 날카롭다|곤두서다|예민하다",
            # "화를 참지 못함", "분에 못 이겨": the writer deciding the customer lost control.
            "화|분|분노|울분 J NEG? 참다|이기다|삭이다",
            "위협|폭력|호전 적",
            # "심기가 불편하신 듯", "심기를 건드림": 심기 is only ever someone's temper.
            "심기 J? ADV* 불편하다|상하다|건드리다|언짢다|거스르다|불편",
            # "불만이 가득한 목소리", "짜증이 묻어나는 말투": a feeling read off the voice.
            "불만|불평|원망|실망|분노|화|짜증|불쾌감 J? ADV* 가득|가득하다|묻어나다|역력하다|서리다|담기다",
            # "화를 주체하지 못함", "진정이 안 됨", "화가 풀리심": the temper, as the writer
            # imagines it rising or settling.
            "화|분|분노|울분|감정|짜증|흥분 J? ADV* 주체",
            "진정 J? ADV* 안 되다|안되다",
            "진정 XS EC 않다|못하다",
            "화|기분|마음|감정|노여움 J? ADV* 풀리다|가라앉다|누그러지다|진정되다|가시다",
            "안정 J? ADV* 찾다|되찾다",
            _judgment_lemmas("anger"),
        ),
    ),
    Rule(
        "emotion",
        "subjective",
        (
            "실망|실망하다|당황|당황하다|속상하다|서운하다|섭섭하다|괘씸하다|어이없다|어처구니없다",
            # XR + 해하다 ("억울해함") is always someone's feeling; "불안한 연결" is not.
            "억울|답답|황당|불안|초조|난감|불쾌|서운|섭섭|속상|불만족|만족 XS 하다",
            "만족|만족하다|흡족|흡족하다|기뻐하다|고마워하다|귀찮다|귀찮아하다",
            "기분 J? ADV* 좋다",
            # "불만스러운 듯", "당황스러워함": a feeling read off the customer.
            "불만|당황|걱정|혼란|불안|난감|부담 스럽|스럽다",
            # Adjective + 어하다 ("불안해함", "힘들어하심", "억울해하는"): a feeling the writer
            # reads off someone else, whatever the adjective.
            "FELT 하다",
            "ADJ FELT_EC 하다",
            "감사|미안|죄송|걱정|부담|곤란 FELT_XSV 하다",
            "겁 J? ADV* 먹다|내다|나다",
            # "초조한 기색이 역력함", "억울해하는 눈치였음", "믿지 않는 눈치": whatever the verb,
            # 기색/눈치/내색 is the writer reading the customer's mind off the call.
            "ETM 기색|내색|눈치",
            "기색|내색 J? ADV* 역력하다|보이다|비치다|없다|없이",
            # "마음이 급하신 듯", "자존심이 상하신 듯": the customer's heart, as the writer sees it.
            "마음|자존심|속 J? ADV* 급하다|조급하다|상하다|불편하다|아프다|무겁다|타다|답답하다",
            # "놀라신 듯함", "안심하신 듯", "답답함을 느끼는 듯": a feeling verb the writer could
            # not have heard, hedged with 듯/모양/것 같다.
            "놀라다|안심|안도|낙심|상심|북받치다|느끼다|실감|공감|납득|수긍 XS? ETM 듯|듯하다|모양",
            "놀라다|안심|안도|낙심|상심|북받치다|느끼다|납득|수긍 XS? ETM 것 J? 같다|보이다",
            _judgment_lemmas("emotion"),
        ),
    ),
    Rule(
        "character",
        "subjective",
        (
            "예민|예민하다|까다롭다|진상|다혈질|몰상식|비상식|무식|무식하다|민감|민감하다",
            "까칠|까칠하다|깐깐|깐깐하다|괴팍|괴팍하다|고약하다|무개념|몰지각|비매너",
            "적반하장|안하무인",
            "상습 적",
            "갑질|블랙컨슈머|제정신|뻔뻔하다|뻔뻔",
            "악성|요주의|문제|불량 고객|민원|민원인|소비자|손님",
            # "서두르는 성격", "급한 성향인 듯": any description of the person's disposition.
            "ETM 성격|성향|기질|성미",
            "말 J? ADV* 많다",
            "갑 질",
            "블랙 컨슈머",
            "이기 적",
            "비 상식 적",
            "말 J? ADV* 안 통하다",
            "변덕|극성|능청|유난|극성맞다 스럽|스럽다",
            "불만|불평|의심|요구|핑계|변명|트집|엄살 J? ADV* 많다|심하다",
            "성격 J? ADV* 급하다|나쁘다|이상하다|까다롭다|예민하다",
            "이상 XS 고객|사람|분|손님",
            "이상하다 고객|사람|분|손님",
            "상식 적 이다 EC 않다",
            "상식 적 J? NEG|않다",
            "몰상식하다|비상식적",
            "자기 중심 적",
            "상습 민원|민원인|고객|손님",
            "일방 적",
            "욕심 J? ADV* 많다|부리다|내다",
            "융통성 J? ADV* 없다",
            # "피해의식이 있는 분으로 보임", "예민한 사람 같음": the writer typing the person.
            "ETM 분|사람|타입|스타일|유형 JKB 보이다",
            # "자기 말만 하는 스타일임", "피곤한 스타일의 고객": the person filed under a type.
            "ETM 스타일|타입|유형 이다",
            "ETM 스타일|타입|유형 J? 고객|분|사람|손님",
            # "상대하기 힘든 고객", "소통이 어려운 분": the customer as a burden to serve.
            "상대|응대|대화|소통|의사소통|설득|감당 XS? 기? J? ADV* 힘들다|어렵다|까다롭다|곤란하다|벅차다 ETM? "
            "고객|분|사람|손님|타입|스타일|유형|편",
            # "대화가 안 통함" is about the person; "대화가 안 됨" may be the line.
            "대화|소통|의사소통 J? ADV* NEG 통하다",
            "성질|성깔|성미|인성|심보 J? ADV* 급하다|나쁘다|고약|고약하다|더럽다|사납다|괴팍|괴팍하다|못되다|세다",
            # "자존심이 센 분", "불신이 강함": a trait the writer measures in the customer.
            "자존심|불신|승부욕|의심|고집|질투|집착|의존심 J? ADV* 세다|강하다|대단하다|높다",
            "권위 적",
            # "상냥하신 분", "특이한 고객": praise or oddity, still a verdict on the person.
            "상냥|친절|특이|독특|유별|온순|젠틀|무던|괴상|피곤|점잖 XS? ETM? "
            "분|고객|고객님|사람|손님|성격|타입|스타일|편",
            "착하다|점잖다|별나다|유별나다|순하다|너그럽다|특이하다|독특하다|피곤하다 ETM? "
            "분|고객|고객님|사람|손님|성격|타입|스타일|편",
            # "상담원 탓을 함", "책임을 회피함": blame-shifting, as the writer sees it.
            "남|상담원|직원|기사|회사|당사|상대방|타인|가족|저희 J? 탓 J 하다|하",
            "탓 J 돌리다",
            "책임 J? ADV* 회피|전가|떠넘기다|미루다",
            "넋두리|신세한탄|푸념|하소연 J? ADV* 늘어놓다|하다|하|쏟아내다",
            "NOUN J? ADV* 늘어놓다",
            _judgment_lemmas("character"),
        ),
        english=(_english_words("judgment_words_en"),),
    ),
    Rule(
        "rude",
        "subjective",
        (
            "무례|무례하다|싸가지|막말|버릇없다|불친절|불친절하다|퉁명|퉁명스럽다",
            "불 친절",
            "예의|개념|매너|싸가지|교양|염치|양심|눈치 J? ADV* 없다|없이",
            "막 말",
            # "인성이 의심스러움", "태도 불량": a verdict on the person's character or manner.
            "인성|인격|품성|됨됨이|태도|성격|언행|말투|매너 J? ADV* "
            "불량|나쁘다|의심|엉망|최악|형편없다|불손|불손하다|고약하다|이상하다|별로",
            "비꼬다|빈정대다|비아냥대다|조롱|조롱하다|비웃다|깔보다|얕보다|얕잡다|업신여기다",
            "고압|위압|강압 적",
            "고 자세",
            "무시 XS ETM 태도|말투|투|듯",
            # "명령조로", "협박조로": a tone the writer names instead of quoting.
            "명령|협박|훈계|비아냥|시비|반말|하대 조",
            "명령조|협박조|훈계조|시비조",
            "훈계 XS 듯|듯이",
            _judgment_lemmas("rude"),
        ),
    ),
    Rule(
        "stubborn",
        "subjective",
        (
            "막무가내|억지|생떼|트집|행패|고집|난동|시비|꼬투리|터무니없다|터무니|과도하다|과하다",
            "난리 J? ADV* 치다|피우다|부리다",
            "떼 J? ADV* 쓰다",
            "우기다",
            # "억지를 부림", "늑장을 부림", "소란을 피움": a conduct noun with 부리다 is a verdict.
            "NOUN J? ADV* 부리다",
            "소란|난리|행패|난동|엄살|고집|억지|늑장|꾀|수작|심술|생떼|떼|투정|변덕|말썽|딴청 J? ADV* 피우다|떨다",
            "무리 XS EC? 요구|주장|요청",
            # "과도한 보상", "말도 안 되는 요구": the writer's verdict on what was asked.
            "과도|과다|황당|부당 XS ETM? 요구|주장|요청|보상",
            "말 J? ADV* 안 되다 ETM? 요구|주장|소리|억지",
            "무리하다 요구|주장|요청",
            "비 협조 적",
            # "상식 밖의 요구", "상식 이하의 주장": the writer's verdict on the demand.
            "상식 J? 밖|이하|벗어나다",
            _judgment_lemmas("stubborn"),
        ),
    ),
    Rule(
        "dishonesty",
        "subjective",
        (
            "거짓말|속이다|지어내다|핑계|노리다|악용|악용하다",
            "거짓 말",
            "거짓|허위 주장|진술|말|변명",
            "의도|고의|악의 적",
            "믿다 ETN ADV* 어렵다|힘들다",
            "의심 스럽|스럽다",
            # "앞뒤가 안 맞는 말", "뭔가 숨기는 듯함": the writer doubting the customer's account.
            "앞뒤 J? ADV* NEG 맞다",
            "숨기다 ETM 듯|것",
            "신뢰 J? ADV* 어렵다|안 가다",
            # "신빙성이 없어 보임", "진정성이 의심됨": credibility the writer denies.
            "신빙|진정|진실 XS? J? ADV* 없다|낮다|떨어지다|부족하다|의심|의문|의심스럽다",
            # "모르는 척함", "못 들은 체함": pretence is the writer's reading, not what was said.
            "ETM 척|체 하다|하",
            "거짓|허위 으로|로",
            "발뺌|시치미|얼버무리다|둘러대다|딴소리|동문서답",
            _judgment_lemmas("dishonesty"),
        ),
    ),
    Rule(
        "mental",
        "subjective",
        (
            "정신 J? ADV* 없다|나가다|이상하다|오락가락하다",
            "피해 의식|망상",
            "감정 기복 J? ADV* 심하다|크다|있다",
            "술 J? ADV* 취하다",
            "정서|심리 적 J? ADV* 불 안정|불안정",
            _judgment_lemmas("mental"),
        ),
    ),
    Rule(
        "comprehension",
        "subjective",
        (
            "이해 J? ADV* NEG ADV* 하다|하",
            "이해 J? ADV* 못하다",
            "이해 XS EC 못하다|않다",
            "이해력|말귀|횡설수설|횡설수설하다",
            # "기계를 잘 모르는 분", "귀가 어두우신 듯": competence read off the person.
            "잘 모르다 ETM 분|고객|사람|손님|편|타입|스타일",
            "귀 J? ADV* 어둡다|멀다",
            "기계|컴퓨터|스마트폰|인터넷|전자 기기? J? ADV* 서툴다|어둡다",
            "기계|컴퓨터|스마트폰|인터넷|전자 기기? J? ADV* 익숙 XS? EC NEG",
            "이해도 J? ADV* 낮다|떨어지다|부족하다",
            "NEG 알아듣다|따라오다|알아채다",
            "알아듣다|따라오다 EC 못하다",
            # "판단력이 흐려 보이는", "기억력이 떨어지셔서": a mental faculty the writer rates.
            "판단력|기억력|인지력|사고력|분별력|집중력|이해도|이해 능력? J? ADV* "
            "흐리다|떨어지다|부족하다|낮다|약하다|없다|저하|저하되다|느리다|더디다|늦다",
            "이해 J? ADV* 느리다|더디다|늦다|부족하다|떨어지다",
            "기계|컴퓨터|스마트폰|인터넷|전자|앱|어플 기기? J? ADV* 잘 모르다",
            "기계|컴퓨터|스마트폰|인터넷|앱|어플|기기 사용|조작|이용 J? ADV* 서툴다|서투르다|미숙|미숙하다|어둡다",
        ),
    ),
    Rule(
        "looks",
        "subjective",
        (
            # "우울해 보임", "피곤해 보이셨음": a feeling read off the customer's appearance;
            # see _has_other_subject for "화면이 어두워 보임".
            "FELT 보이다",
            "ADJ FELT_EC 보이다",
            # Verbs take an object when 보이다 means "show" ("사진을 찍어 보임"); these
            # intransitive verbs of feeling do not.
            "지치다|놀라다|겁먹다|화나다|질리다|삐지다|토라지다 FELT_EC? 보이다",
            "당황|긴장|흥분|실망|낙담|위축|동요|체념 XS FELT_EC? 보이다",
        ),
    ),
    Rule(
        "motive",
        "subjective",
        (
            # "보상을 노리고", "돈을 더 받으려고": the writer guessing what the customer is after.
            # A stated aim ("환불을 받으려고 전화함") is not a guess; gain framed as greed is.
            "돈|이득|이익|합의금|공짜|뒷돈 J? ADV* 받다|타다|얻다|챙기다|뜯다 "
            "으려고|려고|으려는|려는|을려고",
            "보상|보상금|배상|배상금|환불|할인|혜택|적립금|포인트 J? 더|많이|추가로|공짜로 "
            "받다|타다|얻다|챙기다|뜯다 으려고|려고|으려는|려는|을려고",
            "바라다|원하다|노리다|기대하다 ETM 눈치|모양|듯|듯하다",
            # "시험하려는 듯한", "받으려는 심산": any intention the writer reads into the call.
            "으려는|려는 듯|듯하다|심산|속셈|눈치|모양|의도|꿍꿍이",
            # "따지려는 태도로", "싸우려는 자세": the same intention read into the manner.
            "으려는|려는 태도|자세",
            # "싸우자는 식으로", "따지자는 듯": the same reading of a proposal nobody made.
            "자는 식|듯|듯하다|태도|자세|투|심산|속셈",
            "으려는|려는 식|목적",
            # "싸우자는 식으로 나오심": the manner of the whole call, judged.
            "ETM 식 으로 나오다|대하다|굴다",
            # "가르치려 듦", "따지려 드심": a tendency the writer attributes.
            "으려|려 EC? 들다|덤비다",
            "보상|보상금|배상|배상금|돈|금전|합의금|이득|이익|공짜|혜택 J 목적|노림수",
            # "보상을 받아내려고": the verb itself says the writer sees extortion.
            "받아내다|뜯어내다|타내다|얻어내다|우려내다 으려고|려고|으려는|려는|을려고",
            "받다|타다|얻다|뜯다 EC 내다 으려고|려고|으려는|려는|을려고",
            # "일부러 통화를 끌었음", "장난 전화": what the writer thinks the call was for.
            "통화|시간|상담 J? ADV* 끌다",
            "장난 전화",
            "바라다|원하다|노리다|기대하다 ETM 것 J? 같다|보이다|추정|추정되다|판단되다|예상되다",
            "속 으로 는",
            _judgment_lemmas("motive"),
        ),
    ),
    Rule(
        "age",
        "subjective",
        (
            # "연세가 많으셔서 …", "고령이라 …": age given as the reason; see _gives_age_as_cause.
            "연세|나이 J? ADV* 많다|들다|드시다|높다|지긋하다|있다",
            "고령|노령|연로|연로하다|노인|어르신|노약자",
        ),
    ),
    Rule(
        # "고객이 바쁘신 듯", "고객이 피곤하신 듯": any state the writer hedges with 듯 when the
        # customer is its subject; see _span.
        "seeming",
        "subjective",
        ("ADJ ETM 듯|듯하다|모양", "ADJ_ETM 듯|듯하다|모양"),
    ),
    Rule(
        "perception",
        "subjective",
        ("QUOTATIVE 느끼다|여기다|생각하다|오해하다|착각하다|생각|오해|착각",),
    ),
)

_ACTION_NOUNS = "|".join(word_list("vague_action_nouns"))
_NEED_WORDS = "|".join(word_list("need_modality"))
_PROBLEM_NOUNS = "|".join(word_list("problem_nouns"))
# Nouns that report a state as handled without saying what was done ("응대 완료").
_HANDLING_NOUNS = "조치|처리|해결|해소|마무리|진행|응대|대응|조율|보완|점검"
_TELLING_NOUNS = "안내|재안내|설명|전달|공유|고지|공지|통보|답변"

VAGUE_RULES: tuple[Rule, ...] = (
    Rule(
        "follow_up",
        "vague",
        (
            f"추후|차후|나중|향후 J? ADV* 재|다시? {_CONTACT_NOUNS}|안내|처리|확인|진행 "
            "XS? 드리다? ETM? 예정|계획?",
            f"다시|재? {_CONTACT_NOUNS} XS? 드리다? ETM? 예정|계획",
            f"다시|재? {_CONTACT_NOUNS} XS? 드리다? 기 로",
            f"{_ACTION_NOUNS} 후 결과? 다시|재? {_CONTACT_NOUNS}|{_TELLING_NOUNS} XS? 드리다? ETM? 예정|계획?",
            "확인|검토|파악|협의|접수|상의|논의 후 처리|진행|조치|결정|반영",
            "추후|차후|나중|향후 결정|검토|판단|협의|조치",
            f"다시 {_CONTACT_NOUNS} 드리다|하다",
            "재연락|재통화|재안내",
            "~follow ~up",
            "~will ~(follow|check|look|call|contact|get)",
            "~(later|soon)",
            # Vague time on a promise: "곧 연락드리기로 함", "상황 봐서 다시 연락하기로 함".
            f"곧|나중|추후|차후|향후 J? ADV* 다시? {_CONTACT_NOUNS}|{_ACTION_NOUNS} XS? 드리다? 기 로",
            f"상황 J? 보다 EC? ADV* 다시? {_CONTACT_NOUNS}|{_ACTION_NOUNS}",
            f"결과 J? 나오다 EC ADV* 다시? {_CONTACT_NOUNS}|{_TELLING_NOUNS}",
            f"추후|차후|나중|향후 J? ADV* 다시|재? {_ACTION_NOUNS}|{_CONTACT_NOUNS}",
            f"다시|재? {_CONTACT_NOUNS} XS? ETM 것",
            # "연락드리겠음", "회신하겠다고 함": a promise to get back, when left open.
            f"다시|재? {_CONTACT_NOUNS} XS? 드리다? 겠 QUOTATIVE? 하다|하?",
        ),
        requirement="time",
        english=(
            r"\bfollow[- ]?up\b",
            r"\blooking into (?:it|this|that|the (?:issue|matter|problem))\b",
            r"\bwill (?:follow|check|look|call|contact|get back|revert|update|handle|fix|resolve"
            r"|process|sort)\b",
            r"\b(?:later|soon|shortly|asap|tbd|in due course)\b",
            r"\bwill be (?:contacted|called|updated|informed|notified|checked|reviewed)\b",
        ),
    ),
    Rule(
        "pending",
        "vague",
        (
            "ACT XS? ETM? 예정|계획",
            f"{_ACTION_NOUNS} 중",
            "보류|대기 DO?",
            f"{_ACTION_NOUNS} XS EC 있다",
            "~pending",
            # "검토해 보기로 함", "처리하기로 함": a decision to act, with nothing of what or when.
            f"{_ACTION_NOUNS} XS EC? 보다|드리다? 기 로",
            # "확인해 보겠음", "조치해 드리겠음": a promise to act, with nothing of what or when.
            f"{_ACTION_NOUNS} XS 보다|드리다? 겠",
            # "알아보는 중", "살펴보기로 함": the same with a verb of looking into.
            "알아보다|살펴보다|찾아보다|파악하다 ETM 중",
            "알아보다|살펴보다|찾아보다 기 로",
            "알아보다|살펴보다|찾아보다 EC? 보다? 겠",
            # "추가 검토": more of it, with no what or when.
            "추가 검토|조사|협의|논의|확인 필요|예정|중|요망",
            "추가 검토|조사|협의|논의",
            # "반영하도록 하겠음": the same promise in the -도록 하다 form.
            f"{_ACTION_NOUNS} XS 도록 하다|하 겠",
            # "경과 지켜보기로 함", "지켜볼 예정": waiting to see, with no end to the wait.
            "지켜보다|두고보다 ETM? 예정|중|계획",
            "지켜보다|두고보다 기 로",
            "지키다 보다 ETM? 예정|중|계획",
            "지키다 보다 기 로",
        ),
        requirement="two_of",
        english=(
            r"\b(?:under (?:review|investigation)|in progress|on hold)\b",
            r"\bbeing (?:reviewed|checked|processed|investigated|looked into)\b",
            r"\bpending\b",
            r"\bwaiting (?:on|for) (?:the )?(?:vendor|supplier|team|department|customer|callback"
            r"|partner|carrier|courier)\b(?=\s*[.!]?\s*$)",
            r"\b(?:awaiting|waiting for) (?:a |the )?"
            r"(?:response|reply|feedback|update|confirmation)\b",
        ),
    ),
    Rule(
        "needed",
        "vague",
        (
            f"{_ACTION_NOUNS}|{_CONTACT_NOUNS} J? {_NEED_WORDS}",
            f"{_ACTION_NOUNS} 요청",
            f"{_ACTION_NOUNS}|{_CONTACT_NOUNS} XS? MUST 하다|되다|하|되",
            "~(need|needs) ~to ~(check|confirm|verify|review)",
        ),
        requirement="two_of",
        english=(
            r"\bto be (?:checked|reviewed|confirmed|verified|determined|discussed|decided"
            r"|investigated)\b",
            r"\b(?:needs?|requires?) (?:further )?(?:check|review|confirmation|investigation)\b",
            r"\bfurther (?:review|investigation|check)\b",
            r"\b(?:action|check|review|investigation|verification|confirmation)\s+(?:is\s+)?"
            r"(?:needed|required)\b",
            r"\bneeds? to (?:check|confirm|verify|review|investigate)\b",
        ),
    ),
    Rule(
        "problem",
        "vague",
        (
            f"{_PROBLEM_NOUNS} J? 있다|발생|생기다|발견",
            f"{_PROBLEM_NOUNS} J? 확인 DO",
            # "시스템 문제로 보임": a guess at the cause, not a description of it.
            f"{_PROBLEM_NOUNS} J 보이다|추정|추정되다|판단되다|예상되다",
            # "특이사항 있음", "불편 사항 발생": a category of problem, not the problem.
            "특이|불편 사항|점? J? 있다|발생|생기다|발견",
            "문제|이상|오류|장애 J? 해결 J? NEG DO",
            "문제|이상|오류|장애 J? 해결 J? 안되다|못하다",
            "~(issue|issues|problem|problems) ~with",
            # "로그인이 잘 안 됨": that something fails, not how.
            "잘|제대로 안|못 되다|안되다|작동하다",
        ),
        requirement="detail",
        english=(
            r"\b(?:issue|issues|problem|problems|error|errors)\s+"
            r"(?:resolved|fixed|solved|found|occurred|detected|persists?)\b",
            r"\b(?:has|had|have|having) (?:some|an|a few|a|several)? ?"
            r"(?:issue|issues|problem|problems)\b",
        ),
    ),
    Rule(
        "done",
        "vague",
        (
            f"{_HANDLING_NOUNS}|완료 DO",
            f"{_HANDLING_NOUNS} 완료",
            # "확인함", "접수 완료": checked or logged, but not what.
            "확인|접수 DO",
            "확인|접수 완료",
            "조치|대응|대책 J? 취하다|마련하다",
        ),
        requirement="object",
        english=(
            r"\b(?:checked and (?:resolved|fixed|closed)|taken care of|handled accordingly)\b",
            # A note that is only "Resolved." says nothing of what was done.
            r"(?m)^\s*(?:resolved|handled|fixed|done|closed|checked|sorted)(?=\s*[.!]?\s*$)",
            r"(?m)^\s*(?:the )?(?:case|ticket|request|matter|issue)\s+(?:is\s+|was\s+)?"
            r"(?:closed|handled|sorted|done|dealt with)(?=\s*[.!]?\s*$)",
        ),
    ),
    Rule(
        "informed",
        "vague",
        (
            # "안내함", and with a particle in between ("안내는 드렸음", "설명을 함") the same.
            f"{_TELLING_NOUNS} J? DO",
            f"{_TELLING_NOUNS} J? 드리다",
            f"{_TELLING_NOUNS} 완료",
            # A note ending on the noun ("관련 건 전달"); see _is_bare_noun_note.
            _TELLING_NOUNS,
        ),
        english=(
            r"\b(?:customer|caller|cx)\s+(?:was\s+|has been\s+)?"
            r"(?:informed|advised|notified|updated)"
            r"(?=\s*[.!]?\s*$)",
            r"(?m)^\s*(?:informed|advised|notified|updated)\s+(?:the\s+)?(?:customer|caller|cx)"
            r"(?=\s*[.!]?\s*$)",
        ),
        requirement="object",
    ),
    Rule(
        "hedge",
        "vague",
        (
            "적절|적절하다|적절히|원만히|원만|원만하다|조속히|조속|조속하다|신속히|조만간|알아서",
            "신속 XS",
            "최대한 빨리|신속히|조속히|노력",
            "빠르다 시일|시간 내|안",
            "가능하다|가능 XS? 한? 빨리|신속히|조속히",
            "되도록|가급적 빨리|신속히|조속히",
            "잘 처리|해결|마무리|안내|대응",
            "어느 정도",
            # "필요한 조치를 취함": which measure is left to the reader.
            f"필요 XS? ETM {_HANDLING_NOUNS}|안내",
            "필요 시",
            "필요시",
            "기타 문의|사항|요청|건|내용|업무|응대|처리",
            "~(tbd|asap)",
            # "며칠 내 처리", "수일 소요": a duration nobody can hold the agent to.
            "며칠|수일 J? 내|안|이내|소요|걸리다|후|뒤",
            # "최선을 다하겠음", "노력하겠음": effort promised, nothing checkable.
            "최선 J? ADV* 다하다|하|하다",
            # "곧 처리", "곧 연락드림": a time word that names no time.
            f"곧|조만간|머지않다|빠르다 ADV* {_ACTION_NOUNS}|{_CONTACT_NOUNS}",
            "노력 XS 겠",
        ),
        english=(
            r"\b(?:accordingly|as needed|as appropriate|as necessary|when possible|at some point"
            r"|eventually|in a timely manner)\b",
        ),
    ),
    Rule(
        "complaint",
        "vague",
        ("불만|민원|불편 사항? J? 접수|제기|인입 DO?",),
        requirement="subject",
    ),
    Rule(
        "handoff",
        "vague",
        (
            "이관|인계|토스|넘기다 DO|완료|예정",
            "이관|인계",
            "부서|팀|담당자 J? 전달|공유|보고 DO",
            "부서|팀|담당자 J? 전달|공유|보고 완료|예정",
            # "팀장님께 보고 완료", "상급자에게 보고": reported up, to nobody named.
            "보고 DO|완료|예정",
            "상급자|윗선|상부 J? 전달|공유|보고|이관|인계 DO?",
            "이첩 DO|완료|예정",
            # "담당 부서로 넘김": handed on, but a number's or a name's transfer is not a handoff.
            "부서|팀|담당자|상급자|윗선|쪽|측 J? 넘기다|넘겨주다",
            "부서|팀|담당자|상급자|윗선|쪽|측 J? 토스|연결|전환 DO|완료",
        ),
        requirement="actor",
        english=(
            r"\b(?:escalated|transferred|forwarded|passed|handed over) to (?:the )?"
            r"(?:relevant|appropriate|responsible|concerned|related) "
            r"(?:team|department|dept|party)\b",
            r"(?m)^\s*escalated(?=\s*[.!]?\s*$)",
            r"\b(?:escalated|referred|passed on|handed over|sent)"
            r" (?:internally|upwards?|up|further|higher|upstairs)\b",
            r"\b(?:sent|referred|routed|handed|moved|passed)(?: it)?(?: over| on)? to (?:the )?"
            r"(?:team|department|dept|supervisor|back ?office|relevant team|appropriate team)"
            r"(?=\s*[.!]?\s*$)",
            r"\b(?:has been|have been|was|were|been|is being) "
            r"(?:escalated|forwarded|transferred|handed over)(?=\s*[.!]?\s*$)",
            r"\b(?:escalated|transferred|forwarded|passed)(?: it)? to (?:the )?"
            r"(?:team|department|dept"
            r"|supervisor|back ?office)(?=\s*[.!]?\s*$)",
        ),
    ),
)

# Words that strengthen a judgment ("매우 화가 난") belong to the flagged phrase.
_INTENSIFIERS = frozenset(word_list("intensifiers"))
# The person judged: included so the suggestion can be a whole rewrite ("고객이 …").
SUBJECT_NOUNS = frozenset(
    ["고객", "고객님", "손님", "민원인", "가입자", "회원", "사용자", "본인", "신청인"]
)
# A judgment before a noun is about a person only when the noun is one ("예민한 고객", not
# "예민한 피부", "까다로운 절차", "진상 규명").
_PERSON_NOUNS = frozenset(word_list("person_nouns"))
_IDENTITY_NOUNS = frozenset(["본인", "신원", "실명", "명의", "명의자"])
_JUDGED_RULES = frozenset({"character", "emotion", "rude", "anger", "mental"})
# Words after a judgment that only carry it on ("화가 난 상태임", "흥분한 모습").
_CARRIER_LEMMAS = frozenset(word_list("carrier_lemmas"))

# A responsible party: a noun compound ending in one of these (배송팀, 택배사, 고객센터).
_ACTOR_SUFFIXES = word_list("actor_suffixes")
# Nouns that name no specific thing: "관련 내용 안내함" still says nothing.
_PLACEHOLDER_NOUNS = frozenset(word_list("placeholder_nouns"))
_PLACEHOLDER_MODIFIERS = frozenset(["관련", "해당", "담당", "기타", "다른", "타", "상위", "유관"])
# Connective endings that close one clause and open another (…했으며, …했지만).
_CLAUSE_END_ENDINGS = frozenset(
    ["며", "으며", "지만", "는데", "ᆫ데", "은데", "으나", "면서", "으면서"]
)
_TIME_WORDS = frozenset(word_list("time_words"))
_CLOCK = re.compile(
    r"\d{1,2}\s*시|\d{1,2}:\d{2}"
    r"|(?<![가-힣])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s?시(?=\s|에|까지|쯤|경|반|$)"
    r"|\d+\s*(일|주|개월|달|시간|분)\s*(이내|안|내|까지|후|뒤)"
    r"|(이삼|삼사|사오|오륙|일이)\s?일|일주일|한\s?시간|(한|두|세)\s?달"
    r"|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s*(?:am|pm)\b|\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b|\bwithin\s+\d+\s+(?:hours?|days?|weeks?)\b"
    # "30 minutes before arrival", "2 business days after pickup": timed from a named event.
    r"|\b\d+\s+(?:business\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|after|ahead)\b)"
)

_QUOTE_PAIRS = re.compile(r"'[^'\n]+'|\"[^\"\n]+\"|‘[^’\n]+’|“[^”\n]+”|「[^」\n]+」|『[^』\n]+』")
# "…라고/다고 말함" and "…을 호소함": what precedes is someone's words, reported.
_SPEECH_PATTERNS = (
    "QUOTATIVE 말|말씀|말하다|언급|표현|주장|호소|요청|요구|문의|항의|진술|이야기|얘기|토로|"
    "전하다|밝히다|하다|하|묻다|외치다|소리치다|말씀하다|의견|지적|불만|민원|취지|칭찬|칭찬하다",
)
# "…다고 안내함": the agent's own words, reported. They hold no judgment of the customer, but a
# promise in them ("추후 연락드리겠다고 안내함") is as vague as written directly.
_SPEECH_PATTERNS = (
    *_SPEECH_PATTERNS,
    "QUOTATIVE NOUN J? 요청|요구|문의|항의|주장|호소|제기|표현|토로|의견|지적|불만|민원|말|말씀|얘기|이야기",
)
_BRIEFING_PATTERNS = ("QUOTATIVE 안내|설명|당부|권유|고지|전달|공지",)
SPEECH, BRIEFING = "speech", "briefing"
# "민원 내용: 기사 불친절", "고객 주장: …": what follows such a label is the customer's account.
_ACCOUNT_LABEL = re.compile(
    r"(?:민원|불만|항의|고객\s*(?:의견|주장|진술|요청|요구)|주장|진술)\s*(?:내용|사항|사유|요지)?"
    r"\s*[:：]\s*([^\n]+)"
)
_REPORTED_OBJECT_PATTERNS = ("* J? 호소|토로|표출|표현|언급|표시|드러내다|지적",)
# English reported speech: what follows "said (that)" is the customer's claim, not the writer's.
_ENGLISH_SPEECH = re.compile(
    r"(?i)\b(?:said|says|stated|claimed|mentioned|complained|reported"
    r"|told (?:us|me|the agent))"
    r"\b(?:\s+that)?"
)


def _token_pattern(item: str) -> dict[str, object]:
    if item.startswith("~"):  # English: the lower-cased word, punctuation allowed after it
        return {"LOWER": {"REGEX": rf"^{item[1:]}\W*$"}}
    quantifier = item[-1] if item[-1] in "?*+" and len(item) > 1 else ""
    body = item[:-1] if quantifier else item
    if body == "*":
        spec: dict[str, object] = {}
    elif body in _NAMED_TOKENS:
        spec = dict(_NAMED_TOKENS[body])
    elif "|" in body:
        spec = {"LEMMA": {"IN": body.split("|")}}
    else:  # spaCy checks one exact lemma in C, a set of them per token in Python
        spec = {"LEMMA": body}
    if quantifier:
        spec["OP"] = quantifier
    return spec


def compile_pattern(notation: str) -> list[dict[str, object]]:
    return [_token_pattern(item) for item in notation.split()]


def _build_matcher(nlp: Language, rules: Iterable[tuple[str, tuple[str, ...]]]) -> AnchoredMatcher:
    return AnchoredMatcher(
        nlp, [(key, compile_pattern(p)) for key, patterns in rules for p in patterns]
    )


def _word_start(doc: Doc, index: int) -> int:
    while index > 0 and not doc[index - 1].whitespace_ and not doc[index - 1].is_space:
        index -= 1
    return index


def _word_end(doc: Doc, index: int) -> int:
    """Exclusive end of the word (whitespace-delimited) that contains token ``index - 1``."""
    while index < len(doc) and not doc[index - 1].whitespace_ and not doc[index].is_space:
        if doc[index].is_punct and doc[index].tag_ not in ("SO",):
            break
        index += 1
    return index


def _previous_word(doc: Doc, start: int) -> tuple[int, int] | None:
    end = start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    if end == 0 or doc[end - 1].is_punct:
        return None
    return _word_start(doc, end - 1), end


def _next_word(doc: Doc, end: int) -> tuple[int, int] | None:
    start = end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or doc[start].is_punct:
        return None
    return start, _word_end(doc, start + 1)


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return _word_start(doc, start), _word_end(doc, end)


def _widen_judgment(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in intensifiers and the judged subject before; carrier words and the predicate that
    completes the judgment after."""
    start, end = _whole_words(doc, start, end)
    while (word := _previous_word(doc, start)) and doc[word[0]].lemma_ in _INTENSIFIERS:
        start = word[0]
    word = _previous_word(doc, start)
    if (
        word
        and doc[word[0]].lemma_ in SUBJECT_NOUNS
        and doc[word[1] - 1].tag_.startswith(("JKS", "JX", "JKG"))
    ):
        start = word[0]
    end = _take_carriers(doc, end)
    # "억지를 부림", "이해력이 부족함", "민감하게 반응함", "흥분한 상태로 항의함".
    word = _next_word(doc, end)
    if word and (
        doc[end - 1].tag_.startswith(("JKO", "JKS"))
        or (_is_adverbial(doc[end - 1]) and _is_predicate(doc[word[0] : word[1]]))
    ):
        end = _take_carriers(doc, word[1])
    return start, end


def _take_carriers(doc: Doc, end: int) -> int:
    # "기억력이 떨어지셔서 같은 질문을": after 어서/며 the next clause begins, so a carrier
    # word there ("같은") belongs to it.
    while (
        doc[end - 1]._.ending not in _CLAUSE_OPENERS
        and (word := _next_word(doc, end))
        and doc[word[0]].lemma_ in _CARRIER_LEMMAS
    ):
        end = word[1]
    return end


def _is_adverbial(token: Token) -> bool:
    return token.tag_.startswith("JKB") or (token.tag_.endswith("EC") and token._.ending == "게")


def _is_predicate(word: Span) -> bool:
    return any(t.tag_.startswith(("VV", "VA", "XSV", "XSA")) for t in word)


def _judges_a_person(doc: Doc, end: int) -> bool:
    """False when the judgment word modifies a noun that is not a person ("예민한 피부")."""
    word_end = _word_end(doc, end)
    last = doc[word_end - 1]
    word = _next_word(doc, word_end)
    if last.lemma_ in _PERSON_NOUNS:  # the judgment names a person ("블랙 컨슈머 의심")
        return True
    # "민감성 피부": a noun-forming suffix makes the judgment word a modifier too.
    modifies = last.tag_.endswith(("ETM", "XSN")) or last.pos_ == "NOUN"
    if not modifies or word is None or not doc[word[0]].tag_.startswith(("NNG", "NNP")):
        return True
    return doc[word[0]].lemma_ in _PERSON_NOUNS | _CARRIER_LEMMAS


def _describes_someone_else(doc: Doc, end: int) -> bool:
    """True when a manner word sits in a relative clause about a non-person ("집요하게 연락하는
    추심 문자", "공격적으로 요금을 올리는 경쟁사"): the manner is not the customer's."""
    word_end = _word_end(doc, end)
    if not _is_adverbial(doc[word_end - 1]):
        return False
    is_verb = False
    for _ in range(_MANNER_REACH):
        word = _next_word(doc, word_end)
        if word is None:
            return False
        word_end = word[1]
        tags = [t.tag_ for t in doc[word[0] : word_end]]
        if not any(tag.startswith(("VV", "VA", "XSV", "XSA", "VX")) for tag in tags):
            continue  # an argument of the verb ("요금을")
        is_verb = is_verb or any(tag.startswith(("VV", "XSV")) for tag in tags)
        last = doc[word_end - 1]
        if last.tag_.endswith("ETM"):
            noun = _next_word(doc, word_end)
            return (
                is_verb
                and noun is not None
                and doc[noun[0]].tag_.startswith(("NNG", "NNP"))
                and doc[noun[0]].lemma_ not in _PERSON_NOUNS
            )
        if last._.ending not in ("어", "아", "여"):  # "걸려 오는": an auxiliary follows
            return False
    return False


# How many words a manner adverb may be from the verb it modifies.
_MANNER_REACH = 4


def _has_other_subject(doc: Doc, start: int) -> bool:
    """True when the clause before ``start`` has a subject that is not a person ("화면이")."""
    left, _ = _clause_bounds(doc, start, start + 1)
    people = SUBJECT_NOUNS | _PERSON_NOUNS
    for i in range(left, start - 1):
        if not doc[i + 1].tag_.startswith(("JKS", "JX")):
            continue
        # "충전기가" (충전 + 기) names a thing; "고객님이" (고객 + 님) still the customer.
        noun = doc[i - 1] if doc[i].tag_ == "XSN" and i > left else doc[i]
        if noun.tag_.startswith(("NNG", "NNP")) and noun.lemma_ not in people:
            return True
    return False


# Endings that give a clause as the reason for the next ("연세가 많으셔서", "고령이라").
_CAUSAL_ENDINGS = frozenset(
    ["어서", "아서", "여서", "라서", "이라서", "라", "이라", "니까", "으니까", "으니", "니", "므로"]
)


# Endings after which the next word starts a new clause.
_CLAUSE_OPENERS = _CAUSAL_ENDINGS | _CLAUSE_END_ENDINGS


def _gives_cause(doc: Doc, end: int) -> bool:
    return doc[_word_end(doc, end) - 1]._.ending in _CAUSAL_ENDINGS


def _clause_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    def is_boundary(token: Token) -> bool:
        return (
            token.tag_ in ("SF", "SP")
            or (token.is_space and "\n" in token.text)
            or (token.tag_.endswith("EC") and token._.ending in _CLAUSE_END_ENDINGS)
        )

    left = start
    while left > 0 and not is_boundary(doc[left - 1]):
        left -= 1
    right = end
    while right < len(doc) and not is_boundary(doc[right]):
        right += 1
    return left, right


@dataclass(frozen=True)
class ClauseFacts:
    """What a clause around a vague placeholder already says."""

    has_time: bool
    has_number: bool
    has_actor: bool
    has_object: bool
    has_modifier: bool
    has_source: bool = False  # the state is reported as the result of a lookup ("조회한 결과")

    def satisfies(self, requirement: Requirement) -> bool:
        when = self.has_time or self.has_number
        if requirement == "time":
            return self.has_time
        if requirement == "two_of":
            return sum((when, self.has_actor, self.has_object, self.has_source)) >= 2
        if requirement == "object":
            return self.has_object
        if requirement == "actor":
            return self.has_actor
        if requirement == "subject":
            return self.has_object or self.has_actor
        if requirement == "detail":
            return self.has_modifier or self.has_number or (self.has_object and self.has_time)
        return False


def _noun_compounds(tokens: list[Token]) -> list[list[Token]]:
    """Runs of nouns written without a space (배송+팀, 택배+사)."""
    compounds: list[list[Token]] = []
    for token in tokens:
        if not token.tag_.startswith(("NNG", "NNP", "SL", "SH")):
            continue
        previous = compounds[-1][-1] if compounds else None
        if previous is not None and previous.i == token.i - 1 and not previous.whitespace_:
            compounds[-1].append(token)
        else:
            compounds.append([token])
    return compounds


def _is_actor(compound: list[Token]) -> bool:
    """A named team or person; '관련 부서', '담당 부서', '해당 팀' name nobody."""
    word = "".join(t.text for t in compound)
    if word in _PLACEHOLDER_NOUNS:  # "담당자에게 전달함": nobody in particular
        return False
    if not word.endswith(_ACTOR_SUFFIXES) or compound[0].lemma_ in _PLACEHOLDER_MODIFIERS:
        return False
    head = compound[0]
    previous = head.doc[head.i - 1] if head.i > 0 else None
    return len(compound) > 1 or previous is None or previous.lemma_ not in _PLACEHOLDER_MODIFIERS


def _is_object(compound: list[Token]) -> bool:
    return any(
        t.lemma_ not in _PLACEHOLDER_NOUNS
        and t.lemma_ not in _TIME_WORDS
        and not t.tag_.startswith("NNB")
        for t in compound
    )


def _has_time(clause: Span) -> bool:
    from pipeline.normalize.dates import resolve_dates

    if any(t.lemma_ in _TIME_WORDS for t in clause) or _CLOCK.search(clause.text):
        return True
    return bool(resolve_dates(clause.text, dt.date(2000, 1, 3)))


# "조회한 결과 출고 대기 중": a status read from a system is an observation, not a placeholder.
_LOOKUP_NOUNS = frozenset(["조회", "확인", "검색", "열람", "점검"])


def _has_source(clause: Span) -> bool:
    for token in clause[1:]:
        if token.lemma_ != "결과":
            continue
        previous = token.doc[token.i - 1]
        if previous.tag_.endswith("ETM") and previous.i > 0:
            previous = token.doc[previous.i - 1]
        if previous.lemma_ in _LOOKUP_NOUNS:
            return True
    return False


def _before_related(doc: Doc, token: Token) -> bool:
    """True for any noun of the phrase before "관련" ("개인 정보 변경 관련 안내")."""
    for following in doc[token.i + 1 :]:
        if following.lemma_ == "관련":
            return True
        if not (following.is_space or following.tag_.startswith(("NNG", "NNP"))):
            return False
    return False


def _matched_english(compound: list[Token], span: Span) -> bool:
    """English words of the match itself ("Checked and resolved") name no object; Korean
    matched nouns may ("환불 예정")."""
    return all(t.tag_ == "SL" and span.start <= t.i < span.end for t in compound)


# English notes name their owner as "<something> team" ("the billing team") or a role with a
# name ("team lead Park"); "the relevant team" and "the team" name nobody.
_ENGLISH_ACTOR = re.compile(
    r"\b(?!(?:the|a|an|relevant|appropriate|responsible|concerned|related|our|another|other"
    r"|that|this|same|internal)\b)[a-z]+ (?:team|department|dept|desk)\b"
    r"|\b(?:team lead|supervisor|manager|technician|engineer) [A-Z][a-z]+\b"
    r"|\b(?:Mr|Ms|Mrs)\.? [A-Z][a-z]+\b",
)


def describe_clause(doc: Doc, span: Span) -> ClauseFacts:
    left, right = _clause_bounds(doc, span.start, span.end)
    clause = doc[left:right]
    outside = [t for t in clause if not (span.start <= t.i < span.end)]
    # The matched words are placeholders, except a concrete action ("환불 예정": what = 환불).
    compounds = _noun_compounds(list(clause))
    actors = [c for c in compounds if _is_actor(c)]
    # "서류 관련 안내함": a topic named only as what something is about says nothing.
    objects = [
        c
        for c in compounds
        if c not in actors
        and _is_object(c)
        and not _before_related(doc, c[-1])
        and not _matched_english(c, span)
    ]
    before = doc[span.start - 1] if span.start > 0 else None
    return ClauseFacts(
        has_time=_has_time(clause),
        has_number=any(t.tag_.startswith("SN") for t in outside),
        has_actor=bool(actors) or bool(_ENGLISH_ACTOR.search(clause.text)),
        has_object=bool(objects),
        has_modifier=before is not None and before.tag_.endswith("ETM"),
        has_source=_has_source(clause),
    )


def quoted_token_indices(doc: Doc, labels: frozenset[str]) -> set[int]:
    spans = doc.spans.get(QUOTE_SPAN_KEY, [])
    return {i for span in spans if span.label_ in labels for i in range(span.start, span.end)}


class QuoteMarker:
    """Marks reported speech so that no flag is raised on the customer's own words."""

    def __init__(self, nlp: Language, span_key: str) -> None:
        self.span_key = span_key
        self.quotative = _build_matcher(
            nlp, [(SPEECH, _SPEECH_PATTERNS), (BRIEFING, _BRIEFING_PATTERNS)]
        )
        self.reported_object = _build_matcher(nlp, [(SPEECH, _REPORTED_OBJECT_PATTERNS)])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match in _QUOTE_PAIRS.finditer(doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=SPEECH))
        for label, start, end in self.quotative(doc):
            # Reported content runs from the clause start up to the quotative ending.
            left, _ = _clause_bounds(doc, start, start + 1)
            if label == SPEECH and _is_own_promise(doc, left, start, end):
                label = BRIEFING
            spans.append(Span(doc, left, start + 1, label=label))
        for match in _ACCOUNT_LABEL.finditer(doc_text(doc)):
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=SPEECH))
        for label, start, end in self.reported_object(doc):
            word_start, _ = _whole_words(doc, start, start + 1)
            spans.append(Span(doc, word_start, end - 1, label=label))
        spans.extend(_english_speech(doc))
        spans.extend(_reported_while(doc))
        doc.spans[self.span_key] = spans
        return doc


_LATIN = re.compile(r"[A-Za-z]{2}")
_PROMISE_MARKERS = frozenset(["겠", "드리다"])


def _is_own_promise(doc: Doc, left: int, quotative: int, end: int) -> bool:
    """ "다시 연락하겠다고 함", "상담원이 처리해 드리겠다고 함": a bare "…다고 함" reporting a
    promise, with no customer as its subject, is the writer's own promise, as vague as written
    directly. "고객이 내일 다시 전화하겠다고 함" stays the customer's words."""
    if doc[end - 1].lemma_ not in ("하다", "하"):
        return False
    if not any(doc[i].lemma_ in _PROMISE_MARKERS for i in range(left, quotative + 1)):
        return False
    return not any(
        doc[i].lemma_ in SUBJECT_NOUNS and doc[i + 1].tag_.startswith(("JKS", "JX"))
        for i in range(left, quotative)
    )


# "속상해한다며 …를 문의함": -다며/-라며 is "-다고 하며" contracted, so what comes before it is
# always someone's words, whatever verb follows.
_REPORTING_WHILE = frozenset(["다며", "라며", "ᆫ다며", "는다며", "이라며"])


def _reported_while(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    if "며" not in doc_text(doc):  # most notes have none; spare the walk over every token
        return spans
    for token in doc:
        if token._.ending in _REPORTING_WHILE:
            left, _ = _clause_bounds(doc, token.i, token.i + 1)
            spans.append(Span(doc, left, token.i + 1, label=SPEECH))
    return spans


def _english_speech(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    if not _LATIN.search(doc_text(doc)):
        return spans
    for match in _ENGLISH_SPEECH.finditer(doc_text(doc)):
        verb = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if verb is None or verb.end >= len(doc):
            continue
        _, right = _clause_bounds(doc, verb.end, verb.end + 1)
        if right > verb.end:
            spans.append(Span(doc, verb.end, right, label=SPEECH))
    return spans


def _compile_english(rules: Iterable[Rule]) -> list[tuple[Rule, re.Pattern[str]]]:
    return [(rule, re.compile(regex, re.IGNORECASE)) for rule in rules for regex in rule.english]


def _english_matches(
    doc: Doc, regexes: list[tuple[Rule, re.Pattern[str]]]
) -> list[tuple[Rule, int, int]]:
    """(rule, start, end) token ranges of the English regexes, widened to whole tokens."""
    found: list[tuple[Rule, int, int]] = []
    if not _LATIN.search(doc_text(doc)):  # most notes are all Korean: skip the regexes
        return found
    for rule, regex in regexes:
        for match in regex.finditer(doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                found.append((rule, span.start, span.end))
    return found


class PhrasingFlagger:
    """Matches one kind of phrasing rules and adds the unquoted matches as flag spans."""

    def __init__(
        self, nlp: Language, rules: tuple[Rule, ...], span_key: str, quote_labels: frozenset[str]
    ) -> None:
        self.rules = {rule.id: rule for rule in rules}
        self.quote_labels = quote_labels
        self.span_key = span_key
        self.matcher = _build_matcher(nlp, [(rule.id, rule.patterns) for rule in rules])
        self.english = _compile_english(rules)

    def __call__(self, doc: Doc) -> Doc:
        quoted = quoted_token_indices(doc, self.quote_labels)
        candidates: list[Span] = []
        # "…하겠다고 안내함": the telling verb is vague only with the vague promise it reports.
        reporting: list[Span] = []
        matches = [(self.rules[rule_id], start, end) for rule_id, start, end in self.matcher(doc)]
        for rule, start, end in matches + _english_matches(doc, self.english):
            span = self._span(doc, rule, start, end)
            if span is None or any(i in quoted for i in range(start, end)):
                continue
            is_reporting = rule.id == "informed" and _after_quotative(doc, start)
            (reporting if is_reporting else candidates).append(span)
        kept = filter_spans(candidates)
        ends = {span.end for span in kept}
        kept += [s for s in reporting if _previous_word_end(doc, s.start) in ends]
        existing = list(doc.spans.get(self.span_key, []))
        doc.spans[self.span_key] = existing + _merge_adjacent(doc, filter_spans(kept))
        return doc

    def _span(self, doc: Doc, rule: Rule, start: int, end: int) -> Span | None:
        if rule.kind == "subjective":
            if rule.id in _JUDGED_RULES and not _judges_a_person(doc, end):
                return None
            if _describes_someone_else(doc, end):
                return None
            if rule.id == "looks" and _has_other_subject(doc, start):
                return None  # "화면이 어두워 보임": how a thing looks
            if rule.id == "seeming" and (
                not _customer_is_subject(doc, start) or _has_other_subject(doc, start)
            ):
                return None  # "요금이 비싼 듯": a guess about a thing, not the customer
            if rule.id == "age" and not _gives_cause(doc, end):
                return None  # "연세가 많으신 어머니 명의": age as a fact, not as an explanation
            left, right = _widen_judgment(doc, start, end)
        else:
            following = doc[end] if end < len(doc) else None
            if rule.id == "needed" and following is not None and following.tag_.endswith("ETM"):
                return None  # "확인에 필요한 서류": describes the documents
            if rule.id == "informed" and _customer_is_subject(doc, start):
                return None  # "고객이 상황 설명함": the customer's telling, not the agent's
            if _is_bare_noun(doc, start, end) and not _ends_clause(doc, end):
                return None  # "추가 검토를 요청함": the noun is an argument, not the note
            if rule.id == "done" and start > 0 and doc[start - 1].lemma_ in _IDENTITY_NOUNS:
                return None  # "본인 확인 완료": identity verification is a concrete step
            if rule.id == "informed" and _tells_a_dated_clause(doc, start):
                return None  # "영업일 3일 내 반영됨을 안내함": what was told is the clause before
            if _states_a_cause(doc, end):
                return None  # "서버 점검 중으로 접속 불가": a state given as a reason, not a task
            if describe_clause(doc, doc[start:end]).satisfies(rule.requirement):
                return None
            left, right = _whole_words(doc, start, end)
        return Span(doc, left, right, label=rule.kind, span_id=rule.id)


def _customer_is_subject(doc: Doc, start: int) -> bool:
    left, _ = _clause_bounds(doc, start, start + 1)
    return any(
        doc[i].lemma_ in SUBJECT_NOUNS and doc[i + 1].tag_.startswith("JKS")
        for i in range(left, start - 1)
    )


_BARE_NOUNS = frozenset(_TELLING_NOUNS.split("|"))


def _is_bare_noun(doc: Doc, start: int, end: int) -> bool:
    """A match that is only a telling noun ("전달") or "추가" + a noun ("추가 검토"): it is a
    placeholder only as the last word of a note, with no verb or modality after it."""
    words = [t for t in doc[start:end] if not t.is_space]
    if len(words) == 1:
        return words[0].lemma_ in _BARE_NOUNS
    return len(words) == 2 and words[0].lemma_ == "추가" and words[1].tag_.startswith("NNG")


def _previous_word_end(doc: Doc, start: int) -> int:
    while start > 0 and doc[start - 1].is_space:
        start -= 1
    return start


def _after_quotative(doc: Doc, start: int) -> bool:
    previous = _previous_word_end(doc, start)
    return previous > 0 and doc[previous - 1]._.ending in QUOTATIVE_ENDINGS


def _ends_clause(doc: Doc, end: int) -> bool:
    """True when nothing but punctuation or a line break follows ``doc[:end]`` in its clause:
    "관련 건 전달." is a note; "안내 문자 발송" is not."""
    for token in doc[end:]:
        if (token.is_space and "\n" in token.text) or token.tag_ in ("SF", "SP"):
            return True
        if not (token.is_space or token.is_punct):
            return False
    return True


def _tells_a_dated_clause(doc: Doc, start: int) -> bool:
    """True when the telling verb's object is a nominalised clause ("…됨을", "…임을") that gives
    a time or a number: the content of what was told is written out."""
    previous = _previous_word_end(doc, start)
    if previous < 2 or not doc[previous - 1].tag_.startswith("JKO"):
        return False
    if not doc[previous - 2].tag_.endswith("ETN"):
        return False
    left, _ = _clause_bounds(doc, previous - 2, previous - 1)
    facts = describe_clause(doc, doc[left : previous - 1])
    return facts.has_time or facts.has_number


def _states_a_cause(doc: Doc, end: int) -> bool:
    """True when the matched "… 중" is followed by a cause marker ("중으로", "중이라서")."""
    if end >= len(doc) or doc[end - 1].lemma_ != "중":
        return False
    following = doc[end]
    return following.lemma_ in ("으로", "로") or following._.ending in ("라서", "이라서", "어서")


def _merge_adjacent(doc: Doc, spans: list[Span]) -> list[Span]:
    """Flags of one kind separated only by a space are one phrase ("적절히 처리함")."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        previous = merged[-1] if merged else None
        if previous is not None and all(t.is_space for t in doc[previous.end : span.start]):
            merged[-1] = Span(
                doc, previous.start, span.end, label=previous.label_, span_id=previous.id_
            )
        else:
            merged.append(span)
    return merged


@Language.factory("quote_marker", default_config={"span_key": QUOTE_SPAN_KEY})
def make_quote_marker(nlp: Language, name: str, span_key: str) -> QuoteMarker:
    return QuoteMarker(nlp, span_key)


@Language.factory("subjective_flagger", default_config={"span_key": FLAG_SPAN_KEY})
def make_subjective_flagger(nlp: Language, name: str, span_key: str) -> PhrasingFlagger:
    return PhrasingFlagger(nlp, SUBJECTIVE_RULES, span_key, frozenset({SPEECH, BRIEFING}))


@Language.factory("vague_flagger", default_config={"span_key": FLAG_SPAN_KEY})
def make_vague_flagger(nlp: Language, name: str, span_key: str) -> PhrasingFlagger:
    return PhrasingFlagger(nlp, VAGUE_RULES, span_key, frozenset({SPEECH}))
