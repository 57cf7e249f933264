// dist/cli/errors.js
/** A mistake the user can fix; printed as its message alone, without a stack. */
var UsageError = class extends Error {
	name = "UsageError";
};
/**
* Errors that mean nslab itself went wrong. Every error nslab raises on
* purpose is a class of its own with its own name (TopologyError,
* NetlinkError, CgroupError…) and a message that says what, where and what
* to do; those are shown as they are.
*/
const BUG_NAMES = /* @__PURE__ */ new Set([
	"Error",
	"TypeError",
	"RangeError",
	"ReferenceError",
	"SyntaxError",
	"EvalError",
	"URIError"
]);
/** What the user sees for an error: what, where, and what to do; a stack only for nslab's own bugs (or NSLAB_DEBUG). */
function describeError(err) {
	if (!(err instanceof Error)) return String(err);
	if (process.env.NSLAB_DEBUG) return err.stack ?? err.message;
	if (err instanceof AggregateError || !BUG_NAMES.has(err.name)) return err.message;
	return `${err.message}\n(set NSLAB_DEBUG=1 for details)`;
}
export { describeError as n, UsageError as t };
