import { expect } from '@open-wc/testing';

/**
 * The `vitrine-show…:not(:defined)` and slotted-poster rules of the demo shop's stylesheet (the
 * README's snippet that reserves the widget's box before its script runs), rewritten for the tag `tag`: an element that
 * is not defined yet, or never.
 */
export async function reserveRules(tag: string): Promise<CSSStyleSheet> {
  const text = await (await fetch('/demo/shop/assets/shop.css')).text();
  const shop = new CSSStyleSheet();
  shop.replaceSync(text);
  const picked: string[] = [];
  const visit = (rules: CSSRuleList, wrap: (css: string) => string): void => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule && rule.selectorText.includes('vitrine-show') && /:not\(:defined\)|\[slot="poster"\]/.test(rule.selectorText)) {
        picked.push(wrap(rule.cssText.replaceAll('vitrine-show', tag)));
      } else if (rule instanceof CSSContainerRule) {
        visit(rule.cssRules, (css) => `@container ${rule.conditionText} { ${css} }`);
      }
    }
  };
  visit(shop.cssRules, (css) => css);
  expect(picked.length).to.be.greaterThan(5);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(picked.join('\n'));
  return sheet;
}
