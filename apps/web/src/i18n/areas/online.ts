/** Strings of the online contest (played over days or weeks): Vietnamese defines the keys, English must match them. */
export const onlineVi = {} as const;

export const onlineEn: { readonly [K in keyof typeof onlineVi]: string } = {};
