/**
 * Seccomp for lab nodes: policy → classic-BPF program → the kernel.
 *
 * - setting.ts: the topology's `seccomp:` value (default | unconfined | FILE)
 * - default-profile.ts: the default node profile
 * - docker.ts: Docker/OCI JSON profiles
 * - compile.ts: policy → program (arch check, x32, dispatch, argument checks)
 * - ../../bpf/ (assembler.ts, insn.ts): labels → struct sock_filter → bytes, shared with packet filters
 * - interpret.ts, disasm.ts: run and list a program in user space
 * - install.ts: seccomp(SECCOMP_SET_MODE_FILTER) on the calling thread
 */
export { ARCHES, hostArch, isKnownSyscall, syscallName, syscallNumber, type ArchName } from './arch.js';
export { Assembler, NEXT } from '../../bpf/assembler.js';
export { decodeProgram, encodeProgram, type SockFilter } from '../../bpf/insn.js';
export { compilePolicy, type CompileOptions, type CompiledFilter } from './compile.js';
export { DEFAULT_PROFILE } from './default-profile.js';
export { disassemble } from './disasm.js';
export { parseDockerProfile, readDockerProfile, type LoadedProfile } from './docker.js';
export { SeccompProfileError } from './errors.js';
export { installFilter, seccompMode } from './install.js';
export { checkSeccompFilter, describeResult, runFilter, type SeccompData } from './interpret.js';
export type { Action, ArgCmp, Policy, Rule } from './policy.js';
export { compileSetting, parseSeccompSetting, type SeccompSetting } from './setting.js';
