// Rule editor: remove a condition row (adding one is the shared data-add-row helper in app.js).
document.addEventListener('click', function (event) {
    const remove = event.target.closest('[data-remove-condition]');
    if (remove) {
        remove.closest('.condition-row').remove();
        event.preventDefault();
    }
});

// Backtest: leads and expected value per rep, the rule set under test next to the active one.
window.fairleadBacktestChart = function (el) {
    if (!el || !window.echarts || el.dataset.drawn) {
        return;
    }
    const data = JSON.parse(el.dataset.chart);
    el.dataset.drawn = 'true';
    echarts.init(el).setOption({
        animation: false,
        tooltip: {trigger: 'axis'},
        legend: {top: 0},
        grid: {left: 60, right: 60, bottom: 80},
        xAxis: {type: 'category', data: data.reps, axisLabel: {rotate: 40}},
        yAxis: [{type: 'value', name: el.dataset.leads}, {type: 'value', name: el.dataset.value}],
        series: [
            {name: el.dataset.candidate + ' · ' + el.dataset.leads, type: 'bar', data: data.candidateLeads},
            {name: el.dataset.active + ' · ' + el.dataset.leads, type: 'bar', data: data.activeLeads},
            {name: el.dataset.candidate + ' · ' + el.dataset.value, type: 'line', yAxisIndex: 1, data: data.candidateValue},
            {name: el.dataset.active + ' · ' + el.dataset.value, type: 'line', yAxisIndex: 1, data: data.activeValue}
        ]
    });
};

// The backtest chart draws when the page loads and again when htmx swaps in a new result
// (no inline script: the Content-Security-Policy allows none without a nonce).
(function () {
    const draw = () => window.fairleadBacktestChart(document.getElementById('backtest-chart'));
    draw();
    document.addEventListener('htmx:afterSettle', draw);
})();
