import { InProcessCoalescer } from "../services/sharing/coalescer.js";
import type { Admission, Coalescer, Flight } from "../services/sharing/coalescer.js";
import type { RedisFlights } from "./redis-flight.js";

/**
 * Coalescing across replicas: identical requests join within this process first (one caller per
 * replica goes further), and that caller generates or waits for another replica through Redis
 * (redis-flight.ts). A caller is `shared` when it joined here or its replica joined another's.
 * Admission (quota) is asked only when no replica holds the generation yet.
 */
export class RedisCoalescer implements Coalescer {
  private readonly local = new InProcessCoalescer();

  constructor(private readonly flights: RedisFlights) {}

  async isInFlight(key: string): Promise<boolean> {
    return (await this.local.isInFlight(key)) || this.flights.isHeld(key);
  }

  async run<T>(
    key: string,
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
    admit?: Admission,
  ): Promise<Flight<T>> {
    const admitUnlessHeld =
      admit &&
      (async () => {
        if (!(await this.flights.isHeld(key))) await admit();
      });
    const outer = await this.local.run<Flight<T>>(
      key,
      signal,
      (flightSignal) => this.flights.run(key, flightSignal, work),
      admitUnlessHeld,
    );
    return { value: outer.value.value, shared: outer.shared || outer.value.shared };
  }
}
