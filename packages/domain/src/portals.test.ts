import { describe, expect, it } from 'vitest';
import { GROUP_KINDS } from './model.ts';
import { groupCodeRefusal, PORTAL_MOUNTS, portalPath, SERVER_PATHS, servingKind } from './portals.ts';

describe('groupCodeRefusal', () => {
  it('accepts a code of its own for every kind, and each kind its own app mount (the demo: employee…)', () => {
    for (const kind of GROUP_KINDS) {
      expect(groupCodeRefusal(kind, 'crew')).toBeNull();
      expect(groupCodeRefusal(kind, PORTAL_MOUNTS[kind])).toBeNull();
    }
  });

  it('refuses the server paths for every kind', () => {
    for (const kind of GROUP_KINDS) {
      for (const code of ['console', 'api', 'trpc', 'healthz', 'assets']) {
        expect(groupCodeRefusal(kind, code)).toMatch(/path of the server/);
      }
    }
    expect(SERVER_PATHS).toContain('console');
  });

  it("refuses another kind's app mount: a supplier group coded employee, a custom group coded supplier", () => {
    expect(groupCodeRefusal('supplier', 'employee')).toMatch(/employee groups' portal app/);
    expect(groupCodeRefusal('custom', 'supplier')).toMatch(/supplier groups' portal app/);
    expect(groupCodeRefusal('employee', 'group')).toMatch(/custom groups' portal app/);
  });

  it('gives every kind a distinct mount', () => {
    expect(new Set(Object.values(PORTAL_MOUNTS)).size).toBe(GROUP_KINDS.length);
  });
});

describe('portalPath', () => {
  it('is the code as the first path segment', () => {
    expect(portalPath('partners')).toBe('/partners/');
  });
});

describe('servingKind', () => {
  it("is the groups' kind when every group with the code agrees", () => {
    expect(servingKind(['employee'])).toBe('employee');
    expect(servingKind(['employee', 'employee'])).toBe('employee');
    expect(servingKind(['custom'])).toBe('custom');
  });

  it('is the generic app of custom groups when two organisations give the code to groups of different kinds', () => {
    expect(servingKind(['employee', 'custom'])).toBe('custom');
    expect(servingKind(['supplier', 'employee'])).toBe('custom');
  });

  it('is null when no group has the code', () => {
    expect(servingKind([])).toBeNull();
  });
});
