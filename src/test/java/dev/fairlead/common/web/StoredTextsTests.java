package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

class StoredTextsTests {

    private final StoredTexts texts = new StoredTexts(bundles());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aTextFairleadWroteReadsInTheReadersLanguageWhateverLanguageItWasWrittenIn() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.render("Follow up: 云帆科技 · 赵芳")).isEqualTo("跟进：云帆科技 · 赵芳");
        assertThat(texts.render("公海 Company pool")).isEqualTo("公海");
        assertThat(texts.render("Default: every rep, least loaded")).isEqualTo("默认：全员最少负载");
        assertThat(texts.render("Decision maker")).isEqualTo("决策者");
        assertThat(texts.render("split of goal 17 (ORG, EQUAL): demo plan")).isEqualTo("分解目标 17（按组织，平均）：demo plan");
        assertThat(texts.render("Rule set v2, rule '华东 A/B': tierGroup")).isEqualTo("分配规则 v2，规则「华东 A/B」");
        assertThat(texts.render("moved by hand — Rule set v2, rule '华东 A/B': tierGroup")).isEqualTo("moved by hand");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.render("跟进：云帆科技 · 赵芳")).isEqualTo("Follow up: 云帆科技 · 赵芳");
        assertThat(texts.render("公海 Company pool")).isEqualTo("Company pool");
        assertThat(texts.render("Released: 多次联系不上")).isEqualTo("Released: 多次联系不上");
    }

    @Test
    void whatAPersonTypedIsShownAsTyped() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.render("Call back about the quote")).isEqualTo("Call back about the quote");
        assertThat(texts.render("华东公海 East pool")).isEqualTo("华东公海 East pool");
        assertThat(texts.render(null)).isEmpty();
    }

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/work", "classpath:i18n/scoring", "classpath:i18n/audit");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
