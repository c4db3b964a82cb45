// Resolves true once Plotly has drawn every chart named (false after timeoutMs): a stored race's events can arrive
// before the first plot, and the race animation draws only into charts that exist.
export function whenDrawn(ids, timeoutMs) {
  const drawn = () => window.Plotly && ids.every(id => {
    const el = document.getElementById(id);
    return el && el.data && el._fullData && el._fullLayout;
  });
  const started = performance.now();
  return new Promise(resolve => {
    (function check() {
      if (drawn()) resolve(true);
      else if (performance.now() - started > timeoutMs) resolve(false);
      else setTimeout(check, 50);
    })();
  });
}
