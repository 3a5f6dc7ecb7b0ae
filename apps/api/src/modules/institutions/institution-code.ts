import { checkLicenceNumber, validateUscc } from '@rhip/domain';
import { ValidationError } from '../../lib/errors';

/**
 * An institution is identified by its unified social credit code (GB 32100,
 * 18 characters) or its practising-licence registration number (22). A
 * malformed code is refused; a USCC checksum or region problem is only a
 * warning (STANDARDS.md: some early pilot codes fail the checksum legally).
 */
export function assertInstitutionCode(code: string): 'uscc' | 'licence' {
  if (code.length === 18) {
    const v = validateUscc(code);
    if (!v.valid) throw new ValidationError('code is not a unified social credit code (GB 32100)', [{ path: 'body.code', code: 'ORG.USCC_FORMAT', message: 'expected 18 characters of 0-9 A-H J-N P-R T U W-Y with a 6-digit region code at positions 3–8' }]);
    return 'uscc';
  }
  if (code.length === 22) {
    const v = checkLicenceNumber(code);
    if (!v.valid) throw new ValidationError('code is not a practising-licence registration number', [{ path: 'body.code', code: 'ORG.LICENCE_FORMAT', message: `licence number ${v.issues.join(', ')} check failed` }]);
    return 'licence';
  }
  throw new ValidationError('code must be a USCC (18 characters) or a licence number (22 characters)', [{ path: 'body.code', code: 'ORG.CODE_LENGTH', message: `got ${code.length} characters` }]);
}

export function institutionCodeWarnings(code: string): { code: string; message: string }[] {
  if (code.length !== 18) return [];
  const v = validateUscc(code);
  return v.warnings.map((w) =>
    w === 'checksum'
      ? { code: 'ORG.USCC_CHECKSUM', message: 'The check character does not match (GB 32100 MOD 31); kept, as some early codes fail it legally' }
      : { code: 'ORG.CODE_REGION', message: 'Positions 3–8 are not a known region code' },
  );
}
