import { describe, expect, it } from 'vitest';
import { readHeatCell, readScoreCell } from './cells.ts';

describe('readScoreCell', () => {
  it('reads an English cell', () => {
    expect(readScoreCell('62.5 n = 12')).toEqual({ score: 62.5, n: 12 });
  });

  it('reads a French cell with a decimal comma and grouped thousands', () => {
    expect(readScoreCell('62,5n\u00a0=\u00a01\u202f204')).toEqual({ score: 62.5, n: 1204 });
  });

  it('reads a withheld cell as no score', () => {
    expect(readScoreCell('Hidden fewer than 5 respondents')).toEqual({ score: null, n: null });
    expect(readScoreCell('No data n = 0')).toEqual({ score: null, n: 0 });
  });

  it('reads a score of 100', () => {
    expect(readScoreCell('100,0 n = 7')).toEqual({ score: 100, n: 7 });
  });

  it('reads a heatmap cell after its group and dimension names', () => {
    expect(readHeatCell('Customers, Reliability of promises: 62.5n = 40')).toEqual({ score: 62.5, n: 40 });
    expect(readHeatCell('Fournisseurs, Transparence : 66,7 n = 9')).toEqual({ score: 66.7, n: 9 });
    expect(readHeatCell(null)).toEqual({ score: null, n: null });
  });

  it('reads a supplier cell, whose n counts contacts', () => {
    expect(readHeatCell('Suppliers, Transparency: 66.7n = 9 contacts')).toEqual({ score: 66.7, n: 9 });
    expect(readHeatCell('Fournisseurs, Transparence : 66,7n\u00a0=\u00a01\u202f204 contacts')).toEqual({
      score: 66.7,
      n: 1204,
    });
    expect(readScoreCell('50,0 n = 1 contact')).toEqual({ score: 50, n: 1 });
  });
});
