package dev.fairlead.insights;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.fairlead.common.PeriodKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a report's content in one language: to PDF from the Thymeleaf template {@code insights/report}
 * (openhtmltopdf on PDFBox, with Noto Sans SC embedded as a subset, so Chinese prints on any reader — the
 * font comes from the jar, never from the machine), and to XLSX ({@link ReportWorkbook}).
 */
@Component
public class ReportRenderer {

    static final String FONT = "Noto Sans SC";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    ReportRenderer(ITemplateEngine templates, MessageSource messages, Clock clock) {
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    public static boolean chinese(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage());
    }

    /** The unit as the reader calls it: the team's name, or "the company" in their language. */
    public String unitName(ReportContent content, Locale locale) {
        return content.unitName() != null ? content.unitName() : text("reports.company", locale);
    }

    /** "Weekly report", "Monthly report", or, for an export of the dashboard, "Insights" and the period. */
    public String title(ReportContent content, Locale locale, boolean export) {
        PeriodKind kind = content.period().kind();
        return text(export ? "reports.title.export." + kind : "reports.title." + kind, locale);
    }

    public byte[] pdf(ReportContent content, Locale locale, boolean export) {
        String html = html(content, locale, export);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("NotoSansSC-Regular.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("NotoSansSC-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] xlsx(ReportContent content, Locale locale, boolean export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(content, unitName(content, locale), title(content, locale, export), chinese(locale),
                key -> text(key, locale), this::when, out);
        return out.toByteArray();
    }

    String html(ReportContent content, Locale locale, boolean export) {
        Context context = new Context(locale);
        context.setVariable("c", content);
        context.setVariable("chinese", chinese(locale));
        context.setVariable("title", title(content, locale, export));
        context.setVariable("unitName", unitName(content, locale));
        context.setVariable("generatedAt", when(content.generatedAt()));
        context.setVariable("when", (Function<Instant, String>) this::when);
        return templates.process("insights/report", context);
    }

    String when(Instant instant) {
        return LocalDateTime.ofInstant(instant, clock.getZone()).format(WHEN);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static InputStream font(String name) {
        InputStream in = ReportRenderer.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("Font missing from the build: /fonts/" + name);
        }
        return in;
    }
}
