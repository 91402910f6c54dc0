import { z } from 'zod';
/**
 * The HTML part of every e-mail, built from its plain-text part so that both say the same thing: the organisation's
 * name at the top, the text's paragraphs, its first link that ends a line as a button, and what follows a line "—" (the unsubscribe
 * link of an optional e-mail) as a small footer. Every text and address is escaped; nothing is fetched.
 *
 * The texts are written as plain text (db `notifications/mail.ts`, `reminders/mail.ts`, `invitation-mail.ts`, the
 * API's staff messages, the server's sign-in message): a paragraph per block of lines, the main link at the end of a
 * line "Label: link" or alone on the line after "…:".
 */

/** The largest logo an organisation may upload, in bytes: small enough to travel inside every e-mail. */
export const LOGO_MAX_BYTES = 64 * 1024;
const LOGO_TYPES = { png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], jpeg: [0xff, 0xd8, 0xff] } as const;
const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** Decodes base64 without I/O or platform buffers (domain imports none). */
function base64Bytes(text: string, count: number): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    if (char === '=' || bytes.length >= count) break;
    value = (value << 6) | alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return bytes;
}

/**
 * An organisation's logo as stored and sent: a data URL of a PNG or JPEG image of at most LOGO_MAX_BYTES, whose first
 * bytes are those of its type (an SVG, which may carry scripts, or a file renamed to .png is refused).
 */
export const OrganizationLogo = z
  .string()
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40)
  .superRefine((value, ctx) => {
    const match = LOGO_DATA_URL.exec(value);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'must be a PNG or JPEG image' });
      return;
    }
    const [, type, data] = match as unknown as [string, 'png' | 'jpeg', string];
    const bytes = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
    if (bytes > LOGO_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${LOGO_MAX_BYTES / 1024} KB` });
      return;
    }
    const signature = LOGO_TYPES[type];
    const head = base64Bytes(data, signature.length);
    if (signature.some((b, i) => head[i] !== b)) {
      ctx.addIssue({ code: 'custom', message: `is not a ${type.toUpperCase()} image` });
    }
  });
export type OrganizationLogo = z.infer<typeof OrganizationLogo>;

/** The logo's type and bytes (base64), for a message to carry it as an inline part; null when none. */
export function logoPart(logo: string | null | undefined): { contentType: string; base64: string } | null {
  const match = logo ? LOGO_DATA_URL.exec(logo) : null;
  return match ? { contentType: `image/${match[1]}`, base64: match[2] as string } : null;
}

/** The content id an e-mail's HTML names its inline logo by. */
export const LOGO_CID = 'logo@facets';

export interface MailContent {
  organizationName: string;
  /** Whether the message carries the organisation's logo as its inline part LOGO_CID; the name alone otherwise. */
  withLogo?: boolean;
  subject: string;
  body: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence rather than a link. */
const TRAILING = /[.,;:!?)»”’]+$/;
const FOOTER_RULE = '—';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The links of a line, each with the text before it: [text, link, text, link, …, text]. */
function splitLinks(line: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const link = match[0].replace(TRAILING, '');
    parts.push(line.slice(last, match.index), link);
    last = match.index + link.length;
  }
  parts.push(line.slice(last));
  return parts;
}

const linkStyle = 'color:#1d4ed8;text-decoration:underline;word-break:break-all';

function inline(line: string): string {
  return splitLinks(line)
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="${linkStyle}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('');
}

function button(label: string, link: string): string {
  return [
    '<p style="margin:24px 0">',
    `<a href="${escapeHtml(link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;`,
    'text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">',
    `${escapeHtml(label)}</a></p>`,
  ].join('');
}

/** Where the main link sits: the paragraph and line, the label it takes, and the line before it that gives the label. */
interface MainLink {
  paragraph: number;
  line: number;
  link: string;
  label: string;
  labelLine: number | null;
}

const LABEL_BEFORE = /^(.*?)\s*:\s*$/u;

function findMainLink(paragraphs: string[][]): MainLink | null {
  for (const [p, lines] of paragraphs.entries()) {
    for (const [l, line] of lines.entries()) {
      const parts = splitLinks(line);
      if (parts.length < 3) continue;
      const [before = '', link = '', after = ''] = parts;
      // Only a link that ends its line is a call to action; one inside a sentence stays a link.
      if (!/^[\s.,;:!?)»”’]*$/u.test(after) || parts.length > 3) continue;
      const label = LABEL_BEFORE.exec(before)?.[1]?.trim();
      if (before.trim() === '') {
        const previous = l > 0 ? LABEL_BEFORE.exec(lines[l - 1] ?? '')?.[1]?.trim() : undefined;
        return previous
          ? { paragraph: p, line: l, link, label: previous, labelLine: l - 1 }
          : { paragraph: p, line: l, link, label: link, labelLine: null };
      }
      if (label) return { paragraph: p, line: l, link, label, labelLine: null };
    }
  }
  return null;
}

function paragraphsOf(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

const paragraphStyle = 'margin:0 0 16px 0';

export function mailHtml(content: MailContent): string {
  const lines = content.body.replaceAll('\r\n', '\n').split('\n');
  const rule = lines.findIndex((l) => l.trim() === FOOTER_RULE);
  const main = paragraphsOf(rule === -1 ? lines : lines.slice(0, rule));
  const footer = rule === -1 ? [] : lines.slice(rule + 1).filter((l) => l.trim() !== '');
  const cta = findMainLink(main);

  const blocks: string[] = [];
  for (const [p, paragraph] of main.entries()) {
    let text: string[] = [];
    const flush = () => {
      if (text.length > 0) blocks.push(`<p style="${paragraphStyle}">${text.map(inline).join('<br>')}</p>`);
      text = [];
    };
    for (const [l, line] of paragraph.entries()) {
      if (cta && cta.paragraph === p && cta.labelLine === l) continue;
      if (cta && cta.paragraph === p && cta.line === l) {
        flush();
        blocks.push(button(cta.label, cta.link));
      } else text.push(line);
    }
    flush();
  }
  const org = escapeHtml(content.organizationName);
  const logo = content.withLogo
    ? `<img src="cid:${LOGO_CID}" alt="" height="32" style="height:32px;width:auto;vertical-align:middle;margin-right:12px;border:0">`
    : '';
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6">',
    '<tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;',
    'border-radius:8px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#111827">',
    `<tr><td style="padding:20px 28px;border-bottom:1px solid #e5e7eb;font-size:18px;font-weight:700">${logo}${org}</td></tr>`,
    `<tr><td style="padding:24px 28px">${blocks.join('\n')}</td></tr>`,
    footer.length > 0
      ? `<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:13px;color:#6b7280">${footer.map(inline).join('<br>')}</td></tr>`
      : '',
    '</table></td></tr></table></body></html>',
  ].join('\n');
}
