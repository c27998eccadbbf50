package dev.fairlead.leads;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A lead as it arrives. Province and city accept short or six-digit codes; phone is a Chinese mobile, landline or E.164. */
public record LeadCommand(
        @NotNull(message = "{validation.required}") LeadSource source,
        @Schema(example = "上海明远机械有限公司") @Size(max = 200, message = "{validation.size.max}") String company,
        @Schema(example = "陈静") @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String contactName,
        @Size(max = 100, message = "{validation.size.max}") String title,
        @Schema(description = "A phone or an e-mail is needed to reach the lead", example = "13912345678") @Pattern(regexp = PHONE, message = "{validation.phone}") String phone,
        @Pattern(regexp = EMAIL, message = "{validation.email}")
                @Size(max = 254, message = "{validation.size.max}") String email,
        @Size(max = 50, message = "{validation.size.max}") String industry,
        CompanySize companySize,
        @Schema(description = "GB/T 2260 province code (GET /api/divisions/provinces)", example = "31") String provinceCode,
        @Schema(description = "GB/T 2260 city code (GET /api/divisions/cities)", example = "3101") String cityCode,
        @Pattern(regexp = "\\d{6}", message = "{validation.postalCode}") String postalCode,
        @Size(max = 50, message = "{validation.size.max}") String productInterest,
        @DecimalMin(value = "0", message = "{validation.min}") @DecimalMax(value = "999999999999", message = "{validation.max}")
                @Digits(integer = 12, fraction = 2, message = "{lead.budget.digits}") BigDecimal budget,
        @Size(max = 100, message = "{validation.size.max}") List<@Valid @NotNull Behaviour> behaviours) {

    /** A local part, an @ and a domain with at least one dot; @Email alone accepts "a@b". */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\+[1-9]\\d{6,14})$";

    public LeadCommand {
        behaviours = behaviours == null ? List.of() : behaviours;
        company = blankToNull(company);
        title = blankToNull(title);
        phone = phone == null || phone.isBlank() ? null : phone.replace(" ", "");
        email = blankToNull(email);
        contactName = contactName == null ? null : contactName.trim();
        industry = blankToNull(industry);
        provinceCode = blankToNull(provinceCode);
        cityCode = blankToNull(cityCode);
        postalCode = blankToNull(postalCode);
        productInterest = blankToNull(productInterest);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
