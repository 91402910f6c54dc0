import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdf } from 'pdf-to-img';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { screenshotsDir } from './browser.ts';

/** A printed page as a reader meets it: its text in reading order, and the PNG it was rendered to. */
export interface PrintedPage {
  text: string;
  png: string;
}

/**
 * Prints the page as the browser's "Save as PDF" does (print styles, the page's own `@page` size), keeps the PDF
 * and renders each of its pages to PNG beside the screenshots, so that a reviewer looks at what paper shows. The
 * text of each page is read back from the PDF itself (pdf.js), for the test to check what is on which page.
 */
export async function printToPdf(page: Page, name: string): Promise<PrintedPage[]> {
  mkdirSync(screenshotsDir, { recursive: true });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(screenshotsDir, `${name}.pdf`), bytes);
  const texts: string[] = [];
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const document = await task.promise;
  try {
    for (let i = 1; i <= document.numPages; i++) {
      const content = await (await document.getPage(i)).getTextContent();
      texts.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  } finally {
    await task.destroy();
  }
  const images = await pdf(Buffer.from(bytes), { scale: 1.25 });
  const pages: PrintedPage[] = [];
  let n = 0;
  for await (const image of images) {
    n += 1;
    const png = join(screenshotsDir, `${name}-p${String(n).padStart(2, '0')}.png`);
    writeFileSync(png, image);
    pages.push({ text: texts[n - 1] ?? '', png });
  }
  return pages;
}
