import { settleByAbort } from "../../abortable.js";

/** What a caller of `Coalescer.run` gets: the answer, and whether it joined another's call. */
export interface Flight<T> {
  value: T;
  /** True when this caller joined a generation already in flight for the same key. */
  shared: boolean;
}

/**
 * Asked before a caller starts a generation of its own, never when it joins one in flight
 * (quota admission: joining is free). Its rejection is that caller's alone.
 */
export type Admission = () => Promise<void>;

/**
 * What a generation tells its callers while it runs (a streamed subscription's THEME and CONTENT,
 * a workflow's attempts): `publish` sends an event to every caller now waiting, and the ones who
 * join later hear every event so far first, in order. Events stay in this process: a caller on
 * another replica hears only the answer (redis-coalescer.ts).
 */
export type Publish<E> = (event: E) => void;

/** A caller's ear on the generation it runs or joins. */
export interface FlightListener<E> {
  /** This caller started the generation (after admission) or joined one in flight. */
  started?(): void;
  /** An event the generation published; earlier ones are replayed on joining. Must not throw. */
  event?(event: E): void;
}

/** The generation a caller may start: told to stop through `signal`, to publish through `publish`. */
export type Work<T, E> = (signal: AbortSignal, publish: Publish<E>) => Promise<T>;

/**
 * One generation per distinct request: callers with the same key while a generation is in
 * flight share it instead of starting their own. Two backends: this process
 * (InProcessCoalescer) and every replica through Redis (src/redis/redis-coalescer.ts), whose
 * answers cross processes as JSON, so `work` must resolve to JSON-safe data.
 */
export interface Coalescer {
  /** Whether a generation for `key` is in flight now (a new caller would join it). */
  isInFlight(key: string): Promise<boolean>;
  /**
   * Runs `work` for `key`, or joins the run already in flight. `work` receives a signal that is
   * aborted only when every caller has left. A caller whose own `signal` aborts leaves at once
   * (its promise rejects with the signal's reason); the others keep waiting for the answer.
   * `admit` is asked only when this caller would start the generation; callers arriving while
   * it is asked wait for its outcome, then join, or are asked themselves when it was refused.
   * `listener` hears when this caller is in, and the events the generation publishes.
   */
  run<T, E = never>(
    key: string,
    signal: AbortSignal | undefined,
    work: Work<T, E>,
    admit?: Admission,
    listener?: FlightListener<E>,
  ): Promise<Flight<T>>;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  /** Every event published so far, for callers who join later (a handful per generation). */
  events: unknown[];
  listeners: Set<FlightListener<unknown>>;
}

/** The embedded coalescer: flights live in this process. */
export class InProcessCoalescer implements Coalescer {
  private readonly flights = new Map<string, InFlight>();
  /** Keys whose would-be starter is being admitted; resolves to its flight, or undefined. */
  private readonly admissions = new Map<string, Promise<InFlight | undefined>>();

  async isInFlight(key: string): Promise<boolean> {
    return this.flights.has(key);
  }

  async run<T, E = never>(
    key: string,
    signal: AbortSignal | undefined,
    work: Work<T, E>,
    admit?: Admission,
    listener?: FlightListener<E>,
  ): Promise<Flight<T>> {
    const ear = listener as FlightListener<unknown> | undefined;
    for (;;) {
      const flight = this.flights.get(key);
      if (flight) return this.join<T>(key, flight, signal, true, ear);
      const admission = this.admissions.get(key);
      if (admission) {
        // Another caller is being admitted to start it: join its flight, or, when it was
        // refused or left, try again (and be asked ourselves).
        const started = await wait(admission, signal);
        if (started && !started.controller.signal.aborted) {
          return this.join<T>(key, started, signal, true, ear);
        }
        continue;
      }
      const generic = work as Work<unknown, unknown>;
      const started = admit
        ? await this.admitted(key, admit, signal, generic)
        : this.start(key, generic);
      return this.join<T>(key, started, signal, false, ear);
    }
  }

  /** Asks `admit` while later callers wait for the outcome; starts the flight when admitted. */
  private async admitted(
    key: string,
    admit: Admission,
    signal: AbortSignal | undefined,
    work: Work<unknown, unknown>,
  ): Promise<InFlight> {
    let settle!: (flight: InFlight | undefined) => void;
    this.admissions.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      await wait(admit(), signal);
    } catch (refusal) {
      this.admissions.delete(key);
      settle(undefined);
      throw refusal;
    }
    this.admissions.delete(key);
    const started = this.start(key, work);
    settle(started);
    return started;
  }

  private start(key: string, work: Work<unknown, unknown>): InFlight {
    const controller = new AbortController();
    const started: InFlight = {
      controller,
      waiters: 0,
      promise: Promise.resolve(),
      events: [],
      listeners: new Set(),
    };
    const publish = (event: unknown) => {
      started.events.push(event);
      for (const listener of started.listeners) listener.event?.(event);
    };
    started.promise = work(controller.signal, publish).finally(() => {
      if (this.flights.get(key) === started) this.flights.delete(key);
    });
    // Rejections reach every waiter through `wait`; this keeps an unwatched one from being
    // reported as unhandled when all waiters have left.
    started.promise.catch(() => undefined);
    this.flights.set(key, started);
    return started;
  }

  private async join<T>(
    key: string,
    flight: InFlight,
    signal: AbortSignal | undefined,
    shared: boolean,
    listener: FlightListener<unknown> | undefined,
  ): Promise<Flight<T>> {
    flight.waiters++;
    if (listener) {
      listener.started?.();
      for (const event of flight.events) listener.event?.(event);
      flight.listeners.add(listener);
    }
    try {
      return { value: (await wait(flight.promise, signal)) as T, shared };
    } finally {
      if (listener) flight.listeners.delete(listener);
      flight.waiters--;
      // The last caller to leave before the answer cancels the call nobody waits for.
      if (flight.waiters === 0 && this.flights.get(key) === flight) {
        this.flights.delete(key);
        flight.controller.abort(new Error("every caller of this generation has left"));
      }
    }
  }
}

/** `promise`, or the abort of `signal`, whichever comes first. */
function wait<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal ? settleByAbort(promise, signal) : promise;
}
