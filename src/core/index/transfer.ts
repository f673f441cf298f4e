/** Handing binary data between threads without copying it. */

/**
 * The buffers of `arrays` that can be transferred rather than copied: only one that each array
 * fills alone, since a transfer empties the whole buffer for the sender (a Buffer from Node's
 * pool shares its buffer with others).
 */
export function movable(arrays: Uint8Array[]): ArrayBuffer[] {
  return arrays.flatMap((array) =>
    array.buffer instanceof ArrayBuffer &&
    array.byteOffset === 0 &&
    array.byteLength === array.buffer.byteLength
      ? [array.buffer]
      : [],
  );
}
