import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A finite number with at most `places` decimals: 12.5 and 12.25 for 2, not 12.255, 1e-300 or NaN. */
export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * `@IsNumber({ maxDecimalPlaces })` without its crash: class-validator counts decimals by splitting
 * the number's text on '.', so a tiny number written as 5e-323 threw a TypeError (a 500).
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [places],
      validator: {
        validate: (value: unknown) => isDecimal(value, places),
        defaultMessage: () => `$property must be a number with at most ${places} decimal places`,
      },
    },
    options,
  );
}
