/** Masking for display when role and purpose do not allow the clear value. */

/** 11010519491231002X → 110105********002X (region kept, birth date hidden). */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, Math.min(6, value.length - 4)) + '*'.repeat(value.length - Math.min(6, value.length - 4) - 4) + value.slice(-4);
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep their first letter. */
export function maskName(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const chars = [...value];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678. */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
