/**
 * `promise`, or an error saying `failure` once `ms` have passed: for the waits Playwright or the
 * extension set no limit on, so that a hang is a failure that says what hung, not a test timeout.
 */
export async function bounded<T>(promise: Promise<T>, ms: number, failure: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(failure)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
