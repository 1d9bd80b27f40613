// Time as milliseconds since the epoch, passed in so lockouts, token expiry and audit times can be tested.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
