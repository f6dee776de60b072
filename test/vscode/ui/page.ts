// The few Playwright page methods the UI pass uses (Playwright's types live only in .tools/, which
// the type check does not see), and waiting helpers: every check polls the live DOM until the
// expected state shows or a timeout passes, then fails with what it saw. No fixed sleeps.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Locator {
  waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  isVisible(): Promise<boolean>;
  boundingBox(): Promise<Box | null>;
  evaluate<R>(fn: (el: Element) => R): Promise<R>;
  evaluateAll<R>(fn: (els: Element[]) => R): Promise<R>;
  click(options?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
}
export interface Frame {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
}
export interface Page {
  frames(): Frame[];
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(options: { path: string }): Promise<unknown>;
}

export const TIMEOUT = Number(process.env.OKR_VSCODE_UI_TIMEOUT || 30000);

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns something other than undefined; after `timeout` ms throws
 * "timed out waiting for WHAT; last seen: ..." with what `describe` says about the last state.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  describe: () => Promise<string> = async () => '',
  timeout = TIMEOUT,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    let value: T | undefined;
    try {
      value = await probe();
    } catch {
      value = undefined; // the element went away mid-read (re-render): try again
    }
    if (value !== undefined) return value;
    if (Date.now() > end) {
      let seen = '';
      try {
        seen = await describe();
      } catch {
        /* nothing to add */
      }
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${seen ? `; last seen: ${seen}` : ''}`);
    }
    await pause(100);
  }
}

export async function visible(page: Page, selector: string, what: string, hasText?: string | RegExp): Promise<Locator> {
  const loc = page.locator(selector, hasText ? { hasText } : undefined).first();
  try {
    await loc.waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what} (${selector}${hasText ? ` with text ${hasText}` : ''})`);
  }
  return loc;
}

/** Waits until the element's box stops moving or resizing (fade-in, layout): for clean screenshots. */
export async function settled(loc: Locator, what: string): Promise<Box> {
  let last = '';
  let same = 0;
  return until(
    `${what} to stop moving`,
    async () => {
      const box = await loc.boundingBox();
      const opacity = await loc.evaluate((el) => getComputedStyle(el).opacity);
      const key = JSON.stringify([box, opacity]);
      same = key === last && box && opacity === '1' ? same + 1 : 0;
      last = key;
      return same >= 2 && box ? box : undefined;
    },
    async () => last,
  );
}

/** Visible text of every element matching `selector`, trimmed, empty ones dropped. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
