// The anatomic side modifiers (HCPCS LT/RT) and the CPT bilateral modifier (50).

export const SIDE_MODIFIERS: Readonly<Record<'left' | 'right', string>> = { left: 'LT', right: 'RT' };
export const BILATERAL_MODIFIER = '50';

export function sideOfModifier(modifier: string): 'left' | 'right' | 'bilateral' | undefined {
  if (modifier === SIDE_MODIFIERS.left) return 'left';
  if (modifier === SIDE_MODIFIERS.right) return 'right';
  if (modifier === BILATERAL_MODIFIER) return 'bilateral';
  return undefined;
}
