// The schedule designer's page. Everything it knows about schedulers comes from /api/catalog (the JSON of
// `schedulers describe --format json`); every check comes from the library through the API. No framework, no
// network beyond this server, no innerHTML: text from the server or a file is always set as text.
'use strict';

const families = ['HuggingFace', 'PyTorch', 'Custom'];
const colors = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];
const chartSize = { width: 880, height: 400, left: 72, right: 16, top: 16, bottom: 40 };
const svgNs = 'http://www.w3.org/2000/svg';

const state = {
  catalog: [],            // schedulers offered (no code-only or metric-driven ones: they have no curve)
  parameters: new Map(),  // key -> descriptor (first scheduler's), for the field kinds
  keys: [],               // every key, in catalog order
  values: new Map(),      // key -> text typed in its field
  pins: [],               // [{ label, config }] overlaid for comparison
  curves: null,           // last answer of /api/curve
  version: 0,
  pending: null,          // AbortController of the request in flight
  timer: 0,
};

const $ = id => document.getElementById(id);

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, body, signal) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body,
    signal,
  });
  let json;
  try {
    json = await response.json();
  } catch {
    json = { problems: [{ keys: [], message: `the server answered ${response.status} without JSON.` }] };
  }
  return { ok: response.ok, status: response.status, json };
}

// ---- the form -------------------------------------------------------------------------------------------------

function scheduler() {
  return state.catalog.find(s => s.name === $('scheduler').value);
}

function buildPicker() {
  const picker = $('scheduler');
  for (const family of families) {
    const members = state.catalog.filter(s => s.family === family);
    if (members.length === 0) continue;
    const group = element('optgroup', { label: family === 'HuggingFace' ? 'Hugging Face' : family });
    for (const s of members) group.append(element('option', { value: s.name, title: s.summary }, s.name));
    picker.append(group);
  }
  const others = state.catalog.filter(s => !families.includes(s.family));
  if (others.length > 0) {
    const group = element('optgroup', { label: 'Other' });
    for (const s of others) group.append(element('option', { value: s.name }, s.name));
    picker.append(group);
  }
}

function fieldId(key) { return `field-${key}`; }

function buildFields() {
  const container = $('fields');
  for (const key of state.keys) {
    const descriptor = state.parameters.get(key);
    const wrapper = element('div', { class: 'field', id: `wrap-${key}`, 'data-key': key });
    const label = element('label', { for: fieldId(key) }, key);
    let input;
    if (descriptor.kind === 'Choice' || descriptor.kind === 'Boolean') {
      input = element('select', { id: fieldId(key), name: key });
      input.append(element('option', { value: '' }, ''));
      const choices = descriptor.kind === 'Boolean' ? ['true', 'false'] : descriptor.choices;
      for (const choice of choices) input.append(element('option', { value: choice }, choice));
    } else if (descriptor.kind === 'ScheduleList' || descriptor.kind === 'PointList') {
      input = element('textarea', { id: fieldId(key), name: key, rows: 3, spellcheck: 'false' });
    } else {
      input = element('input', { id: fieldId(key), name: key, autocomplete: 'off', spellcheck: 'false' });
    }
    input.addEventListener('input', () => { state.values.set(key, input.value); changed(); });
    wrapper.append(label, input, element('span', { class: 'problem', id: `problem-${key}`, 'data-key': key }));
    container.append(wrapper);
  }
}

function takes(s, key) { return s.parameters.some(p => p.key === key); }

function reasonOff(s, key) {
  const users = state.catalog.filter(other => takes(other, key)).map(other => other.name);
  if (key.startsWith('warmup') && s.warmup === 'None') {
    return `${s.name} has no warmup phase, so it does not take ${key}. Schedulers with a warmup: ${users.join(', ')}.`;
  }
  return `${s.name} does not use ${key}; it is used by ${users.join(', ')}.`;
}

function placeholder(p) {
  if (p.required) return 'required';
  if (p.default_description) return p.default_description;
  if (p.default !== null && p.default !== undefined) return typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default);
  return p.presence === 'Optional' ? 'optional' : '';
}

// Lays the form out for the chosen scheduler: its own fields first, in its order; the others after, disabled, each
// with the reason as its tooltip.
function layoutFields() {
  const s = scheduler();
  if (!s) return;
  $('scheduler-summary').textContent = s.summary;
  $('scheduler-formula').textContent = `factor = ${s.formula}`;
  const container = $('fields');
  const own = s.parameters.map(p => p.key);
  const order = [...own, ...state.keys.filter(key => !own.includes(key))];
  for (const key of order) {
    const wrapper = $(`wrap-${key}`);
    const input = $(fieldId(key));
    const label = wrapper.querySelector('label');
    const p = s.parameters.find(q => q.key === key);
    container.append(wrapper);
    if (p) {
      wrapper.classList.remove('off');
      input.disabled = false;
      input.removeAttribute('title');
      wrapper.removeAttribute('title');
      input.placeholder = placeholder(p);
      label.classList.toggle('required', !!p.required);
      label.title = `${p.description} Valid: ${p.valid_values}.`;
      input.title = `${p.valid_values}${p.exclusive_with.length ? `; not together with ${p.exclusive_with.join(', ')}` : ''}`;
    } else {
      const reason = reasonOff(s, key);
      wrapper.classList.add('off');
      input.disabled = true;
      input.placeholder = '';
      input.title = reason;
      wrapper.title = reason;
      label.title = reason;
      label.classList.remove('required');
    }
    input.value = state.values.get(key) ?? '';
  }
}

// ---- the configuration as JSON text -----------------------------------------------------------------------------

const jsonNumber = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

// What a field's text becomes: a number as written (so a refusal quotes it), a list, JSON for nested values, or
// else a string, which the library then refuses by name with its own message.
function encode(key, text) {
  const kind = state.parameters.get(key)?.kind;
  const trimmed = text.trim();
  if ((kind === 'Integer' || kind === 'Number') && jsonNumber.test(trimmed)) return trimmed;
  if (kind === 'Boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed;
  if (kind === 'IntegerList') {
    if (trimmed.startsWith('[')) return validJson(trimmed) ? trimmed : JSON.stringify(text);
    const items = trimmed === '' ? [] : trimmed.split(',').map(item => item.trim());
    return `[${items.map(item => (jsonNumber.test(item) ? item : JSON.stringify(item))).join(', ')}]`;
  }
  if ((kind === 'ScheduleList' || kind === 'PointList') && validJson(trimmed)) return trimmed;
  return JSON.stringify(text);
}

function validJson(text) {
  try { JSON.parse(text); return true; } catch { return false; }
}

function configText() {
  const entries = [`"scheduler": ${JSON.stringify($('scheduler').value)}`];
  for (const key of state.keys) {
    const text = state.values.get(key);
    if (text !== undefined && text.trim() !== '') entries.push(`${JSON.stringify(key)}: ${encode(key, text)}`);
  }
  return `{${entries.join(', ')}}`;
}

// Puts a configuration (import, fix, link) into the form; keys it holds that its scheduler does not take stay
// visible, so the library's refusal of them shows next to them.
function loadConfig(config) {
  if (!config || typeof config !== 'object') return;
  if (typeof config.scheduler === 'string' && state.catalog.some(s => s.name === config.scheduler)) {
    $('scheduler').value = config.scheduler;
  }
  state.values.clear();
  for (const [key, value] of Object.entries(config)) {
    if (key === 'scheduler' || !state.parameters.has(key)) continue;
    const kind = state.parameters.get(key).kind;
    if (kind === 'IntegerList' && Array.isArray(value)) state.values.set(key, value.join(', '));
    else if (typeof value === 'object' && value !== null) state.values.set(key, JSON.stringify(value));
    else state.values.set(key, String(value));
  }
  layoutFields();
}

// ---- problems -------------------------------------------------------------------------------------------------

function clearProblems() {
  for (const node of document.querySelectorAll('#fields .problem')) node.textContent = '';
  for (const node of document.querySelectorAll('#fields .field.bad')) node.classList.remove('bad');
  $('general-problems').textContent = '';
}

// Every problem at once, each next to the field of its first key; a problem of no field goes under the form.
function showProblems(problems) {
  clearProblems();
  const general = [];
  for (const problem of problems) {
    const key = (problem.keys || []).map(k => k.replace(/\[.*$/, '').replace(/\..*$/, '')).find(k => $(`problem-${k}`));
    if (key) {
      const target = $(`problem-${key}`);
      target.textContent = target.textContent ? `${target.textContent} ${problem.message}` : problem.message;
      $(`wrap-${key}`).classList.add('bad');
    } else {
      general.push(problem.message);
    }
  }
  $('general-problems').textContent = general.join('\n');
}

// ---- the curve ------------------------------------------------------------------------------------------------

function changed() {
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, 60);
  saveToUrl();
}

function stepsShown() {
  const text = $('steps-shown').value.trim();
  return jsonNumber.test(text) ? text : null;
}

async function refresh() {
  state.pending?.abort();
  const controller = new AbortController();
  state.pending = controller;
  const configs = [configText(), ...state.pins.map(pin => pin.config)];
  const steps = stepsShown();
  const body = `{"configs": [${configs.join(', ')}], "width": ${chartSize.width - chartSize.left - chartSize.right}${steps ? `, "steps": ${steps}` : ''}}`;
  $('chart').dataset.state = 'loading';
  let answer;
  try {
    answer = await api('/api/curve', body, controller.signal);
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('status').textContent = `the server did not answer: ${error.message}`;
    return;
  }
  if (controller !== state.pending) return;
  if (answer.ok) {
    clearProblems();
    state.curves = answer.json;
    $('status').textContent = `valid: ${answer.json.curves[0].name}, ${Number(answer.json.count).toLocaleString('en')} steps`;
    draw();
    $('chart').dataset.state = 'ready';
  } else if ((answer.json.index ?? 0) === 0) {
    showProblems(answer.json.problems || []);
    $('status').textContent = `${(answer.json.problems || []).length} problem(s)`;
    $('chart').dataset.state = 'invalid';
  } else {
    $('status').textContent = `pinned curve ${answer.json.index} was refused: ${answer.json.problems.map(p => p.message).join(' ')}`;
    $('chart').dataset.state = 'invalid';
  }
}

function formatStep(step) {
  if (step >= 1e6) return step.toExponential(step % 10 ** Math.floor(Math.log10(step)) === 0 ? 0 : 2).replace('e+', 'e');
  return Math.round(step).toLocaleString('en');
}

function formatValue(value) {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e4 ? Number(value.toPrecision(4)).toString() : value.toExponential(2);
}

// The envelope's polyline per column: first value, the extremes in the order reached, last value.
function columnPoints(curve, column) {
  const first = curve.first[column];
  const last = curve.last[column];
  const [a, b] = first <= last ? [curve.low[column], curve.high[column]] : [curve.high[column], curve.low[column]];
  return [first, a, b, last];
}

function scale() {
  const curves = state.curves.curves;
  const log = $('log-scale').checked;
  const all = curves.flatMap(c => [...c.low, ...c.high]);
  const positive = all.filter(v => v > 0);
  let low = log ? Math.min(...positive) : Math.min(0, ...all);
  let high = Math.max(...all);
  if (log && positive.length === 0) { low = 1e-12; high = 1; }
  if (!(high > low)) { high = low === 0 ? 1 : low * (log ? 10 : 1.1); if (!log && low > 0) low = 0; }
  const plotWidth = chartSize.width - chartSize.left - chartSize.right;
  const plotHeight = chartSize.height - chartSize.top - chartSize.bottom;
  const [lo, hi] = log ? [Math.log10(low), Math.log10(high)] : [low, high];
  const pad = (hi - lo) * 0.04;
  const y = value => {
    const v = log ? Math.log10(Math.max(value, low)) : value;
    return chartSize.top + plotHeight * (1 - (v - (lo - pad)) / (hi - lo + 2 * pad));
  };
  const columns = curves[0].steps.length;
  const x = column => chartSize.left + plotWidth * (column + 0.5) / columns;
  return { x, y, lo, hi, log, low, high, plotWidth, plotHeight, columns };
}

function draw() {
  const chart = $('chart');
  chart.replaceChildren();
  const { curves, count } = state.curves;
  const s = scale();
  chart.append(svg('rect', { x: 0, y: 0, width: chartSize.width, height: chartSize.height, fill: 'white' }));

  // Axes and ticks: five on each, step numbers and learning rates as a person reads them.
  const axis = { stroke: '#6b7280', 'stroke-width': 1 };
  const bottom = chartSize.height - chartSize.bottom;
  chart.append(svg('line', { x1: chartSize.left, y1: chartSize.top, x2: chartSize.left, y2: bottom, ...axis }));
  chart.append(svg('line', { x1: chartSize.left, y1: bottom, x2: chartSize.width - chartSize.right, y2: bottom, ...axis }));
  const text = { 'font-family': 'sans-serif', 'font-size': 11, fill: '#374151' };
  for (let i = 0; i <= 4; i++) {
    const value = s.log ? 10 ** (s.lo + (s.hi - s.lo) * i / 4) : s.low + (s.high - s.low) * i / 4;
    const y = s.y(value);
    chart.append(svg('line', { x1: chartSize.left - 4, y1: y, x2: chartSize.width - chartSize.right, y2: y, stroke: '#e5e7eb' }));
    chart.append(svg('text', { x: chartSize.left - 6, y: y + 4, 'text-anchor': 'end', ...text }, formatValue(value)));
    const step = Math.round((count - 1) * i / 4);
    const x = chartSize.left + s.plotWidth * i / 4;
    chart.append(svg('text', { x, y: bottom + 16, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle', ...text }, formatStep(step)));
  }
  chart.append(svg('text', { x: chartSize.left + s.plotWidth / 2, y: chartSize.height - 6, 'text-anchor': 'middle', ...text }, 'step'));
  chart.append(svg('text', { x: 14, y: chartSize.top + s.plotHeight / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${chartSize.top + s.plotHeight / 2})`, ...text }, s.log ? 'learning rate (log)' : 'learning rate'));

  // Pinned curves under the current one, which is drawn last and on top.
  for (let index = curves.length - 1; index >= 0; index--) {
    const curve = curves[index];
    const points = [];
    for (let column = 0; column < curve.steps.length; column++) {
      for (const value of columnPoints(curve, column)) points.push(`${s.x(column).toFixed(2)},${s.y(value).toFixed(2)}`);
    }
    chart.append(svg('path', {
      id: `curve-${index}`, d: `M${points.join('L')}`, fill: 'none', stroke: colors[index % colors.length],
      'stroke-width': index === 0 ? 2 : 1.5, 'stroke-linejoin': 'round',
      'data-peak': curve.peak, 'data-final': curve.final, 'data-warmup-steps': curve.warmup_steps,
    }));
  }
  const cursor = svg('g', { id: 'cursor', visibility: 'hidden' });
  cursor.append(svg('line', { y1: chartSize.top, y2: bottom, stroke: '#9ca3af', 'stroke-dasharray': '3 3' }));
  cursor.append(svg('circle', { r: 3.5, fill: colors[0] }));
  chart.append(cursor);
  chart.dataset.version = String(++state.version);
  chart.dataset.count = String(count);
  drawLegend();
}

function drawLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  state.curves.curves.forEach((curve, index) => {
    const item = element('li');
    const swatch = element('span', { class: 'swatch' });
    swatch.style.background = colors[index % colors.length];
    item.append(swatch, document.createTextNode(index === 0 ? `current: ${curve.name}, peak ${formatValue(curve.peak)}` : `${state.pins[index - 1].label}`));
    if (index > 0) {
      const remove = element('button', { type: 'button', title: 'remove this pinned curve' }, '×');
      remove.addEventListener('click', () => { state.pins.splice(index - 1, 1); changed(); });
      item.append(remove);
    }
    legend.append(item);
  });
}

// Hover: the column under the mouse, its first step, and its value (or the range of values the column covers).
function hover(event) {
  if (!state.curves || $('chart').dataset.state !== 'ready') return;
  const chart = $('chart');
  const box = chart.getBoundingClientRect();
  const xInChart = (event.clientX - box.left) * chartSize.width / box.width;
  const s = scale();
  const column = Math.floor((xInChart - chartSize.left) / s.plotWidth * s.columns);
  const cursor = $('cursor');
  if (column < 0 || column >= s.columns) { cursor?.setAttribute('visibility', 'hidden'); return; }
  const curve = state.curves.curves[0];
  const step = curve.steps[column];
  const next = column + 1 < s.columns ? curve.steps[column + 1] : state.curves.count;
  const value = curve.first[column];
  const steps = next - step > 1 ? `steps ${formatStep(step)}–${formatStep(next - 1)}` : `step ${formatStep(step)}`;
  const range = curve.low[column] === curve.high[column] ? `lr ${formatValue(value)}` : `lr ${formatValue(value)} (from ${formatValue(curve.low[column])} to ${formatValue(curve.high[column])} in this column)`;
  $('readout').textContent = `${steps}: ${range}`;
  $('readout').dataset.step = String(step);
  $('readout').dataset.value = String(value);
  cursor.setAttribute('visibility', 'visible');
  cursor.firstChild.setAttribute('x1', s.x(column));
  cursor.firstChild.setAttribute('x2', s.x(column));
  cursor.lastChild.setAttribute('cx', s.x(column));
  cursor.lastChild.setAttribute('cy', s.y(value));
}

// ---- fix it, import, export ----------------------------------------------------------------------------------

async function fix() {
  const answer = await api('/api/fix', `{"config": ${configText()}}`);
  const list = $('changes');
  list.replaceChildren();
  $('changes-panel').hidden = false;
  if (!answer.ok) {
    showProblems(answer.json.problems || []);
    list.append(element('li', {}, 'Nothing could be fixed automatically: the problems shown need a value from you.'));
    return;
  }
  loadConfig(answer.json.config);
  if (answer.json.changes.length === 0) list.append(element('li', {}, 'Nothing to fix: the configuration is valid.'));
  for (const change of answer.json.changes) list.append(element('li', { 'data-key': change.key }, change.message));
  changed();
}

let formats = { imports: [], exports: [] };
const factValues = new Map();  // fact name -> text typed, kept when the kind changes (kinds share processes, world size, ...)

function buildImportFacts() {
  const source = formats.imports.find(i => i.name === $('import-source').value);
  const container = $('import-facts');
  container.replaceChildren();
  for (const fact of source?.facts ?? []) {
    const wrapper = element('div', { class: 'field' });
    const id = `fact-${fact.name}`;
    wrapper.append(element('label', { for: id, title: fact.description }, fact.label));
    let input;
    if (fact.choices) {
      input = element('select', { id, 'data-fact': fact.name, title: fact.description });
      input.append(element('option', { value: '' }, fact.default ? `${fact.default} (default)` : ''));
      for (const choice of fact.choices) input.append(element('option', { value: choice }, choice));
    } else {
      const placeholder = fact.default || 'if the file needs it';
      input = element('input', { id, 'data-fact': fact.name, placeholder, title: fact.description, inputmode: fact.maximum ? 'numeric' : undefined });
    }
    input.value = factValues.get(fact.name) ?? '';
    input.addEventListener('input', () => factValues.set(fact.name, input.value));
    wrapper.append(input);
    container.append(wrapper);
  }
}

// source: the kind chosen, or 'auto' (told from the content by the server; a dropped file falls back to the kind chosen).
async function runImport(source = $('import-source').value) {
  const facts = {};
  for (const input of document.querySelectorAll('#import-facts [data-fact]')) {
    if (input.value.trim() !== '') facts[input.dataset.fact] = input.value.trim();
  }
  const chosen = $('import-source').value;
  const request = { source, text: $('import-text').value, facts };
  if (source === 'auto' && chosen !== 'auto') request.fallback = chosen;
  const answer = await api('/api/import', JSON.stringify(request));
  $('import-problems').textContent = '';
  const notes = $('import-notes');
  notes.replaceChildren();
  showImportKind(source, answer.json);
  if (!answer.ok) {
    $('import-problems').textContent = (answer.json.problems || []).map(p => p.message).join('\n');
    return;
  }
  loadConfig(answer.json.config);
  for (const note of answer.json.notes) notes.append(element('li', {}, note));
  $('import-panel').dataset.imported = String(Number($('import-panel').dataset.imported || 0) + 1);
  changed();
}

// Says which kind read the text, and shows that kind (and its fields) in the picker, where the user can change it.
function showImportKind(source, answer) {
  const kind = $('import-kind');
  const read = formats.imports.find(i => i.name === answer.source);
  if (!read) { kind.textContent = ''; return; }
  if (source === 'auto') {
    kind.textContent = answer.detected
      ? `read as ${read.label}: detected from ${answer.detected}`
      : `read as ${read.label}, the kind chosen: the content does not tell`;
  } else {
    kind.textContent = '';
  }
  if ($('import-source').value !== read.name) { $('import-source').value = read.name; buildImportFacts(); }
}

// A dropped or chosen file is read here, as text, and goes into the box: the server never sees a path.
function readFile(file) {
  if (!file) return;
  if (file.size > 512 * 1024) { $('import-problems').textContent = `${file.name} is larger than 512 KiB: not a configuration file.`; return; }
  file.text().then(text => { $('import-text').value = text; runImport('auto'); });
}

// Drops: a file dropped on the import panel is imported; anywhere else the drag is refused (a browser would otherwise open
// the file in place of the page, and the design would be lost), as is a dragged link. Text dragged into a field is left alone.
function handleDrag(event) {
  const files = event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  const inImport = event.target instanceof Node && $('import-panel').contains(event.target);
  const editable = event.target instanceof HTMLElement && event.target.matches('input, textarea, select');
  if (!files && (inImport || editable)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = files && inImport ? 'copy' : 'none';
  if (files && !inImport) $('status').textContent = 'drop a file on the Import panel to import it';
  if (event.type === 'drop' && files && inImport) readFile(event.dataTransfer.files[0]);
}

async function runExport() {
  const format = $('export-format').value;
  const steps = stepsShown();
  const body = `{"format": ${JSON.stringify(format)}, "config": ${configText()}${steps ? `, "steps": ${steps}` : ''}}`;
  const answer = await api('/api/export', body);
  $('export-problems').textContent = '';
  if (!answer.ok) {
    $('export-text').value = '';
    $('export-problems').textContent = (answer.json.problems || []).map(p => p.message).join('\n');
    return null;
  }
  $('export-text').value = answer.json.text;
  $('export-text').dataset.format = format;
  return answer.json;
}

function download(name, blob) {
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function chartSvgText() {
  return new XMLSerializer().serializeToString($('chart'));
}

// The chart drawn at twice its size, so that the PNG stays sharp on a high-density screen or in a document.
function exportPng() {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([chartSvgText()], { type: 'image/svg+xml' }));
  const [width, height] = [chartSize.width * 2, chartSize.height * 2];
  image.onload = () => {
    const canvas = element('canvas', { width, height });
    const context = canvas.getContext('2d');
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob(blob => {
      if (!blob) { $('status').textContent = 'the browser could not make the PNG.'; return; }
      download('schedule.png', blob);
      $('status').textContent = `schedule.png: ${width} × ${height} pixels`;
    }, 'image/png');
  };
  image.onerror = () => { URL.revokeObjectURL(url); $('status').textContent = 'the browser could not draw the chart into a PNG.'; };
  image.src = url;
}

// ---- the link -------------------------------------------------------------------------------------------------

function saveToUrl() {
  const parts = [`config=${encodeURIComponent(configText())}`];
  for (const pin of state.pins) parts.push(`pin=${encodeURIComponent(pin.config)}`);
  if ($('log-scale').checked) parts.push('log=1');
  if (stepsShown()) parts.push(`steps=${stepsShown()}`);
  history.replaceState(null, '', `#${parts.join('&')}`);
}

function loadFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const parse = text => { try { return JSON.parse(text); } catch { return null; } };
  const config = params.get('config') ? parse(params.get('config')) : null;
  if (config) loadConfig(config);
  for (const pin of params.getAll('pin')) {
    const parsed = parse(pin);
    if (parsed) state.pins.push({ label: `${parsed.scheduler ?? 'pinned'} #${state.pins.length + 1}`, config: pin });
  }
  $('log-scale').checked = params.get('log') === '1';
  if (params.get('steps')) $('steps-shown').value = params.get('steps');
  return !!config;
}

// ---- start ----------------------------------------------------------------------------------------------------

async function start() {
  const catalog = await api('/api/catalog');
  state.catalog = catalog.json.schedulers.filter(s => !s.code_only && !s.metric_driven);
  for (const s of state.catalog) {
    for (const p of s.parameters) {
      if (!state.parameters.has(p.key)) { state.parameters.set(p.key, p); state.keys.push(p.key); }
    }
  }
  buildPicker();
  buildFields();
  formats = (await api('/api/formats')).json;
  if (formats.detects_imports) $('import-source').append(element('option', { value: 'auto' }, 'detect from the content'));
  for (const source of formats.imports) $('import-source').append(element('option', { value: source.name }, source.label));
  for (const format of formats.exports) $('export-format').append(element('option', { value: format.name }, format.label));
  buildImportFacts();

  if (!loadFromUrl()) {
    $('scheduler').value = 'cosine';
    state.values.set('learning_rate', '3e-4');
    state.values.set('total_steps', '10000');
    state.values.set('warmup_steps', '500');
    layoutFields();
  }

  $('scheduler').addEventListener('change', () => {
    // A new scheduler: values of keys it does not take are dropped, so the form holds only what it will use.
    const s = scheduler();
    for (const key of [...state.values.keys()]) if (!takes(s, key)) state.values.delete(key);
    layoutFields();
    changed();
  });
  $('log-scale').addEventListener('change', () => { if (state.curves) draw(); saveToUrl(); });
  $('steps-shown').addEventListener('input', changed);
  $('fix').addEventListener('click', fix);
  $('pin').addEventListener('click', () => {
    if ($('chart').dataset.state !== 'ready' || state.pins.length >= 7) return;
    state.pins.push({ label: `${$('scheduler').value} #${state.pins.length + 1}`, config: configText() });
    changed();
  });
  $('clear-pins').addEventListener('click', () => { state.pins = []; changed(); });
  $('chart').addEventListener('mousemove', hover);
  $('chart').addEventListener('mouseleave', () => $('cursor')?.setAttribute('visibility', 'hidden'));
  $('import-source').addEventListener('change', buildImportFacts);
  $('import-button').addEventListener('click', () => runImport());
  $('import-file').addEventListener('change', event => readFile(event.target.files[0]));
  for (const type of ['dragenter', 'dragover', 'drop']) window.addEventListener(type, handleDrag);
  $('export-button').addEventListener('click', runExport);
  $('export-download').addEventListener('click', async () => {
    const exported = await runExport();
    if (exported) download(exported.file_name, new Blob([exported.text], { type: 'text/plain' }));
  });
  $('export-svg').addEventListener('click', () => download('schedule.svg', new Blob([chartSvgText()], { type: 'image/svg+xml' })));
  $('export-png').addEventListener('click', exportPng);
  $('copy-link').addEventListener('click', () => { saveToUrl(); navigator.clipboard?.writeText(location.href); $('status').textContent = 'link copied: it holds the whole configuration'; });
  document.body.dataset.ready = 'true';
  changed();
}

start().catch(error => { $('status').textContent = `the page failed to start: ${error.message}`; });
