package dev.fairlead.org;

import dev.fairlead.common.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or change a login. A manager needs the team they manage; a rep user is linked to a rep
 * profile. {@code password} is required on create and optional on update (blank keeps it).
 */
public record UserCommand(
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{validation.username}") String username,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String displayName,
        @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size.max}") String email,
        @NotNull(message = "{validation.required}") Role role,
        Long teamId,
        Long repId,
        @Pattern(regexp = "en|zh-CN", message = "{validation.locale}") String locale,
        Boolean enabled,
        @Size(max = 200, message = "{validation.size.max}") String password,
        Integer version) {

    public UserCommand {
        locale = locale == null || locale.isBlank() ? "en" : locale;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        email = email == null || email.isBlank() ? null : email.trim();
    }
}
