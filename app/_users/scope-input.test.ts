import { describe, expect, it } from 'vitest';
import { choiceOf, scopeForApi } from './scope-input';

describe('the scope sent to the API', () => {
  it('is only a process owner’s, without empty lists, and null when nothing is ticked', () => {
    expect(scopeForApi(['analyst'], { warehouses: ['WH1'], segments: [] })).toBeNull();
    expect(scopeForApi(['process_owner'], { warehouses: [], segments: [] })).toBeNull();
    expect(scopeForApi(['process_owner'], { warehouses: ['WH1'], segments: [] })).toEqual({ warehouses: ['WH1'] });
    expect(scopeForApi(['process_owner', 'analyst'], { warehouses: ['WH1'], segments: ['SM'] })).toEqual({ warehouses: ['WH1'], segments: ['SM'] });
    expect(choiceOf(null)).toEqual({ warehouses: [], segments: [] });
    expect(choiceOf({ segments: ['KA'] })).toEqual({ warehouses: [], segments: ['KA'] });
  });
});
