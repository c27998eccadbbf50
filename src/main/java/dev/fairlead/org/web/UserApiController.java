package dev.fairlead.org.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "Logins and roles (admin only, except /api/me)")
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @Operation(operationId = "getMe")
    @GetMapping("/api/me")
    User me() {
        var viewer = Viewers.require();
        return users.get(viewer, viewer.userId());
    }

    @Operation(operationId = "listUsers")
    @GetMapping("/api/users")
    List<User> list() {
        return users.list(Viewers.require());
    }

    @Operation(operationId = "getUser")
    @GetMapping("/api/users/{id}")
    User get(@PathVariable long id) {
        return users.get(Viewers.require(), id);
    }

    @Operation(operationId = "createUser")
    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    User create(@RequestBody UserCommand cmd) {
        return users.create(Viewers.require(), cmd);
    }

    @Operation(operationId = "updateUser")
    @PutMapping("/api/users/{id}")
    User update(@PathVariable long id, @RequestBody UserCommand cmd) {
        return users.update(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "unlockUser")
    @PostMapping("/api/users/{id}/unlock")
    User unlock(@PathVariable long id) {
        return users.unlock(Viewers.require(), id);
    }
}
