// The dashboard's view of one edition: totals, breakdowns by day, track, campus and mode, and a tile per session.
// Built once, then updated in place from the stream's records: a figure's text node changes only when its value
// does, so screen readers and observers see real changes only. Bars are SVG drawn here, hidden from assistive
// technology because the same number is written next to them.
import { h, fill } from '../dom.js';
import { i18n, t, timeRange, dayLabel, campusText, pick } from '../i18n.js';
import { d, number, percent } from './text.js';
import { capacityOf, localDay } from './figures.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A horizontal bar for a ratio 0..1 (values over 1 fill it and show an overflow mark). */
function bar(ratio) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart-bar');
  svg.setAttribute('viewBox', '0 0 100 10');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const back = document.createElementNS(SVG, 'rect');
  back.setAttribute('class', 'bar-back');
  back.setAttribute('width', '100');
  back.setAttribute('height', '10');
  const front = document.createElementNS(SVG, 'rect');
  front.setAttribute('class', 'bar-fill');
  front.setAttribute('height', '10');
  svg.append(back, front);
  setBar(svg, ratio);
  return svg;
}

function setBar(svg, ratio) {
  const width = String(Math.max(0, Math.min(100, Math.round((ratio || 0) * 100))));
  const front = svg.lastChild;
  if (front.getAttribute('width') !== width) front.setAttribute('width', width);
  svg.classList.toggle('over', (ratio || 0) >= 1);
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** The session's title in the chosen language, with the language it is really in (a Chinese page may show English). */
function title(s) {
  const titles = s.title || {};
  if (titles[i18n.lang]) return { text: titles[i18n.lang], lang: null };
  const other = titles.en || titles.zh;
  if (other) return { text: other, lang: titles.en ? 'en' : 'zh-CN' };
  return { text: d('untitled', s.sessionId), lang: null };
}

const modeText = (mode) => (mode === 'HYBRID' ? t('HYBRID_short') : mode ? t(mode) : '');

export class Board {
  /**
   * @param main the <main> element
   * @param options {figures, edition: {id, name}, big, tracks: Map id→track (schedule's view), controls: Node}
   */
  constructor(main, { figures, edition, big, tracks, controls }) {
    this.figures = figures;
    this.big = big;
    this.tracks = tracks;
    this.tiles = new Map();
    this.totalCells = {};
    this.liveNode = h('p', { class: 'live-state', role: 'status', 'data-state': 'connecting' },
      h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { class: 'live-text' }, d('connecting')));
    this.changedNode = h('p', { class: 'changed' });
    this.tileList = h('ul', { class: 'tiles', 'aria-labelledby': 'tiles-title' });
    this.empty = h('p', { class: 'notice' }, d('noSessions'));
    this.breakdowns = h('div', { class: 'breakdowns' });

    const heading = big ? d('bigTitle', edition.name) : d('title');
    fill(main,
      h('div', { class: 'dash-head' },
        h('div', {}, h('h1', { tabindex: '-1' }, heading),
          big ? null : h('p', { class: 'lede' }, edition.name)),
        h('div', { class: 'dash-status' }, this.liveNode, this.changedNode)),
      controls,
      h('section', { class: 'totals', 'aria-labelledby': 'totals-title' },
        h('h2', { id: 'totals-title', class: big ? 'sr-only' : null }, d('totals')),
        this.totalsList()),
      big ? null : h('section', { 'aria-labelledby': 'breakdowns-title' },
        h('h2', { id: 'breakdowns-title' }, d('breakdowns')), this.breakdowns),
      h('section', { 'aria-labelledby': 'tiles-title' },
        h('h2', { id: 'tiles-title', class: big ? 'sr-only' : null }, d('sessionTiles')), this.empty, this.tileList));
    this.update();
  }

  totalsList() {
    const items = [['sessions', 'sessions'], ['confirmed', 'registrations'], ['fillRate', 'fillRate'],
      ['waitlisted', 'waitlisted'], ['checkedIn', 'checkIns'], ['noShows', 'noShows'], ['needMoreRoom', 'needMoreRoom']];
    return h('dl', { class: 'total-list' }, items.map(([key, label]) => {
      this.totalCells[key] = h('dd', { 'data-total': key });
      return h('div', { class: 'total total-' + key }, h('dt', {}, d(label)), this.totalCells[key]);
    }));
  }

  setLive(state) {
    this.liveNode.dataset.state = state;
    setText(this.liveNode.querySelector('.live-text'),
      d({ live: 'live', reconnecting: 'reconnecting', 'signed-out': 'reconnecting' }[state] || 'connecting'));
  }

  /** Everything from the current figures; cheap enough to run for every record the stream brings. */
  update() {
    const totals = this.figures.totals();
    for (const [key, cell] of Object.entries(this.totalCells)) {
      setText(cell, key === 'fillRate' ? percent(totals.fillRate) : number(totals[key]));
    }
    if (!this.big) this.updateBreakdowns();
    this.updateTiles();
    const latest = [...this.figures.sessions.values()].map((s) => s.updatedAt).filter(Boolean).sort().pop();
    setText(this.changedNode, latest ? d('updated', new Intl.DateTimeFormat(i18n.lang === 'zh' ? 'zh-CN' : 'en-GB',
      { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(latest))) : '');
  }

  updateBreakdowns() {
    const dims = [
      ['byDay', localDay, (k) => (k ? dayLabel(k, 'short') : d('noDay'))],
      ['byTrack', (s) => s.trackId || null, (k) => (k ? (this.tracks.has(k) ? pick(this.tracks.get(k), 'title', 'titles') : k) : d('noTrack'))],
      ['byCampus', (s) => s.campus || null, (k) => (k ? campusText(k) : d('noCampus'))],
      ['byMode', (s) => s.mode || null, (k) => (k ? modeText(k) : '—')]
    ];
    if (!this.tables) {
      this.tables = dims.map(([label]) => {
        const id = 'bd-' + label;
        const body = h('tbody');
        const section = h('section', { class: 'breakdown' }, h('h3', { id }, d(label)),
          h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-labelledby': id },
            h('table', {},
              h('thead', {}, h('tr', {}, [d('group'), d('sessions'), d('registrations'), d('capacity'), d('fillRate'),
                d('waitlisted'), d('checkIns'), d('noShows')].map((c) => h('th', { scope: 'col' }, c)))),
              body)));
        this.breakdowns.append(section);
        return body;
      });
    }
    dims.forEach(([, key, name], i) => {
      const rows = this.figures.groupBy(key).map((g) => h('tr', {},
        h('th', { scope: 'row' }, name(g.key)), h('td', {}, number(g.sessions)), h('td', {}, number(g.confirmed)),
        h('td', {}, number(g.capacity)), h('td', {}, h('span', { class: 'rate' }, bar(g.fillRate), h('span', {}, percent(g.fillRate)))),
        h('td', {}, number(g.waitlisted)), h('td', {}, number(g.checkedIn)), h('td', {}, number(g.noShows))));
      const body = this.tables[i];
      // replaced only when something in it changed: a table that is read out is not rebuilt under the reader
      const probe = h('tbody', {}, rows);
      if (probe.innerHTML !== body.innerHTML) body.replaceChildren(...probe.childNodes);
    });
  }

  updateTiles() {
    const ordered = this.figures.ordered();
    this.empty.hidden = ordered.length > 0;
    let previous = null;
    for (const s of ordered) {
      let tile = this.tiles.get(s.sessionId);
      if (!tile) {
        tile = this.tile(s);
        this.tiles.set(s.sessionId, tile);
      }
      this.fillTile(tile, s);
      // keep the order by start: a session whose time changed moves
      const wanted = previous ? previous.node.nextSibling : this.tileList.firstChild;
      if (wanted !== tile.node) this.tileList.insertBefore(tile.node, wanted);
      previous = tile;
    }
  }

  tile(s) {
    const id = 'tile-' + s.sessionId.replace(/[^A-Za-z0-9_-]/g, '_');
    const cell = (key) => h('dd', { 'data-figure': key });
    const parts = {
      title: h('h3', { id }), when: h('span', { class: 'when' }), where: h('span'),
      status: h('span', { class: 'flag flag-cancelled' }, d('cancelled')),
      demand: h('p', { class: 'demand' }, h('span', { 'aria-hidden': 'true' }, '▲ '), d('demandFlag')),
      confirmed: cell('confirmed'), fillRate: h('span', { 'data-figure': 'fillRate' }), fillBar: bar(0),
      waitlisted: cell('waitlisted'), checkedIn: cell('checkedIn'), noShows: cell('noShows')
    };
    const figure = (label, value) => h('div', {}, h('dt', {}, d(label)), value);
    const node = h('li', { class: 'tile', 'data-session': s.sessionId, 'aria-labelledby': id },
      parts.title,
      h('p', { class: 'meta' }, parts.when, ' ', parts.where, ' ', parts.status),
      parts.demand,
      h('dl', { class: 'figs' },
        figure('registrations', parts.confirmed),
        figure('fillRate', h('dd', {}, parts.fillRate, h('span', { class: 'fill' }, parts.fillBar))),
        figure('waitlistPressure', parts.waitlisted),
        figure('checkIns', parts.checkedIn),
        figure('noShows', parts.noShows)));
    return { node, parts };
  }

  fillTile(tile, s) {
    const p = tile.parts;
    const name = title(s);
    setText(p.title, name.text);
    if (name.lang) p.title.setAttribute('lang', name.lang); else p.title.removeAttribute('lang');
    setText(p.when, s.start ? timeRange(s.start, s.end, s.timeZone || 'UTC') : '');
    setText(p.where, [s.campus ? campusText(s.campus) : '', modeText(s.mode)].filter(Boolean).join(' · '));
    const cancelled = s.status === 'CANCELLED';
    p.status.hidden = !cancelled;
    tile.node.classList.toggle('is-cancelled', cancelled);
    const flagged = !!(s.demand && s.demand.needsMoreRoom);
    p.demand.hidden = !flagged;
    tile.node.classList.toggle('needs-room', flagged);
    const capacity = capacityOf(s);
    setText(p.confirmed, capacity ? `${number(s.confirmed)} / ${number(capacity)}` : number(s.confirmed));
    setText(p.fillRate, percent(s.fillRate));
    setBar(p.fillBar, s.fillRate);
    const share = s.demand ? s.demand.waitlistShare : 0;
    setText(p.waitlisted, s.waitlisted ? `${number(s.waitlisted)} (${d('waitlistShare', percent(share))})`
      : number(0));
    setText(p.checkedIn, number(s.checkedIn));
    setText(p.noShows, number(s.noShows));
  }
}
