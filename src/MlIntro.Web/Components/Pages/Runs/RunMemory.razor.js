// The runs this browser started or opened, newest first, in localStorage only: no server keeps a list of anyone's runs.
const key = 'mlintro.runs';
const most = 200;

export function list() {
  try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch { return []; }
}

export function remember(id, lesson) {
  const runs = list().filter(r => r.id !== id);
  runs.unshift({ id, lesson, seen: new Date().toISOString() });
  localStorage.setItem(key, JSON.stringify(runs.slice(0, most)));
}

export function forget(id) {
  localStorage.setItem(key, JSON.stringify(list().filter(r => r.id !== id)));
}
