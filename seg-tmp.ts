const seg = new Intl.Segmenter('und', { granularity: 'word' });
const words = ['the','vault','password','is','encrypted','with','Bitwarden'];
for (const n of [500, 1000, 2000, 4000]) {
  const text = Array.from({ length: n }, (_, i) => words[i % 7]).join(' ');
  let t = performance.now(); let c = 0; for (const p of seg.segment(text)) if (p.isWordLike) c++; console.log('seg', n, (performance.now() - t).toFixed(0));
  t = performance.now(); c = 0; for (const p of seg.segment(text)) c++; console.log('seg-noprop', n, (performance.now() - t).toFixed(0));
}
