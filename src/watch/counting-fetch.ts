import type { FetchLike } from "../util/runtime.js";

/** Wraps the OAuth fetch so the manager can count the Cafe24 calls it makes and the 429s it meets, per mall. */
export function countingFetch(
  inner: FetchLike | undefined,
  onAnswer: (status: number | null) => void,
): FetchLike {
  const send: FetchLike = inner ?? ((input, init) => fetch(input, init));
  return async (input, init) => {
    try {
      const response = await send(input, init);
      onAnswer(response.status);
      return response;
    } catch (error) {
      onAnswer(null);
      throw error;
    }
  };
}
