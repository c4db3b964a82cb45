// Client-side animation of an optimizer race: the server computes the whole race once (well under a second), the
// page hands the trajectories over in one call, and this plays them back at ~30 fps with one Plotly.restyle per
// chart and frame (no server round trip, no Blazor re-render per frame).
// A collocated module (served with the component), imported once per page.
const api = (function () {
  // { charts: {contour, surface, loss, distance, step, playing, diverged}, xs, ys, losses, dists, steps, n, divergedAt, names }
  let race = null;
  let k = 0, speed = 5, timer = null, marked = null;

  const DIVERGED = ' — diverged at step ';
  const el = id => (id ? document.getElementById(id) : null);
  const range = (from, count) => Array.from({ length: count }, (_, i) => from + i);
  const none = () => range(0, race.n).map(() => []);

  // Blazor may have rebuilt a chart with fewer traces (another surface, fewer racers): then it is blank already.
  function restyle(div, update, indices) {
    if (div && div.data && indices.every(i => i < div.data.length)) Plotly.restyle(div, update, indices);
  }

  const divergedAt = r => (race.divergedAt ? race.divergedAt[r] ?? null : null);
  const isDiverged = r => divergedAt(r) !== null && k >= divergedAt(r);
  // A diverged racer's drawing stops at its last point on the picture; the contour trail keeps the step that left it,
  // so the direction of departure shows (the contour's axes are fixed; the others would rescale to a far-away point).
  const endOf = (r, withExit) => (isDiverged(r) ? Math.max(0, divergedAt(r) - (withExit ? 0 : 1)) : k);
  const upTo = (arrays, withExit) => arrays.map((a, r) => a.slice(0, endOf(r, withExit) + 1));
  const at = arrays => arrays.map((a, r) => [a[Math.min(endOf(r, false), a.length - 1)]]);
  const stepsOf = arrays => arrays.map(a => a.map((_, i) => i));

  function draw() {
    if (!race || !window.Plotly) return;
    const { charts, xs, ys, losses, dists, n } = race;
    // Contour traces: 0 contour, 1..n trails, n+1..2n markers, last the start point.
    restyle(el(charts.contour), { x: [...upTo(xs, true), ...at(xs)], y: [...upTo(ys, true), ...at(ys)] }, range(1, 2 * n));
    restyle(el(charts.surface), { x: upTo(xs, false), y: upTo(ys, false), z: upTo(losses, false) }, range(1, n));
    const shownLosses = upTo(losses, false);
    restyle(el(charts.loss), { x: stepsOf(shownLosses), y: shownLosses }, range(0, n));
    if (dists) {
      const shownDists = upTo(dists, false);
      restyle(el(charts.distance), { x: stepsOf(shownDists), y: shownDists }, range(0, n));
    }
    mark();
    const label = el(charts.step);
    if (label) label.textContent = String(k);
  }

  // Legend names, marker symbols and the note below the charts, restyled only when the set of diverged racers changes.
  function mark() {
    if (!race.names) return;
    const key = race.names.map((_, r) => (isDiverged(r) ? 'd' : '-')).join('');
    if (key === marked) return;
    marked = key;
    const { charts, names, n } = race;
    // Plotly renders markup in legends: the server escaped the names it draws (legends), the note shows them as text.
    const legends = race.legends || names;
    const labels = legends.map((name, r) => (isDiverged(r) ? name + DIVERGED + divergedAt(r) : name));
    restyle(el(charts.contour), { name: labels }, range(1, n));
    restyle(el(charts.contour), { 'marker.symbol': names.map((_, r) => (isDiverged(r) ? 'x' : 'circle')) }, range(n + 1, n));
    restyle(el(charts.loss), { name: labels }, range(0, n));
    restyle(el(charts.distance), { name: labels }, range(0, n));
    note(charts, names.flatMap((name, r) => (isDiverged(r) ? [[name, divergedAt(r)]] : [])));
  }

  // Strips the mark from whichever traces still carry it: clear() may come after Blazor redrew a chart for new racers,
  // whose names must stay.
  function unmark(charts, n) {
    for (const id of [charts.contour, charts.loss, charts.distance]) {
      const chart = el(id);
      const carrying = chart && chart.data ? range(0, chart.data.length).filter(i => String(chart.data[i].name).includes(DIVERGED)) : [];
      if (carrying.length) Plotly.restyle(chart, { name: carrying.map(i => chart.data[i].name.split(DIVERGED)[0]) }, carrying);
    }
    restyle(el(charts.contour), { 'marker.symbol': 'circle' }, range(n + 1, n));
  }

  // One element per diverged racer with data-racer and data-diverged (the step), read by people and tests alike.
  function note(charts, diverged) {
    const box = el(charts.diverged);
    if (!box) return;
    box.replaceChildren(...diverged.map(([name, step]) => {
      const item = document.createElement('span');
      item.className = 'diverged';
      item.dataset.racer = name;
      item.dataset.diverged = String(step);
      item.textContent = `${name} diverged at step ${step}`;
      return item;
    }));
  }

  // Takes the race's drawing off the charts: empty trails and markers, plain names, step 0.
  function blank() {
    if (!window.Plotly) return;
    const { charts, n } = race;
    restyle(el(charts.contour), { x: [...none(), ...none()], y: [...none(), ...none()] }, range(1, 2 * n));
    restyle(el(charts.surface), { x: none(), y: none(), z: none() }, range(1, n));
    for (const id of [charts.loss, charts.distance]) {
      const chart = el(id);
      restyle(chart, { x: none(), y: none() }, range(0, n));
      // Autorange without data keeps the last race's ranges: put back the empty chart's own, still autoranging.
      if (chart && chart.data) {
        Plotly.relayout(chart, { 'xaxis.range': [-1, 6], 'yaxis.range': [-1, 4], 'xaxis.autorange': true, 'yaxis.autorange': true });
      }
    }
    unmark(charts, n);
    note(charts, []);
    const step = el(charts.step);
    if (step) step.textContent = '0';
  }

  function tick() {
    if (!race) return;
    k = Math.min(race.steps, k + speed);
    draw();
    if (k >= race.steps) pause();
  }

  function pause() {
    if (timer) clearInterval(timer);
    timer = null;
    const p = race && el(race.charts.playing);
    if (p) p.dataset.playing = 'false';
  }

  return {
    // data: { charts: {...ids}, xs: [[...]], ys, losses, dists (or null), steps, divergedAt (or null), names and legends (or null) }
    load(data) {
      pause();
      race = { ...data, n: data.xs.length };
      k = 0;
      marked = null;
      draw();
    },
    clear() {
      pause();
      if (race) blank();
      race = null;
      k = 0;
      marked = null;
    },
    play(stepsPerFrame) {
      if (!race) return;
      speed = stepsPerFrame || speed;
      if (k >= race.steps) k = 0;
      pause();
      timer = setInterval(tick, 33);
      const p = el(race.charts.playing);
      if (p) p.dataset.playing = 'true';
    },
    pause,
    speed(stepsPerFrame) { speed = stepsPerFrame; },
    step() { if (race) { pause(); k = Math.min(race.steps, k + 1); draw(); } return k; },
    reset() { pause(); k = 0; draw(); },
    isPlaying() { return timer !== null; },
  };
})();

export const load = api.load, clear = api.clear, play = api.play, pause = api.pause, speed = api.speed, step = api.step, reset = api.reset;
