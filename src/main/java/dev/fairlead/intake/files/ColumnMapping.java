package dev.fairlead.intake.files;

import dev.fairlead.leads.LeadField;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes which column holds which lead field from the header row, in Chinese or English, with the
 * synonyms people use ("公司名称", "手机号码", "E-mail", "预算(元)" …). People confirm or change it.
 */
public final class ColumnMapping {

    private static final Map<String, LeadField> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms(LeadField.COMPANY, "公司", "公司名称", "企业", "企业名称", "单位", "单位名称", "客户名称", "客户公司", "company",
                "companyname", "company name", "organization", "organisation", "account", "accountname", "firm");
        synonyms(LeadField.CONTACT_NAME, "联系人", "姓名", "联系人姓名", "客户姓名", "名字", "contact", "contactname", "contact name",
                "name", "fullname", "full name", "person");
        synonyms(LeadField.TITLE, "职位", "职务", "头衔", "岗位", "title", "jobtitle", "job title", "position", "role");
        synonyms(LeadField.PHONE, "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "联系方式", "座机", "phone", "mobile", "tel",
                "telephone", "phonenumber", "phone number", "mobilephone", "mobile phone", "cell");
        synonyms(LeadField.EMAIL, "邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "email", "e-mail", "mail", "emailaddress",
                "email address");
        synonyms(LeadField.INDUSTRY, "行业", "所属行业", "行业类别", "industry", "sector", "vertical");
        synonyms(LeadField.COMPANY_SIZE, "规模", "公司规模", "企业规模", "人数", "员工人数", "员工数", "companysize", "company size", "size",
                "employees", "headcount", "staff");
        synonyms(LeadField.PROVINCE, "省份", "省", "所在省份", "省份代码", "province", "state", "region");
        synonyms(LeadField.CITY, "城市", "市", "所在城市", "城市代码", "city", "town");
        synonyms(LeadField.POSTAL_CODE, "邮编", "邮政编码", "postalcode", "postal code", "zip", "zipcode", "zip code", "postcode");
        synonyms(LeadField.PRODUCT_INTEREST, "意向产品", "产品", "感兴趣的产品", "产品意向", "需求产品", "product", "productinterest",
                "product interest", "interest", "interested in");
        synonyms(LeadField.BUDGET, "预算", "预算金额", "采购预算", "budget", "budgetamount", "budget amount", "amount");
        synonyms(LeadField.SOURCE, "来源", "线索来源", "渠道", "来源渠道", "source", "leadsource", "lead source", "channel");
        synonyms(LeadField.BEHAVIOUR, "行为", "最近行为", "互动", "互动行为", "behaviour", "behavior", "activity", "lastactivity",
                "last activity");
        synonyms(LeadField.BEHAVIOUR_AT, "行为时间", "互动时间", "活动时间", "最近行为时间", "behaviourtime", "behaviour time",
                "behaviortime", "behavior time", "activitytime", "activity time", "activitydate", "activity date");
    }

    private ColumnMapping() {}

    private static void synonyms(LeadField field, String... names) {
        for (String name : names) {
            SYNONYMS.put(normalise(name), field);
        }
    }

    /** Column index → field for every header recognised; each field taken by its first column only. */
    public static Map<Integer, LeadField> propose(List<String> headers) {
        Map<Integer, LeadField> mapping = new LinkedHashMap<>();
        Set<LeadField> taken = EnumSet.noneOf(LeadField.class);
        for (int i = 0; i < headers.size(); i++) {
            LeadField field = field(headers.get(i));
            if (field != null && taken.add(field)) {
                mapping.put(i, field);
            }
        }
        return mapping;
    }

    /** The field a header names, or null. */
    public static LeadField field(String header) {
        if (header == null) {
            return null;
        }
        String key = normalise(header);
        LeadField direct = SYNONYMS.get(key);
        if (direct != null) {
            return direct;
        }
        for (LeadField f : LeadField.values()) {
            if (normalise(f.name()).equals(key) || normalise(f.property()).equals(key)) {
                return f;
            }
        }
        return null;
    }

    /** Half-width, lower case, without spaces, underscores, required-markers and a unit in brackets: "预算（元）*" → "预算". */
    static String normalise(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        s = s.replaceAll("\\(.*?\\)|\\[.*?]", "");
        return s.replaceAll("[\\s_*:：.\\-]+", "").replace("\uFEFF", "");
    }
}
