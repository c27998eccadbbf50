package dev.fairlead.intake.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEncodingTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void recognisesGbkAsExcelOnChineseWindowsWritesIt() {
        assertThat(CsvEncoding.detect("公司,联系人\n云帆科技,张伟\n".getBytes(GBK))).isEqualTo(GBK);
    }

    @Test
    void recognisesUtf8WithAndWithoutBom() {
        byte[] plain = "公司,联系人\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(CsvEncoding.detect(plain)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.detect(bom)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aCharacterCutAtTheEndOfTheSampleIsStillUtf8() {
        byte[] text = "联系人张伟".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvEncoding.detect(Arrays.copyOf(text, text.length - 1))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void streamsAGbkFileIntoChineseCells() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "公司;联系人;电话\n\"广州珠江食品有限公司\";陈晓;13922220001\n\n深圳南山电子;李强\n".getBytes(GBK));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();

        Charset charset = CsvEncoding.detect(file);
        char separator = SpreadsheetReader.csvSeparator(file, charset);
        SpreadsheetReader.read(file, SpreadsheetFormat.CSV, charset, separator, new RowSink() {
            @Override
            public void header(List<String> cells) {
                rows.add(cells);
            }

            @Override
            public boolean row(int rowNumber, List<String> cells, double progress) {
                numbers.add(rowNumber);
                rows.add(cells);
                return true;
            }
        });

        assertThat(separator).isEqualTo(';');
        assertThat(rows).containsExactly(List.of("公司", "联系人", "电话"), List.of("广州珠江食品有限公司", "陈晓", "13922220001"),
                List.of("深圳南山电子", "李强"));
        assertThat(numbers).containsExactly(2, 4);
    }
}
