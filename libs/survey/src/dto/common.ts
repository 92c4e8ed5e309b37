import { Transform } from 'class-transformer';

/** Whole numbers in query strings and route parameters: "12" → 12; anything else is left for @IsInt to refuse. */
export const QueryInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** "1,2,3" or repeated parameters → [1, 2, 3]; anything else is left for the validators to refuse. */
export const QueryIntList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
    if (!parts) return value;
    return parts.map((p) => (typeof p === 'string' && /^\d{1,15}$/.test(p.trim()) ? Number(p.trim()) : p));
  });
