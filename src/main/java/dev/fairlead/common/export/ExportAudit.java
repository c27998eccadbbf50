package dev.fairlead.common.export;

import dev.fairlead.common.Viewer;
import java.util.Map;

/** Records that a viewer exported a list (the audit module provides it, so the kernel needs no audit). */
public interface ExportAudit {

    void exported(Viewer viewer, String list, ExportFormat format, Map<String, ?> filters, long rows, boolean complete);
}
