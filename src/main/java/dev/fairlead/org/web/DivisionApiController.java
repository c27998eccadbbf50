package dev.fairlead.org.web;

import dev.fairlead.org.ChinaDivisions;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Territories", description = "China's administrative divisions for territory codes")
class DivisionApiController {

    private final ChinaDivisions divisions;

    DivisionApiController(ChinaDivisions divisions) {
        this.divisions = divisions;
    }

    @GetMapping("/api/divisions/provinces")
    List<ChinaDivisions.Division> provinces() {
        return divisions.provinces();
    }

    @GetMapping("/api/divisions/cities")
    List<ChinaDivisions.Division> cities(@RequestParam String province) {
        return divisions.cities(province);
    }
}
