/** The time as a service reads it: deadline checks take it as a parameter, so tests move time instead of waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
