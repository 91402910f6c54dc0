/** What the runners log through: pino's signature, so the server's logger fits as it is. */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
