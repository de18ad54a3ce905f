import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';

/**
 * Items of a YAML Q&A list with an unquoted value followed by " #" on its line. YAML reads the
 * rest of the line as a comment, so "answer: Tast #31# foran nummeret" is stored as "Tast": the
 * author almost always meant the "#" as text. Returns item index → the first such value's key.
 */
export function valuesCutByComments(doc: Document, text: string): Map<number, string> {
  const cut = new Map<number, string>();
  visit(doc, {
    Scalar(_key, node, path) {
      if (node.type !== 'PLAIN' || !node.range || !/^[ \t]+#/.test(text.slice(node.range[1]))) return;
      // The item is the map directly inside the outermost list ("items:" or the document itself).
      const seqAt = path.findIndex((p) => isSeq(p));
      const seq = path[seqAt];
      const item = path[seqAt + 1];
      if (!isSeq(seq) || !isMap(item)) return;
      const index = seq.items.indexOf(item);
      const pair = path[seqAt + 2];
      const key = pair && typeof pair === 'object' && 'key' in pair && isScalar(pair.key) ? String(pair.key.value) : 'value';
      if (!cut.has(index)) cut.set(index, key);
    },
  });
  return cut;
}
