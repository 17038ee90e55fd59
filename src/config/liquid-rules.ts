// How each Liquid tag is treated when extracting text: tag rules are data, not code.

export interface LiquidTagRule {
  /**
   * What stands between `{% name %}` and `{% endname %}`:
   * `markdown` is translated like the rest of the article, `none` is locked as code.
   */
  readonly body?: 'markdown' | 'none';
  /**
   * Arguments from this 0-based index to the end form one translatable text
   * (`{% image path Caption words %}` has its caption from argument 1).
   */
  readonly translateArgsFrom?: number;
}

export type LiquidRules = Readonly<Record<string, LiquidTagRule>>;

/** The conventions of Jekyll help centers like the reference corpus. */
export const DEFAULT_LIQUID_RULES: LiquidRules = {
  callout: { body: 'markdown' },
  capture: { body: 'markdown' },
  comment: { body: 'none' },
  raw: { body: 'none' },
  highlight: { body: 'none' },
  image: { translateArgsFrom: 1 },
};

/** The rule for a tag named in an article: own properties only, so `{% constructor %}` has none. */
export function ruleFor(rules: LiquidRules, name: string): LiquidTagRule | undefined {
  return Object.hasOwn(rules, name) ? rules[name] : undefined;
}
