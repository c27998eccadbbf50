package dev.fairlead.common.export;

import java.io.IOException;
import java.util.List;

/** Writes a header and then rows, one at a time, to the response; {@link #finish} ends the file. */
interface TableWriter {

    void row(List<Object> cells) throws IOException;

    void finish() throws IOException;
}
