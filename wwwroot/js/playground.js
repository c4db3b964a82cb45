// The Playground's browser side: canvas painters for node thumbnails, link styling for weights, and small helpers
// (CSV download). One Plotly chart per neuron would be far too heavy.
window.mlintro = window.mlintro || {};

// TensorFlow Playground's colours: orange for negative, white at zero, blue for positive.
const white = [232, 234, 235], blue = [8, 119, 189], orange = [245, 147, 34];
function colour(v) {
  const t = Math.max(-1, Math.min(1, v));
  const end = t >= 0 ? blue : orange, a = Math.abs(t);
  return [0, 1, 2].map(i => Math.round(white[i] + (end[i] - white[i]) * a));
}

// values: row-major, row 0 = lowest x2; drawn with x2 upwards. low/high map to the orange/blue ends.
function paint(canvas, values, resolution, low, high) {
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(resolution, resolution);
  const mid = (low + high) / 2, half = (high - low) / 2 || 1;
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const [R, G, B] = colour((values[r * resolution + c] - mid) / half);
      const o = 4 * ((resolution - 1 - r) * resolution + c);
      img.data[o] = R; img.data[o + 1] = G; img.data[o + 2] = B; img.data[o + 3] = 255;
    }
  }
  canvas.width = resolution; canvas.height = resolution;
  ctx.putImageData(img, 0, 0);
}

window.mlintro.paintImage = paint;

window.mlintro.paintNeurons = function (prefix, images, resolution) {
  images.forEach((values, n) => {
    const canvas = document.getElementById(prefix + n);
    if (canvas) paint(canvas, values, resolution, -1, 1);
  });
};

// Link i shows weight i (layers in order, each [out, in] row-major): width for |w|, colour for the sign.
// Width follows TensorFlow Playground's scale (|w| 0..5 → 1..10 px). Restyling every path and rewriting every tooltip
// each frame kept a 6x8 network's browser recomputing styles for most of each second (3 s of 4 in a profile), so a
// link's look changes only when it changes visibly, and its tooltip is written when it is hovered.
window.mlintro.styleLinks = styleLinks;
function styleLinks(weights) {
  const links = document.querySelectorAll('#nn-diagram .nn-links .link');
  const flat = weights.flat ? weights.flat() : [].concat(...weights);
  if (links.length !== flat.length) return; // the structure is being redrawn for new settings
  for (let i = 0; i < links.length; i++) {
    const w = flat[i], a = Math.min(Math.abs(w), 5);
    const link = links[i];
    const stroke = w >= 0 ? '#0877bd' : '#f59322';
    const width = (1 + 9 * a / 5).toFixed(1), opacity = Math.min(1, 0.3 + Math.abs(w)).toFixed(1);
    const look = stroke + width + opacity;
    if (link.__look !== look) {
      link.__look = look;
      link.style.stroke = stroke;
      link.style.strokeWidth = width + 'px';
      link.style.strokeOpacity = opacity;
    }
    link.setAttribute('data-w', w.toFixed(4));
  }
}

document.addEventListener('mouseover', e => {
  const link = e.target && e.target.closest && e.target.closest('#nn-diagram .nn-links .link');
  if (!link) return;
  let title = link.querySelector('title');
  if (!title) { title = document.createElementNS('http://www.w3.org/2000/svg', 'title'); link.appendChild(title); }
  title.textContent = 'weight ' + (link.getAttribute('data-w') || '');
});

// One call per frame: hidden-neuron thumbnails, the output thumbnail(s), and the links.
window.mlintro.paintNetwork = function (frame) {
  if (frame.neurons) window.mlintro.paintNeurons('neuron-', frame.neurons, frame.neuronResolution);
  const out = document.getElementById('nn-output-0');
  if (out && frame.output) paint(out, frame.output, frame.resolution, frame.low, frame.high);
  if (frame.weights) styleLinks(frame.weights);
};

// Saves text as a file through a temporary object URL (no round trip to the server).
window.mlintro.download = function (fileName, text, mime) {
  const blob = new Blob([text], { type: mime || 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = fileName; a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
