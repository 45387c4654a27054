/**
 * npx tsx bench/profileSummary.ts FILE.cpuprofile [MORE.cpuprofile…] [--top 40]
 * Where CPU profiles' time went (several: summed, e.g. one per worker): self time per package /
 * source file and the top functions.
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 40;
const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--top');
if (files.length === 0) throw new Error('usage: profileSummary FILE.cpuprofile [MORE.cpuprofile…] [--top N]');
const self: { node: Node; us: number }[] = [];
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, us] of perNode) self.push({ node: byId.get(id)!, us });
}

function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(bot|bench|generated|prisma)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}
const areas = new Map<string, number>();
const fns = new Map<string, number>();
let total = 0;
for (const { node: n, us } of self) {
  total += us;
  const a = area(n.callFrame.url, n.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${a}:${n.callFrame.lineNumber + 1}`;
  fns.set(f, (fns.get(f) ?? 0) + us);
}
const idle = areas.get('(idle)') ?? 0;
const busy = total - idle;
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title} (share of busy time, ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms)\n`);
  for (const [k, v] of [...m].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${((100 * v) / busy).toFixed(1).padStart(6)} %  ${k}\n`);
};
print('self time by area', areas);
print('self time by function', fns);
