/** A tree of translations: nested objects whose leaves are strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** One app's extra or overriding messages, in both languages. */
export interface AppMessages {
  fr: MessageTree;
  en: MessageTree;
}

/** Every leaf key of a tree, dotted: { a: { b: 'x' } } → ['a.b']. */
export function flattenKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : flattenKeys(value, `${prefix}${key}.`),
  );
}

/** Keys of `a` missing from `b`, sorted, so a test can print exactly what a translator must add. */
export function missingKeys(a: MessageTree, b: MessageTree): string[] {
  const inB = new Set(flattenKeys(b));
  return flattenKeys(a)
    .filter((key) => !inB.has(key))
    .sort();
}

/** `override` laid over `base`, recursively; neither is modified. */
export function mergeMessages(base: MessageTree, override: MessageTree): MessageTree {
  const out: MessageTree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : value;
  }
  return out;
}

/**
 * Literal keys passed to `t('…')` in a source text. Plural keys are reported without their suffix, so the check
 * accepts `x_one`/`x_other`. Keys built at run time (template strings) are not seen.
 */
export function usedKeys(source: string): string[] {
  const keys = new Set<string>();
  for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) keys.add(match[1] as string);
  return [...keys].sort();
}

/** Whether a key (or its plural forms) has a translation in `tree`: the tree read once, for many keys. */
export function translatedIn(tree: MessageTree): (key: string) => boolean {
  const keys = new Set(flattenKeys(tree));
  return (key) => keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);
}

/** True when `key` (or its plural forms) has a translation in `tree`. */
export function hasKey(tree: MessageTree, key: string): boolean {
  return translatedIn(tree)(key);
}

/** Keys every stakeholder portal must set: its name, its title, its sign-in text and its name for a reference. */
export const PORTAL_REQUIRED_KEYS = [
  'app.productName',
  'app.documentTitle',
  'portal.signInIntro',
  'feedback.reference',
];

/**
 * What is wrong with a portal's messages, as lines a translator can act on: keys missing in one language, keys the
 * shared screens do not use (a typo overrides nothing), required keys not set. Empty when all is well.
 */
export function portalMessageProblems(messages: AppMessages, common: AppMessages): string[] {
  const keys = new Set(flattenKeys(messages.en));
  return [
    ...missingKeys(messages.en, messages.fr).map((key) => `missing in French: ${key}`),
    ...missingKeys(messages.fr, messages.en).map((key) => `missing in English: ${key}`),
    ...missingKeys(messages.en, common.en).map((key) => `not a shared key: ${key}`),
    ...PORTAL_REQUIRED_KEYS.filter((key) => !keys.has(key)).map((key) => `required but not set: ${key}`),
  ];
}
