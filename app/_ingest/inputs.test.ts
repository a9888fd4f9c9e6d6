import { describe, expect, it } from 'vitest';
import { ingestInputs, REJECTS_LIMIT, rejectsPageParam } from './inputs';

describe('ingestInputs', () => {
  it('asks for no rejects without a run', () => {
    expect(ingestInputs(new URLSearchParams('')).rejects).toBeNull();
  });
  it('turns ?run= and ?rejects= into a page of rejects', () => {
    expect(ingestInputs(new URLSearchParams('run=sap-1&rejects=3')).rejects).toEqual({ runId: 'sap-1', limit: REJECTS_LIMIT, offset: 2 * REJECTS_LIMIT });
    expect(ingestInputs(new URLSearchParams('run=sap-1&rejects=x')).rejects?.offset).toBe(0);
  });
  it('writes the page back, the first page as no key', () => {
    expect(rejectsPageParam(0)).toBeNull();
    expect(rejectsPageParam(2 * REJECTS_LIMIT)).toBe('3');
  });
});
