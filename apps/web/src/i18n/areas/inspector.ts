/** Strings of the inspector dashboard, scorecards, schemes and ranking: Vietnamese defines the keys, English must match them. */
export const inspectorVi = {} as const;

export const inspectorEn: { readonly [K in keyof typeof inspectorVi]: string } = {};
