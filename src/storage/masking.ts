/**
 * Masked forms of personal identifiers (docs/spec/workflow.md: shown whole only to the
 * roles that need them, masked elsewhere, e.g. 3101********1234). Computed
 * once when the row is written, so that lists never read the full value.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}********${idNumber.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
