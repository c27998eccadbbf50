package dev.fairlead.intake.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which encoding a CSV file uses: UTF-8 (with or without BOM) when its first 64 KiB decode as
 * UTF-8, else GBK, which is what Excel on Chinese Windows writes. People can override it.
 */
public final class CsvEncoding {

    public static final Charset GBK = Charset.forName("GBK");
    private static final int SAMPLE = 64 * 1024;

    private CsvEncoding() {}

    public static Charset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SAMPLE));
        }
    }

    static Charset detect(byte[] sample) {
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not end of input: a character cut at the end of the sample is not an error.
        CoderResult result = utf8.decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length + 1), false);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }

    /** The field separator the header line uses most: comma, semicolon or tab. */
    public static char separator(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
