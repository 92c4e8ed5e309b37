/** Strings of the survey kiosk, QR pages and survey results: Vietnamese defines the keys, English must match them. */
export const surveyVi = {} as const;

export const surveyEn: { readonly [K in keyof typeof surveyVi]: string } = {};
