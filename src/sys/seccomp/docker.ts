import { readFileSync } from 'node:fs';
import { ARCHES, isKnownSyscall, parseArchName, type ArchName } from './arch.js';
import { SECCOMP_FILTER_FLAG } from './constants.js';
import { SeccompProfileError } from './errors.js';
import { JsonSyntaxError, parseJson, type JsonNode } from './json.js';
import { SCMP_CMP, type Action, type ArgCmp, type CmpOp, type Policy, type Rule, type RuleCondition } from './policy.js';

/**
 * Loads a seccomp profile in Docker's JSON format (the one in moby's
 * profiles/seccomp/default.json), which is also the OCI runtime spec's
 * linux.seccomp object:
 *
 * ```json
 * { "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
 *   "architectures": ["SCMP_ARCH_X86_64"],          (OCI) or "archMap": [...] (Docker)
 *   "syscalls": [ { "names": ["clone"], "action": "SCMP_ACT_ALLOW",
 *                   "args": [ { "index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ" } ],
 *                   "includes": { "caps": [...], "arches": [...], "minKernel": "4.8" },
 *                   "excludes": { "caps": [...], "arches": [...] } } ] }
 * ```
 *
 * Semantics follow Docker and runc: a rule's argument comparisons must all
 * hold, except that several comparisons of the same argument make one rule
 * each (runc's rule); includes/excludes are checked at compile time against
 * the node's capabilities, the target architecture (Docker's Go names:
 * amd64, arm64) and the kernel version; names a target architecture lacks
 * are skipped. Errors name the file, line, column and JSON path.
 */

export interface LoadedProfile {
  readonly policy: Policy;
  /** Things accepted but not honoured (foreign architectures, unknown fields). */
  readonly warnings: readonly string[];
}

const ACTIONS = [
  'SCMP_ACT_KILL', 'SCMP_ACT_KILL_THREAD', 'SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_TRAP', 'SCMP_ACT_ERRNO',
  'SCMP_ACT_TRACE', 'SCMP_ACT_ALLOW', 'SCMP_ACT_LOG', 'SCMP_ACT_NOTIFY',
] as const;

const OPS = Object.values(SCMP_CMP);

const FLAGS: Record<string, number | undefined> = {
  SECCOMP_FILTER_FLAG_LOG: SECCOMP_FILTER_FLAG.SECCOMP_FILTER_FLAG_LOG,
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: SECCOMP_FILTER_FLAG.SECCOMP_FILTER_FLAG_SPEC_ALLOW,
  // The filter binds the thread that calls execve; other threads do not matter.
  SECCOMP_FILTER_FLAG_TSYNC: undefined,
};

const EPERM = 1;

/** Read and load the profile at path. */
export function readDockerProfile(path: string, origin?: string): LoadedProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(e);
    throw new SeccompProfileError(`cannot read the seccomp profile: ${why}`, origin ? { file: path, origin } : { file: path }, { cause: e });
  }
  return parseDockerProfile(text, path, origin);
}

/** Load a profile from its text; file names it in messages. */
export function parseDockerProfile(text: string, file: string, origin?: string): LoadedProfile {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      throw new SeccompProfileError(`malformed JSON: ${e.message}`, { file, line: e.line, column: e.column, ...(origin ? { origin } : {}) }, { cause: e });
    }
    throw e;
  }
  return new Loader(file, origin).profile(root);
}

class Loader {
  readonly warnings: string[] = [];

  constructor(
    private readonly file: string,
    private readonly origin: string | undefined,
  ) {}

  fail(node: JsonNode, path: string, what: string): never {
    throw new SeccompProfileError(what, { file: this.file, line: node.line, column: node.column, jsonPath: path, ...(this.origin ? { origin: this.origin } : {}) });
  }

  warn(node: JsonNode, path: string, what: string): void {
    this.warnings.push(`${this.file}:${node.line}:${node.column}: ${path}: ${what}`);
  }

  object(node: JsonNode, path: string, known: readonly string[]): ReadonlyMap<string, JsonNode> {
    if (node.kind !== 'object') this.fail(node, path, `expected an object, found ${kindText(node)}`);
    for (const [key, value] of node.entries) {
      if (!known.includes(key)) this.warn(value, `${path}.${key}`, `unknown field "${key}" ignored (known: ${known.join(', ')})`);
    }
    return node.entries;
  }

  string(node: JsonNode, path: string): string {
    if (node.kind !== 'string') this.fail(node, path, `expected a string, found ${kindText(node)}`);
    return node.value;
  }

  /** An array, or null/absent as empty (Go's nil slice). */
  array(node: JsonNode | undefined, path: string): readonly { node: JsonNode; path: string }[] {
    if (node === undefined || node.kind === 'null') return [];
    if (node.kind !== 'array') this.fail(node, path, `expected an array, found ${kindText(node)}`);
    return node.items.map((n, i) => ({ node: n, path: `${path}[${i}]` }));
  }

  strings(node: JsonNode | undefined, path: string): string[] {
    return this.array(node, path).map((e) => this.string(e.node, e.path));
  }

  unsigned(node: JsonNode, path: string, max: bigint, what: string): bigint {
    if (node.kind !== 'number' || !/^(0|[1-9]\d*)$/.test(node.text)) {
      this.fail(node, path, `${what} must be a non-negative integer, found ${node.kind === 'number' ? node.text : kindText(node)}`);
    }
    const v = BigInt(node.text);
    if (v > max) this.fail(node, path, `${what} ${v} is larger than ${max}`);
    return v;
  }

  errnoRet(node: JsonNode | undefined, path: string): number | undefined {
    if (node === undefined || node.kind === 'null') return undefined;
    return Number(this.unsigned(node, path, 4095n, 'an errno'));
  }

  action(node: JsonNode, path: string, errnoRet: number | undefined): Action {
    const name = this.string(node, path);
    switch (name as (typeof ACTIONS)[number]) {
      case 'SCMP_ACT_ALLOW':
        return { type: 'allow' };
      case 'SCMP_ACT_ERRNO':
        return { type: 'errno', errno: errnoRet ?? EPERM };
      case 'SCMP_ACT_KILL':
      case 'SCMP_ACT_KILL_THREAD':
        return { type: 'kill_thread' };
      case 'SCMP_ACT_KILL_PROCESS':
        return { type: 'kill_process' };
      case 'SCMP_ACT_TRAP':
        return { type: 'trap' };
      case 'SCMP_ACT_LOG':
        return { type: 'log' };
      case 'SCMP_ACT_TRACE':
        return { type: 'trace', data: errnoRet ?? EPERM };
      case 'SCMP_ACT_NOTIFY':
        return this.fail(node, path, 'SCMP_ACT_NOTIFY needs a seccomp agent (listenerPath), which nslab does not run');
      default:
        return this.fail(node, path, `unknown action "${name}" (expected one of ${ACTIONS.join(', ')})`);
    }
  }

  profile(root: JsonNode): LoadedProfile {
    const top = this.object(root, '$', ['defaultAction', 'defaultErrnoRet', 'architectures', 'archMap', 'syscalls', 'flags', 'listenerPath', 'listenerMetadata']);
    const da = top.get('defaultAction');
    if (!da) this.fail(root, '$', 'the profile has no "defaultAction"');
    const defaultAction = this.action(da, '$.defaultAction', this.errnoRet(top.get('defaultErrnoRet'), '$.defaultErrnoRet'));
    const listener = top.get('listenerPath');
    if (listener && !(listener.kind === 'string' && listener.value === '')) {
      this.fail(listener, '$.listenerPath', 'seccomp notification agents are not supported by nslab');
    }
    const architectures = this.architectures(top);
    let filterFlags = 0;
    for (const { node, path } of this.array(top.get('flags'), '$.flags')) {
      const name = this.string(node, path);
      if (!(name in FLAGS)) this.fail(node, path, `unknown flag "${name}" (expected one of ${Object.keys(FLAGS).join(', ')})`);
      filterFlags |= FLAGS[name] ?? 0;
    }
    const rules: Rule[] = [];
    for (const { node, path } of this.array(top.get('syscalls'), '$.syscalls')) rules.push(...this.rule(node, path));
    const policy: Policy = {
      defaultAction,
      rules,
      source: this.file,
      ...(architectures.length ? { architectures } : {}),
      ...(filterFlags ? { filterFlags } : {}),
    };
    return { policy, warnings: this.warnings };
  }

  /** OCI's "architectures" and Docker's "archMap" (main and sub-architectures). */
  architectures(top: ReadonlyMap<string, JsonNode>): ArchName[] {
    const out = new Set<ArchName>();
    const take = (node: JsonNode, path: string): void => {
      const name = this.string(node, path);
      const arch = parseArchName(name);
      if (arch) out.add(arch);
      else if (!/^SCMP_ARCH_[A-Z0-9_]+$/.test(name)) this.fail(node, path, `unknown architecture "${name}" (expected SCMP_ARCH_X86_64, SCMP_ARCH_AARCH64, …)`);
      else this.warn(node, path, `${name} is not filtered by nslab (it supports ${Object.values(ARCHES).map((a) => a.scmpName).join(', ')}); its system calls are refused by killing the process`);
    };
    for (const e of this.array(top.get('architectures'), '$.architectures')) take(e.node, e.path);
    for (const e of this.array(top.get('archMap'), '$.archMap')) {
      const entry = this.object(e.node, e.path, ['architecture', 'subArchitectures']);
      const main = entry.get('architecture');
      if (!main) this.fail(e.node, e.path, 'an archMap entry needs "architecture"');
      const arch = parseArchName(this.string(main, `${e.path}.architecture`));
      // Docker uses only the entry of the machine's own architecture.
      if (arch) {
        out.add(arch);
        for (const s of this.array(entry.get('subArchitectures'), `${e.path}.subArchitectures`)) take(s.node, s.path);
      }
    }
    return [...out];
  }

  rule(node: JsonNode, path: string): Rule[] {
    const r = this.object(node, path, ['names', 'name', 'action', 'errnoRet', 'args', 'comment', 'includes', 'excludes']);
    const names = this.strings(r.get('names'), `${path}.names`);
    const single = r.get('name');
    if (single) names.push(this.string(single, `${path}.name`));
    if (names.length === 0) this.fail(node, path, 'a syscalls entry needs "names"');
    const namesNode = r.get('names');
    names.forEach((n, i) => {
      if (!isKnownSyscall(n)) {
        const at = namesNode?.kind === 'array' ? (namesNode.items[i] ?? node) : (single ?? node);
        this.fail(at, namesNode?.kind === 'array' && i < namesNode.items.length ? `${path}.names[${i}]` : `${path}.name`, `unknown system call "${n}"`);
      }
    });
    const actionNode = r.get('action');
    if (!actionNode) this.fail(node, path, 'a syscalls entry needs "action"');
    const action = this.action(actionNode, `${path}.action`, this.errnoRet(r.get('errnoRet'), `${path}.errnoRet`));
    const args = this.array(r.get('args'), `${path}.args`).map((a) => this.arg(a.node, a.path));
    const when = this.condition(r.get('includes'), r.get('excludes'), path);
    const base = { names, action, origin: `${this.file}:${node.line}: ${path}`, ...(when ? { when } : {}) };
    // runc: several comparisons of one argument cannot all hold at once
    // (libseccomp refuses them), so each becomes its own rule.
    const indexes = args.map((a) => a.index);
    if (new Set(indexes).size !== indexes.length) return args.map((a) => ({ ...base, args: [a] }));
    return [args.length ? { ...base, args } : base];
  }

  arg(node: JsonNode, path: string): ArgCmp {
    const a = this.object(node, path, ['index', 'value', 'valueTwo', 'op']);
    const index = a.get('index');
    if (!index) this.fail(node, path, 'an argument comparison needs "index"');
    const opNode = a.get('op');
    if (!opNode) this.fail(node, path, 'an argument comparison needs "op"');
    const op = this.string(opNode, `${path}.op`);
    if (!(OPS as readonly string[]).includes(op)) this.fail(opNode, `${path}.op`, `unknown operator "${op}" (expected one of ${OPS.join(', ')})`);
    const value = a.get('value');
    const valueTwo = a.get('valueTwo');
    const max = 0xffffffffffffffffn;
    return {
      index: Number(this.unsigned(index, `${path}.index`, 5n, 'an argument index')),
      op: op as CmpOp,
      value: value ? this.unsigned(value, `${path}.value`, max, 'a value') : 0n,
      ...(valueTwo ? { valueTwo: this.unsigned(valueTwo, `${path}.valueTwo`, max, 'a value') } : {}),
    };
  }

  condition(includes: JsonNode | undefined, excludes: JsonNode | undefined, path: string): RuleCondition | undefined {
    const out: { -readonly [K in keyof RuleCondition]: RuleCondition[K] } = {};
    if (includes && includes.kind !== 'null') {
      const inc = this.object(includes, `${path}.includes`, ['arches', 'caps', 'minKernel']);
      // An empty list means no condition (Docker checks len() > 0). A list
      // naming only architectures nslab does not build for matches nothing.
      const arches = this.strings(inc.get('arches'), `${path}.includes.arches`);
      if (arches.length) out.arches = archNames(arches);
      const caps = this.strings(inc.get('caps'), `${path}.includes.caps`);
      if (caps.length) out.caps = caps;
      const mk = inc.get('minKernel');
      if (mk && mk.kind !== 'null') {
        const v = this.string(mk, `${path}.includes.minKernel`);
        if (!/^\d+(\.\d+){0,2}$/.test(v)) this.fail(mk, `${path}.includes.minKernel`, `"${v}" is not a kernel version like "5.8"`);
        out.minKernel = v;
      }
    }
    if (excludes && excludes.kind !== 'null') {
      const exc = this.object(excludes, `${path}.excludes`, ['arches', 'caps']);
      const arches = archNames(this.strings(exc.get('arches'), `${path}.excludes.arches`));
      if (arches.length) out.notArches = arches;
      const caps = this.strings(exc.get('caps'), `${path}.excludes.caps`);
      if (caps.length) out.notCaps = caps;
    }
    return Object.keys(out).length ? out : undefined;
  }
}

/** Docker's arch names (Go's: amd64, arm64, …) that nslab builds for; others are dropped. */
function archNames(names: readonly string[]): ArchName[] {
  const out: ArchName[] = [];
  for (const name of names) {
    const a = parseArchName(name);
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}

function kindText(n: JsonNode): string {
  switch (n.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string "${n.value}"`;
    case 'number':
      return `the number ${n.text}`;
    case 'boolean':
      return String(n.value);
    case 'null':
      return 'null';
  }
}
