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
function cliFit(ctx) {
  const r = spawnSync(canrun, ['fit', MODEL, '--quant', 'Q4_K_M', '--ctx', String(ctx), '--kv-type', 'f16',
    '--flash-attn', 'auto', ...machine, '--json'], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `canrun fit failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
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
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });  // CSP too
    await page.goto(url);
    await page.locator('#devices', { hasText: 'NVIDIA GeForce RTX 4090' }).waitFor({ timeout: 60000 });
    assert.equal(await page.locator('#machine h2').textContent(), 'This machine');
    const start = CTX_STEPS[Number(await page.locator('#fit-ctx').inputValue())];
    const first = await expectFit(page, start);
    const bigger = await expectFit(page, await moveSlider(page, 2));
    assert.notEqual(bigger.memory.kv_bytes, first.memory.kv_bytes, 'KV did not change with the context');
    const huge = await expectFit(page, await moveSlider(page, 2));
    assert.notEqual(huge.placement.mode, first.placement.mode, 'the verdict did not change');
    await page.locator('#picks tbody tr').first().waitFor({ timeout: 120000 });
    await page.locator('#plan-options tbody tr').first().waitFor({ timeout: 120000 });
    await page.click('#lang-toggle');
    assert.equal(await page.locator('#machine h2').textContent(), '本机');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.match(await page.locator('#verdict').textContent(), /[\u4e00-\u9fff]/);
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
