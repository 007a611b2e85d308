/** The "hello" baseline for `npm run bench:catalog`: the cheapest possible Worker in the same local runtime. */
export default { fetch: () => new Response('hello') };
