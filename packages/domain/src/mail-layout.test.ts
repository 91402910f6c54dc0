import { describe, expect, it } from 'vitest';
import { isPermanentRefusal } from './delivery.ts';
import { mailHtml } from './mail-layout.ts';

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
});
