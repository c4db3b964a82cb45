// Calls dotnet.Brushed(ranges) whenever the user brushes an axis of the parcoords chart `id`: ranges[i] lists the
// [low, high] intervals kept on axis i (empty: the whole axis). False while Plotly has not drawn the chart yet.
export function watchBrushing(id, dotnet) {
  const el = document.getElementById(id);
  if (!el || typeof el.on !== 'function' || !el.data) return false;
  if (el.mlintroBrushing) return true;
  el.mlintroBrushing = true;
  el.on('plotly_restyle', () => {
    const dimensions = (el.data[0] && el.data[0].dimensions) || [];
    const ranges = dimensions.map(d => {
      const r = d.constraintrange;
      if (!r || r.length === 0) return [];
      return Array.isArray(r[0]) ? r : [r];
    });
    dotnet.invokeMethodAsync('Brushed', ranges);
  });
  return true;
}
