// The calendar heatmap, the uPlot charts and the org pulse.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { el } from './dom.js';
import { ratePerMinute } from './format.js';

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** Days as a calendar: a column per week, Sunday on top; cells keyed by date so an event can bloom its day. */
export function calendar(container, days) {
  const most = Math.max(1, ...days.map((day) => day.count));
  const cells = [];
  const firstWeekday = days.length ? new Date(`${days[0].date}T00:00:00Z`).getUTCDay() : 0;
  for (let i = 0; i < firstWeekday; i++) cells.push(el('span', { cls: 'pad' }));
  for (const day of days) {
    const level = day.count === 0 ? 0 : Math.min(4, Math.ceil((4 * day.count) / most));
    cells.push(el('span', { cls: `l${level}`, attrs: { 'data-date': day.date, 'data-count': day.count, title: `${day.date}: ${day.count}` } }));
  }
  container.replaceChildren(...cells);
}

/** One more activity on a day already drawn: count it and bloom the cell. */
export function bloomDay(container, date) {
  const cell = container.querySelector(`[data-date="${CSS.escape(date)}"]`);
  if (!cell) return null;
  const count = Number(cell.dataset.count) + 1;
  cell.dataset.count = count;
  cell.title = `${date}: ${count}`;
  if (cell.className.match(/\bl0\b/)) cell.classList.replace('l0', 'l1');
  return cell;
}

/** A uPlot chart that follows its container's width and the theme; `series` are [{label, values, bars?}]. */
export function timeChart(container, xs, series, { height = 160 } = {}) {
  const palette = () => [css('--accent'), css('--info'), css('--warn')];
  const build = () => {
    const colors = palette();
    const options = {
      width: Math.max(200, container.clientWidth),
      height,
      legend: { show: series.length > 1 },
      cursor: { drag: { x: false, y: false } },
      axes: [
        { stroke: css('--muted'), grid: { show: false }, ticks: { stroke: css('--border') } },
        { stroke: css('--muted'), grid: { stroke: css('--border'), width: 1 }, ticks: { show: false }, size: 40 },
      ],
      series: [{}, ...series.map((one, i) => ({
        label: one.label,
        stroke: colors[i % colors.length],
        width: 2,
        fill: `${colors[i % colors.length]}33`,
        paths: one.bars ? uPlot.paths.bars({ size: [0.7, 40] }) : undefined,
        points: { show: false },
      }))],
    };
    return new uPlot(options, [xs, ...series.map((one) => one.values)], container);
  };
  container.replaceChildren();
  let chart = build();
  const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, container.clientWidth), height }));
  resize.observe(container);
  const rethemed = () => { chart.destroy(); chart = build(); };
  addEventListener('orgpulse:theme', rethemed);
  return {
    update(newXs, newSeries) {
      chart.setData([newXs, ...newSeries.map((one) => one.values)]);
    },
    destroy() {
      resize.disconnect();
      removeEventListener('orgpulse:theme', rethemed);
      chart.destroy();
    },
  };
}

/** Days of the heatmap as uPlot's x (epoch seconds) and y. */
export function daySeries(days) {
  return [days.map((day) => Date.parse(`${day.date}T00:00:00Z`) / 1000), days.map((day) => day.count)];
}

/**
 * The org pulse: a trace that spikes with every stream event, and the rate over the last minute. `beat()` on each
 * event; the trace scrolls on its own so a quiet org shows a flat line.
 */
export function orgPulse(canvas, rateLabel) {
  const context = canvas.getContext('2d');
  const arrivals = [];
  const samples = new Array(240).fill(0);
  let energy = 0;
  let lastRateUpdate = 0;

  function frame(now) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth * ratio;
    const height = canvas.clientHeight * ratio;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    // a beat: a sharp spike then a small dip, like an ECG's QRS
    samples.shift();
    const phase = energy > 0 ? energy : 0;
    samples.push(phase > 0.8 ? -1 : phase > 0.6 ? 0.9 : phase > 0.5 ? -0.25 : 0);
    energy = Math.max(0, energy - 0.06);
    context.clearRect(0, 0, width, height);
    context.lineWidth = 2 * ratio;
    context.strokeStyle = css('--accent');
    context.shadowColor = css('--accent');
    context.shadowBlur = 8 * ratio;
    context.beginPath();
    samples.forEach((sample, i) => {
      const x = (i / (samples.length - 1)) * width;
      const y = height / 2 + sample * (height / 2.4);
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    });
    context.stroke();
    if (now - lastRateUpdate > 1000) {
      lastRateUpdate = now;
      while (arrivals.length && Date.now() - arrivals[0] > 60000) arrivals.shift();
      rateLabel.textContent = `${Math.round(ratePerMinute(arrivals, Date.now()))}/min`;
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  return {
    beat() {
      arrivals.push(Date.now());
      energy = 1;
    },
  };
}
