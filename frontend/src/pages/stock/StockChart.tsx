// A SKU's last 30 days: units sold and returned per day (bars) and the stock at each day's
// end (line). ECharts through echarts/core with only the charts and parts used.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { stock } from '../../../wailsjs/go/models';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function StockChart({ days }: { days: stock.ChartDay[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 44, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('stock.drawer.sold'), t('stock.drawer.returned'), t('stock.drawer.stockLine')] },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('stock.drawer.sold'), nameTextStyle: { fontSize: 10 } },
        { type: 'value', minInterval: 1, name: t('stock.drawer.stockLine'), nameTextStyle: { fontSize: 10 }, splitLine: { show: false } },
      ],
      series: [
        { name: t('stock.drawer.sold'), type: 'bar', stack: 'units', data: days.map((d) => d.sold), itemStyle: { color: '#4096ff' } },
        { name: t('stock.drawer.returned'), type: 'bar', stack: 'units', data: days.map((d) => -d.returned), itemStyle: { color: '#ff7875' } },
        {
          name: t('stock.drawer.stockLine'),
          type: 'line',
          yAxisIndex: 1,
          step: 'end',
          connectNulls: false,
          data: days.map((d) => (d.stock === undefined || d.stock === null ? null : d.stock)),
          itemStyle: { color: '#52c41a' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days, t]);

  return <div ref={el} data-testid="stock-chart" style={{ width: '100%', height: 220 }} />;
}
