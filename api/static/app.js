// The agent's page: list my calls, open a draft, edit fields, see and acknowledge flags, confirm.
// Plain DOM and fetch; the token lives in this browser's localStorage only.
"use strict";

const EDITABLE = [
  ["purpose", "상담 목적"], ["issue.summary", "문제"], ["issue.status", "처리 상태"],
  ["desired_outcome", "고객 요청"], ["summary", "요약"], ["customer.name", "고객명"],
  ["customer.phone", "연락처"], ["customer.email", "이메일"], ["customer.address", "주소"],
];
const LISTS = [["actions_taken", "조치 내용 (한 줄에 하나)"]];
// The API speaks English codes; agents read Korean.
const STATUS = { queued: "처리 대기", processing: "처리 중", drafted: "검토 대기", confirmed: "확정", failed: "실패" };
const CATEGORY = {
  delivery: "배송", refund_return: "환불·반품", exchange: "교환", order: "주문", cancellation: "취소",
  billing: "결제·청구", technical_issue: "기술 문제", account: "계정", product_inquiry: "상품 문의",
  complaint: "불만", other: "기타",
};
const RESOLUTION = { resolved: "해결", pending: "후속 조치 대기", escalated: "이관", unresolved: "미해결" };
const OWNER = { agent: "상담원", company: "회사", customer: "고객" };
const FLAG_KIND = { subjective: "주관적 표현", vague: "모호한 표현" };
const ROLE = { agent: "상담원", customer: "고객" };
const FIELD_LABEL = Object.fromEntries([...EDITABLE, ["actions_taken", "조치 내용"], ["follow_ups", "후속 조치"]]);
const label = (table, value) => table[value] || value || "";
let current = null;  // {call, draft}
let offset = 0;
let listTimer = null;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k.startsWith("on") ? node.addEventListener(k.slice(2), v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? "")));
  return node;
};

function fieldLabel(path) {
  // "actions_taken[1]" → "조치 내용 2", "follow_ups[0].action" → "후속 조치 1"
  const item = /^(\w+)\[(\d+)\]/.exec(path || "");
  return item ? `${FIELD_LABEL[item[1]] || item[1]} ${Number(item[2]) + 1}` : FIELD_LABEL[path] || path || "";
}

function errorText(error) {
  if (error.status === 401) return "토큰이 올바르지 않습니다. `callnotes users add`가 마지막 줄에 출력한 토큰을 붙여넣고 로그인하세요.";
  if (error.status === 404) return "통화를 찾을 수 없습니다 (다른 상담원의 통화이거나 삭제됨).";
  if (error.status === 409) return "다른 곳에서 먼저 수정되었거나 이미 확정되었습니다. 다시 불러온 뒤 수정하세요.";
  if (error.status === undefined) return `서버에 연결할 수 없습니다: ${error.message}`;
  return `오류 (${error.status}): ${error.message}`;
}

async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${localStorage.getItem("callnotes-token") || ""}`, ...(options.headers || {}) };
  if (options.body && !(options.body instanceof FormData)) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw Object.assign(new Error(body?.error?.message || response.statusText), { status: response.status, body });
  return body;
}

const get = (obj, path) => path.split(".").reduce((o, k) => (o == null ? o : o[k]), obj);
function setPath(obj, path, value) {
  const keys = path.split("."); let o = obj;
  keys.slice(0, -1).forEach((k) => (o = o[k] ??= {}));
  o[keys.at(-1)] = value;
}

async function loadCalls() {
  const status = $("status-filter").value;
  const query = new URLSearchParams({ limit: 25, offset, ...(status ? { status } : {}) });
  const tbody = $("calls"); tbody.replaceChildren();
  try {
    const page = await api(`/calls?${query}`);
    $("who").textContent = "로그인됨";
    page.items.forEach((call) => tbody.append(el("tr", { class: `call${current?.call.id === call.id ? " selected" : ""}`, onclick: () => openCall(call.id) },
      el("td", {}, new Date(call.started_at || call.created_at).toLocaleString("ko-KR")),
      el("td", {}, label(STATUS, call.status)), el("td", {}, label(CATEGORY, call.category)))));
    if (!page.items.length) tbody.append(el("tr", {}, el("td", { class: "muted", colspan: 3 }, "통화가 없습니다.")));
    $("pager").replaceChildren(page.total ? `${page.offset + 1}–${page.offset + page.items.length} / ${page.total}건 ` : "",
      el("button", { onclick: () => { offset = Math.max(0, offset - 25); loadCalls(); } }, "이전"),
      el("button", { onclick: () => { if (page.next) { offset += 25; loadCalls(); } } }, "다음"));
    // Uploaded calls are drafted in the background: look again while any is still in the queue.
    clearTimeout(listTimer);
    if (page.items.some((c) => ["queued", "processing"].includes(c.status))) listTimer = setTimeout(loadCalls, 5000);
  } catch (error) {
    $("who").textContent = "";
    tbody.append(el("tr", {}, el("td", { class: "error", colspan: 3 }, errorText(error))));
  }
}

async function openCall(id) {
  const detail = $("detail");
  detail.replaceChildren(el("p", { class: "muted" }, "불러오는 중…"));
  try {
    const call = await api(`/calls/${id}`);
    if (!["drafted", "confirmed"].includes(call.status)) {
      const waiting = call.status !== "failed";
      detail.replaceChildren(el("h3", {}, `통화 ${id.slice(0, 8)} · ${label(STATUS, call.status)}`),
        waiting ? el("p", { class: "muted" }, "초안을 만드는 중입니다. 끝나면 목록이 저절로 바뀝니다.")
          : el("p", { class: "error" }, `처리하지 못했습니다: ${call.failure_reason || "사유 없음"}\n같은 파일을 다시 올리면 다시 처리합니다.`));
      return;
    }
    const [draft, transcript] = await Promise.all([api(`/calls/${id}/draft`), api(`/calls/${id}/transcript`)]);
    current = { call, draft };
    renderDraft(call, draft, transcript);
  } catch (error) { detail.replaceChildren(el("p", { class: "error" }, errorText(error))); }
}

function flagBox(flag, readOnly, version) {
  const reason = el("input", { type: "text", placeholder: "그대로 둘 사유 (예: 고객 발언 그대로 인용)" });
  const fresh = flag.status === "open" && version > 1 && flag.raised_in_version === version;
  return el("div", { class: `flag ${flag.status}` },
    el("div", {}, fresh ? el("span", { class: "new" }, "방금 수정") : "",
      el("b", {}, `${label(FLAG_KIND, flag.kind)} · ${fieldLabel(flag.field)}: `), `“${flag.text}” — ${flag.reason}`),
    flag.suggestion ? el("div", { class: "muted" }, `제안: ${flag.suggestion}`) : "",
    flag.status === "acknowledged" ? el("div", { class: "muted" }, `확인: ${flag.acknowledged_by} — ${flag.acknowledgement}`)
      : readOnly ? "" : el("div", { class: "ack" }, reason, el("button", { onclick: () => acknowledge(flag.id, reason) }, "확인 처리")));
}

function renderDraft(call, draft, transcript) {
  const readOnly = draft.confirmed;
  const inputs = {};
  const form = el("div", {});
  EDITABLE.forEach(([path, label]) => {
    const value = get(draft.fields, path) ?? "";
    inputs[path] = path.startsWith("customer.") ? el("input", { type: "text" }) : el("textarea", {});
    inputs[path].value = value; if (readOnly) inputs[path].disabled = true;
    form.append(el("label", {}, label), inputs[path]);
  });
  LISTS.forEach(([path, label]) => {
    inputs[path] = el("textarea", {}); inputs[path].value = (get(draft.fields, path) || []).join("\n");
    if (readOnly) inputs[path].disabled = true;
    form.append(el("label", {}, label), inputs[path]);
  });
  // prepend: the last one ends up first, so 분류 leads the form.
  [["resolution", "처리 결과", RESOLUTION], ["category", "분류", CATEGORY]].forEach(([path, name, choices]) => {
    inputs[path] = el("select", {}, Object.entries(choices).map(([value, text]) => el("option", { value }, text)));
    inputs[path].value = get(draft.fields, path) ?? ""; if (readOnly) inputs[path].disabled = true;
    form.prepend(el("label", {}, name), inputs[path]);
  });
  inputs.follow_ups = el("textarea", {});
  inputs.follow_ups.value = (draft.fields.follow_ups || []).map(followUpLine).join("\n");
  if (readOnly) inputs.follow_ups.disabled = true;
  form.append(el("label", {}, "후속 조치 (한 줄에 하나: 내용 | 담당 상담원·회사·고객 | 기한 YYYY-MM-DD)"), inputs.follow_ups);
  const message = el("div", { id: "message" });
  const previous = draft.previous_notes.length ? el("div", {}, el("h4", {}, "이 고객의 이전 상담"),
    ...draft.previous_notes.map((n) => el("div", { class: "muted" }, `${n.confirmed_at.slice(0, 10)} [${n.category || ""}] ${n.summary}`))) : "";
  const open = draft.flags.filter((f) => f.status === "open").length;
  $("detail").replaceChildren(
    el("h3", {}, `통화 ${call.id.slice(0, 8)} · ${label(STATUS, call.status)} · 버전 ${draft.version}`),
    previous,
    el("h4", {}, `표현 확인 (${open ? `${open}건 미확인: 고치거나 사유를 적고 확인 처리해야 확정할 수 있습니다` : "모두 확인됨"})`),
    ...draft.flags.map((f) => flagBox(f, readOnly, draft.version)),
    form,
    readOnly ? el("p", { class: "ok" }, "확정된 상담일지입니다.") : el("p", {},
      el("button", { onclick: () => save(inputs, message) }, "저장"),
      el("button", { onclick: () => confirmDraft(message) }, "확정")),
    message,
    el("h4", {}, "녹취록 (개인정보 마스킹됨)"),
    call.links.audio ? el("audio", { controls: "", preload: "none", src: "" }) : "",
    ...transcript.utterances.map((u) => el("div", { class: "utt" }, el("b", {}, label(ROLE, u.role) || "화자"), el("span", {}, u.text))),
  );
  const audio = $("detail").querySelector("audio");
  if (audio) loadAudio(audio, call.links.audio);
}

async function loadAudio(audio, path) {
  // <audio src> cannot send the bearer header: fetch the bytes and play them from a blob.
  const response = await fetch(path, { headers: { Authorization: `Bearer ${localStorage.getItem("callnotes-token")}` } });
  if (response.ok) audio.src = URL.createObjectURL(await response.blob());
}

function followUpLine(item) {
  return [item.action, label(OWNER, item.owner), item.due || ""].join(" | ").replace(/ \| $/, "");
}

function parseFollowUps(text) {
  const owners = Object.fromEntries(Object.entries(OWNER).flatMap(([code, name]) => [[code, code], [name, code]]));
  return text.split("\n").map((s) => s.trim()).filter(Boolean).map((line, i) => {
    const [action, owner = "상담원", due = ""] = line.split("|").map((s) => s.trim());
    if (!owners[owner]) throw new Error(`후속 조치 ${i + 1}번째 줄: 담당은 상담원, 회사, 고객 중 하나여야 합니다 (“${owner}”).`);
    if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due)) throw new Error(`후속 조치 ${i + 1}번째 줄: 기한은 2026-11-21처럼 적어 주세요 (“${due}”).`);
    return { action, owner: owners[owner], due: due || null };
  });
}

function collectPatch(inputs) {
  const patch = {};
  EDITABLE.forEach(([path]) => {
    const value = inputs[path].value.trim() || null;
    if ((get(current.draft.fields, path) ?? null) !== value) setPath(patch, path, value);
  });
  LISTS.forEach(([path]) => {
    const value = inputs[path].value.split("\n").map((s) => s.trim()).filter(Boolean);
    if (JSON.stringify(value) !== JSON.stringify(get(current.draft.fields, path) || [])) setPath(patch, path, value);
  });
  ["category", "resolution"].forEach((path) => {
    if (inputs[path].value !== (get(current.draft.fields, path) ?? "")) patch[path] = inputs[path].value;
  });
  const followUps = parseFollowUps(inputs.follow_ups.value);
  const before = (current.draft.fields.follow_ups || []).map((f) => ({ action: f.action, owner: f.owner, due: f.due || null }));
  if (JSON.stringify(followUps) !== JSON.stringify(before)) patch.follow_ups = followUps;
  return patch;
}

async function save(inputs, message) {
  let patch;
  try { patch = collectPatch(inputs); } catch (error) { message.replaceChildren(el("p", { class: "error" }, error.message)); return; }
  if (!Object.keys(patch).length) { message.replaceChildren(el("span", { class: "muted" }, "바뀐 내용이 없습니다.")); return; }
  try {
    const result = await api(`/calls/${current.call.id}/draft`, { method: "PATCH", body: JSON.stringify(patch), headers: { "If-Match": String(current.draft.version) } });
    await openCall(current.call.id); loadCalls();  // the list shows the category, which may have changed
    // Shown next to the buttons the agent just used; the new flags are also listed at the top.
    const flags = result.new_flags.map((f) => `“${f.text}” (${fieldLabel(f.field)})`).join(", ");
    $("message").replaceChildren(el("p", { class: flags ? "error" : "ok" }, `저장됨 (버전 ${result.version}). `,
      flags ? `새로 확인할 표현 ${result.new_flags.length}건: ${flags} — 위 ‘표현 확인’에서 고치거나 확인 처리하세요.` : "새로 확인할 표현은 없습니다."));
  } catch (error) {
    const detail = error.status === 422 && error.body?.error?.detail ? `\n${JSON.stringify(error.body.error.detail)}` : "";
    message.replaceChildren(el("p", { class: "error" }, errorText(error), detail));
  }
}

async function acknowledge(flagId, input) {
  const reason = input.value.trim();
  if (!reason) { input.placeholder = "사유를 먼저 적어 주세요 (예: 고객 발언 그대로 인용)"; input.focus(); return; }
  try {
    await api(`/calls/${current.call.id}/draft/flags/${flagId}/acknowledge`, { method: "POST", body: JSON.stringify({ reason }) });
    await openCall(current.call.id);
  } catch (error) { input.after(el("div", { class: "error" }, errorText(error))); }
}

async function confirmDraft(message) {
  try {
    await api(`/calls/${current.call.id}/confirm`, { method: "POST", body: JSON.stringify({ version: current.draft.version }) });
    await openCall(current.call.id); loadCalls();
  } catch (error) {
    const open = error.body?.error?.detail?.open_flags;
    message.replaceChildren(el("p", { class: "error" }, open
      ? `확인하지 않은 표현이 ${open.length}건 있어 확정할 수 없습니다: ${open.map((f) => `“${f.text}”`).join(", ")}`
      : errorText(error)));
  }
}

$("token").value = localStorage.getItem("callnotes-token") || "";
$("save-token").addEventListener("click", () => { localStorage.setItem("callnotes-token", $("token").value.trim()); offset = 0; loadCalls(); });
$("refresh").addEventListener("click", loadCalls);
$("status-filter").addEventListener("change", () => { offset = 0; loadCalls(); });
if (localStorage.getItem("callnotes-token")) loadCalls();
