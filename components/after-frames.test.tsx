import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrames } from './after-frames';

describe('afterFrames', () => {
  let frames: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const nextFrame = () => frames.at(-1)?.();

  it('runs the work in a task after the given number of frames, not before', () => {
    const run = vi.fn();
    afterFrames(3, run);
    nextFrame();
    nextFrame();
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
    nextFrame();
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs nothing once cancelled, whether waiting for a frame or for its task', () => {
    const early = vi.fn();
    afterFrames(2, early)();
    nextFrame();
    nextFrame();
    vi.runAllTimers();
    expect(early).not.toHaveBeenCalled();
    const late = vi.fn();
    const cancel = afterFrames(1, late);
    nextFrame();
    cancel();
    vi.runAllTimers();
    expect(late).not.toHaveBeenCalled();
  });
});
