import { describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '@rhip/contracts';
import { EMPTY_FORM, formValuesFromDetail, toCreateBody, toUpdateBody } from './institution-form';

const detail: InstitutionDetail = {
  id: 'i1', code: '125110248765432100', codeType: 'uscc', name: '威远县人民医院', level: '2A', type: 'general_hospital', ownership: 'public',
  regionCode: '511024', regionName: '威远县', townshipCode: null, active: true, createdAt: '2026-01-01T00:00:00Z',
  address: null, emrLevel: 4, interopLevel: null, isInternetHospital: true, isSmartHospital: false, securityAssessed: true,
  expectedDatasets: [{ dataset: 'encounters', cadenceHours: 24, timelinessHours: 48 }], credentials: [], warnings: [],
};

describe('institution form values', () => {
  it('sends the code trimmed and upper-cased, blanks as null and unchecked flags as false', () => {
    const body = toCreateBody({
      ...EMPTY_FORM, code: ' 12511024876543210x ', name: ' 甲医院 ', regionCode: '511024', address: '  ', interopLevel: '四级甲等',
      flags: ['hasRemoteCare'], expectedDatasets: [{ dataset: 'persons' }, {}],
    });
    expect(body).toMatchObject({
      code: '12511024876543210X', name: '甲医院', regionCode: '511024', townshipCode: null, address: null, interopLevel: '四级甲等', emrLevel: null,
      hasRemoteCare: true, isInternetHospital: false,
      // A row without a data set is left out; missing numbers take the defaults.
      expectedDatasets: [{ dataset: 'persons', cadenceHours: 24, timelinessHours: 24 }],
    });
  });

  it('round-trips an institution through the edit form without the code', () => {
    const values = formValuesFromDetail(detail);
    expect(values.flags).toEqual(['isInternetHospital', 'securityAssessed']);
    const body = toUpdateBody(values);
    expect(body).not.toHaveProperty('code');
    expect(body).toMatchObject({ name: '威远县人民医院', level: '2A', emrLevel: 4, active: true, isInternetHospital: true, isSmartHospital: false, expectedDatasets: detail.expectedDatasets });
  });
});
