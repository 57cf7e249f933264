/** Topology texts of large labs for the viewer's tests (not written by hand: generated). */

/** N hosts on one bridge `sw`, each with an address written (as bench/star.mjs makes them). */
export function starTopology(lab: string, hosts: number): string {
  const nodes = ['    sw: { kind: bridge }'];
  const links: string[] = [];
  for (let i = 1; i <= hosts; i++) {
    nodes.push(`    h${i}: {}`);
    links.push(`    - endpoints: [{ node: h${i}, interface: eth0, ipv4: 10.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/8 }, "sw:p${i}"]`);
  }
  return `name: ${lab}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`;
}

/** A leaf–spine fabric: every leaf cabled to every spine, each leaf's hosts on a rack LAN of their own. */
export function leafSpineTopology(lab: string, spines: number, leaves: number, hostsPerLeaf: number): string {
  const nodes: string[] = [];
  const links: string[] = [];
  for (let s = 1; s <= spines; s++) nodes.push(`    spine${s}: { kind: router }`);
  let h = 0;
  for (let l = 1; l <= leaves; l++) {
    nodes.push(`    leaf${l}: { kind: router }`);
    for (let s = 1; s <= spines; s++) links.push(`    - endpoints: [leaf${l}, spine${s}]`);
    const rack: string[] = [];
    for (let k = 0; k < hostsPerLeaf; k++) {
      h++;
      nodes.push(`    h${h}: {}`);
      rack.push(`h${h}`);
    }
    links.push(`    - { lan: [leaf${l}, ${rack.join(', ')}], name: rack${l} }`);
  }
  return `name: ${lab}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`;
}
