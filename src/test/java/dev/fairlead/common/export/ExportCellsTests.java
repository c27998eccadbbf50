package dev.fairlead.common.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportCellsTests {

    enum Colour { RED, BLUE }

    final Map<String, String> zh = Map.of("colour.RED", "红色", "export.yes", "是", "head", "=表头");
    final ExportCells cells = new ExportCells(ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE,
            (key, locale) -> zh.getOrDefault(key, key));

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        ExportColumn<String> column = ExportColumn.of("head", s -> s);

        assertThat(cells.cell(column, "=1+1")).isEqualTo("'=1+1");
        assertThat(cells.cell(column, "+86 138")).isEqualTo("'+86 138");
        assertThat(cells.cell(column, "-2")).isEqualTo("'-2");
        assertThat(cells.cell(column, "@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cells.cell(column, "\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(cells.cell(column, "上海=好")).isEqualTo("上海=好");
        assertThat(cells.header(column)).isEqualTo("'=表头");
    }

    @Test
    void numbersStayNumbersAndNegativeOnesAreNotTouched() {
        ExportColumn<Object> column = ExportColumn.of("head", o -> o);

        assertThat(cells.cell(column, -5)).isEqualTo(-5);
        assertThat(cells.cell(column, new BigDecimal("12.50"))).isEqualTo(new BigDecimal("12.50"));
        assertThat(cells.cell(column, null)).isNull();
    }

    @Test
    void labelsTimesAndBooleansReadInTheViewersLanguageAndZone() {
        assertThat(cells.cell(ExportColumn.labelled("head", "colour.", o -> o), Colour.RED)).isEqualTo("红色");
        assertThat(cells.cell(ExportColumn.labelled("head", "colour.", o -> o), Colour.BLUE)).isEqualTo("BLUE");
        assertThat(cells.cell(ExportColumn.of("head", o -> o), Instant.parse("2026-12-07T16:30:00Z"))).isEqualTo("2026-12-08 00:30:00");
        assertThat(cells.cell(ExportColumn.of("head", o -> o), true)).isEqualTo("是");
    }
}
