import { describe, expect, it } from 'vitest';
import { isPermanentRefusal } from './delivery.ts';
import { LOGO_CID, LOGO_MAX_BYTES, logoPart, mailHtml, OrganizationLogo } from './mail-layout.ts';

describe('the HTML part of an e-mail', () => {
  it('puts the organisation’s name on top and the line "Label: link" as a button', () => {
    const link = 'https://facets.test/employee/i/tok_123';
    const html = mailHtml({
      organizationName: 'Maison & Fils',
      subject: 'Votre avis',
      body: ['Bonjour Léa,', '', `Répondre à l’enquête : ${link}`, '', 'Merci'].join('\n'),
    });
    expect(html).toContain('>Maison &amp; Fils</td>');
    expect(html).toMatch(new RegExp(`<a href="${link}" style="display:inline-block[^"]*">Répondre à l’enquête</a>`));
    expect(html).toContain('>Bonjour Léa,</p>');
    expect(html).toContain('>Merci</p>');
    expect(html).not.toContain('Répondre à l’enquête :');
  });

  it('takes the label of a link alone on its line from the line before, and keeps the footer apart', () => {
    const html = mailHtml({
      organizationName: 'Org',
      subject: 's',
      body: [
        'Hello,',
        '',
        'Choose your password with this link:',
        'https://facets.test/console/set-password?token=a&b=1',
        'It works once.',
        '',
        '—',
        'Stop receiving these messages: https://facets.test/console/unsubscribe?token=x.y',
      ].join('\n'),
    });
    expect(html).toContain(
      '<a href="https://facets.test/console/set-password?token=a&amp;b=1" style="display:inline-block',
    );
    expect(html).toContain('>Choose your password with this link</a>');
    expect(html).toContain('>It works once.</p>');
    expect(html).toMatch(
      /border-top[^>]*>Stop receiving these messages: <a href="https:\/\/facets.test\/console\/unsubscribe\?token=x.y"/,
    );
    // The unsubscribe link is the footer's, never the button.
    expect(html.match(/display:inline-block/g)).toHaveLength(1);
  });

  it('escapes every text, so a name or subject cannot inject markup', () => {
    const html = mailHtml({
      organizationName: '<script>alert(1)</script>',
      subject: '"><img src=x>',
      body: 'Hi <b>you</b>\nSee https://facets.test/x"onmouseover="y',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('"onmouseover');
  });

  it('makes no button of a link inside a sentence, and leaves a full stop out of a link', () => {
    const html = mailHtml({ organizationName: 'O', subject: 's', body: 'Go to https://facets.test/console/ now.' });
    expect(html).not.toContain('display:inline-block');
    expect(html).toContain('<a href="https://facets.test/console/"');
    const end = mailHtml({ organizationName: 'O', subject: 's', body: 'Read it: https://facets.test/a.' });
    expect(end).toContain('<a href="https://facets.test/a" style="display:inline-block');
  });
});

describe('SMTP refusals', () => {
  it('takes 5xx for good and 4xx or no answer as worth trying again', () => {
    expect([550, 553, 554, 500].map(isPermanentRefusal)).toEqual([true, true, true, true]);
    expect([421, 450, 451, 452, undefined, 250, 600].map(isPermanentRefusal)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('names the logo the message carries inside it, and nothing to fetch', () => {
    const html = mailHtml({ organizationName: 'Atelier', subject: 'Hello', body: 'Bonjour', withLogo: true });
    expect(html).toContain(`<img src="cid:${LOGO_CID}"`);
    expect(html).not.toMatch(/src="https?:/);
    expect(mailHtml({ organizationName: 'Atelier', subject: 'Hello', body: 'Bonjour' })).not.toContain('<img');
  });
});

describe('an organisation’s logo', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const base64 = (bytes: number[]) => {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
      const n = (a << 16) | (b << 8) | c;
      out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
      out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
      out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
    }
    return out;
  };
  const dataUrl = (type: string, bytes: number[]) => `data:image/${type};base64,${base64(bytes)}`;
  const png = dataUrl('png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = dataUrl('jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 16]);

  it('is a PNG or JPEG whose first bytes say so, of at most the limit', () => {
    expect(OrganizationLogo.safeParse(png).success).toBe(true);
    expect(OrganizationLogo.safeParse(jpeg).success).toBe(true);
    expect(logoPart(png)).toEqual({ contentType: 'image/png', base64: png.split(',')[1] });
    expect(logoPart(null)).toBeNull();
    // An SVG may carry scripts; a GIF renamed to PNG is not a PNG; a big image would weigh on every e-mail.
    expect(OrganizationLogo.safeParse(dataUrl('svg+xml', [0x3c, 0x73, 0x76, 0x67])).success).toBe(false);
    expect(OrganizationLogo.safeParse(dataUrl('png', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0])).success).toBe(false);
    const big = dataUrl('jpeg', [0xff, 0xd8, 0xff, ...new Array(LOGO_MAX_BYTES).fill(0)]);
    expect(OrganizationLogo.safeParse(big).error?.issues[0]?.message).toBe('must be at most 64 KB');
    expect(OrganizationLogo.safeParse('https://example.org/logo.png').success).toBe(false);
  });
});
