import { describe, expect, it } from 'vitest';
import { connectionIsPrecious } from '../../../src/lib/connection.ts';

describe('connectionIsPrecious', () => {
  it('holds back under Save-Data, whatever the link', () => {
    expect(connectionIsPrecious({ saveData: true, effectiveType: '4g' })).toBe(true);
  });

  it.each(['2g', 'slow-2g'])('holds back on a %s link', (effectiveType) => {
    expect(connectionIsPrecious({ saveData: false, effectiveType })).toBe(true);
  });

  it.each(['3g', '4g'])('prefetches on a %s link', (effectiveType) => {
    expect(connectionIsPrecious({ saveData: false, effectiveType })).toBe(false);
  });

  it('prefetches where the browser does not say (no Network Information API)', () => {
    expect(connectionIsPrecious(undefined)).toBe(false);
    expect(connectionIsPrecious({})).toBe(false);
  });
});
