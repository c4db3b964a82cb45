// The Playground's live picture from a network's numbers (playground-net.js evaluates): the big output map as a
// smooth 100x100 picture under the points with a colour bar on square axes, each neuron's thumbnail, biases and weights.
// The server sends configure() once per network shape and frame() with Float32 parameters per frame.
window.mlintro = window.mlintro || {};
(function () {
  const Resolution = 100, NeuronResolution = 20;
  const colours = [[0, '#f59322'], [0.5, '#e8eaeb'], [1, '#0877bd']];
  let config = null, params = null, last = null, discrete = false, hovered = -1, page = null, early = null;

  function chart() { return config && document.getElementById(config.chart); }

  // TensorFlow Playground's "discretize output": each cell is one class or the other.
  function shownValues(values, low, high) {
    if (!discrete) return values;
    const mid = (low + high) / 2;
    return values.map(v => (v >= mid ? high : low));
  }

  // The map is a 100x100 picture painted here and shown as the plot's layout image under the points: replacing an
  // image redraws only the images (Plotly's "arraydraw"), where restyling a heatmap re-plotted every point and cost
  // the browser 100+ ms a frame for a 6x8 network. Trace 0 stays a 2x2 invisible heatmap for the colour bar.
  const picture = document.createElement('canvas');

  function imageOf(values, low, high) {
    window.mlintro.paintImage(picture, values, Resolution, low, high);
    return picture.toDataURL();
  }

  // The first frame may come before Plotly has drawn the chart: try again shortly (for at most 10 s).
  function drawMap(retries = 100) {
    if (!last) return;
    const gd = chart();
    if (!gd || !gd.data || !gd.on || !window.Plotly || !gd._fullLayout) {
      if (retries > 0) setTimeout(() => drawMap(retries - 1), 100);
      return;
    }
    hook(gd);
    if (hovered >= 0 && !last.neurons) last = window.mlintro.net.evaluate(network(), config.min, config.max, Resolution, true);
    const neuron = hovered >= 0 && last.neurons ? last.neurons[hovered] : null;
    // A hovered hidden neuron is shown over its own range (tanh's -1..1; ReLU's and linear's as the values go).
    const [low, high] = neuron ? neuronRange(neuron) : [config.low, config.high];
    const source = imageOf(shownValues(neuron || last.output, low, high), low, high);
    const scale = gd.data[0] && gd.data[0].__mlintro;
    if (!scale) setUp(gd, low, high);
    else if (scale.low !== low || scale.high !== high) {
      window.Plotly.restyle(gd, { zmin: [low], zmax: [high] }, [0]);
      gd.data[0].__mlintro = { low, high };
    }
    const images = gd.layout.images;
    const drawn = gd.querySelector('.layer-below .imagelayer image');
    if (images && images.length === 1 && images[0].name === 'map' && drawn) {
      // Even an images-only relayout measures the chart again (getBoundingClientRect); the picture's href is all that
      // changes, and the layout keeps the source for Plotly's own redraws.
      images[0].source = source;
      drawn.setAttribute('href', source);
    } else {
      window.Plotly.relayout(gd, { images: [{ name: 'map', source, xref: 'x', yref: 'y', x: config.min, y: config.max,
        sizex: config.max - config.min, sizey: config.max - config.min, sizing: 'stretch', layer: 'below' }] });
    }
    gd.setAttribute('data-map', neuron ? 'neuron-' + hovered : 'output');
    gd.setAttribute('data-map-epoch', String(config.epoch));
  }

  function setUp(gd, low, high) {
    const trace = {
      x: [[config.min, config.max]], y: [[config.min, config.max]], z: [[[low, high], [low, high]]], zmin: [low], zmax: [high],
      opacity: [0], hoverinfo: ['skip'],
      colorscale: [colours], showscale: [true], colorbar: [{ thickness: 12, len: 0.9, x: 1.02, tickfont: { size: 10 } }],
    };
    window.Plotly.restyle(gd, trace, [0]);
    gd.data[0].__mlintro = { low, high }; // Blazor's redraw replaces the trace object, and with it this mark
  }

  function neuronRange(values) {
    if (config.activation === 'Tanh') return [-1, 1];
    if (config.activation === 'Sigmoid') return [0, 1];
    let m = 0;
    for (const v of values) m = Math.max(m, Math.abs(v));
    return [-(m || 1), m || 1];
  }

  // Blazor redraws the chart (new points, test data shown) with its placeholder trace; put the map and the square
  // axes back after each such redraw.
  function onAfterPlot() {
    const gd = chart();
    if (!gd || !last) return;
    const images = gd.layout && gd.layout.images;
    if (!images || images.length !== 1 || !(gd.data[0] && gd.data[0].__mlintro)) drawMap();
    const y = gd.layout && gd.layout.yaxis;
    if (!y || y.scaleanchor !== 'x') {
      window.Plotly.relayout(gd, {
        'xaxis.range': [config.min, config.max], 'yaxis.range': [config.min, config.max],
        'yaxis.scaleanchor': 'x', 'xaxis.constrain': 'domain', 'yaxis.constrain': 'domain',
      });
    }
  }

  function hook(gd) {
    if (gd._ev && gd._ev.listeners && gd._ev.listeners('plotly_afterplot').includes(onAfterPlot)) return;
    if (gd.on) gd.on('plotly_afterplot', onAfterPlot);
  }

  function paintNetwork() {
    const thumbs = window.mlintro.net.evaluate(network(), config.min, config.max, NeuronResolution, true);
    if (thumbs.neurons) window.mlintro.paintNeurons('neuron-', thumbs.neurons, NeuronResolution);
    const out = document.getElementById('nn-output-0');
    if (out) window.mlintro.paintImage(out, thumbs.output, NeuronResolution, config.low, config.high);
    const layers = window.mlintro.net.layersOf(network());
    window.mlintro.styleLinks(layers.map(l => Array.from(l.w)));
    drawBiases(layers);
  }

  // TensorFlow Playground's small square at each neuron's corner, coloured by the bias's sign.
  function drawBiases(layers) {
    const nodes = document.querySelectorAll('#nn-diagram .nn-node:not(.nn-feature)');
    const biases = layers.flatMap(l => Array.from(l.b));
    if (nodes.length !== biases.length) return; // the structure is being redrawn for new settings
    nodes.forEach((node, i) => {
      let mark = node.querySelector('.nn-bias');
      if (!mark) {
        mark = document.createElement('span');
        mark.className = 'nn-bias';
        node.appendChild(mark);
      }
      const b = biases[i];
      mark.style.background = b >= 0 ? '#0877bd' : '#f59322';
      mark.style.opacity = Math.min(1, 0.35 + Math.abs(b)).toFixed(2);
      mark.title = 'bias ' + b.toFixed(4);
      mark.setAttribute('data-b', b.toFixed(4));
    });
  }

  function network() {
    return { features: config.features, activation: config.activation, problem: config.problem, sizes: config.sizes, params };
  }

  function render() {
    if (!config || !params) return;
    // Every neuron's 100x100 map only while one is hovered (drawMap computes them when needed).
    last = window.mlintro.net.evaluate(network(), config.min, config.max, Resolution, hovered >= 0);
    drawMap();
    paintNetwork();
  }


  window.mlintro.playground = {
    // chart, features, activation ('Tanh', ...), problem, sizes [inputs, hidden..., outputs], min, max, low, high
    // owner: the page's DotNetObjectReference (EditWeight), null where weights are read-only.
    configure(c, owner) {
      config = Object.assign({ epoch: 0 }, c); params = null; last = null; hovered = -1; page = owner || null;
      if (early) { const [epoch, bytes] = early; early = null; this.frame(epoch, bytes); }
    },
    // bytes: little-endian Float32 parameters, per layer weights [out, in] then biases [out].
    frame(epoch, bytes) {
      if (!config) { early = [epoch, bytes]; return; } // drawn once the page says which network it is
      const copy = new Uint8Array(bytes);
      const floats = new Float32Array(copy.buffer, 0, copy.byteLength / 4);
      const expected = config.sizes.slice(1).reduce((s, n, l) => s + n * config.sizes[l] + n, 0);
      if (floats.length !== expected) return; // a frame of the previous network
      config.epoch = epoch;
      params = floats;
      render(); // the server spaces frames (PlaygroundCanvas): no need to coalesce them here
    },
    discretize(on) { discrete = !!on; drawMap(); },
    hover(index) { hovered = index; drawMap(); },
    redraw() { drawMap(); },
    // For tests: the map's grid and what it was computed from.
    grid() {
      if (!last) return null;
      return { resolution: Resolution, min: config.min, max: config.max, epoch: config.epoch, output: Array.from(last.output),
        params: Array.from(params), sizes: config.sizes, features: config.features, activation: config.activation, problem: config.problem };
    },
  };

  // Clicking a weight's link opens a small editor at the pointer: Enter sets it (the run continues from it), Escape
  // or leaving the field cancels.
  function editWeight(link, x, y) {
    const links = [...document.querySelectorAll('#nn-diagram .nn-links .link')];
    const index = links.indexOf(link);
    if (!page || index < 0) return;
    document.querySelectorAll('.nn-weight-editor').forEach(e => e.remove());
    const input = document.createElement('input');
    input.type = 'number'; input.step = '0.1'; input.min = '-100'; input.max = '100';
    input.className = 'nn-weight-editor';
    input.setAttribute('aria-label', 'weight ' + (index + 1));
    input.setAttribute('data-testid', 'weight-editor');
    input.value = link.getAttribute('data-w') || '0';
    input.style.left = x + 'px'; input.style.top = y + 'px';
    let done = false;
    const close = () => { done = true; input.remove(); };
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        const value = Number(input.value);
        close();
        if (Number.isFinite(value)) page.invokeMethodAsync('EditWeight', index, value);
      } else if (e.key === 'Escape') close();
    });
    input.addEventListener('blur', () => { if (!done) close(); });
    document.body.appendChild(input);
    input.focus();
    input.select();
  }
  document.addEventListener('click', e => {
    const link = e.target && e.target.closest && e.target.closest('#nn-diagram .nn-links .link');
    if (link) editWeight(link, e.clientX + 8, e.clientY - 12);
  });

  // Space on a focused feature switch toggles it (Blazor handles the key); it must not also scroll the page.
  document.addEventListener('keydown', e => {
    if (e.key === ' ' && e.target && e.target.classList && e.target.classList.contains('nn-feature')) e.preventDefault();
  });

  // Hovering a hidden neuron's thumbnail shows its output in the big map, as TensorFlow Playground does.
  document.addEventListener('mouseover', e => {
    const canvas = e.target && e.target.closest && e.target.closest('#nn-diagram canvas[id^="neuron-"]');
    if (canvas && config) window.mlintro.playground.hover(Number(canvas.id.slice('neuron-'.length)));
  });
  document.addEventListener('mouseout', e => {
    const canvas = e.target && e.target.closest && e.target.closest('#nn-diagram canvas[id^="neuron-"]');
    if (canvas && config && hovered >= 0) window.mlintro.playground.hover(-1);
  });
})();
