import { InProcessCoalescer } from "../services/sharing/coalescer.js";
import type {
  Admission,
  Coalescer,
  Flight,
  FlightListener,
  Work,
} from "../services/sharing/coalescer.js";
import type { RedisFlights } from "./redis-flight.js";

/**
 * Coalescing across replicas: identical requests join within this process first (one caller per
 * replica goes further), and that caller generates or waits for another replica through Redis
 * (redis-flight.ts). A caller is `shared` when it joined here or its replica joined another's.
 * Admission (quota) is asked only when no replica holds the generation yet. Published events
 * reach the callers in the generating process; a replica that waits for another hears only the
 * answer (the events are previews of it, not worth a Redis round trip each).
 */
export class RedisCoalescer implements Coalescer {
  private readonly local = new InProcessCoalescer();

  constructor(private readonly flights: RedisFlights) {}

  async isInFlight(key: string): Promise<boolean> {
    return (await this.local.isInFlight(key)) || this.flights.isHeld(key);
  }

  async run<T, E = never>(
    key: string,
    signal: AbortSignal | undefined,
    work: Work<T, E>,
    admit?: Admission,
    listener?: FlightListener<E>,
  ): Promise<Flight<T>> {
    const admitUnlessHeld =
      admit &&
      (async () => {
        if (!(await this.flights.isHeld(key))) await admit();
      });
    const outer = await this.local.run<Flight<T>, E>(
      key,
      signal,
      (flightSignal, publish) =>
        this.flights.run(key, flightSignal, (workSignal) => work(workSignal, publish)),
      admitUnlessHeld,
      listener,
    );
    return { value: outer.value.value, shared: outer.shared || outer.value.shared };
  }
}
