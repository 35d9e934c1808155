/** A signal that aborts when either does (the caller's own, and its stream's reader leaving). */
export function joinSignals(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second;
}
