import { FileTokenStore } from "./file-token-store.js";
import type { TokenStore } from "./token-store.js";

/** Where `mallId`'s token lives, for messages: the file itself for a file store, the store's location otherwise. */
export function storeLocationOf(store: TokenStore, mallId: string): string {
  return store instanceof FileTokenStore ? store.pathFor(mallId) : store.location;
}
