// The dashboard's only script: every figure comes from the analytics API with the tenant's key.
// Text from callers is shown with textContent only, never as HTML.
(() => {
  'use strict';
  const KEY_ITEM = 'naxio.analytics.key';
  const STAGES = ['missed', 'texted', 'replied', 'qualified', 'escalated', 'booked', 'synced'];
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (selector) => document.querySelector(selector);
  let nextCursor = null;

  // ?key= is taken once and moved to sessionStorage, so it does not linger in the address bar.
  const params = new URLSearchParams(location.search);
  if (params.has('key')) {
    sessionStorage.setItem(KEY_ITEM, params.get('key'));
    params.delete('key');
    history.replaceState(null, '', location.pathname + (params.toString() ? `?${params}` : '') + location.hash);
  }

  const state = (value) => (document.body.dataset.state = value);
  class Unauthorized extends Error {}

  async function api(path, init = {}) {
    const headers = { authorization: `Bearer ${sessionStorage.getItem(KEY_ITEM)}`, ...(init.body ? { 'content-type': 'application/json' } : {}) };
    const response = await fetch(path, { ...init, headers });
    const body = await response.json();
    if (response.status === 401) throw new Unauthorized(body.error.message);
    if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
    return body;
  }

  const isoDay = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const percent = (rate) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
  function duration(ms) {
    if (ms === null || ms === undefined) return '–';
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 3600000) return `${(ms / 60000).toFixed(1)} min`;
    if (ms < 86400000) return `${(ms / 3600000).toFixed(1)} h`;
    return `${(ms / 86400000).toFixed(1)} days`;
  }
  const bucketEdge = (ms) => (ms < 60000 ? `${ms / 1000}s` : `${ms / 60000}m`);
  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

  function svg(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderFunnel(total) {
    const chart = $('#funnel');
    chart.replaceChildren();
    const widest = Math.max(1, ...STAGES.map((s) => total[s]));
    STAGES.forEach((stage, i) => {
      const y = i * 34;
      const group = svg('g', { class: 'stage', 'data-stage': stage, 'data-count': total[stage] });
      group.append(svg('text', { x: 0, y: y + 18 }, stage));
      group.append(svg('rect', { x: 80, y: y + 4, height: 22, rx: 4, width: Math.max(2, (total[stage] / widest) * 290), fill: stage === 'booked' ? '#15803d' : '#2563eb' }));
      group.append(svg('text', { x: 378, y: y + 18, class: 'count' }, String(total[stage])));
      chart.append(group);
    });
  }

  function renderLatency(report) {
    $('#latency-p50').textContent = duration(report.p50Ms);
    $('#latency-p90').textContent = duration(report.p90Ms);
    $('#latency-p99').textContent = duration(report.p99Ms);
    $('#latency-max').textContent = duration(report.maxMs);
    $('#latency-untexted').textContent = `${report.untexted} of ${report.leads}`;
    const chart = $('#latency-chart');
    chart.replaceChildren();
    const tallest = Math.max(1, ...report.histogram.map((b) => b.leads));
    const width = 420 / report.histogram.length;
    report.histogram.forEach((bucket, i) => {
      const height = (bucket.leads / tallest) * 140;
      const label = bucket.toMs === null ? `≥${bucketEdge(bucket.fromMs)}` : `<${bucketEdge(bucket.toMs)}`;
      const group = svg('g', { class: 'bucket', 'data-from-ms': bucket.fromMs, 'data-leads': bucket.leads });
      group.append(svg('rect', { x: i * width + 6, y: 160 - height, width: width - 12, height, rx: 3, fill: '#2563eb' }));
      group.append(svg('text', { x: i * width + width / 2, y: 155 - height, 'text-anchor': 'middle' }, String(bucket.leads)));
      group.append(svg('text', { x: i * width + width / 2, y: 180, 'text-anchor': 'middle' }, label));
      chart.append(group);
    });
  }

  function leadRow(lead) {
    const row = document.createElement('tr');
    row.dataset.leadId = lead.leadId;
    const cells = [when(lead.openedAt), lead.callerPhone || '', null, lead.urgency || '', lead.serviceType || '', lead.summary || '', String(lead.callCount)];
    for (const text of cells) {
      const cell = document.createElement('td');
      if (text === null) {
        const badge = document.createElement('span');
        badge.className = `status ${lead.status}`;
        badge.textContent = lead.status;
        cell.append(badge);
      } else cell.textContent = text;
      row.append(cell);
    }
    row.addEventListener('click', () => openTimeline(lead.leadId).catch(showError));
    return row;
  }

  async function loadLeads(append) {
    const query = new URLSearchParams({ limit: '25' });
    if ($('#status-filter').value) query.set('status', $('#status-filter').value);
    if (append && nextCursor) query.set('cursor', nextCursor);
    const page = await api(`/v1/leads?${query}`);
    const body = $('#leads tbody');
    if (!append) body.replaceChildren();
    body.append(...page.leads.map(leadRow));
    nextCursor = page.nextCursor;
    $('#more-leads').hidden = !nextCursor;
  }

  async function openTimeline(leadId) {
    const history = await api(`/v1/leads/${encodeURIComponent(leadId)}/history`);
    $('#timeline').hidden = false;
    $('#timeline').dataset.leadId = leadId;
    $('#timeline-lead').textContent = leadId;
    $('#hand-off-result').textContent = '';
    for (const row of document.querySelectorAll('#leads tbody tr')) row.classList.toggle('selected', row.dataset.leadId === leadId);
    $('#timeline-events').replaceChildren(
      ...history.events.map((event) => {
        const item = document.createElement('li');
        item.dataset.type = event.type;
        const title = document.createElement('strong');
        title.textContent = event.type;
        const meta = document.createElement('div');
        meta.className = 'when';
        meta.textContent = `${when(event.metadata.occurredAt)} · v${event.streamVersion} · ${event.schema || 'no schema'}${event.metadata.causationId ? ` · caused by ${event.metadata.causationId}` : ''}`;
        const data = document.createElement('pre');
        data.textContent = JSON.stringify(event.data);
        item.append(title, meta, data);
        return item;
      }),
    );
    $('#timeline').scrollIntoView({ block: 'nearest' });
  }

  async function handOff() {
    const leadId = $('#timeline').dataset.leadId;
    const result = await api(`/v1/leads/${encodeURIComponent(leadId)}/hand-off`, { method: 'POST', body: JSON.stringify({ note: 'taken over from the dashboard' }) });
    await openTimeline(leadId);
    $('#hand-off-result').textContent = result.recorded.length ? 'Handed off: automation stopped for this lead.' : 'Already handed off.';
  }

  async function load() {
    state('loading');
    $('#error').hidden = true;
    const range = `from=${$('#from').value}&to=${$('#to').value}`;
    const [recovery, latency] = await Promise.all([api(`/v1/recovery?${range}&groupBy=day`), api(`/v1/latency?${range}`), loadLeads(false)]);
    $('#recovery-rate').textContent = percent(recovery.total.recoveryRate);
    $('#recovery-detail').textContent = `${recovery.total.booked} booked of ${recovery.total.missed} missed calls`;
    renderFunnel(recovery.total);
    renderLatency(latency);
    state('ready');
  }

  function showKeyForm(message) {
    $('#dashboard').hidden = true;
    $('#key-form').hidden = false;
    $('#key-error').textContent = message || '';
    state('needs-key');
  }

  function showError(error) {
    if (error instanceof Unauthorized) {
      sessionStorage.removeItem(KEY_ITEM);
      return showKeyForm(`That key was not accepted: ${error.message}`);
    }
    $('#error').hidden = false;
    $('#error').textContent = error.message;
    state('error');
  }

  function start() {
    if (!sessionStorage.getItem(KEY_ITEM)) return showKeyForm();
    $('#key-form').hidden = true;
    $('#dashboard').hidden = false;
    load().catch(showError);
  }

  const today = new Date();
  $('#to').value = params.get('to') || isoDay(today);
  $('#from').value = params.get('from') || isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29));
  $('#range').addEventListener('submit', (e) => (e.preventDefault(), load().catch(showError)));
  $('#status-filter').addEventListener('change', () => loadLeads(false).catch(showError));
  $('#more-leads').addEventListener('click', () => loadLeads(true).catch(showError));
  $('#hand-off').addEventListener('click', () => handOff().catch(showError));
  $('#close-timeline').addEventListener('click', () => ($('#timeline').hidden = true));
  $('#forget-key').addEventListener('click', () => (sessionStorage.removeItem(KEY_ITEM), showKeyForm()));
  $('#key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY_ITEM, $('#key-input').value.trim());
    $('#key-input').value = '';
    start();
  });
  start();
})();
