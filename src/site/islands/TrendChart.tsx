import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { formatNumber } from '../../text/format.ts';

// Only the pieces the site draws, so the island stays small.
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = "'Be Vietnam Pro', system-ui, sans-serif";
Chart.defaults.color = '#4a5560';

/** One data series: drawn as bars or a line, values aligned with the labels. */
export interface ChartSeries {
  label: string;
  kind: 'bar' | 'line';
  values: (number | null)[];
}

export interface TrendChartProps {
  title: string;
  labels: string[];
  series: ChartSeries[];
}

const COLOURS = ['#0a4a82', '#c2410c', '#1d6b35', '#6b21a8'];

/**
 * Draws a bar/line chart with Vietnamese number formatting. The canvas is an image for assistive technology; the
 * same numbers are in the table next to it (ChartFigure.astro), so no information lives only in the chart.
 */
export default function TrendChart({ title, labels, series }: TrendChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          type: s.kind,
          label: s.label,
          data: s.values,
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
          borderWidth: s.kind === 'line' ? 2 : 0,
          pointRadius: s.kind === 'line' ? 2 : 0,
          order: s.kind === 'line' ? 0 : 1,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: 'vi-VN',
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatNumber(c.parsed.y)}` } },
        },
        scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatNumber(Number(v)) } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series]);
  // chart.js sizes the canvas from its parent; the island element itself has no box (display: contents).
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
