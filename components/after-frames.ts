/**
 * Runs `run` once `frames` animation frames have begun, in a task of its own, and returns what
 * cancels it. For the work a page starts after its first screen (chunks, reads, renders): begun in
 * the frame right after that screen is drawn, it competes for the processor with the raster and
 * presentation of that screen, which under load come several frames after the page drew it (25–90
 * ms in traces of `npm run bench`).
 */
export function afterFrames(frames: number, run: () => void): () => void {
  let left = frames;
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    left -= 1;
    if (left > 0) frame = requestAnimationFrame(next);
    else task = setTimeout(run);
  };
  frame = requestAnimationFrame(next);
  return () => {
    cancelAnimationFrame(frame);
    if (task !== undefined) clearTimeout(task);
  };
}

/** How many frames a page lets pass after its first screen before it starts the rest. */
export const FRAMES_AFTER_FIRST_SCREEN = 4;
