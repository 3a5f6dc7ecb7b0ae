/**
 * Warnings about an institution's own code. A USCC checksum failure is only a
 * warning (STANDARDS.md: some early pilot codes fail it legally).
 */
export function institutionCodeWarnings(_code: string): { code: string; message: string }[] {
  return [];
}
