/**
 * A value made the first time it is asked for, then kept: the word tables and patterns built
 * from `grammars/` cost tens of milliseconds to make, which a module must not spend when it is
 * imported (a `convert` worker is ready before its first file; a library user may never call
 * the stage). Made once a process (or worker), never again.
 */
export function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
