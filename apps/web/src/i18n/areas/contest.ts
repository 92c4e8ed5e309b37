/** Strings of the contest builder, host console, player and projector: Vietnamese defines the keys, English must match them. */
export const contestVi = {} as const;

export const contestEn: { readonly [K in keyof typeof contestVi]: string } = {};
