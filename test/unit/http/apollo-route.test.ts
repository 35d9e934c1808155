import { describe, expect, it } from "vitest";
import { searchOf } from "../../../src/http/apollo-route.js";

/** What @as-integrations/fastify gave Apollo: the WHATWG URL parser's `search`. */
const urlSearch = (target: string) => new URL(target, "http://127.0.0.1/").search;

const params = (search: string) => [...new URLSearchParams(search)];

describe("searchOf", () => {
  const targets = [
    "/graphql",
    "/graphql?",
    "/graphql?query=%7Bmodes%7Bedges%7Bnode%7Bid%7D%7D%7D%7D",
    "/graphql?query={__typename}&operationName=A",
    '/graphql?query=query%20Q%7B__typename%7D&variables={"first":2}',
    "/graphql?a=1&a=2&b=+x+",
    "/graphql?q=%E2%9C%93&r=it's",
    "/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%7D%7D#frag",
    "/graphql??double",
  ];

  it.each(targets)("gives Apollo the same parameters as the URL parser for %s", (target) => {
    expect(params(searchOf(target))).toEqual(params(urlSearch(target)));
  });

  it("is empty without a query string, as URL's search is", () => {
    expect(searchOf("/graphql")).toBe("");
    expect(searchOf("/graphql?")).toBe("");
    expect(searchOf("/graphql?x=1")).toBe("?x=1");
  });
});
