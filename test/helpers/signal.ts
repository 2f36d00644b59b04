/** A promise the test resolves by hand: `done` settles when `fire()` is called (once; later calls do nothing). */
export function signal(): { done: Promise<void>; fire: () => void } {
  let fire = () => {};
  const done = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { done, fire };
}
