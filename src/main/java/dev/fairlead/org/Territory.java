package dev.fairlead.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An area a rep covers. Province and city codes are stored in the six-digit national form
 * ({@code 440000} Guangdong, {@code 440300} Shenzhen); postal codes as a prefix of 1–6 digits.
 */
public record Territory(@NotNull TerritoryKind kind, @NotBlank @Size(max = 12) String code) {}
