// What a page says to its user, for comparing one page across languages: its visible text, the
// texts behind its controls (title, aria-label, placeholder, alt, a select's options) and the
// document's title; and whether it is wider than the window.
import type { Page } from "playwright-core";

/** Every distinct text the page shows or announces, trimmed, whitespace collapsed. */
export async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const add = (s: string | null | undefined) => {
      const text = (s ?? "").replace(/\s+/g, " ").trim();
      if (text) texts.add(text);
    };
    const shown = (el: Element) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, template")) continue;
      // A closed select's options have no box of their own: they count when the select shows.
      const owner = parent.closest("select") ?? parent;
      if (shown(owner)) add(node.textContent);
    }
    for (const el of Array.from(document.body.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))) {
      if (!shown(el)) continue;
      for (const name of ["title", "aria-label", "placeholder", "alt"]) add(el.getAttribute(name));
    }
    add(document.title);
    return [...texts];
  });
}

/** How far the page is wider than the window, in CSS px (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth));
}
