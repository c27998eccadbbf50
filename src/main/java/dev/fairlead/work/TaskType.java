package dev.fairlead.work;

/** A kind of task and the workload points an open one adds to its owner's load (used by least-loaded routing). */
public record TaskType(String code, String nameEn, String nameZh, int workloadPoints, int version) {

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
