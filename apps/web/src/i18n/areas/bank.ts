/** Strings of the question bank, templates, sessions and access-code slips: Vietnamese defines the keys, English must match them. */
export const bankVi = {} as const;

export const bankEn: { readonly [K in keyof typeof bankVi]: string } = {};
