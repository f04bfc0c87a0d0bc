// The agent's page: list my calls, open a draft, edit fields, see and acknowledge flags, confirm.
// Plain DOM and fetch; the token lives in this browser's localStorage only.
"use strict";

const EDITABLE = [
  ["purpose", "상담 목적"], ["issue.summary", "문제"], ["desired_outcome", "고객 요청"],
  ["summary", "요약"], ["customer.name", "고객명"], ["customer.phone", "연락처"],
  ["customer.email", "이메일"], ["customer.address", "주소"],
];
const LISTS = [["actions_taken", "조치 내용 (한 줄에 하나)"]];
let current = null;  // {call, draft}
let offset = 0;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k.startsWith("on") ? node.addEventListener(k.slice(2), v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? "")));
  return node;
};

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
    page.items.forEach((call) => tbody.append(el("tr", { class: "call", onclick: () => openCall(call.id) },
      el("td", {}, call.started_at ? new Date(call.started_at).toLocaleString() : call.created_at.slice(0, 16)),
      el("td", {}, call.status), el("td", {}, call.category || ""))));
    $("pager").replaceChildren(`${page.offset + 1}–${page.offset + page.items.length} / ${page.total} `,
      el("button", { onclick: () => { offset = Math.max(0, offset - 25); loadCalls(); } }, "이전"),
      el("button", { onclick: () => { if (page.next) { offset += 25; loadCalls(); } } }, "다음"));
  } catch (error) { tbody.append(el("tr", {}, el("td", { class: "error", colspan: 3 }, error.message))); }
}

async function openCall(id) {
  const detail = $("detail");
  detail.replaceChildren(el("p", { class: "muted" }, "불러오는 중…"));
  try {
    const call = await api(`/calls/${id}`);
    if (!["drafted", "confirmed"].includes(call.status)) {
      detail.replaceChildren(el("h3", {}, `통화 ${id}`), el("p", {}, `상태: ${call.status} ${call.failure_reason || ""}`));
      return;
    }
    const [draft, transcript] = await Promise.all([api(`/calls/${id}/draft`), api(`/calls/${id}/transcript`)]);
    current = { call, draft };
    renderDraft(call, draft, transcript);
  } catch (error) { detail.replaceChildren(el("p", { class: "error" }, error.message)); }
}

function flagBox(flag, readOnly) {
  const reason = el("input", { type: "text", placeholder: "확인 사유 (예: 고객 발언 그대로 인용)" });
  return el("div", { class: `flag ${flag.status}` },
    el("div", {}, `[${flag.kind}] ${flag.field || ""}: “${flag.text}” — ${flag.reason}`),
    flag.suggestion ? el("div", { class: "muted" }, `제안: ${flag.suggestion}`) : "",
    flag.status === "acknowledged" ? el("div", { class: "muted" }, `확인: ${flag.acknowledged_by} — ${flag.acknowledgement}`)
      : readOnly ? "" : el("div", {}, reason, el("button", { onclick: () => acknowledge(flag.id, reason.value) }, "확인 처리")));
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
  const message = el("div", {});
  const previous = draft.previous_notes.length ? el("div", {}, el("h4", {}, "이 고객의 이전 상담"),
    ...draft.previous_notes.map((n) => el("div", { class: "muted" }, `${n.confirmed_at.slice(0, 10)} [${n.category || ""}] ${n.summary}`))) : "";
  $("detail").replaceChildren(
    el("h3", {}, `통화 ${call.id.slice(0, 8)} · ${call.status} · v${draft.version}`),
    previous,
    el("h4", {}, `표현 확인 (${draft.flags.filter((f) => f.status === "open").length}건 미확인)`),
    ...draft.flags.map((f) => flagBox(f, readOnly)),
    form,
    readOnly ? el("p", { class: "ok" }, "확정된 상담일지입니다.") : el("p", {},
      el("button", { onclick: () => save(inputs, message) }, "저장"),
      el("button", { onclick: () => confirmDraft(message) }, "확정")),
    message,
    el("h4", {}, "녹취 (마스킹됨)"),
    call.links.audio ? el("audio", { controls: "", preload: "none", src: "" }) : "",
    ...transcript.utterances.map((u) => el("div", { class: "utt" }, el("b", {}, u.role), u.text)),
  );
  const audio = $("detail").querySelector("audio");
  if (audio) loadAudio(audio, call.links.audio);
}

async function loadAudio(audio, path) {
  // <audio src> cannot send the bearer header: fetch the bytes and play them from a blob.
  const response = await fetch(path, { headers: { Authorization: `Bearer ${localStorage.getItem("callnotes-token")}` } });
  if (response.ok) audio.src = URL.createObjectURL(await response.blob());
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
  return patch;
}

async function save(inputs, message) {
  const patch = collectPatch(inputs);
  if (!Object.keys(patch).length) { message.replaceChildren(el("span", { class: "muted" }, "바뀐 내용이 없습니다.")); return; }
  try {
    const result = await api(`/calls/${current.call.id}/draft`, { method: "PATCH", body: JSON.stringify(patch), headers: { "If-Match": String(current.draft.version) } });
    await openCall(current.call.id);
    $("detail").append(el("p", { class: "ok" }, `저장됨 (v${result.version}); 새 표현 확인 ${result.new_flags.length}건`));
  } catch (error) {
    const text = error.status === 409 ? "다른 곳에서 먼저 수정되었습니다. 다시 불러온 뒤 수정하세요." : error.message;
    message.replaceChildren(el("p", { class: "error" }, text, error.body?.error?.detail && error.status === 422 ? `\n${JSON.stringify(error.body.error.detail)}` : ""));
  }
}

async function acknowledge(flagId, reason) {
  try {
    await api(`/calls/${current.call.id}/draft/flags/${flagId}/acknowledge`, { method: "POST", body: JSON.stringify({ reason }) });
    await openCall(current.call.id);
  } catch (error) { alert(error.message); }
}

async function confirmDraft(message) {
  try {
    await api(`/calls/${current.call.id}/confirm`, { method: "POST", body: JSON.stringify({ version: current.draft.version }) });
    await openCall(current.call.id); loadCalls();
  } catch (error) {
    const open = error.body?.error?.detail?.open_flags;
    message.replaceChildren(el("p", { class: "error" }, error.message + (open ? `: ${open.map((f) => `“${f.text}”`).join(", ")}` : "")));
  }
}

$("token").value = localStorage.getItem("callnotes-token") || "";
$("save-token").addEventListener("click", () => { localStorage.setItem("callnotes-token", $("token").value.trim()); offset = 0; loadCalls(); });
$("refresh").addEventListener("click", loadCalls);
$("status-filter").addEventListener("change", () => { offset = 0; loadCalls(); });
if (localStorage.getItem("callnotes-token")) loadCalls();
