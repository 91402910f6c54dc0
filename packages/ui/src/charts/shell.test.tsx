import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppShell } from '../AppShell.tsx';

const base = { productName: 'Facets', homeHref: '/', skipLinkLabel: 'Skip to content' };

describe('AppShell sidebar option', () => {
  it('puts the sidebar beside main, after the header, so the skip link still skips every navigation', () => {
    const html = renderToStaticMarkup(
      <AppShell {...base} sidebar={<nav aria-label="Main">links</nav>}>
        page
      </AppShell>,
    );
    expect(html).toContain('fx-shell--sidebar');
    expect(html).toMatch(
      /<\/header><div class="fx-shell__body"><nav aria-label="Main">links<\/nav><main[^>]*id="main"/,
    );
  });

  it('leaves the shell exactly as before without it', () => {
    const html = renderToStaticMarkup(<AppShell {...base}>page</AppShell>);
    expect(html).not.toContain('fx-shell__body');
    expect(html).toMatch(/<\/header><main class="fx-main" id="main" tabindex="-1">page<\/main><\/div>$/);
  });
});
