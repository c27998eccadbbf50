// Charts drawn from data in the page: each <div data-chart="bars|lorenz" id="X"> is drawn with ECharts from the
// JSON in <script type="application/json" id="X-data"> (see ChartJson). The table beside each chart holds the same
// figures for readers without a canvas. Data: {labels, series: [{name, type, data, dashed, stack}], xName, yName}
// for bars and lines over categories; {series: [{name, data: [[x, y], ...], dashed}]} over shares 0..1 for a Lorenz curve.
(function () {
    function options(kind, d) {
        const series = d.series.map(s => ({
            name: s.name, type: s.type || (kind === 'lorenz' ? 'line' : 'bar'), data: s.data, stack: s.stack || undefined,
            symbol: s.dashed ? 'none' : 'circle', lineStyle: s.dashed ? {type: 'dashed'} : undefined, smooth: false
        }));
        const common = {tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {left: 50, right: 16, top: 24, bottom: 56}, series: series};
        if (kind === 'lorenz') {
            return Object.assign(common, {
                xAxis: {type: 'value', min: 0, max: 1, name: d.xName, nameLocation: 'middle', nameGap: 24},
                yAxis: {type: 'value', min: 0, max: 1, name: d.yName}
            });
        }
        return Object.assign(common, {
            xAxis: {type: 'category', data: d.labels, name: d.xName, axisLabel: {interval: 'auto', hideOverlap: true}},
            yAxis: {type: 'value', name: d.yName, minInterval: d.integers ? 1 : undefined}
        });
    }

    function draw() {
        if (!window.echarts) return;
        document.querySelectorAll('[data-chart]').forEach(el => {
            const source = document.getElementById(el.id + '-data');
            if (!source || el.dataset.drawn) return;
            const d = JSON.parse(source.textContent);
            if (!d.series || !d.series.length) return;
            el.dataset.drawn = 'true';
            const chart = echarts.init(el);
            chart.setOption(options(el.dataset.chart, d));
            window.addEventListener('resize', () => chart.resize());
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
