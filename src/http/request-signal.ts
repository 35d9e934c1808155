import type { ServerResponse } from "node:http";
import type { SignalState } from "../context.js";

/** Why a request's signal aborted when its client went away before the answer. */
export class ClientGoneError extends Error {
  override readonly name = "ClientGoneError";
  constructor() {
    super("client disconnected");
  }
}

/**
 * The signal an HTTP request's work follows, made on first use: aborted when the client
 * disconnects before its answer, or when shutdown cuts the request.
 *
 * Why lazily: an AbortController with its two listeners cost ~3 % of a cached answer's time
 * (bench `executor`), and most requests (cached answers, built-ins, queries) never hand a
 * signal to anything. What the rest of a request asks (was it stopped, and why) is answered
 * from the response and the cut without making one. A signal made after the client left is
 * aborted at once, so work that starts late still sees it.
 */
export class RequestSignal implements SignalState {
  private made: AbortSignal | undefined;

  constructor(
    private readonly response: ServerResponse,
    private readonly cut: AbortSignal,
  ) {}

  get signal(): AbortSignal {
    return (this.made ??= abortedWith(this.response, this.cut));
  }

  get aborted(): boolean {
    return this.made?.aborted ?? (this.cut.aborted || clientGone(this.response));
  }

  get reason(): unknown {
    return this.aborted ? this.signal.reason : undefined;
  }
}

/** The client hung up before the whole answer was written. */
function clientGone(response: ServerResponse): boolean {
  return response.closed && !response.writableFinished;
}

/** Listeners go away with the response, so none accumulate on the cut. */
function abortedWith(response: ServerResponse, cut: AbortSignal): AbortSignal {
  const controller = new AbortController();
  if (cut.aborted) controller.abort(cut.reason);
  else if (clientGone(response)) controller.abort(new ClientGoneError());
  else if (!response.closed) {
    const onCut = () => controller.abort(cut.reason);
    cut.addEventListener("abort", onCut, { once: true });
    response.once("close", () => {
      cut.removeEventListener("abort", onCut);
      if (!response.writableFinished) controller.abort(new ClientGoneError());
    });
  }
  return controller.signal;
}
