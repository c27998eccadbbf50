package dev.fairlead.common.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's data as JSON for a {@code <script type="application/json" id="CHART-data">} element of the page,
 * which {@code /js/charts.js} draws with ECharts into the element {@code CHART}. Controllers put the text in the
 * model and the template writes it with {@code th:utext="${xChartJson}"} (Thymeleaf refuses bean calls inside a
 * script element). Such an element is data, not script, so it needs no nonce; {@code <}, {@code >} and {@code &}
 * are escaped so a name in the data cannot close the element. Tests read the same element to check what a chart is given.
 */
@Component("chartJson")
public class ChartJson {

    private final JsonMapper json;

    ChartJson(JsonMapper json) {
        this.json = json;
    }

    public String of(Object data) {
        return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
