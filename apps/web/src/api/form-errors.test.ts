import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { fieldIssues, formFieldErrors, formNamePath } from './form-errors';

const validation = (details: unknown) => new ApiError(400, 'VALIDATION_FAILED', 'bad', details, 'req-1');

describe('API validation details on a form', () => {
  it('turns body paths into form name paths, array indexes as numbers', () => {
    expect(formNamePath('body.code')).toEqual(['code']);
    expect(formNamePath('body.expectedDatasets.0.cadenceHours')).toEqual(['expectedDatasets', 0, 'cadenceHours']);
    expect(formNamePath('querystring.page')).toBeNull();
    expect(formNamePath('body')).toBeNull();
  });

  it('reads only well-formed issues of a 400 answer', () => {
    expect(fieldIssues(validation([{ path: 'body.code', code: 'ORG.USCC_FORMAT', message: 'm' }, { nope: 1 }]))).toHaveLength(1);
    expect(fieldIssues(new ApiError(409, 'CONFLICT', 'dup', [{ path: 'body.code', code: 'x', message: 'm' }]))).toEqual([]);
    expect(fieldIssues(new Error('x'))).toEqual([]);
  });

  it('groups issues per field and keeps the ones no field shows', () => {
    const err = validation([
      { path: 'body.code', code: 'ORG.USCC_FORMAT', message: 'a' },
      { path: 'body.code', code: 'too_small', message: 'b' },
      { path: 'body.expectedDatasets.1.dataset', code: 'invalid_value', message: 'c' },
      { path: 'body.unknownThing', code: 'x', message: 'd' },
    ]);
    const { fields, other } = formFieldErrors(err, ['code', 'expectedDatasets'], (i) => `${i.code}:${i.message}`);
    expect(fields).toEqual([
      { name: ['code'], errors: ['ORG.USCC_FORMAT:a', 'too_small:b'] },
      { name: ['expectedDatasets', 1, 'dataset'], errors: ['invalid_value:c'] },
    ]);
    expect(other.map((o) => o.path)).toEqual(['body.unknownThing']);
  });
});
