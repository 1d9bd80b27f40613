// What every source adapter takes and gives back.

export type VideoSourceKind = 'hls' | 'whep' | 'file';

export interface SourceOptions {
  /** Only files loop; a live source that ends is lost. */
  loop: boolean;
  /** Called when the source cannot go on (until it is attached again). */
  onError(reason: string): void;
}

/** Undoes an attachment: stops loading, releases the decoder and the connection. */
export type DetachSource = () => void;
