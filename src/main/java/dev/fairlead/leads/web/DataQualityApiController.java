package dev.fairlead.leads.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.DataQualityService;
import dev.fairlead.leads.SetAsideItem;
import dev.fairlead.leads.SetAsideResolution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Data quality", description = "Optional lead fields set aside at intake because they failed their checks")
class DataQualityApiController {

    private final DataQualityService dataQuality;

    DataQualityApiController(DataQualityService dataQuality) {
        this.dataQuality = dataQuality;
    }

    @GetMapping("/data-quality")
    @Operation(operationId = "listDataQualityItems", summary = "Open data-quality items on the leads the caller may see, newest first, with how many are open in all")
    DataQualityService.Review review(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return dataQuality.review(Viewers.require(), page, size);
    }

    @GetMapping("/{id}/set-aside")
    @Operation(operationId = "listSetAsideFields", summary = "Every field set aside from this lead at intake, open ones first")
    List<SetAsideItem> forLead(@PathVariable long id) {
        return dataQuality.forLead(Viewers.require(), id);
    }

    @PostMapping("/data-quality/{itemId}")
    @Operation(operationId = "resolveDataQualityItem", summary = "Resolve an item: CORRECT stores the corrected value on the lead (checked like any lead field; 409 "
            + "when the lead has a value for the field by now), DISMISS drops it. Managers, directors and admins; audited.")
    SetAsideItem resolve(@PathVariable long itemId, @RequestBody SetAsideResolution resolution) {
        return dataQuality.resolve(Viewers.require(), itemId, resolution);
    }
}
