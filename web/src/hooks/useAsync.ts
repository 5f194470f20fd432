import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  /** The last loaded value; kept while a reload runs, so a live refresh does not blank the page. */
  data: T | undefined;
  /** The last failure (show it with <ErrorMessage error={…} />), or null. */
  error: unknown;
  /** True while loading or reloading. */
  loading: boolean;
  /** Loads again (e.g. when a notification says the data changed). */
  reload(): void;
  /** Replaces the data locally (e.g. with a mutation's answer) without loading. */
  setData(update: T | ((previous: T | undefined) => T)): void;
}

/**
 * Loads data when the component mounts and whenever `deps` change; the previous load is aborted.
 *
 *     const wallet = useAsync((signal) => unwrap(api.wallet.GET('/wallets/me', { signal })), [api]);
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a new function every render: `deps` say when it means something else.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}

export interface ActionState<Args extends unknown[], R> {
  /** Runs the action; resolves to its result, or to undefined when it failed (the failure is in `error`). */
  run(...args: Args): Promise<R | undefined>;
  /** True while the action runs: pass it to <Button pending={…}>. */
  pending: boolean;
  error: unknown;
  reset(): void;
}

/**
 * A user-triggered operation (save, approve, transfer) with its pending state and failure.
 *
 *     const save = useAction((body: Settings) => unwrap(api.compliance.PUT('/orgs/{org}/integrations/persona', …)));
 *     <Button pending={save.pending} onClick={() => save.run(form)}>Save</Button>
 *     <ErrorMessage error={save.error} />
 */
export function useAction<Args extends unknown[], R>(action: (...args: Args) => Promise<R>): ActionState<Args, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: Args) => {
    setPending(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (failure) {
      if (mounted.current) setError(failure);
      return undefined;
    } finally {
      if (mounted.current) setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
