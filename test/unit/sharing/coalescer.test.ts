import { describe, expect, it } from "vitest";
import { InProcessCoalescer } from "../../../src/services/sharing/coalescer.js";

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("InProcessCoalescer", () => {
  it("runs the work once for callers with the same key and tells who joined", async () => {
    const coalescer = new InProcessCoalescer();
    const answer = deferred<string>();
    let runs = 0;
    const work = () => {
      runs++;
      return answer.promise;
    };
    const first = coalescer.run("k", undefined, work);
    const second = coalescer.run("k", undefined, work);
    const other = coalescer.run("other", undefined, async () => "other");
    expect(await coalescer.isInFlight("k")).toBe(true);
    answer.resolve("yes");
    expect(await first).toEqual({ value: "yes", shared: false });
    expect(await second).toEqual({ value: "yes", shared: true });
    expect(await other).toEqual({ value: "other", shared: false });
    expect(runs).toBe(1);
    expect(await coalescer.isInFlight("k")).toBe(false);
  });

  it("gives every waiter the failure, and starts afresh afterwards", async () => {
    const coalescer = new InProcessCoalescer();
    const failing = deferred<string>();
    const waiters = [1, 2].map(() => coalescer.run("k", undefined, () => failing.promise));
    failing.reject(new Error("upstream"));
    for (const waiter of waiters) await expect(waiter).rejects.toThrow("upstream");
    expect(await coalescer.run("k", undefined, async () => "again")).toEqual({
      value: "again",
      shared: false,
    });
  });

  it("lets one waiter leave without cancelling, and cancels when the last one leaves", async () => {
    const coalescer = new InProcessCoalescer();
    const answer = deferred<string>();
    let workSignal: AbortSignal | undefined;
    const work = (signal: AbortSignal) => {
      workSignal = signal;
      return answer.promise;
    };
    const leaving = [new AbortController(), new AbortController()];
    const waiters = leaving.map((controller) => coalescer.run("k", controller.signal, work));
    leaving[0]!.abort(new Error("gone"));
    await expect(waiters[0]).rejects.toThrow("gone");
    expect(workSignal!.aborted).toBe(false);
    leaving[1]!.abort(new Error("gone too"));
    await expect(waiters[1]).rejects.toThrow("gone too");
    expect(workSignal!.aborted).toBe(true);
    expect(await coalescer.isInFlight("k")).toBe(false);
    answer.resolve("late");
  });

  it("rejects at once a caller whose signal is already aborted", async () => {
    const coalescer = new InProcessCoalescer();
    const controller = new AbortController();
    controller.abort(new Error("before"));
    await expect(coalescer.run("k", controller.signal, async () => "x")).rejects.toThrow("before");
  });

  it("asks admission only of the caller that starts: callers arriving meanwhile join for free", async () => {
    const coalescer = new InProcessCoalescer();
    const admission = deferred<void>();
    const asked: string[] = [];
    const admit = (who: string) => () => {
      asked.push(who);
      return admission.promise;
    };
    let runs = 0;
    const work = async () => {
      runs++;
      return "answer";
    };
    const first = coalescer.run("k", undefined, work, admit("first"));
    const second = coalescer.run("k", undefined, work, admit("second"));
    await Promise.resolve();
    admission.resolve();
    expect(await first).toEqual({ value: "answer", shared: false });
    expect(await second).toEqual({ value: "answer", shared: true });
    expect(asked).toEqual(["first"]);
    expect(runs).toBe(1);
  });

  it("keeps a refusal to the refused caller: the one waiting behind it is asked itself", async () => {
    const coalescer = new InProcessCoalescer();
    const refusal = deferred<void>();
    const asked: string[] = [];
    const work = async () => "answer";
    const refused = coalescer.run("k", undefined, work, () => {
      asked.push("refused");
      return refusal.promise;
    });
    const admitted = coalescer.run("k", undefined, work, async () => {
      asked.push("admitted");
    });
    await Promise.resolve();
    refusal.reject(new Error("over quota"));
    await expect(refused).rejects.toThrow("over quota");
    expect(await admitted).toEqual({ value: "answer", shared: false });
    expect(asked).toEqual(["refused", "admitted"]);
  });

  it("tells each caller when it is in and every published event, replaying them to late joiners", async () => {
    const coalescer = new InProcessCoalescer();
    const answer = deferred<string>();
    let publish!: (event: string) => void;
    const heard = { first: [] as string[], second: [] as string[] };
    const listener = (name: "first" | "second") => ({
      started: () => heard[name].push("started"),
      event: (event: string) => heard[name].push(event),
    });
    const work = (_signal: AbortSignal, send: (event: string) => void) => {
      publish = send;
      return answer.promise;
    };
    const first = coalescer.run("k", undefined, work, undefined, listener("first"));
    await Promise.resolve();
    publish("theme");
    publish("content 1");
    const second = coalescer.run("k", undefined, work, undefined, listener("second"));
    await Promise.resolve();
    publish("content 2");
    answer.resolve("done");
    await Promise.all([first, second]);
    publish("after the answer");

    expect(heard.first).toEqual(["started", "theme", "content 1", "content 2"]);
    expect(heard.second).toEqual(["started", "theme", "content 1", "content 2"]);
  });

  it("tells a caller refused admission nothing, and stops telling one who left", async () => {
    const coalescer = new InProcessCoalescer();
    const refused: string[] = [];
    await expect(
      coalescer.run(
        "k",
        undefined,
        async () => "never",
        async () => {
          throw new Error("quota");
        },
        { started: () => refused.push("started"), event: (event: string) => refused.push(event) },
      ),
    ).rejects.toThrow("quota");
    expect(refused).toEqual([]);

    const answer = deferred<string>();
    let publish!: (event: string) => void;
    const leaving = new AbortController();
    const left: string[] = [];
    const work = (_signal: AbortSignal, send: (event: string) => void) => {
      publish = send;
      return answer.promise;
    };
    const stays = coalescer.run("k", undefined, work);
    const leaves = coalescer.run("k", leaving.signal, work, undefined, {
      event: (event: string) => left.push(event),
    });
    await Promise.resolve();
    publish("one");
    leaving.abort(new Error("gone"));
    await expect(leaves).rejects.toThrow("gone");
    publish("two");
    answer.resolve("done");
    await stays;
    expect(left).toEqual(["one"]);
  });
});
