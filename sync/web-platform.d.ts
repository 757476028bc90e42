/**
 * The few Web-platform globals the pure sync core uses. They exist in every runtime Arco runs on (browsers and
 * Node ≥ 20), but belong to neither ES2023 nor a platform-free lib, so they are declared here — narrowly — instead
 * of giving the whole core the DOM types (only sync/client/ compiles against the DOM; docs/architecture.md §2).
 */
declare function structuredClone<T>(value: T): T;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const crypto: {
  readonly subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  };
};
