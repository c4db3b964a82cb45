// The Playground's network evaluated in the browser (issue 10, item 1): live frames carry only weights and biases,
// and the map and every neuron's picture are computed here from them. Features and activations are Core's
// (PlaneFeatures, Activations): a change there must be made here too; a browser test pins both to TorchSharp.
window.mlintro = window.mlintro || {};
(function () {
  const features = {
    'x1': (a, b) => a,
    'x2': (a, b) => b,
    'x1^2': (a, b) => a * a,
    'x2^2': (a, b) => b * b,
    'x1*x2': (a, b) => a * b,
    'sin(x1)': (a, b) => Math.sin(a),
    'sin(x2)': (a, b) => Math.sin(b),
  };
  const activations = {
    ReLU: v => (v > 0 ? v : 0),
    Tanh: Math.tanh,
    Sigmoid: v => 1 / (1 + Math.exp(-v)),
    Linear: v => v,
  };

  // net: { features, activation, problem, sizes: [inputs, hidden..., outputs], params: Float32Array (per layer
  // weights [out, in] row-major, then biases [out]) }. Returns the layers' parameter views.
  function layersOf(net) {
    const layers = [];
    let at = 0;
    for (let l = 1; l < net.sizes.length; l++) {
      const inputs = net.sizes[l - 1], outputs = net.sizes[l];
      const w = net.params.subarray(at, at + inputs * outputs); at += inputs * outputs;
      const b = net.params.subarray(at, at + outputs); at += outputs;
      layers.push({ inputs, outputs, w, b });
    }
    return layers;
  }

  // The grid of PlaneGrid: cell centres, row-major, row = x2.
  function gridPoint(min, max, resolution, i) {
    const r = Math.floor(i / resolution), c = i % resolution, step = (max - min) / resolution;
    return [min + (c + 0.5) * step, min + (r + 0.5) * step];
  }

  // Every neuron's value at each grid cell: result.output (what the map shows) and result.neurons[k] (hidden neuron
  // k in layer order, after its activation), each a Float64Array of resolution² values.
  function evaluate(net, min, max, resolution, withNeurons) {
    const layers = layersOf(net);
    const act = activations[net.activation] || activations.Tanh;
    const fs = net.features.map(f => features[f]);
    const cells = resolution * resolution;
    const hidden = net.sizes.slice(1, -1).reduce((s, n) => s + n, 0);
    const neurons = withNeurons ? Array.from({ length: hidden }, () => new Float64Array(cells)) : null;
    const output = new Float64Array(cells);
    const step = (max - min) / resolution;
    let h = new Float64Array(Math.max(...net.sizes)), next = new Float64Array(h.length);
    // The grid of PlaneGrid (gridPoint), walked row by row without allocating per cell: this runs for 10,000 cells a frame.
    for (let r = 0, i = 0; r < resolution; r++) {
      const x2 = Math.fround(min + (r + 0.5) * step);
      for (let c = 0; c < resolution; c++, i++) {
        const x1 = Math.fround(min + (c + 0.5) * step);
        for (let f = 0; f < fs.length; f++) h[f] = Math.fround(fs[f](x1, x2));
        let k = 0;
        for (let l = 0; l < layers.length; l++) {
          const layer = layers[l], inputs = layer.inputs, outputs = layer.outputs, w = layer.w, b = layer.b;
          const last = l === layers.length - 1;
          for (let o = 0; o < outputs; o++) {
            let s = b[o];
            const row = o * inputs;
            for (let j = 0; j < inputs; j++) s += w[row + j] * h[j];
            next[o] = last ? s : act(s);
            if (!last && neurons) neurons[k++][i] = next[o];
          }
          const swap = h; h = next; next = swap;
        }
        output[i] = shown(net, h);
      }
    }
    return { output, neurons };
  }

  // Probability of class 1 (sigmoid of one output, softmax's second of several), or the value for regression.
  function shown(net, out) {
    const n = net.sizes[net.sizes.length - 1];
    if (net.problem === 'Regression') return out[0];
    if (n === 1) return 1 / (1 + Math.exp(-out[0]));
    let m = -Infinity;
    for (let i = 0; i < n; i++) m = Math.max(m, out[i]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.exp(out[i] - m);
    return Math.exp(out[1] - m) / sum;
  }

  window.mlintro.net = { evaluate, layersOf, gridPoint };
})();
