// canrun serve: the page. Plain JS, no framework, no external URLs. Every figure comes from the
// JSON API (/api/*), which answers with the CLI's own code; this file only lays it out. Its
// texts are in text.js (TEXT), loaded first.
'use strict';

const CTX_STEPS = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144];
const RUNNERS = { ollama: 'Ollama', llama_cpp: 'llama.cpp', lm_studio: 'LM Studio', vllm: 'vLLM', modelscope: 'ModelScope' };
const PARTS = [['weights', 'weights_bytes'], ['kv', 'kv_bytes'], ['compute', 'compute_bytes'],
               ['overhead', 'overhead_bytes']];

let lang = (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
const state = { hardware: null, recommend: null, fit: null, plan: null, quants: null, devices: null };
const $ = (sel) => document.querySelector(sel);

function t(key, ...args) {
  const s = TEXT[lang][key] ?? TEXT.en[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

function gib(bytes) {
  if (bytes === null || bytes === undefined) return t('unknown');
  return (bytes / 2 ** 30).toFixed(bytes < 10 * 2 ** 30 ? 2 : 1) + ' GiB';
}

function fmtTps(x) { return x >= 100 ? x.toFixed(0) : x.toFixed(1); }

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'style') Object.assign(e.style, v);  // CSSOM: the CSP refuses style="" attributes
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
  const res = await fetch(path + (query.toString() ? '?' + query : ''));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || 'HTTP ' + res.status);
  return body;
}

function debounce(fn, ms) {
  let timer = 0;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function copyButton(text) {
  const b = el('button', { type: 'button', class: 'copy', text: t('copy') });
  b.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text); } catch (_) {
      const area = el('textarea', {}, text); document.body.append(area); area.select();
      document.execCommand('copy'); area.remove();
    }
    b.textContent = t('copied'); setTimeout(() => { b.textContent = t('copy'); }, 1200);
  });
  return b;
}

function bar(used, total, color) {
  const pct = total > 0 ? Math.min(100, (100 * used) / total) : 0;
  return el('div', { class: 'bar' }, el('span', { style: { width: `${pct}%`, background: color } }));
}

// ---- This machine ----
function deviceRow(name, detail, used, total, color) {
  return el('div', { class: 'device' },
    el('div', { class: 'name' }, el('strong', { text: name }), el('span', { class: 'muted', text: detail })),
    bar(used, total, color));
}

function renderMachine() {
  const hw = state.hardware; if (!hw) return;
  const cpu = hw.cpu || {};
  $('#machine-summary').textContent = (hw.name ? t('profile', hw.name) + ' · ' : '') +
    [cpu.model, cpu.physical_cores ? t('cores', cpu.physical_cores) : ''].filter(Boolean).join(' · ');
  const box = $('#devices'); box.replaceChildren();
  for (const g of hw.gpus || []) {
    const total = g.vram_total_bytes; const free = g.vram_free_bytes;
    const detail = free != null ? t('free', gib(free), gib(total)) : t('total', gib(total));
    box.append(deviceRow(`${t('vram')}: ${g.name}`, detail, free != null ? total - free : 0, total, 'var(--weights)'));
  }
  const m = hw.memory || {};
  box.append(deviceRow(t('ram'), t('free', gib(m.available_bytes), gib(m.total_bytes)),
    m.total_bytes - (m.available_bytes ?? m.total_bytes), m.total_bytes, 'var(--compute)'));
  $('#tier').textContent = hw.tier ? t('tier', lang === 'zh' ? hw.tier.name_zh : hw.tier.name) : '';
}

// ---- Recommendations ----
function renderPicks() {
  const rec = state.recommend; if (!rec) return;
  const body = $('#picks tbody'); body.replaceChildren();
  for (const p of rec.picks) {
    const cmd = p.commands.ollama || p.commands.llama_cpp || '';
    const d = p.speed.decode_tps;
    body.append(el('tr', {},
      el('td', { text: p.size_class }), el('td', { text: p.model.name }), el('td', { text: p.quant }),
      el('td', { text: t('short_' + p.placement.mode) }), el('td', { class: 'num', text: gib(p.memory.total_bytes) }),
      el('td', { class: 'num', text: `${fmtTps(d.p10)}–${fmtTps(d.p90)}` }),
      el('td', {}, el('div', { class: 'command' }, el('pre', { text: cmd }), copyButton(cmd)))));
  }
  $('#recommend-status').textContent = rec.picks.length ? '' : t('no_picks');
}

async function loadRecommend() {
  $('#recommend-status').textContent = t('loading');
  try {
    state.recommend = await getJson('/api/recommend', { use: $('#rec-use').value, min_tps: $('#rec-min-tps').value });
    renderPicks();
  } catch (e) { $('#recommend-status').textContent = e.message; }
}

// ---- Fit calculator ----
const MAX_DEVICE_OPTIONS = 40;

function quantLabel(q, isDefault) {
  const parts = [q.name, t('bpw', q.nominal_bpw.toFixed(2))];
  if (isDefault) parts.push(t('quant_default'));
  if (q.ollama_tag) parts.push(t('quant_ollama', q.ollama_tag));
  if (q.needs_imatrix) parts.push(t('quant_imatrix'));
  return parts.join(' · ');
}

function renderQuants() {
  const list = state.quants; if (!list) return;
  const select = $('#fit-quant'); const keep = select.value;
  select.dataset.model = list.model.id;
  select.replaceChildren(...list.quants.map((q) => el('option', { value: q.name, text: quantLabel(q, q.name === list.default) })));
  select.value = keep;
}

// The quantizations llama.cpp makes for this model (/api/quants); selects canrun fit's own pick.
let quantSeq = 0;
async function loadQuants() {
  const seq = ++quantSeq;
  try {
    const list = await getJson('/api/quants', { model: $('#fit-model').value.trim() });
    if (seq !== quantSeq) return false;
    state.quants = list; $('#fit-quant').value = '';
    renderQuants(); $('#fit-quant').value = list.default;
  } catch (_) { return seq === quantSeq; }  // /api/fit names what is wrong with the model
  return true;
}

// Device names for "other hardware" (/api/devices?q=), as --hw takes them.
let deviceSeq = 0;
async function loadDevices() {
  const seq = ++deviceSeq; const q = $('#fit-hw').value.trim();
  if (!q) { $('#device-list').replaceChildren(); state.devices = { q }; renderDeviceHint(); return; }
  try {
    const list = await getJson('/api/devices', { q });
    if (seq !== deviceSeq) return;
    const shown = list.devices.slice(0, MAX_DEVICE_OPTIONS);
    $('#device-list').replaceChildren(...shown.map((d) => el('option', { value: d.name, label: `${d.name} · ${gib(d.memory_bytes)}` })));
    state.devices = { q, found: list.devices.length, shown: shown.length };
  } catch (e) {
    if (seq !== deviceSeq) return;
    $('#device-list').replaceChildren(); state.devices = { error: e.message };
  }
  renderDeviceHint();
}

function renderDeviceHint() {
  const d = state.devices; const hint = $('#fit-hw-hint'); if (!d) return;
  hint.classList.toggle('error', Boolean(d.error));
  hint.textContent = d.error ? d.error : !d.q ? '' : d.found > d.shown ? t('devices_more', d.found, d.shown)
    : t('devices_found', d.found);
}

function fitParams() {
  return {
    model: $('#fit-model').value.trim(), quant: $('#fit-quant').value,
    ctx: CTX_STEPS[Number($('#fit-ctx').value)], kv_type: $('#fit-kv').value,
    flash_attn: $('#fit-fa').value, gpus: $('#fit-gpus').value, hw: $('#fit-hw').value.trim(),
  };
}

function stackedBar(fit) {
  const mem = fit.memory;
  const vram = mem.devices.filter((d) => d.kind === 'gpu').reduce((s, d) => s + d.budget_bytes, 0);
  const all = mem.devices.reduce((s, d) => s + d.budget_bytes, 0);
  const scale = Math.max(all, mem.total_bytes) || 1;
  const stack = $('#stack'); stack.replaceChildren();
  for (const [key, field] of PARTS) {
    stack.append(el('span', { class: 'part-' + key, style: { width: `${(100 * mem[field]) / scale}%`, background: `var(--${key})` } }));
  }
  const markers = vram > 0 ? [[vram, 'vram_marker'], [all, 'ram_marker']] : [[all, 'ram']];
  for (const [bytes, key] of markers) {
    const left = Math.min(99.6, (100 * bytes) / scale);
    stack.append(el('span', { class: 'marker', style: { left: `${left}%` } }));
    stack.append(el('span', { class: 'marker-label', style: { right: `${100 - left}%` }, text: `${t(key)} ${gib(bytes)}` }));
  }
  const legend = $('#legend'); legend.replaceChildren();
  for (const [key, field] of PARTS) {
    legend.append(el('li', {}, el('i', { style: { background: `var(--${key})` } }), `${t(key)} ${gib(mem[field])}`));
  }
}

// A p10–p90 range, or why there is none (the speed notes of the JSON, as the CLI words them).
function speedText(r, notes, key = 'range') {
  if (r && r.p50 > 0) return t(key, fmtTps(r.p10), fmtTps(r.p90), fmtTps(r.p50));
  for (const [note, why] of [['speed.gpu_bandwidth_unknown', 'unknown_bandwidth'], ['speed.gpu_compute_unknown', 'unknown_compute']]) {
    if (notes.includes(note)) return t(why);
  }
  return t('unknown');
}

function renderFigures(fit) {
  const mem = fit.memory; const s = fit.speed || {}; const notes = s.notes || [];  // no speed when it won't fit
  const rows = [
    ['fig-weights', t('weights'), gib(mem.weights_bytes), mem.weights_bytes],
    ['fig-kv', t('kv'), gib(mem.kv_bytes), mem.kv_bytes],
    ['fig-compute', t('compute'), gib(mem.compute_bytes), mem.compute_bytes],
    ['fig-overhead', t('overhead'), gib(mem.overhead_bytes), mem.overhead_bytes],
    ['fig-total', t('total_mem'), gib(mem.total_bytes), mem.total_bytes],
    ['fig-decode', t('decode'), speedText(s.decode_tps, notes.filter((n) => n !== 'speed.gpu_compute_unknown'))],
    ['fig-prefill', t('prefill'), speedText(s.prefill_tps, notes)],
    ['fig-ttft', t('ttft'), s.ttft_s && s.ttft_s.p50 > 0 ? t('seconds', s.ttft_s.p50.toFixed(1)) : speedText(null, notes)],
    ['fig-load', t('load'), speedText(s.load_s, notes, 'seconds_range')],
    ['fig-max-ctx', t('max_ctx'), fit.max_ctx ? t('tokens', fit.max_ctx.toLocaleString('en-US')) : fit.max_ctx === 0 ? t('none') : t('unknown')],
  ];
  const dl = $('#figures'); dl.replaceChildren();
  for (const [id, label, value, bytes] of rows) {
    const dd = el('dd', { id, text: value });
    if (bytes !== undefined) dd.dataset.bytes = String(bytes);
    dl.append(el('dt', { text: label }), dd);
  }
}

function renderFit() {
  const fit = state.fit; if (!fit) return;
  const p = fit.placement;
  const verdict = $('#verdict');
  verdict.dataset.mode = p.mode;
  verdict.textContent = `${fit.model.name || fit.model.id} · ${fit.quant} · ` + t('mode_' + p.mode, p.gpu_layers, p.total_layers, gib(p.shortfall_bytes));
  stackedBar(fit);
  renderFigures(fit);
  const devices = $('#fit-devices'); devices.replaceChildren();
  for (const d of fit.memory.devices) {
    devices.append(deviceRow(d.device, `${t('budget', gib(d.bytes), gib(d.budget_bytes))} · ${t('layers', d.layers)}`,
      d.bytes, d.budget_bytes, d.kind === 'gpu' ? 'var(--weights)' : 'var(--compute)'));
  }
  renderAlternatives(fit.alternatives || []);
  const cmds = $('#fit-commands'); cmds.replaceChildren();
  for (const [runner, text] of Object.entries(fit.commands)) {
    if (!text) continue;
    cmds.append(el('div', { class: 'command' }, el('span', { class: 'runner', text: RUNNERS[runner] || runner }),
      el('pre', { text }), copyButton(text)));
  }
}

// fit's "better fits": each sets the controls to it (a context rounds down to the slider's steps).
function renderAlternatives(alts) {
  const box = $('#fit-alternatives'); box.replaceChildren();
  if (!alts.length) return;
  box.append(el('h3', { text: t('alt_title') }));
  for (const a of alts) {
    const where = t(a.mode === 'full_gpu' ? 'alt_gpu' : 'alt_cpu');
    const text = a.kind === 'shorter_context' ? t('alt_ctx', a.ctx.toLocaleString('en-US'), where)
      : t(a.kind === 'smaller_quant' ? 'alt_quant' : 'alt_model', `${a.model} ${a.quant}`, where, fmtTps(a.decode_tps), gib(a.total_bytes));
    const apply = el('button', { type: 'button', class: 'alt-apply', text: t('alt_apply') });
    apply.addEventListener('click', () => applyAlternative(a));
    box.append(el('div', { class: 'alternative', 'data-kind': a.kind }, el('span', { text }), apply));
  }
}

async function applyAlternative(a) {
  if (a.kind === 'shorter_context') {
    const step = CTX_STEPS.reduce((best, c, i) => (c <= a.ctx ? i : best), 0);
    $('#fit-ctx').value = String(step);
  } else if (a.model !== $('#fit-model').value.trim()) {
    $('#fit-model').value = a.model;
    await loadQuants();
  }
  if (a.kind !== 'shorter_context') $('#fit-quant').value = a.quant;
  loadFit();
}

let fitSeq = 0;
async function loadFit() {
  $('#fit-ctx-value').textContent = CTX_STEPS[Number($('#fit-ctx').value)].toLocaleString('en-US');
  const seq = ++fitSeq;
  const error = $('#fit-error');
  try {
    const fit = await getJson('/api/fit', fitParams());
    if (seq !== fitSeq) return;  // a newer request is on its way
    state.fit = fit; error.hidden = true; $('#fit-result').style.opacity = '1';
    renderFit();
  } catch (e) {
    if (seq !== fitSeq) return;
    error.hidden = false; error.textContent = e.message; $('#fit-result').style.opacity = '0.35';
  }
}

// ---- Plan ----
function priceText(p) {
  if (!p || p.amount == null) return t('unknown');
  return `${p.amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${p.currency}` +
    (p.per === 'hour' ? t('per_hour') : '');
}

function renderPlan() {
  const plan = state.plan; if (!plan) return;
  const body = $('#plan-options tbody'); body.replaceChildren();
  for (const o of plan.options) {
    const d = o.speed.decode_tps;
    const cmds = Array.isArray(o.commands) ? o.commands : [];
    const cmd = cmds.map((c) => c.command).join('\n');
    body.append(el('tr', {},
      el('td', { text: o.name }),
      el('td', { text: t('short_' + o.placement.mode) + (o.meets_target ? '' : t('misses_target')) }),
      el('td', { class: 'num', text: `${fmtTps(d.p10)}–${fmtTps(d.p90)}` }),
      el('td', { class: 'num', text: priceText(o.price) }),
      el('td', {}, cmd ? el('div', { class: 'command' }, el('pre', { text: cmd }), copyButton(cmd)) : null)));
  }
  $('#plan-status').textContent = plan.options.length ? '' : t('no_plan');
}

let planSeq = 0;
async function loadPlan() {
  const seq = ++planSeq;
  $('#plan-status').textContent = t('loading');
  try {
    const plan = await getJson('/api/plan', { model: $('#plan-model').value.trim(), tps: $('#plan-tps').value,
      budget: $('#plan-budget').value, currency: $('#plan-currency').value, top: 8 });
    if (seq !== planSeq) return;
    state.plan = plan; renderPlan();
  } catch (e) { if (seq === planSeq) $('#plan-status').textContent = e.message; }
}

// ---- Page ----
function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  $('#lang-toggle').textContent = t('lang_button');
  renderMachine(); renderPicks(); renderQuants(); renderDeviceHint(); renderFit(); renderPlan();
}

async function loadMachine() {
  try { state.hardware = await getJson('/api/hardware'); renderMachine(); } catch (e) {
    $('#machine-error').hidden = false; $('#machine-error').textContent = e.message;
  }
}

async function loadModels() {
  try {
    const list = await getJson('/api/models');
    $('#model-list').replaceChildren(...list.models.map((m) => el('option', { value: m.id, label: m.name })));
  } catch (_) { /* the field still takes any catalog id */ }
}

function init() {
  $('#lang-toggle').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
  const refit = debounce(loadFit, 150);
  for (const id of ['#fit-quant', '#fit-ctx', '#fit-kv', '#fit-fa', '#fit-gpus', '#fit-hw']) {
    $(id).addEventListener('input', refit);
  }
  // Another model: its own quantizations first, then the fit at canrun's pick.
  $('#fit-model').addEventListener('input', debounce(async () => { if (await loadQuants()) loadFit(); }, 150));
  $('#fit-hw').addEventListener('input', debounce(loadDevices, 150));
  const rerank = debounce(loadRecommend, 300);
  $('#rec-use').addEventListener('input', rerank);
  $('#rec-min-tps').addEventListener('input', rerank);
  const replan = debounce(loadPlan, 300);
  for (const id of ['#plan-model', '#plan-tps', '#plan-budget', '#plan-currency']) $(id).addEventListener('input', replan);
  applyLanguage();
  loadMachine(); loadModels(); loadQuants().then(loadFit); loadRecommend(); loadPlan();
}

init();
