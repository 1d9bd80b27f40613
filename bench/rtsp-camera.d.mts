// Types of rtsp-camera.mjs for the tests that use it.
export interface TestCamera {
  readonly url: string;
  /** The camera goes away: its encoder ends, its server closes, its clients are cut off. */
  stop(): Promise<void>;
  /** The camera comes back on the same URL. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function startTestCamera(options?: { width?: number; height?: number; fps?: number }): Promise<TestCamera>;
