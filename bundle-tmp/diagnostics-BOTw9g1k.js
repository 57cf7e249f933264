// dist/topology/diagnostics.js
function formatPosition(p) {
	return `${p.file}:${p.line}:${p.col}`;
}
function formatDiagnostic(d) {
	return `${formatPosition(d.pos)}: ${d.severity === "warning" ? "warning: " : ""}${d.field ? `${d.field}: ` : ""}${d.message}`;
}
/** A topology that cannot become a lab: every problem found, each with its place. */
var TopologyError = class extends Error {
	diagnostics;
	name = "TopologyError";
	constructor(diagnostics) {
		const errors = diagnostics.filter((d) => d.severity === "error");
		super(errors.map(formatDiagnostic).join("\n"));
		this.diagnostics = diagnostics;
	}
};
/** Collects problems so that all of them are reported at once. */
var Diagnostics = class {
	list = [];
	/** Report an error; a second error at the same place and field is dropped (it is the first one's echo). */
	error(pos, field, message) {
		if (!this.list.some((d) => d.severity === "error" && d.field === field && d.pos.line === pos.line && d.pos.col === pos.col)) this.list.push({
			pos,
			field,
			message,
			severity: "error"
		});
	}
	warn(pos, field, message) {
		this.list.push({
			pos,
			field,
			message,
			severity: "warning"
		});
	}
	get hasErrors() {
		return this.list.some((d) => d.severity === "error");
	}
	get warnings() {
		return this.list.filter((d) => d.severity === "warning");
	}
	/** Throw a TopologyError if anything is wrong. */
	check() {
		if (this.hasErrors) throw new TopologyError(this.list);
	}
};
/** The closest candidate by edit distance, for "did you mean …?" (undefined if none is close). */
function suggest(word, candidates) {
	let best;
	let bestDist = Infinity;
	for (const c of candidates) {
		const d = editDistance(word.toLowerCase(), c.toLowerCase());
		if (d < bestDist) {
			bestDist = d;
			best = c;
		}
	}
	return best !== void 0 && bestDist <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
/** Edit distance where swapping two neighbours counts as one edit (optimal string alignment). */
function editDistance(a, b) {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i === 0 ? j : j === 0 ? i : 0));
	const at = (i, j) => d[i][j];
	for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
		const cost = a[i - 1] === b[j - 1] ? 0 : 1;
		let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
		if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
		d[i][j] = best;
	}
	return at(a.length, b.length);
}
function didYouMean(word, candidates) {
	const s = suggest(word, candidates);
	return s ? ` — did you mean '${s}'?` : "";
}
export { formatPosition as i, didYouMean as n, formatDiagnostic as r, Diagnostics as t };
