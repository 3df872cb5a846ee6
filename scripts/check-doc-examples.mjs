// Keeps the docs' code honest (no dependencies; `node scripts/check-doc-examples.mjs`):
// - a block marked `<!-- example: client/examples/X.mjs -->` is exactly that file's content;
// - every link to a file under client/examples/ names a file that exists;
// - every client/examples/*.mjs is shown or linked by README.md or docs/user-guide.md;
// - in README.md and docs/user-guide.md, code fences pair up and no code sits outside one
//   (a fence closed early turns the code after it into prose).
// Exits 1 with one line per problem. `--write` first copies each marked example's file into its
// block (after editing an example).
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = ['README.md', 'docs/user-guide.md'];
const EXAMPLES = 'client/examples';
const WRITE = process.argv.includes('--write');
const problems = [];
const referenced = new Set();

if (WRITE) {
  for (const doc of DOCS) {
    const text = readFileSync(path.join(root, doc), 'utf8');
    const updated = text.replace(/^(<!--\s*example:\s*(\S+)\s*-->\n```js\n)[\s\S]*?^```$/gm, (block, head, file) => (
      existsSync(path.join(root, file)) ? `${head}${readFileSync(path.join(root, file), 'utf8')}\`\`\`` : block));
    if (updated !== text) {
      writeFileSync(path.join(root, doc), updated);
      console.log(`check-doc-examples: updated the examples in ${doc}`);
    }
  }
}

for (const doc of DOCS) {
  const lines = readFileSync(path.join(root, doc), 'utf8').split('\n');
  let fence = null; // the line number of the open fence
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const where = `${doc}:${i + 1}`;
    if (/^\s*```/.test(line)) {
      fence = fence === null ? i : null;
      continue;
    }
    if (fence !== null) continue;

    const marker = line.match(/^<!--\s*example:\s*(\S+)\s*-->\s*$/);
    if (marker) {
      const file = marker[1];
      referenced.add(path.normalize(file));
      if (!/^```js\s*$/.test(lines[i + 1] ?? '')) {
        problems.push(`${where}: the example marker for ${file} must be followed by a \`\`\`js fence`);
        continue;
      }
      const end = lines.findIndex((l, j) => j > i + 1 && /^```\s*$/.test(l));
      if (end < 0) {
        problems.push(`${where}: the block after the marker for ${file} is never closed`);
        continue;
      }
      const shown = lines.slice(i + 2, end).join('\n') + '\n';
      const full = path.join(root, file);
      if (!existsSync(full)) {
        problems.push(`${where}: ${file} does not exist`);
      } else if (readFileSync(full, 'utf8') !== shown) {
        const actual = readFileSync(full, 'utf8').split('\n');
        const differs = actual.findIndex((l, j) => l !== lines[i + 2 + j]);
        problems.push(`${where}: the block differs from ${file} (first at its line ${differs + 1}): copy the file in again (node scripts/check-doc-examples.mjs --write)`);
      }
      i = end;
      continue;
    }

    for (const [, target] of line.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // a URL
      const file = path.normalize(path.join(path.dirname(doc), target));
      if (!file.startsWith(EXAMPLES)) continue;
      if (file.endsWith('.mjs')) referenced.add(file);
      if (!existsSync(path.join(root, file))) problems.push(`${where}: the link to ${target} names no file`);
    }
    if (/^\s*(await |const |let |import |export |\/\/ )/.test(line)) {
      problems.push(`${where}: code outside a code block (was a fence closed early?): ${line.trim().slice(0, 60)}`);
    }
  }
  if (fence !== null) problems.push(`${doc}:${fence + 1}: this code fence is never closed`);
}

for (const f of readdirSync(path.join(root, EXAMPLES)).filter((n) => n.endsWith('.mjs'))) {
  const file = path.join(EXAMPLES, f);
  if (!referenced.has(file)) problems.push(`${file}: neither shown nor linked by ${DOCS.join(' or ')}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check-doc-examples: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-doc-examples: ${DOCS.join(', ')} show ${referenced.size} example files as they are`);
