// A goal's gauge (share of target reached) and its trend line (running actual against linear pace).
function fairleadGoalCharts(gaugeId, trendId, data) {
    if (!window.echarts) return;
    const gauge = document.getElementById(gaugeId);
    if (gauge) {
        echarts.init(gauge).setOption({
            series: [{type: 'gauge', min: 0, max: Math.max(100, data.percent), progress: {show: true},
                detail: {formatter: '{value}%', fontSize: 18}, data: [{value: data.percent}]}]
        });
    }
    const trend = document.getElementById(trendId);
    if (trend && data.labels && data.labels.length) {
        echarts.init(trend).setOption({
            tooltip: {trigger: 'axis'}, legend: {bottom: 0},
            grid: {left: 50, right: 10, top: 10, bottom: 40},
            xAxis: {type: 'category', data: data.labels},
            yAxis: {type: 'value'},
            series: [{name: data.actualName, type: 'line', data: data.actual},
                     {name: data.paceName, type: 'line', lineStyle: {type: 'dashed'}, symbol: 'none', data: data.pace}]
        });
    }
}
