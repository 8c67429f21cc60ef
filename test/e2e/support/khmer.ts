import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Khmer digits, and a day as the pages write it in Khmer: "៧ ធ្នូ ២០២៦". */
export const KHMER_MONTH = /(មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)/u.source;
export const KHMER_DAY = new RegExp(`[០-៩]{1,2} ${KHMER_MONTH} [០-៩]{4}`, 'u');
export const KHMER_DAY_TIME = new RegExp(`${KHMER_DAY.source} [០-៩]{2}:[០-៩]{2}`, 'u');

/**
 * The smallest phone the pages are made for (360 x 740 CSS pixels), touch, English on the
 * device: the page's own language choice is what is under test.
 */
export async function smallPhone(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Asia/Phnom_Penh',
    serviceWorkers: 'block',
  });
}

/**
 * Visible text holding a Latin digit, outside what is typed as it is printed (marked
 * translate="no": voucher codes, names the coordinator typed) and what the person typed (inputs,
 * the CSV box), and numbered lists counting in Latin digits. In Khmer, a date or a number left in
 * Latin digits shows up here. Run in the page (a string: this file is
 * type-checked without the DOM).
 */
export function latinDigitsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[translate="no"], textarea, script, style, option')) continue;
      if (!parent.checkVisibility()) continue;
      if (/[0-9]/.test(node.data)) found.push(node.data.trim());
    }
    // A numbered list's numbers are drawn by CSS, outside the text.
    for (const list of document.querySelectorAll('ol')) {
      const numbering = getComputedStyle(list).listStyleType;
      if (list.checkVisibility() && /decimal/.test(numbering)) found.push('ol numbered ' + numbering);
    }
    // A select shows its chosen option only.
    for (const select of document.querySelectorAll('select')) {
      const shown = select.selectedOptions[0]?.text ?? '';
      if (select.checkVisibility() && /[0-9]/.test(shown)) found.push(shown);
    }
    return found;
  })()`);
}

/** The page's own width holds: nothing pushes it sideways on a phone. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
}
