import { MODEL_CODE_MAX, MODEL_CODE_PATTERN } from '@facets/domain';

/** A code suggested from an English name ("Business partners" → "business_partners"), as the API accepts codes. */
export function suggestCode(name: string): string {
  const code = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MODEL_CODE_MAX)
    .replace(/_+$/, '');
  return /^[0-9]/.test(code) ? `g_${code}`.slice(0, MODEL_CODE_MAX) : code;
}

export const isCode = (code: string) => code.length <= MODEL_CODE_MAX && MODEL_CODE_PATTERN.test(code);
