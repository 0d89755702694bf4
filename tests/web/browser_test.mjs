// Browser test of `canrun serve` (CTest label "web"): starts the server on a free port over a
// recorded machine, opens the page in Debian's chromium (headless, through playwright-core),
// checks the detected hardware, moves the context slider and checks that the KV figure and the
// verdict become what `canrun fit --json` says for the same inputs, switches the language, and
// saves a screenshot.
//
// Usage: node browser_test.mjs CANRUN SYSROOT SCREENSHOT.png
// Exit 0 pass, 1 fail, 77 skip (no chromium or no node_modules; fails instead when
// CANRUN_REQUIRE_WEB_TEST=1, as `make test` sets it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import assert from 'node:assert/strict';

const [canrun, sysroot, screenshot] = process.argv.slice(2);
const chromiumPath = process.env.CANRUN_CHROMIUM || '/usr/bin/chromium';
const machine = ['--sysroot', sysroot, '--no-vendor-libs'];
const MODEL = 'qwen2.5:14b';
const CTX_STEPS = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144];

function skip(why) {
  if (process.env.CANRUN_REQUIRE_WEB_TEST === '1') {
    console.error(`browser test cannot run: ${why}`);
    process.exit(1);
  }
  console.log(`SKIP: ${why} (run scripts/install-deps --web-test and npm ci in tests/web)`);
  process.exit(77);
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed');
}
if (!existsSync(chromiumPath)) skip(`${chromiumPath} is missing`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`canrun serve exited with ${child.exitCode}`);
    try { if ((await fetch(url + 'api/models?search=qwen')).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('canrun serve did not answer within 60 s');
}

// What the CLI says for the inputs the page sends.
function cliJson(args) {
  const r = spawnSync(canrun, [...args, '--json'], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `canrun ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function cliFit(ctx, quant = 'Q4_K_M', hw = machine) {
  return cliJson(['fit', MODEL, '--quant', quant, '--ctx', String(ctx), '--kv-type', 'f16', '--flash-attn', 'auto', ...hw]);
}

async function quantOptions(page) {
  return page.locator('#fit-quant option').evaluateAll((os) => os.map((o) => o.value));
}

// The quant list comes from the data: canrun fit's pick selected, MXFP4_MOE only for gpt-oss.
async function checkQuants(page, model) {
  const { quant: want, model: { name } } = cliJson(['fit', model, ...machine]);
  await page.waitForFunction(([q, id, n]) => document.querySelector('#fit-quant').value === q &&
    document.querySelector('#fit-quant').dataset.model === id &&
    document.querySelector('#verdict').textContent.startsWith(`${n} · ${q} · `), [want, model, name], { timeout: 60000 });
  const options = await quantOptions(page);
  assert.ok(options.includes('Q8_0') && options.includes('IQ4_XS') && options.length > 20, `quants: ${options}`);
  assert.equal(options.includes('MXFP4_MOE'), model.startsWith('gpt-oss'), `MXFP4_MOE for ${model}: ${options}`);
  assert.ok(!options.includes('TQ1_0'), 'ternary quants offered for a model not trained ternary');
  console.log(`${model}: ${options.length} quants, ${want} selected (as canrun fit --json)`);
}

// A model that fits nowhere: no speed in the JSON, the verdict says by how much it misses.
async function checkWontFit(page) {
  const want = cliJson(['fit', 'deepseek-r1:671b', '--quant', 'Q4_K_M', '--ctx', CTX_STEPS[Number(await page.locator('#fit-ctx').inputValue())].toString(), ...machine]);
  assert.equal(want.placement.mode, 'wont_fit');
  await page.locator('#fit-model').fill('deepseek-r1:671b');
  const short = (want.placement.shortfall_bytes / 2 ** 30).toFixed(1) + ' GiB';
  await page.locator('#verdict', { hasText: `Does not fit in memory: ${short} short` }).waitFor({ timeout: 60000 });
  assert.ok(await page.locator('#fit-error').isHidden(), await page.locator('#fit-error').textContent());
  console.log(`deepseek-r1:671b: won't fit, ${short} short (as canrun fit --json)`);
}

// Prompt speed and load time: the range, or the reason the CLI gives for none (a detected GPU
// whose compute throughput is unknown), in the page's language.
async function checkSpeedRows(page, want, computeUnknown, loadPattern) {
  const prefill = await page.locator('#fig-prefill').textContent();
  if (want.speed.prefill_tps.p50 > 0) assert.ok(!prefill.includes(computeUnknown), prefill);
  else assert.ok(want.speed.notes.includes('speed.gpu_compute_unknown') && prefill.includes(computeUnknown), prefill);
  assert.match(await page.locator('#fig-load').textContent(), loadPattern);
}

// The device field completes names from /api/devices and the fit follows the device typed.
async function checkDevices(page, ctx) {
  await page.locator('#fit-hw').fill('4060');
  await page.waitForFunction(() => [...document.querySelectorAll('#device-list option')]
    .some((o) => o.value === 'GeForce RTX 4060'), null, { timeout: 60000 });
  const names = await page.locator('#device-list option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(names.every((n) => n.includes('4060')), `suggestions: ${names}`);
  await page.locator('#fit-hw').fill('GeForce RTX 4060');
  const want = cliFit(ctx, 'Q4_K_M', ['--hw', 'GeForce RTX 4060']);
  await page.waitForFunction(([mode, budget]) => document.querySelector('#verdict').dataset.mode === mode &&
    document.querySelector('#fit-devices').textContent.includes(budget), [want.placement.mode, 'RTX 4060'], { timeout: 60000 });
  await page.locator('#fit-hw').fill('no such gpu 9999');
  const cli = spawnSync(canrun, ['fit', MODEL, '--hw', 'no such gpu 9999'], { encoding: 'utf8' });
  assert.equal(cli.status, 2);
  const message = cli.stderr.trim().replace(/^canrun: /, '');
  await page.locator('#fit-hw-hint.error', { hasText: message.slice(0, 40) }).waitFor({ timeout: 60000 });
  await page.locator('#fit-error', { hasText: 'no such device' }).waitFor({ timeout: 60000 });
  await page.locator('#fit-hw').fill('');
  await page.locator('#fit-error').waitFor({ state: 'hidden', timeout: 60000 });
  console.log(`device autocomplete: ${names.length} names for "4060"; unknown device: ${message.slice(0, 60)}…`);
}

async function figures(page) {
  return page.evaluate(() => ({
    kv: document.querySelector('#fig-kv')?.dataset.bytes,
    mode: document.querySelector('#verdict').dataset.mode,
  }));
}

async function expectFit(page, ctx) {
  const want = cliFit(ctx);
  await page.waitForFunction(([kv, mode]) => document.querySelector('#fig-kv')?.dataset.bytes === kv &&
    document.querySelector('#verdict').dataset.mode === mode, [String(want.memory.kv_bytes), want.placement.mode],
  { timeout: 60000 }).catch(async () => {
    throw new Error(`page shows ${JSON.stringify(await figures(page))}, canrun fit --ctx ${ctx} --json says ` +
      `kv ${want.memory.kv_bytes}, ${want.placement.mode}`);
  });
  console.log(`ctx ${ctx}: KV ${want.memory.kv_bytes} bytes, ${want.placement.mode} (as canrun fit --json)`);
  return want;
}

async function moveSlider(page, steps) {
  const slider = page.locator('#fit-ctx');
  await slider.focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  return CTX_STEPS[Number(await slider.inputValue())];
}

async function run(url) {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } })).newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    // CSP too. The API's 404s for a device typed half-way (or on purpose unknown) are answers the
    // page shows; any other failed response is an error.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 404 \(Not Found\)/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      const u = new URL(r.url());
      const typed = /^\/api\/(devices|fit)$/.test(u.pathname) && (u.searchParams.has('q') || u.searchParams.has('hw'));
      if (r.status() >= 400 && !(r.status() === 404 && typed)) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(url);
    await page.locator('#devices', { hasText: 'NVIDIA GeForce RTX 4090' }).waitFor({ timeout: 60000 });
    assert.equal(await page.locator('#machine h2').textContent(), 'This machine');
    const start = CTX_STEPS[Number(await page.locator('#fit-ctx').inputValue())];
    const first = await expectFit(page, start);
    await checkSpeedRows(page, first, 'compute throughput', / s \(typical /);
    const bigger = await expectFit(page, await moveSlider(page, 2));
    assert.notEqual(bigger.memory.kv_bytes, first.memory.kv_bytes, 'KV did not change with the context');
    const huge = await expectFit(page, await moveSlider(page, 2));
    assert.notEqual(huge.placement.mode, first.placement.mode, 'the verdict did not change');
    // fit's better fits: the shorter context one sets the slider and the page follows.
    const alt = huge.alternatives.find((a) => a.kind === 'shorter_context');
    assert.ok(alt, `canrun fit --ctx 131072 --json offers no shorter context: ${JSON.stringify(huge.alternatives)}`);
    await page.locator('.alternative[data-kind="shorter_context"] button').click();
    const shorter = await expectFit(page, CTX_STEPS[Number(await page.locator('#fit-ctx').inputValue())]);
    assert.equal(shorter.placement.mode, alt.mode, 'the shorter context does not place as fit said');
    await checkQuants(page, MODEL);
    const ctx = CTX_STEPS[Number(await page.locator('#fit-ctx').inputValue())];
    await page.locator('#fit-quant').selectOption('Q8_0');
    const q8 = cliFit(ctx, 'Q8_0');
    await page.waitForFunction((w) => document.querySelector('#fig-weights')?.dataset.bytes === w,
      String(q8.memory.weights_bytes), { timeout: 60000 });
    await page.locator('#fit-quant').selectOption('Q4_K_M');
    await checkDevices(page, ctx);
    await checkWontFit(page);
    await page.locator('#fit-model').fill('gpt-oss:20b');
    await checkQuants(page, 'gpt-oss:20b');
    await page.locator('#picks tbody tr').first().waitFor({ timeout: 120000 });
    await page.locator('#plan-options tbody tr').first().waitFor({ timeout: 120000 });
    await page.click('#lang-toggle');
    assert.equal(await page.locator('#machine h2').textContent(), '本机');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.match(await page.locator('#verdict').textContent(), /[\u4e00-\u9fff]/);
    await checkSpeedRows(page, cliJson(['fit', 'gpt-oss:20b', '--ctx', String(ctx), ...machine]), '显卡算力未知', / 秒（典型 /);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    assert.deepEqual(errors, [], 'the page reported errors');
  } finally {
    await browser.close();
  }
}

const port = await freePort();
const url = `http://127.0.0.1:${port}/`;
const server = spawn(canrun, ['serve', '--port', String(port), '--no-open', '--lang', 'en', ...machine],
  { stdio: ['ignore', 'inherit', 'inherit'] });
let failed = false;
try {
  await waitForServer(url, server);
  await run(url);
  const again = spawnSync(canrun, ['serve', '--port', String(port), '--no-open', ...machine], { encoding: 'utf8' });
  assert.equal(again.status, 2, 'a second server on a port in use must exit 2');
  assert.match(again.stderr, /^canrun: cannot listen on 127\.0\.0\.1:\d+ .*--port/);
} catch (e) {
  console.error(`FAIL: ${e.stack || e}`);
  failed = true;
}
server.kill('SIGTERM');
const code = await new Promise((resolve) => server.exitCode !== null ? resolve(server.exitCode) : server.once('exit', (c) => resolve(c)));
if (code !== 0) { console.error(`FAIL: canrun serve exited with ${code} after SIGTERM (want 0)`); failed = true; }
process.exit(failed ? 1 : 0);
