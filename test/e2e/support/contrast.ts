import type { Locator } from 'playwright-core';

/** `rgb(r, g, b)` or `rgba(r, g, b, a)` as computed styles give it, to [r, g, b]. */
function channels(color: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** WCAG 2's relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * A field's edge against what surrounds it (the nearest ancestor with a background): what WCAG
 * 1.4.11 asks to be 3:1, so that a person can find where to type. axe-core does not check it.
 */
export async function edgeContrast(field: Locator): Promise<number> {
  const [edge, around] = await field.evaluate((element) => {
    // Runs in the page (the tests are type-checked without the DOM library).
    type Styled = { parentElement: Styled | null };
    const view = globalThis as unknown as {
      getComputedStyle(node: Styled): { borderTopColor: string; backgroundColor: string };
    };
    const node = element as unknown as Styled;
    let parent = node.parentElement;
    while (parent && view.getComputedStyle(parent).backgroundColor === 'rgba(0, 0, 0, 0)') {
      parent = parent.parentElement;
    }
    return [
      view.getComputedStyle(node).borderTopColor,
      parent ? view.getComputedStyle(parent).backgroundColor : 'rgb(255, 255, 255)',
    ];
  });
  return contrast(edge, around);
}
