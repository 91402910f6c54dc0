import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Alert } from './Alert.tsx';
import { TextInput } from './Field.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { RatingScale } from './RatingScale.tsx';
import { Gap, gapTone, ScoreCell } from './ScoreCell.tsx';

const noop = () => {};

describe('RatingScale', () => {
  const html = renderToStaticMarkup(
    <RatingScale
      name="q1"
      scale="nps11"
      value={7}
      onChange={noop}
      legend="How likely are you to recommend us?"
      lowLabel="Not at all likely"
      highLabel="Extremely likely"
      error="Please answer this question."
      required
    />,
  );

  it('renders one radio per point, the chosen one checked', () => {
    expect(html.match(/type="radio"/g)).toHaveLength(11);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="7"/);
  });

  it('labels both ends and ties them to the end radios', () => {
    expect(html).toContain('0 = Not at all likely');
    expect(html).toContain('10 = Extremely likely');
    const lowId = /<span id="([^"]+)">0 = Not at all likely/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`<input[^>]*aria-describedby="${lowId} [^"]*"[^>]*value="0"`));
  });

  it('marks every radio required and invalid and describes it with the error', () => {
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(11);
    expect(html.match(/required=""/g)).toHaveLength(11);
    expect(html).toContain('Please answer this question.');
  });
});

describe('TextInput', () => {
  it('ties the label, the hint and the error to the input', () => {
    const html = renderToStaticMarkup(<TextInput label="Email" hint="Your work address" error="Enter your email" />);
    const id = /<label class="fx-label" for="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain(`aria-describedby="${id}-hint ${id}-error"`);
    expect(html).toContain('aria-invalid="true"');
  });

  it('has no invalid state without an error', () => {
    expect(renderToStaticMarkup(<TextInput label="Email" />)).not.toContain('aria-invalid');
  });
});

describe('ProgressBar', () => {
  it('exposes its value to assistive technology', () => {
    const html = renderToStaticMarkup(<ProgressBar value={3} max={12} label="Progress" valueText="Question 3 of 12" />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="3"');
    expect(html).toContain('aria-valuemax="12"');
    expect(html).toContain('aria-valuetext="Question 3 of 12"');
    expect(html).toContain('width:25%');
  });
});

describe('Alert', () => {
  it('interrupts for errors and stays polite otherwise', () => {
    expect(renderToStaticMarkup(<Alert tone="error">Oops</Alert>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Alert tone="success">Sent</Alert>)).toContain('role="status"');
  });
});

describe('ScoreCell', () => {
  const base = { nText: 'n = 3', hiddenText: 'Hidden', emptyText: 'No data', locale: 'fr' };
  it('formats the score in the locale with its n', () => {
    const html = renderToStaticMarkup(<ScoreCell {...base} score={72.5} nText="n = 42" />);
    expect(html).toContain('72,5');
    expect(html).toContain('n = 42');
  });
  it('explains a withheld score', () => {
    const html = renderToStaticMarkup(<ScoreCell {...base} score={null} hiddenReason="fewer than 5 respondents" />);
    expect(html).toContain('Hidden');
    expect(html).toContain('fewer than 5 respondents');
  });
});

describe('Gap', () => {
  it('shows the sign and a word, not only a colour', () => {
    const html = renderToStaticMarkup(<Gap value={-12.34} text="below expectations" locale="en" />);
    expect(html).toContain('-12.3');
    expect(html).toContain('below expectations');
    expect(html).toContain('fx-gap--negative');
  });
  it('grades gaps', () => {
    expect(gapTone(null)).toBe('none');
    expect(gapTone(1)).toBe('positive');
    expect(gapTone(-4)).toBe('slight');
    expect(gapTone(-9)).toBe('negative');
  });
});
