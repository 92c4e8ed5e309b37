/** socket.io room names, in one place. */
export const sessionRoom = (sessionId: number): string => `s:${sessionId}`;
/** Host and projector: lobby news. */
export const staffRoom = (sessionId: number): string => `s:${sessionId}:staff`;
/** Host only: live answer counts. */
export const hostRoom = (sessionId: number): string => `s:${sessionId}:host`;
/** One player, on whichever instance and however many tabs. */
export const playerRoom = (sessionId: number, playerId: number): string => `s:${sessionId}:p:${playerId}`;
