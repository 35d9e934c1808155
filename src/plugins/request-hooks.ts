import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { RequestContext } from "../context.js";

type Listener = GraphQLRequestListener<RequestContext>;

/**
 * What one concern of ours does in Apollo's request pipeline (logging, limits, response
 * shaping). Stateless: whatever a request needs is in its context, so one listener made at
 * start-up serves every request.
 */
export interface RequestHooks extends Pick<
  Listener,
  | "parsingDidStart"
  | "validationDidStart"
  | "didResolveOperation"
  | "didEncounterErrors"
  | "willSendResponse"
> {
  /** Apollo's server-level hook: a request refused before it became a GraphQL request. */
  invalidRequestWasReceived?: ApolloServerPlugin<RequestContext>["invalidRequestWasReceived"];
}

/**
 * Our request hooks as one Apollo plugin, whose one listener is made once, here.
 *
 * Why: Apollo calls every plugin's `requestDidStart` on every request and then, at each stage,
 * every listener it returned through a `Promise.all`. Eight plugins, each making a listener of
 * closures per request, were ~4 % of a cached answer's time (bench `executor`). The hooks run
 * in the order of `parts`, as the plugins did in the order they were listed.
 */
export function requestHooksPlugin(
  parts: readonly RequestHooks[],
): ApolloServerPlugin<RequestContext> {
  const listener: Listener = {
    parsingDidStart: withEndHooks(defined(parts, "parsingDidStart")),
    validationDidStart: withEndHooks(defined(parts, "validationDidStart")),
    didResolveOperation: inOrder(defined(parts, "didResolveOperation")),
    didEncounterErrors: inOrder(defined(parts, "didEncounterErrors")),
    willSendResponse: inOrder(defined(parts, "willSendResponse")),
  };
  const invalidRequestWasReceived = inOrder(defined(parts, "invalidRequestWasReceived"));
  return {
    ...(invalidRequestWasReceived && { invalidRequestWasReceived }),
    async requestDidStart() {
      return listener;
    },
  };
}

type HookName = keyof RequestHooks;
type Hook<Name extends HookName> = NonNullable<RequestHooks[Name]>;

function defined<Name extends HookName>(parts: readonly RequestHooks[], name: Name): Hook<Name>[] {
  return parts.flatMap((part) => (part[name] ? [part[name].bind(part) as Hook<Name>] : []));
}

/** One hook as it is; several one after the other; none leaves Apollo nothing to call. */
function inOrder<Context>(
  hooks: ((context: Context) => Promise<void>)[],
): ((context: Context) => Promise<void>) | undefined {
  if (hooks.length <= 1) return hooks[0];
  return async (context) => {
    for (const hook of hooks) await hook(context);
  };
}

/**
 * Start hooks that may return an end hook (parsing, validation): the end hooks run in reverse
 * order, without waiting, as Apollo runs those of separate plugins.
 */
function withEndHooks<Context, End extends (...args: never[]) => Promise<void>>(
  hooks: ((context: Context) => Promise<End | void>)[],
): ((context: Context) => Promise<End | void>) | undefined {
  if (hooks.length <= 1) return hooks[0];
  return async (context) => {
    const ends: End[] = [];
    for (const hook of hooks) {
      const end = await hook(context);
      if (end) ends.unshift(end);
    }
    return (async (...args: Parameters<End>) => {
      for (const end of ends) void end(...args);
    }) as End;
  };
}
