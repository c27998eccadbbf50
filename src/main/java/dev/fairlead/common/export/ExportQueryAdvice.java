package dev.fairlead.common.export;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page its query string as {@code exportQuery}, so a list's export links (fragments/export.html) carry its filters. */
@ControllerAdvice(annotations = Controller.class)
class ExportQueryAdvice {

    @ModelAttribute("exportQuery")
    String exportQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query;
    }
}
