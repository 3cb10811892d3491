// The autodiff lesson end to end: opened at #lesson in the built web UI, it shows the
// lecture's trace for y₁ = sin(w₁x + w₀), y₂ = cos(w₁x + w₀), steps forward mode on w₁ and
// reverse mode on y₂ node by node (the current node outlined in the graph, the ȧ and ā
// columns filling in), and points a caret at the column of a bad expression.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../renderer/lesson/format.js';
import { useAppPage } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';

const env = useWebAppInChromium();
let page: Page;
let problems: string[] = [];
useAppPage(env, (opened) => ({ page, problems } = opened), { width: 1280, height: 800 });

// The lecture example's values, as the lesson opens: w₀ = 0.5, w₁ = 2, x = 0.75, so w₁x + w₀ = 2.
const [w0, w1, x] = [0.5, 2, 0.75];
const s = w1 * x + w0;

/** Text as shown, with the rule column's no-break spaces as plain ones. */
const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
const row = (node: number) => `.lesson-trace tr[data-node="${node}"]`;

async function waitReady(): Promise<void> {
  await page.locator('.lesson[data-state="ready"]').waitFor({ timeout: 60_000 });
}

async function step(times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.click('#lesson-step');
}

/** The graph node outlined as the current step, and the trace row marked with it. */
async function expectCurrent(node: number): Promise<void> {
  await expect.poll(() => page.locator('.lesson-node[data-state="current"]').getAttribute('data-node')).toBe(String(node));
  expect(await page.locator('.lesson-trace tr[data-state="current"]').getAttribute('data-node')).toBe(String(node));
}

describe('autodiff lesson', () => {
  beforeAll(async () => {
    // A new user opens the app and follows the header's link to the lesson.
    await page.click('#tab-lesson');
    await waitReady();
  });

  it("opens on the lecture's example with the evaluation trace a₁ … a₇", async () => {
    expect(await page.inputValue('#lesson-source')).toBe('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)');
    const formulas = ['a₁ = w₀', 'a₂ = w₁', 'a₃ = x', 'a₄ = a₂ · a₃', 'a₅ = a₄ + a₁', 'a₆ = sin(a₅) = y₁', 'a₇ = cos(a₅) = y₂'];
    const values = [w0, w1, x, w1 * x, s, Math.sin(s), Math.cos(s)];
    for (let k = 0; k < 7; k++) {
      expect(await text(`${row(k)} .lesson-trace__formula`)).toBe(formulas[k]);
      expect(await text(`${row(k)} .lesson-trace__value`)).toBe(formatValue(values[k]));
    }
    // The graph: seven nodes, two output tags on top, inputs on the bottom row.
    expect(await page.locator('.lesson-node').count()).toBe(7);
    expect(await page.locator('.lesson-output').count()).toBe(2);
    expect(await text('.lesson-node[data-node="5"] .lesson-node__formula')).toBe('a₆ = sin(a₅)');
    await screenshot(page, 'lesson-open');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('steps forward mode on w₁ node by node, then gives both ∂y/∂w₁', async () => {
    expect(await page.locator('#lesson-seed').inputValue()).toBe('w1');
    await step(4);
    await expectCurrent(3);
    expect(await text(`${row(3)} .lesson-trace__rule`)).toBe('ȧ₄ = a₃·ȧ₂ + a₂·ȧ₃');
    expect(await text(`${row(3)} .lesson-trace__derivative`)).toBe(formatValue(x));
    // Both edges into a₄ carry their partials.
    expect(await page.locator('[data-active-edge]').count()).toBe(2);
    expect(await text('[data-edge-label="3:0"]')).toBe('×a₃');

    await step(2);
    await expectCurrent(5);
    expect(await text(`${row(5)} .lesson-trace__rule`)).toBe('ȧ₆ = cos(a₅)·ȧ₅');
    expect(await text(`${row(5)} .lesson-trace__derivative`)).toBe(formatValue(x * Math.cos(s)));
    expect(await text('.lesson-node[data-node="5"] .lesson-node__derivative')).toBe(`ȧ₆ = ${formatValue(x * Math.cos(s))}`);
    expect(await text(`${row(6)} .lesson-trace__derivative`)).toBe('');
    expect(await text('#lesson-position')).toBe('step 6 of 7');
    await screenshot(page, 'lesson-forward');

    await page.click('#lesson-back');
    await expectCurrent(4);
    // → steps too (a lecturer's clicker), from anywhere but a form field.
    await page.keyboard.press('ArrowRight');
    await expectCurrent(5);
    await page.keyboard.press('ArrowRight');
    await expectCurrent(6);
    expect(await text(`${row(6)} .lesson-trace__rule`)).toBe('ȧ₇ = −sin(a₅)·ȧ₅');
    const tangents = [0, 1, 0, x, x, x * Math.cos(s), -x * Math.sin(s)];
    for (let k = 0; k < 7; k++) expect(await text(`${row(k)} .lesson-trace__derivative`)).toBe(formatValue(tangents[k]));
    expect(await page.locator('.lesson-result').getAttribute('data-finished')).toBe('true');
    expect(await text('[data-derivative="y1"]')).toBe(`∂y₁/∂w₁ = ȧ₆ = ${formatValue(x * Math.cos(s))}`);
    expect(await text('[data-derivative="y2"]')).toBe(`∂y₂/∂w₁ = ȧ₇ = ${formatValue(-x * Math.sin(s))}`);
    await screenshot(page, 'lesson-forward-done');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('steps reverse mode on y₂ back from ā₇, its += contributions lit on the edges', async () => {
    await page.click('#lesson-mode-reverse');
    expect(await page.locator('#lesson-seed').inputValue()).toBe('y2');
    await step(1);
    await expectCurrent(6);
    expect(await text(`${row(6)} .lesson-trace__rule`)).toBe('ā₇ = 1');
    expect(await text('[data-edge-label="6:0"]')).toBe('ā₅ += −sin(a₅)·ā₇');
    // a₅ has heard from a₇ only: its adjoint is still gathering.
    expect(await page.locator(`${row(4)} .lesson-trace__derivative`).getAttribute('data-status')).toBe('gathering');

    await step(2);
    await expectCurrent(4);
    expect(await text(`${row(4)} .lesson-trace__rule`)).toBe('ā₅ = cos(a₅)·ā₆ − sin(a₅)·ā₇');
    expect(await text(`${row(4)} .lesson-trace__derivative`)).toBe(formatValue(-Math.sin(s)));
    expect((await page.locator('[data-active-edge]').evaluateAll((edges) => edges.map((e) => e.getAttribute('data-active-edge')))).sort()).toEqual(['4:0', '4:1']);
    expect(await text('[data-edge-label="4:0"]')).toBe('ā₄ += ā₅');
    expect(await text('[data-edge-label="4:1"]')).toBe('ā₁ += ā₅');
    await screenshot(page, 'lesson-reverse');

    await page.click('#lesson-end');
    await expectCurrent(0);
    const adjoints = [-Math.sin(s), -x * Math.sin(s), -w1 * Math.sin(s), -Math.sin(s), -Math.sin(s), 0, 1];
    for (let k = 0; k < 7; k++) expect(await text(`${row(k)} .lesson-trace__derivative`)).toBe(formatValue(adjoints[k]));
    expect(await text('[data-derivative="w1"]')).toBe(`∂y₂/∂w₁ = ā₂ = ${formatValue(-x * Math.sin(s))}`);
    expect(await text('[data-derivative="x"]')).toBe(`∂y₂/∂x = ā₃ = ${formatValue(-w1 * Math.sin(s))}`);
    await screenshot(page, 'lesson-reverse-done');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('shows the cost of each mode, finite differences, the symbolic derivative and backprop', async () => {
    expect(await text('[data-cell="forward-passes"]')).toContain('3');
    expect(await text('[data-cell="reverse-passes"]')).toContain('2');
    expect(await page.locator('.lesson-plot polyline[data-series="forward"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.lesson-plot polyline[data-series="central"]').count()).toBeGreaterThan(0);
    expect(await text('[data-testid="symbolic-derivative"]')).toBe('∂y₂/∂w₁ = −sin(w₁·x + w₀)·x');
    await page.locator('.lesson-backprop__table tbody tr').first().waitFor();
    expect(await page.locator('.lesson-backprop__table tbody tr').count()).toBe(9);
    const grids = page.locator('.lesson-grid');
    await screenshot(grids.nth(0), 'lesson-cost-numerical');
    await screenshot(grids.nth(1), 'lesson-symbolic-backprop');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('follows new input values without losing the step', async () => {
    await page.fill('#lesson-value-x', '2');
    await expect.poll(() => text(`${row(2)} .lesson-trace__value`)).toBe('2');
    const s2 = w1 * 2 + w0;
    expect(await text(`${row(6)} .lesson-trace__value`)).toBe(formatValue(Math.cos(s2)));
    expect(await text('#lesson-position')).toBe('step 7 of 7');
    await page.fill('#lesson-value-x', String(x));
    await expect.poll(() => text(`${row(2)} .lesson-trace__value`)).toBe(formatValue(x));
  });

  it('points a caret at the column of a bad expression, and recovers', async () => {
    await page.locator('.lesson').evaluate((lesson) => lesson.scrollTo(0, 0));
    await page.fill('#lesson-source', 'y = sin(w*x +) * 2');
    const problem = page.locator('#lesson-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-column')).toBe('14');
    expect(await text('.lesson-problem__reason')).toContain('unexpected ")" at column 14');
    const [source, caret] = (await page.locator('.lesson-problem__source').innerText()).split('\n');
    expect(source).toBe('y = sin(w*x +) * 2');
    expect(caret).toBe(`${' '.repeat(13)}^`);
    expect(await page.locator('.lesson-problem__source mark').innerText()).toBe(')');
    expect(await page.getAttribute('#lesson-source', 'aria-invalid')).toBe('true');
    await screenshot(page, 'lesson-error');

    await page.selectOption('select[aria-label="examples"]', 'squared-loss');
    await waitReady();
    await expect.poll(() => text(`${row(6)} .lesson-trace__formula`)).toBe('a₇ = ½ · a₆ = L');
    expect(await page.locator('#lesson-problem').count()).toBe(0);
    // The new expression's inputs get a value field each, with the example's values.
    expect(await page.locator('.lesson-values input').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('data-input'), (i as HTMLInputElement).value]))).toEqual([
      ['w', '2'],
      ['x', '3'],
      ['y', '1'],
    ]);
    // Reverse mode (still selected) on L = ½(wx − y)² at w = 2, x = 3, y = 1: ∂L/∂w = (wx − y)·x = 15.
    await page.click('#lesson-end');
    expect(await text('[data-derivative="w"]')).toBe('∂L/∂w = ā₁ = 15');
    expect(await text('[data-derivative="y"]')).toBe('∂L/∂y = ā₃ = −5');
    await screenshot(page, 'lesson-squared-loss');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('goes back to the app', async () => {
    await page.click('#lesson-close');
    await page.locator('.app').waitFor();
    expect(await page.locator('.lesson').count()).toBe(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
