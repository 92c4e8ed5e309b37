import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Query strings carry booleans as text: "true"/"1" and "false"/"0"; anything else is left for @IsBoolean to refuse. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

/** Whole numbers in query strings and route parameters: "12" → 12; anything else is left for @IsInt to refuse. */
export const QueryInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** Optional, but never null: a field left out is kept as it is, a null is refused by the next validators. */
export const IfPresent = (): PropertyDecorator => ValidateIf((_: unknown, v: unknown) => v !== undefined);
