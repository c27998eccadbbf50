package dev.fairlead.org;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Create or change a rep. Phone accepts a Chinese mobile ({@code 13812345678}), a landline with
 * area code ({@code 021-62345678}) or E.164 ({@code +8613812345678}).
 */
public record RepCommand(
        @Schema(example = "3") @NotNull(message = "{validation.required}") Long teamId,
        @Schema(example = "王小明") @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        @Schema(example = "wang@example.com") @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size.max}") String email,
        @Schema(example = "13812345678") @Pattern(regexp = PHONE, message = "{validation.phone}") String phone,
        @NotNull(message = "{validation.required}") Tier tier,
        @Size(max = 30, message = "{validation.size.max}") List<@NotBlank @Size(max = 50) String> industries,
        @Size(max = 30, message = "{validation.size.max}") List<@NotBlank @Size(max = 50) String> products,
        @Size(max = 10, message = "{validation.size.max}")
                List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z]{2,4})?", message = "{validation.language}") String> languages,
        @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.min}") @Max(value = 1000, message = "{validation.max}") Integer weight,
        @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.min}") @Max(value = 100000, message = "{validation.max}") Integer maxOpenLeads,
        @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.min}") @Max(value = 10000, message = "{validation.max}") Integer maxNewPerDay,
        @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.min}") @Max(value = 100000, message = "{validation.max}") Integer maxNewPerMonth,
        @NotEmpty(message = "{validation.workingDays}") Set<DayOfWeek> workingDays,
        LocalDate hireDate,
        Boolean active,
        @Size(max = 200, message = "{validation.size.max}") List<@Valid @NotNull Territory> territories,
        Integer version) {

    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\+[1-9]\\d{6,14})$";

    public RepCommand {
        industries = industries == null ? List.of() : industries;
        products = products == null ? List.of() : products;
        languages = languages == null ? List.of() : languages;
        territories = territories == null ? List.of() : territories;
        active = active == null ? Boolean.TRUE : active;
        email = email == null || email.isBlank() ? null : email.trim();
        phone = phone == null || phone.isBlank() ? null : phone.replace(" ", "");
    }
}
