/**
 * `node bench/dist/profileSummary.js <file.cpuprofile> [top]`: the functions and the
 * packages with the most self time in a V8 CPU profile (as written by --cpu-prof).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [file, topArg, inclusiveFilter] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
// --from=S --to=S: only samples taken between S seconds after the profile started, e.g. the
// measuring window without the start-up and the set-up.
const fromUs = Number(flag('from') ?? 0) * 1e6;
const toUs = Number(flag('to') ?? Infinity) * 1e6;
if (!file) {
  process.stderr.write(
    'usage: profileSummary <file.cpuprofile> [top] [path filter for inclusive times] [--from=S] [--to=S]\n',
  );
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
let elapsedUs = 0;
profile.samples.forEach((id, i) => {
  elapsedUs += profile.timeDeltas[i] ?? 0;
  if (elapsedUs >= fromUs && elapsedUs < toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const m = /\/work\/[^/]+\/([^/]+\/(?:src|dist)\/)/.exec(url);
  return m ? m[1]!.replace(/\/$/, '') : url.replace(/^file:\/\//, '');
}

const fns = new Map<string, number>();
const pkgs = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(/^.*\/(node_modules\/)?/, '');
  const key = `${functionName || '(anonymous)'}  ${short}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  const p = functionName.startsWith('(') && !url ? functionName : where(url);
  pkgs.set(p, (pkgs.get(p) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nby package or area:\n`);
for (const [k, us] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 15))
  process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
process.stdout.write('\nby function (self time):\n');
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);

if (inclusiveFilter) {
  // Inclusive time of each function whose file matches the filter: itself and all it calls.
  const totalOf = new Map<number, number>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    let t = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) t += visit(child);
    totalOf.set(id, t);
    return t;
  };
  visit(profile.nodes[0]!.id);
  const inclusive = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url.includes(inclusiveFilter)) continue;
    // A function below itself in the tree (recursion) would count twice; none of the
    // servers' functions recurse on the hot path.
    const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    inclusive.set(key, (inclusive.get(key) ?? 0) + (totalOf.get(node.id) ?? 0));
  }
  process.stdout.write(`\ninclusive time, functions in files matching ${inclusiveFilter}:\n`);
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
}
